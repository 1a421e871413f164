import type { Signal } from "@/lib/diagnosis";
import { segmentPaste } from "../paste/paste-segments";
import { SignalMarkedText } from "../paste/signal-marked-text";
import { formatBytes } from "../ui/format-bytes";

/**
 * A large stored paste, folded around its signals and rendered on the server only: the page carries the
 * visible stretches, not the whole text (nor a copy of it for the share and packet controls).
 */
export function LargePaste({ id, text, signals }: { id: string; text: string; signals: readonly Signal[] }) {
  return (
    <section aria-labelledby="large-paste-heading" className="min-w-0 space-y-2">
      <h3 id="large-paste-heading" className="text-sm font-semibold">
        The paste (redacted)
      </h3>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        This paste is {formatBytes(new TextEncoder().encode(text).length)}, so it is shown folded around what
        decided the diagnosis. The whole redacted text is at{" "}
        <code className="font-mono">/api/permalinks/{id}</code>.
      </p>
      <SignalMarkedText segments={segmentPaste(text, signals)} />
    </section>
  );
}

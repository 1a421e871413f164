import type { Signal } from "@/lib/diagnosis";
import { formatBytes } from "../ui/format-bytes";
import { HighlightedPaste } from "../paste/highlighted-paste";

/**
 * A large stored paste, folded around its signals and rendered on the server only: the page carries the
 * visible stretches, not the whole text (nor a copy of it for the share and packet controls).
 */
export function LargePaste({ id, text, signals }: { id: string; text: string; signals: readonly Signal[] }) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        This paste is {formatBytes(new TextEncoder().encode(text).length)}, so it is shown folded around what
        decided the diagnosis. The whole redacted text is at{" "}
        <code className="font-mono">/api/permalinks/{id}</code>.
      </p>
      <HighlightedPaste text={text} signals={signals} />
    </div>
  );
}

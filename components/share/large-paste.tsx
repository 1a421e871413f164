import type { Signal } from "@/lib/diagnosis";
import { MarkedText } from "../paste/marked-text";
import { segmentPaste } from "../paste/paste-segments";
import { formatBytes } from "../ui/format-bytes";

function formatGap(chars: number, lines: number): string {
  const size = chars >= 1024 ? `${Math.round(chars / 1024)}K characters` : `${chars} characters`;
  return lines > 0 ? `… ${lines.toLocaleString("en")} lines (${size}) not shown …` : `… ${size} not shown …`;
}

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
      <MarkedText
        segments={segmentPaste(text, signals)}
        label="Pasted text with signals highlighted"
        maxHeightClass="max-h-[28rem]"
        describeGap={formatGap}
        markTitle={(marks) => marks.join("; ")}
        markData="data-signal"
        markClassName="rounded-sm bg-amber-200 px-0.5 text-zinc-950 ring-1 ring-amber-400/60 dark:bg-amber-400/25 dark:text-amber-50"
      />
    </section>
  );
}

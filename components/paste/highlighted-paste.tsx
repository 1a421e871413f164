import { MarkedText } from "./marked-text";
import type { Signal } from "@/lib/diagnosis";
import { segmentPaste } from "./paste-segments";

function formatGap(chars: number, lines: number): string {
  const size = chars >= 1024 ? `${Math.round(chars / 1024)}K characters` : `${chars} characters`;
  return lines > 0 ? `… ${lines.toLocaleString("en")} lines (${size}) not shown …` : `… ${size} not shown …`;
}

/** The diagnosed paste with the deciding signals marked; text is rendered as text, never as HTML. */
export function HighlightedPaste({ text, signals }: { text: string; signals: readonly Signal[] }) {
  const segments = segmentPaste(text, signals);
  const labels = [...new Set(signals.map((s) => s.label))];
  return (
    <section aria-labelledby="paste-heading" className="min-w-0">
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id="paste-heading" className="text-sm font-semibold">
          Your paste
        </h3>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {labels.length > 0
            ? `${labels.length} deciding signal${labels.length === 1 ? "" : "s"} highlighted`
            : "No signal was found in it"}
        </p>
      </div>
      {labels.length > 0 ? (
        <ul aria-label="Deciding signals" className="mb-2 flex flex-wrap gap-1.5">
          {labels.map((label) => (
            <li
              key={label}
              className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-400/15 dark:text-amber-200"
            >
              {label}
            </li>
          ))}
        </ul>
      ) : null}
      <MarkedText
        segments={segments}
        label="Pasted text with signals highlighted"
        maxHeightClass="max-h-[28rem]"
        describeGap={formatGap}
        markTitle={(labels) => labels.join("; ")}
        markData="data-signal"
        markClassName="rounded-sm bg-amber-200 px-0.5 text-zinc-950 ring-1 ring-amber-400/60 dark:bg-amber-400/25 dark:text-amber-50"
      />
    </section>
  );
}

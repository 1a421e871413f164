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
      <pre
        tabIndex={0}
        aria-label="Pasted text with signals highlighted"
        className="paste-text max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200"
      >
        {segments.map((segment) => {
          if (segment.kind === "text") return <span key={segment.start}>{segment.text}</span>;
          if (segment.kind === "gap") {
            return (
              <span
                key={segment.start}
                className="my-1 block select-none text-center italic text-zinc-500 dark:text-zinc-400"
              >
                {formatGap(segment.omittedChars, segment.omittedLines)}
              </span>
            );
          }
          return (
            <mark
              key={segment.start}
              title={segment.labels.join("; ")}
              data-signal={segment.labels.join("; ")}
              className="rounded-sm bg-amber-200 px-0.5 text-zinc-950 ring-1 ring-amber-400/60 dark:bg-amber-400/25 dark:text-amber-50"
            >
              {segment.text}
            </mark>
          );
        })}
      </pre>
    </section>
  );
}

import type { PasteSegment } from "./paste-segments";

/**
 * A long text with some spans marked, rendered as text (never as HTML) in a scrollable block. The paste with
 * its deciding signals and the redaction preview both render through it; they differ in colour and wording.
 */
export function MarkedText({
  segments,
  label,
  maxHeightClass,
  describeGap,
  markClassName,
  markTitle,
  markData,
}: {
  segments: readonly PasteSegment[];
  label: string;
  maxHeightClass: string;
  describeGap: (omittedChars: number, omittedLines: number) => string;
  markClassName: string;
  markTitle: (labels: readonly string[]) => string;
  /** The data attribute each mark carries its labels in (tests and styles find marks by it). */
  markData: "data-signal" | "data-redacted";
}) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className={`paste-text ${maxHeightClass} overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200`}
    >
      {segments.map((segment) => {
        if (segment.kind === "text") return <span key={segment.start}>{segment.text}</span>;
        if (segment.kind === "gap") {
          return (
            <span
              key={segment.start}
              className="my-1 block select-none text-center italic text-zinc-500 dark:text-zinc-400"
            >
              {describeGap(segment.omittedChars, segment.omittedLines)}
            </span>
          );
        }
        if (segment.kind === "secret") {
          // Masked: the placeholder names the kind, never a character of the value. Revealed: the value,
          // still marked so the reader sees what to rotate.
          return segment.text === null ? (
            <span
              key={segment.start}
              data-secret={segment.label}
              className="mx-px rounded-sm bg-zinc-800 px-1 font-sans text-[11px] font-medium whitespace-nowrap text-white dark:bg-zinc-200 dark:text-zinc-900"
            >
              {`•••• ${segment.label} #${segment.n} hidden`}
            </span>
          ) : (
            <mark
              key={segment.start}
              data-secret={segment.label}
              title={`${segment.label} #${segment.n}`}
              className="rounded-sm bg-rose-100 px-0.5 text-rose-950 ring-1 ring-rose-400 dark:bg-rose-400/25 dark:text-rose-50"
            >
              {segment.text}
            </mark>
          );
        }
        return (
          <mark
            key={segment.start}
            title={markTitle(segment.labels)}
            {...{ [markData]: segment.labels.join("; ") }}
            className={markClassName}
          >
            {segment.text}
          </mark>
        );
      })}
    </pre>
  );
}

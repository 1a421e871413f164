import type { PacketFinding } from "./packet-action-types";
import { redactionSegments, redactionSummary } from "./redaction-segments";

/** The redacted paste with every removed span marked: what a packet will hold, before it leaves the page. */
export function RedactionPreview({ text, findings }: { text: string; findings: readonly PacketFinding[] }) {
  const segments = redactionSegments(text, findings);
  const summary = redactionSummary(findings);
  const total = findings.reduce((n, f) => n + f.count, 0);
  return (
    <section aria-labelledby="redaction-heading" className="min-w-0">
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h4 id="redaction-heading" className="text-sm font-semibold">
          Redaction preview
        </h4>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {summary ? `${total} removed: ${summary}` : "Nothing needed removing."}
        </p>
      </div>
      <pre
        tabIndex={0}
        aria-label="Redacted paste, removed content marked"
        className="paste-text max-h-[24rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200"
      >
        {segments.map((segment) => {
          if (segment.kind === "text") return <span key={segment.start}>{segment.text}</span>;
          if (segment.kind === "gap") {
            return (
              <span
                key={segment.start}
                className="my-1 block select-none text-center italic text-zinc-500 dark:text-zinc-400"
              >
                … {segment.omittedChars.toLocaleString("en")} characters with nothing removed not shown …
              </span>
            );
          }
          return (
            <mark
              key={segment.start}
              title={`Removed: ${segment.labels.join("; ")}`}
              data-redacted={segment.labels.join("; ")}
              className="rounded-sm bg-rose-100 px-0.5 text-rose-950 ring-1 ring-rose-300 dark:bg-rose-400/20 dark:text-rose-50 dark:ring-rose-400/40"
            >
              {segment.text}
            </mark>
          );
        })}
      </pre>
    </section>
  );
}

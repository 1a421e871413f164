import { MarkedText } from "../paste/marked-text";
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
      <MarkedText
        segments={segments}
        label="Redacted paste, removed content marked"
        maxHeightClass="max-h-[24rem]"
        describeGap={(chars) => `… ${chars.toLocaleString("en")} characters with nothing removed not shown …`}
        markTitle={(labels) => `Removed: ${labels.join("; ")}`}
        markData="data-redacted"
        markClassName="rounded-sm bg-rose-100 px-0.5 text-rose-950 ring-1 ring-rose-300 dark:bg-rose-400/20 dark:text-rose-50 dark:ring-rose-400/40"
      />
    </section>
  );
}

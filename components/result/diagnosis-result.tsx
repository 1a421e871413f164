import type { Diagnosis } from "@/lib/diagnosis";
import type { RetryContext, RetryPlan } from "@/lib/retry/schema";
import type { StatusContext } from "@/lib/status/context";
import { BranchCard } from "./branch-card";
import { ConfidenceBadge } from "./confidence-badge";
import { EvidenceTable } from "./evidence-table";
import { HighlightedPaste } from "../paste/highlighted-paste";
import { OccurrenceList } from "./occurrence-list";
import { PacketPanel } from "../packet/packet-panel";
import { RetryPanel } from "../retry/retry-panel";
import { ShareButton } from "../share/share-button";
import { StatusContextLine } from "../status/status-context-line";

/** A whole diagnosis; `paste` is the text it was made from, or null where the page does not have it. */
export function DiagnosisResult({
  diagnosis,
  paste,
}: {
  /** `statusContext` is present on a full report (lib/report.ts); null or absent shows no status line. */
  diagnosis: Diagnosis & {
    statusContext?: StatusContext | null;
    /** A full report's retry plan and the context it was made for; absent shows no retry panel. */
    retry?: RetryPlan;
    retryContext?: RetryContext;
  };
  paste: string | null;
}) {
  return (
    <article aria-labelledby="diagnosis-headline" className="space-y-5">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="rounded bg-zinc-900 px-2 py-0.5 font-mono font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
            {diagnosis.branch}
            {diagnosis.variant ? `:${diagnosis.variant}` : ""}
          </span>
          <ConfidenceBadge confidence={diagnosis.confidence} />
        </div>
        <h2 id="diagnosis-headline" className="text-lg font-semibold leading-snug tracking-tight">
          {diagnosis.headline}
        </h2>
        {paste !== null ? (
          <ShareButton
            text={paste}
            occurredAt={diagnosis.evidence.occurredAt}
            retryContext={diagnosis.retryContext ?? null}
          />
        ) : null}
      </header>
      <StatusContextLine context={diagnosis.statusContext ?? null} evidence={diagnosis.evidence} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <BranchCard card={diagnosis.card} />
        <EvidenceTable evidence={diagnosis.evidence} />
      </div>
      {diagnosis.retry && diagnosis.retryContext ? (
        <RetryPanel diagnosis={diagnosis} plan={diagnosis.retry} context={diagnosis.retryContext} />
      ) : null}
      {diagnosis.occurrences.length > 1 ? (
        <OccurrenceList occurrences={diagnosis.occurrences} text={paste} />
      ) : null}
      {paste !== null ? <HighlightedPaste text={paste} signals={diagnosis.signals} /> : null}
      {paste !== null ? <PacketPanel paste={paste} occurredAt={diagnosis.evidence.occurredAt} /> : null}
      <p className="text-[11px] text-zinc-500 dark:text-zinc-400">Classifier {diagnosis.classifierVersion}</p>
    </article>
  );
}

import type { Diagnosis, Occurrence } from "@/lib/diagnosis";
import type { PasteSecret } from "@/lib/paste-secrets";
import type { RetryContext, RetryPlan } from "@/lib/retry/schema";
import type { StatusContext } from "@/lib/status/context";
import { PacketPanel } from "../packet/packet-panel";
import { PasteView } from "../paste/paste-view";
import { RetryPanel, retryHint } from "../retry/retry-panel";
import { ShareButton } from "../share/share-button";
import { StatusContextLine } from "../status/status-context-line";
import { Disclosure } from "../ui/disclosure";
import { BranchCard } from "./branch-card";
import { EvidenceTable } from "./evidence-table";
import { OccurrenceList } from "./occurrence-list";
import { SecretsNotice } from "./secrets-notice";
import { VerdictBlock } from "./verdict-block";
import type { Verdict } from "@/lib/verdict/schema";
import { RichText } from "../ui/rich-text";

/** What a result can show: a diagnosis, and on a full report its retry plan, status reading and verdict. */
export type ResultReport = Diagnosis & {
  /** `statusContext` is present on a full report (lib/report.ts); null or absent shows no status line. */
  statusContext?: StatusContext | null;
  /** A full report's retry plan and the context it was made for; absent shows no retry panel. */
  retry?: RetryPlan;
  retryContext?: RetryContext;
  /** The one answer a person acts on (lib/verdict); every report carries one. */
  verdict: Verdict;
};

function evidenceHint(diagnosis: Diagnosis): string {
  const { evidence } = diagnosis;
  const facts = [
    evidence.status !== null ? String(evidence.status) : null,
    evidence.errorType,
    evidence.model,
    evidence.requestIds.length > 0
      ? `${evidence.requestIds.length} request id${evidence.requestIds.length === 1 ? "" : "s"}`
      : null,
  ].filter((fact): fact is string => fact !== null);
  return facts.length > 0 ? facts.join(" · ") : "no status, type or request id in the paste";
}

function pasteHint(diagnosis: Diagnosis, secrets: readonly PasteSecret[]): string {
  const signals = new Set(diagnosis.signals.map((s) => s.label)).size;
  const parts = [
    signals > 0 ? `${signals} signal${signals === 1 ? "" : "s"} highlighted` : "no signal found",
  ];
  if (secrets.length > 0) parts.push(`${secrets.length} secret${secrets.length === 1 ? "" : "s"} masked`);
  return parts.join(" · ");
}

/**
 * The occurrences worth a row: one the classifier could not name and that shows no status, type or request id
 * tells the reader nothing (a stray "API Error" prefix), so it is not listed.
 */
function readableOccurrences(occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.filter(
    (o) => o.branch !== "unknown" || o.status !== null || o.errorType !== null || o.requestId !== null,
  );
}

/** The verdict's further moves and what would change it, above the branch's own steps. */
function NowAndIf({ view }: { view: Verdict }) {
  const more = view.doNow.slice(1);
  if (more.length === 0 && view.changesIf.length === 0) return null;
  return (
    <div className="mb-3 space-y-2 border-b border-zinc-200 pb-3 text-sm leading-relaxed dark:border-zinc-800">
      {more.length > 0 ? (
        <div>
          <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Also now</p>
          <ul className="list-disc space-y-1 pl-4">
            {more.map((step) => (
              <li key={step}>
                <RichText text={step} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.changesIf.length > 0 ? (
        <div>
          <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">This changes if</p>
          <ul className="list-disc space-y-1 pl-4">
            {view.changesIf.map((change) => (
              <li key={change}>
                <RichText text={change} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/**
 * A whole diagnosis: the verdict first, then the details, each behind a panel the reader opens (and the page
 * remembers). `paste` is the text it was made from, or null where the page does not have it; `secrets` are
 * where that text holds secrets, masked wherever the paste is shown.
 */
export function DiagnosisResult({
  diagnosis,
  paste,
  secrets = [],
  shared = false,
}: {
  diagnosis: ResultReport;
  paste: string | null;
  secrets?: readonly PasteSecret[];
  /** A shared or private link's page: its reader came for the evidence, so the (redacted) paste starts open. */
  shared?: boolean;
}) {
  const claude = diagnosis.branch !== "unknown";
  const occurrences = readableOccurrences(diagnosis.occurrences);
  const view = diagnosis.verdict;
  const showRetry = claude && view.retry !== "no" && diagnosis.retry && diagnosis.retryContext;
  return (
    <article aria-labelledby="diagnosis-headline" className="min-w-0 space-y-3 [overflow-wrap:anywhere]">
      <SecretsNotice secrets={secrets} />
      <VerdictBlock
        view={view}
        evidence={diagnosis.evidence}
        branchTitle={diagnosis.card.title}
        confidence={diagnosis.confidence}
        claude={claude}
      />
      {paste !== null ? (
        <ShareButton
          text={paste}
          occurredAt={diagnosis.evidence.occurredAt}
          retryContext={diagnosis.retryContext ?? null}
        />
      ) : null}
      {claude ? (
        <StatusContextLine context={diagnosis.statusContext ?? null} evidence={diagnosis.evidence} />
      ) : null}
      <div className="space-y-2">
        {claude ? (
          <Disclosure name="steps" title="Steps" hint="how to verify, when to switch, what not to do">
            <NowAndIf view={view} />
            <BranchCard card={diagnosis.card} />
          </Disclosure>
        ) : null}
        {showRetry && diagnosis.retry && diagnosis.retryContext ? (
          <Disclosure name="retry" title="Retry plan" hint={retryHint(diagnosis.retry)}>
            <RetryPanel diagnosis={diagnosis} plan={diagnosis.retry} context={diagnosis.retryContext} />
          </Disclosure>
        ) : null}
        <Disclosure name="evidence" title="Evidence" hint={evidenceHint(diagnosis)}>
          <EvidenceTable evidence={diagnosis.evidence} />
        </Disclosure>
        {occurrences.length > 1 ? (
          <Disclosure
            name="occurrences"
            title={`${occurrences.length} errors in this paste`}
            hint="in paste order"
          >
            <OccurrenceList occurrences={occurrences} text={paste} />
          </Disclosure>
        ) : null}
        {paste !== null ? (
          <Disclosure
            name="paste"
            title={shared ? "The paste (redacted)" : "Your paste"}
            hint={pasteHint(diagnosis, secrets)}
            defaultOpen={shared}
          >
            <PasteView text={paste} signals={diagnosis.signals} secrets={secrets} />
          </Disclosure>
        ) : null}
        {paste !== null && claude ? (
          <Disclosure name="packet" title="Support packet" hint="for Claude support, secrets removed">
            <PacketPanel paste={paste} occurredAt={diagnosis.evidence.occurredAt} />
          </Disclosure>
        ) : null}
      </div>
      <p className="text-[11px] text-zinc-600 dark:text-zinc-400">Classifier {diagnosis.classifierVersion}</p>
    </article>
  );
}

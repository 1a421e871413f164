import type { Evidence } from "@/lib/diagnosis";
import { CopyButton } from "../ui/copy-button";
import { ExternalLink } from "../ui/external-link";
import { RichText } from "../ui/rich-text";
import { Timestamp } from "../ui/timestamp";
import { ConfidenceBadge } from "./confidence-badge";
import { toneOf, WHO_LABELS, type Tone, type VerdictView } from "./verdict-view";

const TONE_STYLE: Record<Tone, string> = {
  incident: "border-rose-600 bg-rose-50 dark:border-rose-500 dark:bg-rose-950/50",
  theirs: "border-amber-500 bg-amber-50/70 dark:border-amber-400 dark:bg-amber-400/10",
  account: "border-violet-500 bg-violet-50/70 dark:border-violet-400 dark:bg-violet-400/10",
  request: "border-blue-600 bg-blue-50/70 dark:border-blue-400 dark:bg-blue-400/10",
  network: "border-sky-600 bg-sky-50/70 dark:border-sky-400 dark:bg-sky-400/10",
};

const CHIP = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

const RETRY_STYLE: Record<VerdictView["retry"], string> = {
  now: "bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-400/10 dark:text-emerald-200 dark:ring-emerald-400/30",
  later:
    "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-400/10 dark:text-amber-200 dark:ring-amber-400/30",
  no: "bg-rose-50 text-rose-900 ring-rose-600/30 dark:bg-rose-400/10 dark:text-rose-200 dark:ring-rose-400/30",
};

function RetryChip({ view }: { view: VerdictView }) {
  if (view.retry === "now")
    return <span className={`${CHIP} ${RETRY_STYLE.now}`}>Retry: yes, with backoff</span>;
  if (view.retry === "no")
    return <span className={`${CHIP} ${RETRY_STYLE.no}`}>Retry: no, change something first</span>;
  return (
    <span className={`${CHIP} ${RETRY_STYLE.later}`}>
      {view.retryAt !== null ? (
        <>
          Retry after <Timestamp iso={view.retryAt} />
        </>
      ) : view.retryWhen !== null ? (
        `Retry ${view.retryWhen}`
      ) : view.incident !== null ? (
        "Retry once the incident clears"
      ) : (
        "Retry later, not now"
      )}
    </span>
  );
}

/** The two or three facts that matter: status, error type, request id (with copy). */
function KeyFacts({
  evidence,
  statusPage,
}: {
  evidence: Evidence;
  statusPage: { name: string; url: string } | null;
}) {
  const requestId = evidence.requestIds[0] ?? null;
  const more = evidence.requestIds.length - 1;
  if (evidence.status === null && evidence.errorType === null && requestId === null && statusPage === null)
    return null;
  return (
    <dl className="flex flex-wrap items-center gap-x-5 gap-y-1.5 text-xs">
      {evidence.status !== null ? (
        <div className="flex items-baseline gap-1.5">
          <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
          <dd className="font-mono font-semibold">{evidence.status}</dd>
        </div>
      ) : null}
      {evidence.errorType !== null ? (
        <div className="flex min-w-0 items-baseline gap-1.5">
          <dt className="text-zinc-600 dark:text-zinc-400">Type</dt>
          <dd className="font-mono font-semibold break-words">{evidence.errorType}</dd>
        </div>
      ) : null}
      {requestId !== null ? (
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          <dt className="text-zinc-600 dark:text-zinc-400">Request id</dt>
          <dd className="flex min-w-0 items-center gap-1.5">
            <code className="font-mono font-semibold whitespace-nowrap">{requestId}</code>
            <CopyButton value={requestId} label={`request id ${requestId}`} />
            {more > 0 ? <span className="text-zinc-600 dark:text-zinc-400">+{more} more</span> : null}
          </dd>
        </div>
      ) : null}
      {statusPage !== null ? (
        <div className="flex items-baseline gap-1.5">
          <dt className="text-zinc-600 dark:text-zinc-400">Status page</dt>
          <dd>
            <ExternalLink href={statusPage.url}>{statusPage.name}</ExternalLink>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The answer first: who has to act, what to do now, whether and when to retry, coloured by whose side the
 * problem is on and loud during an incident; then the branch, the confidence and the facts it rests on.
 */
export function VerdictBlock({
  view,
  evidence,
  branchTitle,
  confidence,
  claude,
}: {
  view: VerdictView;
  evidence: Evidence;
  branchTitle: string;
  confidence: number;
  /** false for a paste that is not a Claude error: no retry advice, "who to ask" instead of "who acts". */
  claude: boolean;
}) {
  const tone = toneOf(view);
  const who = view.whoActs.map((w) => WHO_LABELS[w]).join(", ");
  return (
    <section
      aria-labelledby="diagnosis-headline"
      data-tone={tone}
      className={`space-y-3 rounded-lg border border-l-4 border-zinc-200 p-4 dark:border-zinc-800 ${TONE_STYLE[tone]}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span
          className={`${CHIP} bg-white text-zinc-900 ring-zinc-400/50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-500/60`}
        >
          {claude ? "Who acts:" : "Who to ask:"} <strong className="font-semibold">{who}</strong>
        </span>
        {claude ? <RetryChip view={view} /> : null}
        {tone === "incident" ? (
          <span
            className={`${CHIP} bg-rose-700 text-white ring-rose-700 dark:bg-rose-600 dark:ring-rose-600`}
          >
            {view.outage ? "Major outage" : "Incident open"}
          </span>
        ) : null}
      </div>
      <h2 id="diagnosis-headline" className="text-lg font-semibold leading-snug tracking-tight">
        <RichText text={view.summary} />
      </h2>
      {view.incident !== null ? (
        <p className="text-sm">
          <span className="font-medium">Incident: </span>
          <ExternalLink href={view.incident.url}>{view.incident.name}</ExternalLink> ·{" "}
          {view.incident.resolvedAt === null ? "since" : "from"} <Timestamp iso={view.incident.startedAt} />
          {view.incident.resolvedAt !== null ? (
            <>
              {" "}
              · resolved <Timestamp iso={view.incident.resolvedAt} />
            </>
          ) : null}
        </p>
      ) : null}
      <div className="rounded-md bg-white/80 px-3 py-2 dark:bg-zinc-950/50">
        <p className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          {view.tense === "past" ? "What to do" : "First move"}
        </p>
        <p className="mt-0.5 text-sm leading-relaxed font-medium">
          <RichText text={view.doNow[0] ?? ""} />
        </p>
      </div>
      {view.timeNote !== null ? (
        <p className="text-xs text-zinc-700 dark:text-zinc-300">
          <RichText text={view.timeNote} />
        </p>
      ) : null}
      <KeyFacts
        evidence={evidence}
        statusPage={claude ? (view.statusPages.find((page) => page.role === "primary") ?? null) : null}
      />
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span data-branch className="font-medium">
          {branchTitle}
        </span>
        <ConfidenceBadge confidence={confidence} />
      </div>
    </section>
  );
}

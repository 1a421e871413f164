import type { ReactNode } from "react";
import { formatDuration } from "@/lib/retry/format";
import { formatUtc as formatInstant } from "../ui/format-time";
import { RichText } from "../ui/rich-text";
import type { RetryPlan } from "@/lib/retry/schema";

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[8.5rem_1fr] sm:gap-3">
      <dt className="text-xs font-medium text-zinc-600 sm:pt-0.5 dark:text-zinc-400">{term}</dt>
      <dd className="text-sm leading-relaxed">{children}</dd>
    </div>
  );
}

/** "4 attempts in all: the first and 3 retries". */
export function attemptsText(plan: RetryPlan): string {
  const retries = plan.maxAttempts - 1;
  if (retries === 0) return "1: the one that failed; no retry";
  return `${plan.maxAttempts} attempts in all: the first and ${retries} ${retries === 1 ? "retry" : "retries"}`;
}

/** The plan in words, in the order a developer acts on it. */
export function RetryPlanSummary({ plan }: { plan: RetryPlan }) {
  const breaker = plan.circuitBreaker;
  return (
    <dl className="space-y-2.5">
      {plan.resumeAt !== null ? (
        <Field term="Do not retry until">
          <strong className="font-semibold">{formatInstant(plan.resumeAt)}</strong>
        </Field>
      ) : null}
      <Field term="Why">
        <RichText text={plan.reason} />
      </Field>
      <Field term="Attempts">{attemptsText(plan)}</Field>
      <Field term="Total wait">
        {plan.totalBudgetMs > 0 ? `at most ${formatDuration(plan.totalBudgetMs)} of waiting` : "none"}
      </Field>
      {plan.retryAfterMs !== null ? (
        <Field term="retry-after">
          {formatDuration(plan.retryAfterMs)} asked by the server; no attempt before it
        </Field>
      ) : null}
      <Field term="Stop rule">
        <RichText text={plan.stopRule} />
      </Field>
      <Field term="Before retrying">
        <RichText text={plan.idempotency} />
      </Field>
      {breaker !== null ? (
        <Field term="Circuit breaker">
          After {breaker.failureThreshold} failures within {formatDuration(breaker.windowMs)} on this route,
          stop sending for {formatDuration(breaker.probeAfterMs)}, then let one probe through.
        </Field>
      ) : null}
    </dl>
  );
}

import type { Diagnosis } from "@/lib/diagnosis";
import { formatDuration } from "@/lib/retry/format";
import type { RetryContext, RetryPlan } from "@/lib/retry/schema";
import { LazyRetryPlanner } from "./lazy-retry-planner";

/** The plan in a few words, beside the panel's title while it is closed. */
export function retryHint(plan: RetryPlan): string {
  return plan.retryable
    ? `${plan.maxAttempts} attempts, at most ${formatDuration(plan.totalBudgetMs)} of waiting`
    : "not now";
}

/**
 * What planRetry reads from a report: the diagnosis fields, without the signals and occurrences, which the
 * planner never reads and which can be large for a big paste (they would be sent to the browser for nothing).
 */
export function planInput(diagnosis: Diagnosis): Diagnosis {
  const { classifierVersion, branch, variant, confidence, headline, card, evidence } = diagnosis;
  return {
    classifierVersion,
    branch,
    variant,
    confidence,
    headline,
    card,
    evidence,
    signals: [],
    occurrences: [],
  };
}

/** A report's retry plan (`plan`, made for `context`): in words, on a timeline, against the SDK defaults, as code. */
export function RetryPanel({
  diagnosis,
  plan,
  context,
}: {
  diagnosis: Diagnosis;
  plan: RetryPlan;
  context: RetryContext;
}) {
  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Capped exponential backoff with full jitter; never before retry-after.
      </p>
      <LazyRetryPlanner input={planInput(diagnosis)} initialPlan={plan} initialContext={context} />
    </div>
  );
}

import type { Diagnosis } from "@/lib/diagnosis";
import type { RetryContext, RetryPlan } from "@/lib/retry/schema";
import { RetryPlanner } from "./retry-planner";

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
    <section
      aria-labelledby="retry-heading"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 id="retry-heading" className="text-base font-semibold">
          Retry plan
        </h3>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Capped exponential backoff with full jitter; never before retry-after.
        </p>
      </div>
      <RetryPlanner input={planInput(diagnosis)} initialPlan={plan} initialContext={context} />
    </section>
  );
}

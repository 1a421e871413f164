"use client";

import { useId, useMemo, useState } from "react";
import type { Diagnosis } from "@/lib/diagnosis";
import { formatDuration } from "@/lib/retry/format";
import { formatUtc as formatInstant } from "../ui/format-time";
import { planRetry } from "@/lib/retry/plan";
import type { RetryContext, RetryPlan } from "@/lib/retry/schema";
import { retrySnippets } from "@/lib/retry/snippets";
import { RetryContextToggles } from "./retry-context-toggles";
import { RetryPlanSummary } from "./retry-plan-summary";
import { RetrySnippetTabs } from "./retry-snippet-tabs";
import { RetryTimelineChart } from "./retry-timeline-chart";
import { SdkComparisonTable } from "./sdk-comparison-table";

/** A plan the user asked for with the toggles, and the report plan it replaced. */
type Override = { source: RetryPlan; context: RetryContext; plan: RetryPlan };

function sameContext(a: RetryContext, b: RetryContext): boolean {
  return a.mode === b.mode && a.sideEffects === b.sideEffects;
}

/** The verdict in a few words, for the badge and the announcement after a toggle. */
export function verdictText(plan: RetryPlan): string {
  if (plan.retryable) {
    return `Retry: ${plan.maxAttempts} attempts, at most ${formatDuration(plan.totalBudgetMs)} of waiting`;
  }
  return plan.resumeAt !== null ? `Do not retry until ${formatInstant(plan.resumeAt)}` : "Do not retry";
}

/**
 * The report's plan, recomputed in the browser when a toggle changes the context. planRetry is pure and
 * framework-free, so no round trip is needed; the report's own plan is shown again for its own context.
 */
export function RetryPlanner({
  input,
  initialPlan,
  initialContext,
}: {
  input: Diagnosis;
  initialPlan: RetryPlan;
  initialContext: RetryContext;
}) {
  const [override, setOverride] = useState<Override | null>(null);
  const id = useId();
  // A new report (a new paste) drops the toggles' plan instead of showing it against the wrong diagnosis.
  const current =
    override !== null && override.source === initialPlan
      ? override
      : { context: initialContext, plan: initialPlan };
  const { plan, context } = current;
  const snippets = useMemo(() => retrySnippets(plan, context), [plan, context]);

  function change(next: RetryContext) {
    const nextPlan = sameContext(next, initialContext)
      ? initialPlan
      : planRetry(input, next, { random: Math.random, now: new Date() });
    setOverride({ source: initialPlan, context: next, plan: nextPlan });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RetryContextToggles context={context} name={`${id}-mode`} onChange={change} />
        <p
          aria-live="polite"
          className={`rounded px-2 py-0.5 text-xs font-medium ${
            plan.retryable
              ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-400/10 dark:text-emerald-200"
              : "bg-rose-50 text-rose-800 dark:bg-rose-400/10 dark:text-rose-200"
          }`}
        >
          {verdictText(plan)}
        </p>
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <RetryPlanSummary plan={plan} />
        <RetryTimelineChart plan={plan} idPrefix={id} />
      </div>
      <SdkComparisonTable comparison={plan.sdkComparison} idPrefix={id} />
      <RetrySnippetTabs snippets={snippets} />
    </div>
  );
}

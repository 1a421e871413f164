import type { Diagnosis } from "../diagnosis";
import { MAX_WAIT_MS, buildWindows, sampleDelay } from "./backoff";
import { clientName, readFacts, type RetryFacts } from "./facts";
import { formatDuration, formatInstant } from "./format";
import { idempotencyAdvice } from "./idempotency";
import { decideForBranch, type BranchDecision } from "./policy";
import type { CircuitBreaker, RetryContext, RetryPlan, ScheduledRetry } from "./schema";
import { compareWithClients } from "./sdk-comparison";

/**
 * Attempts (the first included), growth and worst-case total wait per context. A person waits seconds, a job
 * minutes; work with side effects gets fewer blind resends.
 */
export const CONTEXT_PROFILES = {
  interactive: {
    maxAttempts: 4,
    maxAttemptsWithSideEffects: 3,
    baseMs: 1_000,
    capMs: 10_000,
    budgetMs: 30_000,
  },
  background: {
    maxAttempts: 8,
    maxAttemptsWithSideEffects: 5,
    baseMs: 2_000,
    capMs: MAX_WAIT_MS,
    budgetMs: 600_000,
  },
} as const satisfies Record<RetryContext["mode"], object>;

/** When repeated 5xx/529 on one route should stop all callers for a while, then let one probe through. */
export const CIRCUIT_BREAKERS = {
  interactive: { failureThreshold: 5, windowMs: 60_000, probeAfterMs: 30_000 },
  background: { failureThreshold: 10, windowMs: 300_000, probeAfterMs: 60_000 },
} as const satisfies Record<RetryContext["mode"], CircuitBreaker>;

/** After a client already spent its attempts, a background job makes at most this many more, starting slow. */
const ATTEMPTS_AFTER_EXHAUSTION = 3;

/** Time and randomness come from the caller, so a plan is reproducible. */
export interface PlanOptions {
  /** Values in [0, 1), like Math.random; draws each schedule entry's sampleDelayMs. */
  random: () => number;
  /** Stands in for the error's time when evidence.occurredAt is missing. */
  now: Date;
}

interface Verdict {
  retryable: boolean;
  /** Not retryable because no attempt can succeed yet, rather than because this context should stop now. */
  futile: boolean;
  reason: string;
  stopRule: string;
  resumeAt: string | null;
  schedule: ScheduledRetry[];
}

/** The retry plan for one diagnosis in one context. Pure: same inputs, same plan. */
export function planRetry(diagnosis: Diagnosis, context: RetryContext, options: PlanOptions): RetryPlan {
  const facts = readFacts(diagnosis, options.now);
  const verdict = decide(facts, context, options.random);
  const totalBudgetMs = verdict.schedule.reduce((sum, w) => sum + w.maxDelayMs, 0);
  const maxAttempts = verdict.schedule.length + 1;
  return {
    retryable: verdict.retryable,
    reason: verdict.reason,
    maxAttempts,
    schedule: verdict.schedule,
    retryAfterMs: facts.retryAfterMs,
    resumeAt: verdict.resumeAt,
    totalBudgetMs,
    stopRule: verdict.stopRule,
    circuitBreaker: isServerSide(facts) ? { ...CIRCUIT_BREAKERS[context.mode] } : null,
    idempotency: idempotencyAdvice(facts, context, verdict.retryable),
    sdkComparison: compareWithClients(facts, {
      retryable: verdict.retryable,
      futile: verdict.futile,
      maxAttempts,
      totalBudgetMs,
      resumeAt: verdict.resumeAt,
    }),
  };
}

function decide(facts: RetryFacts, context: RetryContext, random: () => number): Verdict {
  const decision = decideForBranch(facts, context);
  if (!decision.retry)
    return { ...notNow(decision.reason, decision.stopRule, decision.resumeAt), futile: true };
  if (facts.shouldRetry === false) {
    return notNow(
      "The response carries x-should-retry: false, so the API advises against retrying this request, and both SDKs obey it.",
      "Do not retry; fix what the message names, or escalate with the request id.",
      null,
    );
  }
  return scheduleRetries(facts, context, decision, random);
}

type RetryDecision = Extract<BranchDecision, { retry: true }>;

function scheduleRetries(
  facts: RetryFacts,
  context: RetryContext,
  decision: RetryDecision,
  random: () => number,
): Verdict {
  const who = clientName(facts.surface);
  const seen = facts.attempts?.seen ?? 0;
  const of = facts.attempts?.of ?? null;
  const exhausted = of !== null && seen >= of;
  if (exhausted && context.mode === "interactive") {
    return notNow(
      `${who} already made ${seen} attempts and gave up, so more retries right away are unlikely to help.`,
      `Stop retrying now: ${decision.afterStop}; a background job may try again later with longer waits.`,
      null,
    );
  }
  const profile = CONTEXT_PROFILES[context.mode];
  const attempts = Math.min(
    context.sideEffects ? profile.maxAttemptsWithSideEffects : profile.maxAttempts,
    decision.attemptsCap ?? Number.POSITIVE_INFINITY,
    exhausted ? ATTEMPTS_AFTER_EXHAUSTION : Number.POSITIVE_INFINITY,
  );
  const windows = buildWindows({
    backoff: { baseMs: profile.baseMs * decision.baseFactor, capMs: profile.capMs },
    maxAttempts: attempts,
    floorMs: facts.retryAfterMs ?? decision.floorMs ?? 0,
    budgetMs: profile.budgetMs,
    // Continue the exponent where the client stopped, so the first waits are already long.
    firstRetry: exhausted ? Math.min(seen - 1, 10) : 0,
  });
  if (windows.length === 0) return waitTooLong(facts, context, decision);

  const schedule = windows.map((w, i) => ({ attempt: i + 2, ...w, sampleDelayMs: sampleDelay(w, random) }));
  const worstCase = formatDuration(schedule.reduce((sum, w) => sum + w.maxDelayMs, 0));
  const clauses = [decision.reason];
  if (facts.streaming) {
    clauses.push(
      "it broke inside a stream, so continue from the partial output rather than resending the request.",
    );
  }
  if (exhausted) {
    clauses.push(
      `${who} already gave up after ${seen} attempts, so this plan starts slow and makes fewer attempts.`,
    );
  }
  const stopRule = [
    `Stop after ${schedule.length + 1} attempts (at most ${worstCase} of waiting in all) or at the first error that is not retryable; then ${decision.afterStop}.`,
  ];
  if (facts.retryAfterMs !== null) stopRule.push("Never wait less than a retry-after the response carries.");
  if (of !== null && !exhausted) {
    stopRule.push(
      `${who} was still retrying (attempt ${seen} of ${of}): let it finish and do not wrap its retries in another loop, or the attempts multiply.`,
    );
  }
  return {
    retryable: true,
    futile: false,
    reason: joinClauses(clauses),
    stopRule: stopRule.join(" "),
    resumeAt: null,
    schedule,
  };
}

/** The server's retry-after is longer than this context may wait in-process: come back at that time instead. */
function waitTooLong(facts: RetryFacts, context: RetryContext, decision: RetryDecision): Verdict {
  const wait = facts.retryAfterMs ?? 0;
  const resumeAt = new Date(facts.reference.ms + wait).toISOString();
  const limit =
    wait >= MAX_WAIT_MS
      ? "more than the 60 s cap between attempts"
      : "more than an interactive request should hold a person";
  const instead =
    context.mode === "interactive"
      ? "tell the user when to try again"
      : "re-enqueue the job for that time instead of holding a worker";
  return notNow(
    `The server asks for a wait of ${formatDuration(wait)}, ${limit}, so another attempt is worth making only after it.`,
    `Do not retry until ${formatInstant(resumeAt)} (the retry-after); ${instead}; if it recurs, ${decision.afterStop}.`,
    resumeAt,
  );
}

function notNow(reason: string, stopRule: string, resumeAt: string | null): Verdict {
  return { retryable: false, futile: false, reason, stopRule, resumeAt, schedule: [] };
}

/** Server-side failures on one route: the case a circuit breaker is for. */
function isServerSide(facts: RetryFacts): boolean {
  const { branch, status } = facts;
  if (branch === "api_error" || branch === "overloaded" || branch === "timeout") return true;
  return branch === "unknown" && status !== null && status >= 500;
}

/** One sentence from several: "A. B." becomes "A; B." */
function joinClauses(clauses: string[]): string {
  return clauses.map((c, i) => (i < clauses.length - 1 ? c.replace(/\.$/, "") : c)).join("; ");
}

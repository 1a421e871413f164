import { isRetryableStatus, type RetryFacts } from "./facts";
import { formatDuration } from "./format";
import type { RetryWindow, SdkBehaviour, SdkClientId, SdkComparison } from "./schema";

// Built-in retry behaviour, from ../shared/reference/claude-errors.md §3 (anthropic-sdk-python 0.121.0
// `_constants.py`/`_base_client.py`, anthropic-sdk-typescript 0.120.0 `client.ts`) and §4.1 (Claude Code errors page).

/** Both SDKs: 2 retries, 0.5 s doubling to an 8 s cap, each wait up to 25 % shorter by jitter. */
export const SDK_DEFAULTS = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  jitterShorterBy: 0.25,
  timeoutMs: 600_000,
  /** Python honours retry-after only when 0 < value <= 60 s; TypeScript >= 0.79 honours any value. */
  pythonRetryAfterMaxMs: 60_000,
} as const;

/** Claude Code: 10 attempts (CLAUDE_CODE_MAX_RETRIES); delays observed in claude-code#5184. */
export const CLAUDE_CODE_DEFAULTS = {
  maxAttempts: 10,
  observedDelaysMs: [1_000, 1_000, 2_000, 5_000, 10_000, 18_000, 33_000, 39_000, 34_000],
} as const;

/** What the plan settled on, as far as the comparison needs it. */
export interface PlanOutline {
  retryable: boolean;
  /** No attempt can succeed yet (as opposed to: this context should stop now). */
  futile: boolean;
  maxAttempts: number;
  totalBudgetMs: number;
  resumeAt: string | null;
}

/** The plan next to what the SDK defaults and Claude Code would do with the same error. */
export function compareWithClients(facts: RetryFacts, plan: PlanOutline): SdkComparison {
  const python = sdkBehaviour("python", facts, plan);
  const typescript = sdkBehaviour("typescript", facts, plan);
  const claudeCode = claudeCodeBehaviour(facts, plan);
  return { python, typescript, claudeCode, summary: summarise([python, typescript, claudeCode], plan) };
}

function sdkRetries(facts: RetryFacts): { retries: boolean; why: string } {
  if (facts.streaming)
    return {
      retries: false,
      why: "max_retries covers the initial request only, not an error inside a stream",
    };
  if (facts.shouldRetry !== null) {
    return {
      retries: facts.shouldRetry,
      why: `it obeys x-should-retry: ${facts.shouldRetry} before any status rule`,
    };
  }
  const status = facts.statusForRules;
  if (status === null) {
    const transport = facts.branch === "connection" || facts.branch === "timeout";
    return transport
      ? { retries: true, why: "connection errors and timeouts are retried" }
      : {
          retries: false,
          why: "no status is shown, and it retries only 408, 409, 429, 5xx and connection errors",
        };
  }
  return isRetryableStatus(status)
    ? { retries: true, why: `status ${status} is in its retry rule (408, 409, 429, 5xx)` }
    : { retries: false, why: `status ${status} is outside its retry rule (408, 409, 429, 5xx)` };
}

function sdkDelays(client: "python" | "typescript", facts: RetryFacts): RetryWindow[] {
  const after = facts.retryAfterMs;
  const honoured =
    after !== null && (client === "typescript" || (after > 0 && after <= SDK_DEFAULTS.pythonRetryAfterMaxMs));
  return Array.from({ length: SDK_DEFAULTS.maxRetries }, (_, n) => {
    if (honoured) return { attempt: n + 2, minDelayMs: after, maxDelayMs: after };
    const delay = Math.min(SDK_DEFAULTS.initialDelayMs * 2 ** n, SDK_DEFAULTS.maxDelayMs);
    return {
      attempt: n + 2,
      minDelayMs: Math.round(delay * (1 - SDK_DEFAULTS.jitterShorterBy)),
      maxDelayMs: delay,
    };
  });
}

function sdkBehaviour(client: "python" | "typescript", facts: RetryFacts, plan: PlanOutline): SdkBehaviour {
  const { retries, why } = sdkRetries(facts);
  const delays = retries ? sdkDelays(client, facts) : [];
  const label =
    client === "python" ? "Python SDK (anthropic) defaults" : "TypeScript SDK (@anthropic-ai/sdk) defaults";
  const flags = judge(retries, delays, facts, plan);
  const waits = delays.map((d) => formatWindow(d)).join(", then ");
  let note = retries
    ? `Retries ${delays.length} times, waiting ${waits}: ${why}.`
    : `Does not retry: ${why}.`;
  if (
    retries &&
    facts.retryAfterMs !== null &&
    client === "python" &&
    delays[0]?.minDelayMs !== facts.retryAfterMs
  ) {
    note += ` It ignores the retry-after of ${formatDuration(facts.retryAfterMs)}, since it honours only values above 0 and up to 60 s.`;
  }
  if (retries && client === "typescript" && facts.retryAfterMs !== null && facts.retryAfterMs >= 60_000) {
    note += " Versions before 0.79 honoured retry-after only below 60 s.";
  }
  if (flags.retriesWhenItShouldNot) note += againstPlan(plan);
  return {
    client,
    label,
    retriesThisCase: retries,
    attempts: delays.length + 1,
    delays,
    delaysSource: "sdk-source",
    ...flags,
    note,
  };
}

function claudeCodeRetries(facts: RetryFacts): boolean {
  // Documented: server errors, overloads, timeouts, temporary 429 throttles and dropped connections.
  switch (facts.branch) {
    case "api_error":
    case "overloaded":
    case "timeout":
      return true;
    case "connection":
      return facts.variant !== "tls" && facts.variant !== "dns" && facts.variant !== "proxy";
    case "rate_limit":
      return facts.resume === null;
    case "unknown":
      return facts.statusForRules !== null && facts.statusForRules >= 500;
    default:
      return false;
  }
}

function claudeCodeBehaviour(facts: RetryFacts, plan: PlanOutline): SdkBehaviour {
  const retries = claudeCodeRetries(facts);
  const configured = facts.surface === "claude-code" ? (facts.attempts?.of ?? null) : null;
  const attempts = retries ? (configured ?? CLAUDE_CODE_DEFAULTS.maxAttempts) : 1;
  const observed = CLAUDE_CODE_DEFAULTS.observedDelaysMs;
  const delays = Array.from({ length: attempts - 1 }, (_, n) => {
    const ms = observed[Math.min(n, observed.length - 1)] ?? 0;
    return { attempt: n + 2, minDelayMs: ms, maxDelayMs: ms };
  });
  const flags = judge(retries, delays, facts, plan);
  const total = formatDuration(delays.reduce((sum, d) => sum + d.maxDelayMs, 0));
  let note = retries
    ? `Makes ${attempts} attempts${configured === null ? " (CLAUDE_CODE_MAX_RETRIES, default 10)" : " (as the paste shows)"}, about ${total} of waiting in observed runs, before it shows the error.`
    : "Shows the error without retrying: it is not among the server errors, overloads, timeouts, temporary 429s and dropped connections Claude Code retries.";
  if (retries && facts.retryAfterMs !== null) note += " Whether it waits for retry-after is not documented.";
  if (flags.retriesWhenItShouldNot) note += againstPlan(plan);
  return {
    client: "claude-code",
    label: "Claude Code",
    retriesThisCase: retries,
    attempts,
    delays,
    delaysSource: "observed",
    ...flags,
    note,
  };
}

function judge(
  retries: boolean,
  delays: RetryWindow[],
  facts: RetryFacts,
  plan: PlanOutline,
): Pick<
  SdkBehaviour,
  | "totalWaitMs"
  | "givesUpFirst"
  | "retriesWhenItShouldNot"
  | "retriesTooEarly"
  | "outlastsPlan"
  | "inLineWithPlan"
> {
  const attempts = retries ? delays.length + 1 : 1;
  const floor = facts.retryAfterMs;
  const totalWaitMs = delays.reduce((sum, d) => sum + d.maxDelayMs, 0);
  const givesUpFirst = plan.retryable && attempts < plan.maxAttempts;
  const retriesWhenItShouldNot = retries && !plan.retryable;
  const retriesTooEarly = floor !== null && delays.some((d) => d.minDelayMs < floor);
  const outlastsPlan =
    retries && plan.retryable && (attempts > plan.maxAttempts || totalWaitMs > 2 * plan.totalBudgetMs);
  return {
    totalWaitMs,
    givesUpFirst,
    retriesWhenItShouldNot,
    retriesTooEarly,
    outlastsPlan,
    inLineWithPlan: !givesUpFirst && !retriesWhenItShouldNot && !retriesTooEarly && !outlastsPlan,
  };
}

const NAMES: Record<SdkClientId, string> = {
  python: "the Python SDK",
  typescript: "the TypeScript SDK",
  "claude-code": "Claude Code",
};

function summarise(clients: SdkBehaviour[], plan: PlanOutline): string {
  const list = (ids: SdkBehaviour[]) => joinNames(ids.map((c) => NAMES[c.client]));
  const futile = clients.filter((c) => c.retriesWhenItShouldNot);
  const early = clients.filter((c) => c.retriesTooEarly);
  const first = clients.filter((c) => c.givesUpFirst);
  const parts: string[] = [];
  if (!plan.retryable) {
    parts.push(
      futile.length > 0
        ? `${capitalise(list(futile))} would retry anyway, ${plan.futile ? `which cannot succeed${plan.resumeAt === null ? "" : " before access returns"}` : "where this plan stops"}`
        : "None of the clients retries this, and neither does the plan",
    );
  } else {
    parts.push(
      `The plan makes up to ${plan.maxAttempts} attempts over at most ${formatDuration(plan.totalBudgetMs)} of waiting`,
    );
    if (first.length > 0) parts.push(`${list(first)} ${first.length === 1 ? "gives" : "give"} up first`);
    const longer = clients.filter((c) => c.outlastsPlan);
    for (const c of longer) {
      parts.push(
        `${NAMES[c.client]} keeps going far longer (${c.attempts} attempts, ${c.delaysSource === "observed" ? "about " : ""}${formatDuration(c.totalWaitMs)} of waiting)`,
      );
    }
  }
  if (early.length > 0) parts.push(`${list(early)} can retry before retry-after`);
  return `${parts.join("; ")}.`;
}

function againstPlan(plan: PlanOutline): string {
  return plan.futile
    ? " That is futile here: no attempt can succeed yet."
    : " This plan stops here instead, so those retries only add load.";
}

function formatWindow(window: RetryWindow): string {
  return window.minDelayMs === window.maxDelayMs
    ? formatDuration(window.maxDelayMs)
    : `${formatDuration(window.minDelayMs)} to ${formatDuration(window.maxDelayMs)}`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import type { BranchId, Diagnosis, Surface } from "../diagnosis";
import { referenceTime, type ReferenceTime } from "./reference-time";
import { readResumeAt, type ResumeReading } from "./resume-at";

/** What the retry planner reads from a diagnosis. */
export interface RetryFacts {
  branch: BranchId;
  variant: string | null;
  /** The status the paste shows. */
  status: number | null;
  /** The shown status, else the one this branch and variant arrive with; null for transport errors. */
  statusForRules: number | null;
  /** The server's retry-after, rounded up to whole milliseconds so no wait ends early. */
  retryAfterMs: number | null;
  shouldRetry: boolean | null;
  streaming: boolean;
  resume: ResumeReading | null;
  reference: ReferenceTime;
  attempts: { seen: number; of: number | null } | null;
  surface: Surface;
  /** A 429 that names its limit's window ("… input tokens per minute"): how long the window is. */
  limitWindowMs: number | null;
}

// "of 50,000 input tokens per minute", "of 50 requests per minute": the window a rate limit refills over.
const LIMIT_WINDOW = /\b(?:tokens|requests) per (minute|hour|day)\b/i;
const WINDOW_MS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function limitWindowOf(branch: BranchId, message: string | null): number | null {
  if (branch !== "rate_limit" || message === null) return null;
  const unit = LIMIT_WINDOW.exec(message)?.[1]?.toLowerCase();
  return unit === undefined ? null : (WINDOW_MS[unit] ?? null);
}

// Typical status per branch (../shared/reference/claude-errors.md §9). Timeouts and connection failures often
// have no HTTP response at all: the SDKs treat those as transport errors.
const TYPICAL_STATUS: Record<BranchId, number | null> = {
  api_error: 500,
  overloaded: 529,
  rate_limit: 429,
  subscription_limit: 429,
  billing: 400,
  timeout: null,
  connection: null,
  invalid_request: 400,
  context_window: 400,
  request_too_large: 413,
  authentication: 401,
  permission: 403,
  not_found: 404,
  unknown: null,
};

// The tier monthly spend cap comes back as 429 `rate_limit_error` (DOC-RL); credits and user-set limits as 400.
const BILLING_VARIANT_STATUS: Readonly<Record<string, number>> = {
  tier_cap: 429,
  spend_limit: 400,
  credits: 400,
};

// Only these branches carry a "regain access" or "resets" time worth reading.
const RESUME_BRANCHES: ReadonlySet<BranchId> = new Set(["billing", "subscription_limit", "rate_limit"]);

/** Collects the planner's inputs; `now` stands in when the error's own time is unknown. */
export function readFacts(diagnosis: Diagnosis, now: Date): RetryFacts {
  const { evidence, branch, variant } = diagnosis;
  const typical =
    branch === "billing" && variant !== null
      ? (BILLING_VARIANT_STATUS[variant] ?? 400)
      : TYPICAL_STATUS[branch];
  return {
    branch,
    variant,
    status: evidence.status,
    statusForRules: evidence.status ?? typical,
    retryAfterMs: evidence.retryAfterMs === null ? null : Math.ceil(evidence.retryAfterMs),
    shouldRetry: evidence.shouldRetry,
    streaming: evidence.streaming === true,
    resume: RESUME_BRANCHES.has(branch) ? readResumeAt(evidence.message, evidence.occurredAt, now) : null,
    reference: referenceTime(evidence.occurredAt, now),
    attempts: evidence.attempts,
    surface: evidence.surface,
    limitWindowMs: limitWindowOf(branch, evidence.message),
  };
}

/** True when the status is one HTTP clients retry by nature: 408, 409, 429 or any 5xx. */
export function isRetryableStatus(status: number | null): boolean {
  return status !== null && (status === 408 || status === 409 || status === 429 || status >= 500);
}

/** The client that printed the error, as a sentence subject. */
export function clientName(surface: Surface): string {
  switch (surface) {
    case "claude-code":
      return "Claude Code";
    case "sdk-python":
      return "The Python SDK";
    case "sdk-typescript":
      return "The TypeScript SDK";
    default:
      return "The client";
  }
}

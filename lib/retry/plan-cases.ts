import { BRANCH_IDS, type BranchId, type Diagnosis, type Evidence } from "../diagnosis";
import type { RetryContext } from "./schema";
import { makeDiagnosis } from "./test-diagnosis";

// Test fixtures only: every branch and variant the planner distinguishes, crossed with the evidence that changes
// a plan, so invariant tests and the snippet compile check walk the same space.

export const OCCURRED_AT = "2026-11-21T10:00:00Z";
export const TIER_CAP_MESSAGE =
  "You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization's API tier. You will regain access on 2026-12-01 at 00:00 UTC.";

/** Variants with their own policy; null stands for "no variant". */
export const VARIANTS: Record<BranchId, (string | null)[]> = {
  api_error: [null],
  overloaded: [null],
  rate_limit: [null],
  subscription_limit: [null],
  billing: [null, "tier_cap", "spend_limit", "credits"],
  timeout: [null],
  connection: [null, "reset", "tls", "dns", "proxy"],
  invalid_request: [null],
  context_window: [null],
  request_too_large: [null],
  authentication: [null],
  permission: [null],
  not_found: [null],
  unknown: [null],
};

const TYPICAL_STATUS: Record<BranchId, number | null> = {
  api_error: 500,
  overloaded: 529,
  rate_limit: 429,
  subscription_limit: 429,
  billing: 400,
  timeout: 504,
  connection: null,
  invalid_request: 400,
  context_window: 400,
  request_too_large: 413,
  authentication: 401,
  permission: 403,
  not_found: 404,
  unknown: 503,
};

/** Evidence that changes a plan, applied on top of a branch's typical status. */
export const SCENARIOS: Record<string, Partial<Evidence>> = {
  plain: {},
  "no status": { status: null },
  "retry-after 5 s": { retryAfterMs: 5_000 },
  "retry-after 1.5 s fractional": { retryAfterMs: 1_499.5 },
  "retry-after 45 s": { retryAfterMs: 45_000 },
  "retry-after 120 s": { retryAfterMs: 120_000 },
  "x-should-retry false": { shouldRetry: false },
  "x-should-retry true": { shouldRetry: true },
  "inside a stream": { streaming: true },
  "Claude Code 10/10": { surface: "claude-code", attempts: { seen: 10, of: 10 } },
  "Claude Code 3/10": { surface: "claude-code", attempts: { seen: 3, of: 10 } },
  "reset time in message": { message: TIER_CAP_MESSAGE },
  "plan reset epoch": { message: "Claude AI usage limit reached|1764000000" },
};

export const CONTEXTS: RetryContext[] = [
  { mode: "interactive", sideEffects: false },
  { mode: "interactive", sideEffects: true },
  { mode: "background", sideEffects: false },
  { mode: "background", sideEffects: true },
];

export interface PlanCase {
  name: string;
  diagnosis: Diagnosis;
}

/** Every branch x variant x scenario, as valid diagnoses. */
export function allCases(): PlanCase[] {
  return BRANCH_IDS.flatMap((branch) =>
    VARIANTS[branch].flatMap((variant) =>
      Object.entries(SCENARIOS).map(([scenario, evidence]) => ({
        name: `${branch}/${variant ?? "-"}/${scenario}`,
        diagnosis: makeDiagnosis({
          branch,
          variant,
          evidence: { status: TYPICAL_STATUS[branch], occurredAt: OCCURRED_AT, ...evidence },
        }),
      })),
    ),
  );
}

/** A small seeded generator (mulberry32) so "random" runs repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

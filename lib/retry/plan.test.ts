import { describe, expect, it } from "vitest";
import type { Evidence } from "../diagnosis";
import { MAX_WAIT_MS } from "./backoff";
import { CONTEXTS, OCCURRED_AT, TIER_CAP_MESSAGE, allCases, seededRandom } from "./plan-cases";
import { CONTEXT_PROFILES, planRetry } from "./plan";
import { retryPlanSchema, type RetryContext, type RetryPlan } from "./schema";
import { makeDiagnosis } from "./test-diagnosis";
import type { BranchId } from "../diagnosis";

const NOW = new Date("2026-11-21T12:00:00Z");
const INTERACTIVE: RetryContext = { mode: "interactive", sideEffects: false };
const BACKGROUND: RetryContext = { mode: "background", sideEffects: false };

function plan(
  branch: BranchId,
  evidence: Partial<Evidence> = {},
  context: RetryContext = INTERACTIVE,
  variant: string | null = null,
): RetryPlan {
  const diagnosis = makeDiagnosis({ branch, variant, evidence: { occurredAt: OCCURRED_AT, ...evidence } });
  return planRetry(diagnosis, context, { random: seededRandom(7), now: NOW });
}

describe("invariants of every plan (branch x variant x evidence x context)", () => {
  const cases = allCases();

  it("covers the whole space", () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  for (const context of CONTEXTS) {
    const label = `${context.mode}${context.sideEffects ? " with side effects" : ""}`;

    it(`${label}: every plan is well formed`, () => {
      for (const { name, diagnosis } of cases) {
        const p = planRetry(diagnosis, context, { random: seededRandom(1), now: NOW });
        const where = `${name} (${label})`;
        expect(() => retryPlanSchema.parse(p), where).not.toThrow();
        expect(p.schedule, where).toHaveLength(p.maxAttempts - 1);
        expect(p.totalBudgetMs, where).toBe(p.schedule.reduce((sum, w) => sum + w.maxDelayMs, 0));
        expect(p.totalBudgetMs, where).toBeLessThanOrEqual(CONTEXT_PROFILES[context.mode].budgetMs);
        const floor = p.retryAfterMs ?? 0;
        p.schedule.forEach((w, i) => {
          expect(w.attempt, where).toBe(i + 2);
          expect(w.minDelayMs, `${where}: jitter`).toBeLessThan(w.maxDelayMs);
          expect(w.maxDelayMs, `${where}: cap`).toBeLessThanOrEqual(MAX_WAIT_MS);
          expect(w.minDelayMs, `${where}: retry-after`).toBeGreaterThanOrEqual(floor);
          expect(w.sampleDelayMs, where).toBeGreaterThanOrEqual(w.minDelayMs);
          expect(w.sampleDelayMs, where).toBeLessThanOrEqual(w.maxDelayMs);
        });
        if (p.retryable) {
          expect(p.maxAttempts, where).toBeGreaterThanOrEqual(2);
          expect(p.resumeAt, where).toBeNull();
        } else {
          expect(p.maxAttempts, where).toBe(1);
          expect(p.schedule, where).toEqual([]);
          expect(p.totalBudgetMs, where).toBe(0);
        }
        if (p.resumeAt !== null && Date.parse(p.resumeAt) > Date.parse(OCCURRED_AT)) {
          expect(p.stopRule, where).toContain("Do not retry until");
        }
        if (diagnosis.evidence.shouldRetry === false) expect(p.retryable, where).toBe(false);
        if (diagnosis.evidence.streaming === true) expect(p.idempotency, where).toContain("partial output");
        if (context.sideEffects) expect(p.idempotency, where).toContain("idempotency key");
        for (const client of [
          p.sdkComparison.python,
          p.sdkComparison.typescript,
          p.sdkComparison.claudeCode,
        ]) {
          expect(client.delays, `${where}: ${client.client}`).toHaveLength(client.attempts - 1);
          expect(client.retriesWhenItShouldNot, where).toBe(client.retriesThisCase && !p.retryable);
        }
        expect(p.sdkComparison.summary, where).toMatch(/^[A-Z].*\.$/);
      }
    });

    if (context.sideEffects) continue;
    it(`${label}: side effects never add attempts`, () => {
      for (const { name, diagnosis } of cases) {
        const free = planRetry(diagnosis, context, { random: seededRandom(1), now: NOW });
        const careful = planRetry(
          diagnosis,
          { ...context, sideEffects: true },
          { random: seededRandom(1), now: NOW },
        );
        expect(careful.maxAttempts, name).toBeLessThanOrEqual(free.maxAttempts);
        expect(careful.retryable, name).toBe(free.retryable);
      }
    });
  }

  it("background plans wait at least as long in all as interactive ones", () => {
    for (const { name, diagnosis } of cases) {
      const i = planRetry(diagnosis, INTERACTIVE, { random: seededRandom(1), now: NOW });
      const b = planRetry(diagnosis, BACKGROUND, { random: seededRandom(1), now: NOW });
      if (i.retryable) expect(b.totalBudgetMs, name).toBeGreaterThanOrEqual(i.totalBudgetMs);
    }
  });
});

describe("transient server errors are retried with backoff", () => {
  it.each([
    ["api_error", 500],
    ["overloaded", 529],
    ["timeout", 504],
    ["connection", null],
  ] as const)("%s is retryable in both contexts", (branch, status) => {
    expect(plan(branch, { status }).retryable).toBe(true);
    expect(plan(branch, { status }, BACKGROUND).retryable).toBe(true);
  });

  it("gives a person seconds and a background job minutes", () => {
    const i = plan("api_error", { status: 500 });
    const b = plan("api_error", { status: 500 }, BACKGROUND);
    expect(i.totalBudgetMs).toBeLessThanOrEqual(30_000);
    expect(b.totalBudgetMs).toBeGreaterThanOrEqual(120_000);
    expect(b.maxAttempts).toBeGreaterThan(i.maxAttempts);
  });

  it("backs off longer for overload, and suggests lower concurrency and, deliberately, another model", () => {
    const overloaded = plan("overloaded", { status: 529 });
    expect(overloaded.schedule[0]?.maxDelayMs).toBeGreaterThan(
      plan("api_error", { status: 500 }).schedule[0]?.maxDelayMs ?? 0,
    );
    expect(overloaded.stopRule).toContain("lower your concurrency");
    expect(overloaded.stopRule).toContain("deliberate choice");
    expect(overloaded.stopRule).toContain("another model");
  });

  it("opens a circuit breaker for repeated 5xx/529 on a route, and not for limits or request errors", () => {
    expect(plan("overloaded", { status: 529 }).circuitBreaker).toEqual({
      failureThreshold: 5,
      windowMs: 60_000,
      probeAfterMs: 30_000,
    });
    expect(plan("api_error", { status: 502 }, BACKGROUND).circuitBreaker?.failureThreshold).toBe(10);
    expect(plan("unknown", { status: 503 }).circuitBreaker).not.toBeNull();
    expect(plan("rate_limit", { status: 429 }).circuitBreaker).toBeNull();
    expect(plan("invalid_request", { status: 400 }).circuitBreaker).toBeNull();
  });

  it("gives an interactive timeout a single retry, then streaming advice", () => {
    const p = plan("timeout", { status: 504 });
    expect(p.maxAttempts).toBe(2);
    expect(p.stopRule).toContain("stream");
  });
});

describe("connection failures that waiting cannot fix", () => {
  it.each([
    ["tls", "certificate"],
    ["dns", "region"],
    ["proxy", "proxy"],
  ])("%s is not retryable and says why", (variant, word) => {
    const p = plan("connection", {}, INTERACTIVE, variant);
    expect(p.retryable).toBe(false);
    expect(p.reason).toContain(word);
    expect(p.reason).toMatch(/waiting cannot|same way/);
  });

  it("a reset connection is retried", () => {
    expect(plan("connection", {}, INTERACTIVE, "reset").retryable).toBe(true);
  });
});

describe("rate limits honour retry-after", () => {
  it("never schedules a wait shorter than retry-after", () => {
    const p = plan("rate_limit", { status: 429, retryAfterMs: 20_000 });
    expect(p.retryable).toBe(true);
    expect(p.retryAfterMs).toBe(20_000);
    expect(p.schedule.every((w) => w.minDelayMs >= 20_000)).toBe(true);
  });

  it("backs off longer without retry-after", () => {
    const p = plan("rate_limit", { status: 429 });
    expect(p.schedule[0]).toMatchObject({ minDelayMs: 0, maxDelayMs: 2_000 });
  });

  it("sends a person away when retry-after is longer than they should wait, but lets a job wait", () => {
    const i = plan("rate_limit", { status: 429, retryAfterMs: 45_000 });
    expect(i.retryable).toBe(false);
    expect(i.resumeAt).toBe("2026-11-21T10:00:45.000Z");
    expect(i.stopRule).toContain("Do not retry until 2026-11-21 10:00:45 UTC");
    expect(i.stopRule).toContain("tell the user");
    const b = plan("rate_limit", { status: 429, retryAfterMs: 45_000 }, BACKGROUND);
    expect(b.retryable).toBe(true);
    expect(b.schedule[0]?.minDelayMs).toBe(45_000);
  });

  it("never waits more than 60 s in-process: a longer retry-after becomes a resume time", () => {
    const b = plan("api_error", { status: 522, retryAfterMs: 120_000 }, BACKGROUND);
    expect(b.retryable).toBe(false);
    expect(b.resumeAt).toBe("2026-11-21T10:02:00.000Z");
    expect(b.stopRule).toContain("re-enqueue");
  });

  it("treats a 429 that names a reset time as a wait for that time", () => {
    const p = plan("rate_limit", { status: 429, message: TIER_CAP_MESSAGE });
    expect(p.retryable).toBe(false);
    expect(p.resumeAt).toBe("2026-12-01T00:00:00.000Z");
  });
});

describe("x-should-retry: false", () => {
  it.each(["api_error", "overloaded", "rate_limit", "timeout", "unknown"] as const)("stops %s", (branch) => {
    const p = plan(branch, { status: 503, shouldRetry: false });
    expect(p.retryable).toBe(false);
    expect(p.reason).toContain("x-should-retry: false");
    expect(p.sdkComparison.python.retriesThisCase).toBe(false);
    expect(p.sdkComparison.typescript.retriesThisCase).toBe(false);
  });
});

describe("spend caps, spend limits and plan limits wait for resumeAt", () => {
  for (const context of CONTEXTS) {
    it(`the tier spend cap is never retried before resumeAt (${context.mode}, side effects ${context.sideEffects})`, () => {
      const p = plan("billing", { status: 429, message: TIER_CAP_MESSAGE }, context, "tier_cap");
      expect(p.retryable).toBe(false);
      expect(p.maxAttempts).toBe(1);
      expect(p.schedule).toEqual([]);
      expect(p.resumeAt).toBe("2026-12-01T00:00:00.000Z");
      expect(p.stopRule).toMatch(/^Do not retry until 2026-12-01 00:00 UTC/);
    });
  }

  it("says the SDKs retry the tier spend cap anyway", () => {
    const p = plan("billing", { status: 429, message: TIER_CAP_MESSAGE }, INTERACTIVE, "tier_cap");
    expect(p.stopRule).toContain("SDKs retry this 429 anyway");
    expect(p.sdkComparison.python).toMatchObject({
      retriesThisCase: true,
      retriesWhenItShouldNot: true,
      attempts: 3,
    });
    expect(p.sdkComparison.typescript.retriesWhenItShouldNot).toBe(true);
    expect(p.sdkComparison.summary).toContain("cannot succeed before access returns");
  });

  it("infers the 429 of a tier cap pasted without its status", () => {
    const p = plan("billing", { status: null, message: TIER_CAP_MESSAGE }, INTERACTIVE, "tier_cap");
    expect(p.sdkComparison.python.retriesThisCase).toBe(true);
  });

  it("a user-set spend limit (400) waits for its date and the SDKs do not retry it", () => {
    const message =
      "You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.";
    const p = plan("billing", { status: 400, message }, INTERACTIVE, "spend_limit");
    expect(p.resumeAt).toBe("2026-12-01T00:00:00.000Z");
    expect(p.sdkComparison.python.retriesThisCase).toBe(false);
  });

  it("a user-set spend limit without a date waits for a reset or a raise", () => {
    const p = plan("billing", { status: 400 }, INTERACTIVE, "spend_limit");
    expect(p.stopRule).toMatch(/^Do not retry until the limit resets or is raised/);
  });

  it("credits: not until credits are added", () => {
    const message = "Your credit balance is too low to access the Anthropic API.";
    const p = plan("billing", { status: 400, message }, INTERACTIVE, "credits");
    expect(p.retryable).toBe(false);
    expect(p.resumeAt).toBeNull();
    expect(p.stopRule).toContain("Do not retry until credits are added");
  });

  it("a plan limit with an epoch waits for it", () => {
    const message = "Claude AI usage limit reached|1764000000";
    const p = plan("subscription_limit", { status: 429, message, occurredAt: "2025-11-24T12:00:00Z" });
    expect(p.retryable).toBe(false);
    expect(p.resumeAt).toBe("2025-11-24T16:00:00.000Z");
    expect(p.stopRule).toContain("Do not retry until 2025-11-24 16:00 UTC");
    expect(p.sdkComparison.claudeCode.retriesThisCase).toBe(false);
  });

  it("an old paste whose reset time has passed says to check with one request", () => {
    const message =
      "You have reached your specified API usage limits. You will regain access on 2025-07-01 at 00:00 UTC.";
    const p = plan("billing", { status: 400, message, occurredAt: null }, INTERACTIVE, "spend_limit");
    expect(p.retryable).toBe(false);
    expect(p.resumeAt).toBe("2025-07-01T00:00:00.000Z");
    expect(p.stopRule).toContain("has already passed");
  });

  it("a plan limit read in local time says that it assumed the zone", () => {
    const p = plan("subscription_limit", {
      status: 429,
      message: "You've hit your session limit · resets 3:45pm",
    });
    expect(p.resumeAt).toBe("2026-11-21T15:45:00.000Z");
    expect(p.stopRule).toContain("local time without a zone");
  });

  it("a plan limit without a time points at /status", () => {
    const p = plan("subscription_limit", {
      status: 429,
      message: "This request would exceed your account's rate limit.",
    });
    expect(p.retryable).toBe(false);
    expect(p.resumeAt).toBeNull();
    expect(p.stopRule).toContain("/status");
  });
});

describe("request errors are not retried, except 408, 409 and 429", () => {
  it.each([
    ["invalid_request", 400],
    ["context_window", 400],
    ["request_too_large", 413],
    ["authentication", 401],
    ["permission", 403],
    ["not_found", 404],
  ] as const)("%s (%i) is not retryable", (branch, status) => {
    const p = plan(branch, { status });
    expect(p.retryable).toBe(false);
    expect(p.stopRule).toMatch(/^Do not retry/);
    expect(p.sdkComparison.python.retriesThisCase).toBe(false);
  });

  it.each([408, 409, 429])("invalid_request with status %i is retryable", (status) => {
    expect(plan("invalid_request", { status }).retryable).toBe(true);
  });
});

describe("unknown errors are treated conservatively", () => {
  it("retries a 5xx once interactively and twice in the background", () => {
    expect(plan("unknown", { status: 503 }).maxAttempts).toBe(2);
    expect(plan("unknown", { status: 503 }, BACKGROUND).maxAttempts).toBe(3);
  });

  it.each([null, 400, 418])("does not retry status %s", (status) => {
    expect(plan("unknown", { status }).retryable).toBe(false);
  });
});

describe("errors inside a stream", () => {
  it("resumes from the partial output instead of resending, and notes the SDKs do not retry it", () => {
    const p = plan("overloaded", { status: null, streaming: true });
    expect(p.retryable).toBe(true);
    expect(p.reason).toContain("continue from the partial output");
    expect(p.idempotency).toContain("rather than resending");
    expect(p.sdkComparison.python.retriesThisCase).toBe(false);
    expect(p.sdkComparison.python.note).toContain("not an error inside a stream");
    expect(p.sdkComparison.python.givesUpFirst).toBe(true);
  });
});

describe("attempts a client already made", () => {
  const exhausted = { status: 529, surface: "claude-code", attempts: { seen: 10, of: 10 } } as const;

  it("interactive: stops and says Claude Code already gave up", () => {
    const p = plan("overloaded", exhausted);
    expect(p.retryable).toBe(false);
    expect(p.reason).toContain("Claude Code already made 10 attempts");
    expect(p.sdkComparison.summary).toContain("where this plan stops");
  });

  it("background: a few more attempts that start slow", () => {
    const fresh = plan("overloaded", { status: 529 }, BACKGROUND);
    const p = plan("overloaded", exhausted, BACKGROUND);
    expect(p.retryable).toBe(true);
    expect(p.maxAttempts).toBeLessThanOrEqual(3);
    expect(p.schedule[0]?.maxDelayMs).toBeGreaterThan(fresh.schedule[0]?.maxDelayMs ?? 0);
    expect(p.reason).toContain("already gave up after 10 attempts");
  });

  it("still retrying: warns against wrapping its retries in another loop", () => {
    const p = plan("overloaded", { status: 529, surface: "claude-code", attempts: { seen: 3, of: 10 } });
    expect(p.stopRule).toContain("attempt 3 of 10");
    expect(p.stopRule).toContain("multiply");
  });
});

describe("side effects", () => {
  it("asks for an idempotency key and allows fewer blind retries", () => {
    const free = plan("api_error", { status: 500 }, BACKGROUND);
    const careful = plan("api_error", { status: 500 }, { mode: "background", sideEffects: true });
    expect(careful.maxAttempts).toBeLessThan(free.maxAttempts);
    expect(careful.idempotency).toContain("idempotency key");
    expect(careful.idempotency).not.toEqual(free.idempotency);
  });

  it("warns that a timed-out attempt may still have been processed", () => {
    expect(plan("timeout", { status: null }).idempotency).toContain("may still have been processed");
  });
});

describe("comparison with the SDK defaults and Claude Code", () => {
  it("encodes the SDK backoff: 2 retries, 0.5 s then 1 s, up to 25 % shorter", () => {
    const { python } = plan("api_error", { status: 500 }).sdkComparison;
    expect(python.delays).toEqual([
      { attempt: 2, minDelayMs: 375, maxDelayMs: 500 },
      { attempt: 3, minDelayMs: 750, maxDelayMs: 1_000 },
    ]);
    expect(python.givesUpFirst).toBe(true);
  });

  it("Python ignores a retry-after above 60 s; TypeScript honours it", () => {
    const { python, typescript } = plan(
      "rate_limit",
      { status: 429, retryAfterMs: 90_000 },
      BACKGROUND,
    ).sdkComparison;
    expect(python.retriesTooEarly).toBe(true);
    expect(python.note).toContain("ignores the retry-after");
    expect(typescript.retriesTooEarly).toBe(false);
    expect(typescript.delays[0]).toMatchObject({ minDelayMs: 90_000, maxDelayMs: 90_000 });
  });

  it("Claude Code makes 10 attempts with its observed delays", () => {
    const { claudeCode } = plan("overloaded", { status: 529 }).sdkComparison;
    expect(claudeCode).toMatchObject({ attempts: 10, delaysSource: "observed", retriesThisCase: true });
    expect(claudeCode.delays.map((d) => d.maxDelayMs / 1000)).toEqual([1, 1, 2, 5, 10, 18, 33, 39, 34]);
  });

  it("uses the attempt count a Claude Code paste shows (CLAUDE_CODE_MAX_RETRIES)", () => {
    const { claudeCode } = plan("api_error", {
      status: 500,
      surface: "claude-code",
      attempts: { seen: 1, of: 5 },
    }).sdkComparison;
    expect(claudeCode.attempts).toBe(5);
  });
});

describe("determinism", () => {
  const diagnosis = makeDiagnosis({
    branch: "overloaded",
    evidence: { status: 529, occurredAt: OCCURRED_AT },
  });

  it("the same random and clock give the same plan", () => {
    const a = planRetry(diagnosis, BACKGROUND, { random: seededRandom(42), now: NOW });
    const b = planRetry(diagnosis, BACKGROUND, { random: seededRandom(42), now: NOW });
    expect(a).toEqual(b);
  });

  it("randomness moves only the sampled delays, never the windows", () => {
    const a = planRetry(diagnosis, BACKGROUND, { random: seededRandom(1), now: NOW });
    const b = planRetry(diagnosis, BACKGROUND, { random: seededRandom(2), now: NOW });
    const windows = (p: RetryPlan) =>
      p.schedule.map(({ attempt, minDelayMs, maxDelayMs }) => [attempt, minDelayMs, maxDelayMs]);
    expect(windows(a)).toEqual(windows(b));
    expect(a.schedule.map((w) => w.sampleDelayMs)).not.toEqual(b.schedule.map((w) => w.sampleDelayMs));
  });

  it("the clock matters only when the error's own time is missing", () => {
    const message = "resets 2am";
    const withTime = makeDiagnosis({
      branch: "subscription_limit",
      evidence: { message, occurredAt: OCCURRED_AT },
    });
    const early = planRetry(withTime, INTERACTIVE, {
      random: Math.random,
      now: new Date("2020-01-01T00:00:00Z"),
    });
    const late = planRetry(withTime, INTERACTIVE, {
      random: Math.random,
      now: new Date("2030-01-01T00:00:00Z"),
    });
    expect(early.resumeAt).toBe(late.resumeAt);
    const withoutTime = makeDiagnosis({ branch: "subscription_limit", evidence: { message } });
    const fromNow = planRetry(withoutTime, INTERACTIVE, {
      random: Math.random,
      now: new Date("2030-01-01T05:00:00Z"),
    });
    expect(fromNow.resumeAt).toBe("2030-01-02T02:00:00.000Z");
  });
});

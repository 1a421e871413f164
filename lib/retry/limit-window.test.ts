import { describe, expect, it } from "vitest";
import { planRetry } from "./plan";
import { makeDiagnosis } from "./test-diagnosis";

const NOW = new Date("2026-12-07T03:00:00Z");

describe("a 429 that names a per-minute limit and shows no retry-after", () => {
  const limited = makeDiagnosis({
    branch: "rate_limit",
    evidence: {
      status: 429,
      occurredAt: "2026-12-07T03:00:00Z",
      message:
        "This request would exceed the rate limit for your organization of 50,000 input tokens per minute.",
    },
  });

  it("sends a person back when the window has refilled, not into a 14 s burst", () => {
    const p = planRetry(
      limited,
      { mode: "interactive", sideEffects: false },
      { random: () => 0.5, now: NOW },
    );
    expect(p).toMatchObject({ retryable: false, schedule: [], resumeAt: "2026-12-07T03:01:00.000Z" });
    expect(p.reason).toMatch(/names a limit per minute and shows no retry-after/);
  });

  it("spreads a job's attempts over the window: no wait under 30 s, at least a minute in all", () => {
    const p = planRetry(limited, { mode: "background", sideEffects: false }, { random: () => 0.5, now: NOW });
    expect(p.retryable).toBe(true);
    expect(p.schedule.every((w) => w.minDelayMs >= 30_000)).toBe(true);
    expect(p.schedule.reduce((sum, w) => sum + w.minDelayMs, 0)).toBeGreaterThanOrEqual(60_000);
  });
});

import { describe, expect, it } from "vitest";
import { planRetry } from "@/lib/retry/plan";
import type { RetryContext } from "@/lib/retry/schema";
import { makeDiagnosis, type DiagnosisFixture } from "@/lib/retry/test-diagnosis";
import {
  MAX_TICK_INTERVALS,
  MIN_BAR_WIDTH,
  barSpan,
  buildTimeline,
  cumulativeWindows,
  describeTimeline,
  scaleX,
  tickStep,
  timeAxis,
  timelineTable,
  type ScheduleTimeline,
} from "./retry-timeline";

const NOW = new Date("2026-11-21T14:03:12Z");
const INTERACTIVE: RetryContext = { mode: "interactive", sideEffects: false };
const BACKGROUND: RetryContext = { mode: "background", sideEffects: false };

function planFor(fixture: DiagnosisFixture, context: RetryContext = INTERACTIVE) {
  return planRetry(makeDiagnosis(fixture), context, { random: () => 0.5, now: NOW });
}

function scheduleOf(fixture: DiagnosisFixture, context?: RetryContext): ScheduleTimeline {
  const timeline = buildTimeline(planFor(fixture, context));
  if (timeline.kind !== "schedule") throw new Error(`expected a schedule, got ${timeline.kind}`);
  return timeline;
}

const RATE_LIMIT_20S: DiagnosisFixture = {
  branch: "rate_limit",
  evidence: { status: 429, retryAfterMs: 20_000 },
};
const TIER_CAP: DiagnosisFixture = {
  branch: "billing",
  variant: "tier_cap",
  evidence: {
    status: 429,
    message:
      "You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization's API tier. You will regain access on 2026-12-01 at 00:00 UTC.",
  },
};

describe("the time scale", () => {
  it("maps 0 to the left edge, the domain end to the right and clamps outside it", () => {
    expect(scaleX(0, 20_000)).toBe(0);
    expect(scaleX(5_000, 20_000)).toBe(25);
    expect(scaleX(20_000, 20_000)).toBe(100);
    expect(scaleX(30_000, 20_000)).toBe(100);
    expect(scaleX(-1, 20_000)).toBe(0);
    expect(scaleX(1_000, 0)).toBe(0);
  });

  it("picks readable steps: whole seconds, then whole minutes", () => {
    expect(tickStep(21_000)).toBe(5_000);
    expect(tickStep(7_000)).toBe(2_000);
    expect(tickStep(110_000)).toBe(30_000);
    expect(tickStep(600_000)).toBe(120_000);
    expect(tickStep(0)).toBe(100);
  });

  it("ends the axis on a tick at or past the latest time, with at most five intervals", () => {
    for (const maxMs of [1, 499, 1_500, 21_000, 40_000, 110_000, 333_333, 600_000, 5 * 86_400_000]) {
      const { domainMs, ticks } = timeAxis(maxMs);
      expect(domainMs).toBeGreaterThanOrEqual(maxMs);
      expect(ticks.length - 1).toBeLessThanOrEqual(MAX_TICK_INTERVALS);
      expect(ticks[0]).toEqual({ ms: 0, x: 0, label: "0 s" });
      expect(ticks[ticks.length - 1]?.ms).toBe(domainMs);
      expect(ticks[ticks.length - 1]?.x).toBe(100);
    }
  });

  it("labels ticks in words", () => {
    expect(timeAxis(21_000).ticks.map((t) => t.label)).toEqual([
      "0 s",
      "5 s",
      "10 s",
      "15 s",
      "20 s",
      "25 s",
    ]);
    expect(timeAxis(110_000).ticks.map((t) => t.label)).toEqual([
      "0 s",
      "30 s",
      "1 min",
      "1 min 30 s",
      "2 min",
    ]);
  });
});

describe("attempt windows", () => {
  it("add up the waits before each attempt: shortest for the start, longest for the end", () => {
    expect(
      cumulativeWindows([
        { attempt: 2, minDelayMs: 0, maxDelayMs: 1_000 },
        { attempt: 3, minDelayMs: 0, maxDelayMs: 2_000 },
        { attempt: 4, minDelayMs: 500, maxDelayMs: 4_000 },
      ]),
    ).toEqual([
      { attempt: 2, startMs: 0, endMs: 1_000 },
      { attempt: 3, startMs: 0, endMs: 3_000 },
      { attempt: 4, startMs: 500, endMs: 7_000 },
    ]);
  });

  it("widens a window of no length around its middle so it stays visible, inside the plot", () => {
    expect(barSpan(10_000, 10_000, 20_000)).toEqual({
      x0: 50 - MIN_BAR_WIDTH / 2,
      x1: 50 + MIN_BAR_WIDTH / 2,
    });
    expect(barSpan(0, 0, 20_000)).toEqual({ x0: 0, x1: MIN_BAR_WIDTH });
    const end = barSpan(20_000, 20_000, 20_000);
    expect(end.x1).toBeCloseTo(100);
    expect(barSpan(5_000, 10_000, 20_000)).toEqual({ x0: 25, x1: 50 });
  });
});

describe("the timeline of a plan", () => {
  it("draws a 429's retry-after as a line that no window of the plan starts before", () => {
    const timeline = scheduleOf(RATE_LIMIT_20S);
    expect(timeline.retryAfter).toMatchObject({ ms: 20_000, label: "retry-after 20 s" });
    const planRows = timeline.rows.filter((r) => r.group === "plan");
    expect(planRows.length).toBeGreaterThan(0);
    for (const row of planRows) {
      expect(row.startMs).toBeGreaterThanOrEqual(20_000);
      expect(row.x0).toBeGreaterThanOrEqual(timeline.retryAfter?.x ?? 100);
    }
  });

  it("has one row per retry of the plan, then the SDK defaults, all inside the axis", () => {
    for (const context of [INTERACTIVE, BACKGROUND]) {
      const plan = planFor(RATE_LIMIT_20S, context);
      const timeline = scheduleOf(RATE_LIMIT_20S, context);
      const planRows = timeline.rows.filter((r) => r.group === "plan");
      expect(planRows.map((r) => r.attempt)).toEqual(plan.schedule.map((w) => w.attempt));
      expect(planRows[planRows.length - 1]?.endMs).toBe(plan.totalBudgetMs);
      // Both SDKs wait the retry-after here, so one lane stands for both.
      const sdkRows = timeline.rows.filter((r) => r.group === "sdk");
      expect(sdkRows.map((r) => r.label)).toEqual(["SDK 2", "SDK 3"]);
      expect(sdkRows.map((r) => r.startMs)).toEqual([20_000, 40_000]);
      for (const row of timeline.rows) {
        expect(row.x0).toBeGreaterThanOrEqual(0);
        expect(row.x1).toBeLessThanOrEqual(100);
        expect(row.x1).toBeGreaterThan(row.x0);
        expect(row.endMs).toBeLessThanOrEqual(timeline.domainMs);
      }
    }
  });

  it("gives the SDKs a lane each when Python ignores a retry-after over 60 s", () => {
    const long = buildTimeline(
      planFor({ branch: "rate_limit", evidence: { status: 429, retryAfterMs: 90_000 } }, BACKGROUND),
    );
    // 90 s is past the 60 s cap between attempts: the plan comes back at that time instead.
    expect(long.kind).toBe("blocked");
    if (long.kind !== "blocked") return;
    expect(new Set(long.rows.map((r) => r.client))).toEqual(
      new Set(["Python SDK defaults", "TypeScript SDK defaults"]),
    );
  });

  it("shows a tier spend cap as blocked until access returns, with no window of the plan", () => {
    const timeline = buildTimeline(planFor(TIER_CAP));
    expect(timeline.kind).toBe("blocked");
    if (timeline.kind !== "blocked") return;
    expect(timeline.resumeAt).toBe("2026-12-01T00:00:00.000Z");
    expect(timeline.resumeLabel).toBe("1 Dec 2026, 00:00 UTC");
    expect(timeline.rows.every((r) => r.group === "sdk")).toBe(true);
    // The SDKs retry this 429 anyway: the chart shows their futile attempts.
    expect(timeline.rows).toHaveLength(2);
    expect(describeTimeline(timeline)).toContain("do not retry until 1 Dec 2026, 00:00 UTC");
  });

  it("draws nothing when no client makes another attempt", () => {
    const timeline = buildTimeline(planFor({ branch: "authentication", evidence: { status: 401 } }));
    expect(timeline).toEqual({ kind: "none" });
    expect(describeTimeline(timeline)).toBe("No client makes another attempt.");
  });

  it("keeps the SDK lane when the plan stops but the SDKs still retry", () => {
    const timeline = scheduleOf({
      branch: "overloaded",
      evidence: { status: 529, surface: "sdk-python", attempts: { seen: 3, of: 3 } },
    });
    expect(timeline.rows.some((r) => r.group === "plan")).toBe(false);
    expect(timeline.rows.some((r) => r.group === "sdk")).toBe(true);
    expect(describeTimeline(timeline)).toContain("This plan makes no further attempt.");
  });

  it("describes in words what the bars and the line show", () => {
    const text = describeTimeline(scheduleOf(RATE_LIMIT_20S));
    expect(text).toContain("This plan: attempt 2 between 20 s and 21 s.");
    expect(text).toContain("Python and TypeScript SDK defaults: attempt 2 at 20 s, attempt 3 at 40 s.");
    expect(text).toContain("retry-after ends at 20 s");
  });

  it("gives the same data as a table: one row per attempt, one column per lane", () => {
    const table = timelineTable(scheduleOf(RATE_LIMIT_20S));
    expect(table.columns).toEqual(["This plan", "Python and TypeScript SDK defaults"]);
    expect(table.rows).toEqual([
      { attempt: 2, cells: ["20 s to 21 s", "20 s"] },
      { attempt: 3, cells: [null, "40 s"] },
    ]);
    const blocked = timelineTable(buildTimeline(planFor(TIER_CAP)));
    expect(blocked.rows.every((row) => row.cells[0] === null)).toBe(true);
    expect(timelineTable({ kind: "none" })).toEqual({ columns: [], rows: [] });
  });
});

import { describe, expect, it } from "vitest";
import { MAX_WAIT_MS, backoffWindow, buildWindows, sampleDelay } from "./backoff";

const BACKOFF = { baseMs: 1_000, capMs: 10_000 };

describe("backoffWindow: capped exponential growth with full jitter", () => {
  it("doubles from the base and starts every window at zero", () => {
    expect([0, 1, 2, 3].map((n) => backoffWindow(n, BACKOFF))).toEqual([
      { minDelayMs: 0, maxDelayMs: 1_000 },
      { minDelayMs: 0, maxDelayMs: 2_000 },
      { minDelayMs: 0, maxDelayMs: 4_000 },
      { minDelayMs: 0, maxDelayMs: 8_000 },
    ]);
  });

  it("stops growing at the cap, even after very many retries", () => {
    expect(backoffWindow(4, BACKOFF)).toEqual({ minDelayMs: 0, maxDelayMs: 10_000 });
    expect(backoffWindow(5_000, BACKOFF)).toEqual({ minDelayMs: 0, maxDelayMs: 10_000 });
  });

  it("never lets a cap above 60 s through", () => {
    expect(backoffWindow(20, { baseMs: 1_000, capMs: 600_000 })).toEqual({
      minDelayMs: 0,
      maxDelayMs: MAX_WAIT_MS,
    });
  });

  it("starts at the retry-after floor and jitters above it", () => {
    expect(backoffWindow(0, BACKOFF, 20_000)).toEqual({ minDelayMs: 20_000, maxDelayMs: 21_000 });
    expect(backoffWindow(2, BACKOFF, 20_000)).toEqual({ minDelayMs: 20_000, maxDelayMs: 24_000 });
  });

  it("rounds a fractional floor up, so no wait ends before it", () => {
    expect(backoffWindow(0, BACKOFF, 1_500.2)?.minDelayMs).toBe(1_501);
  });

  it("keeps the jittered top under 60 s and gives up when the floor leaves no room", () => {
    expect(backoffWindow(3, BACKOFF, 55_000)).toEqual({ minDelayMs: 55_000, maxDelayMs: MAX_WAIT_MS });
    expect(backoffWindow(0, BACKOFF, MAX_WAIT_MS)).toBeNull();
    expect(backoffWindow(0, BACKOFF, 120_000)).toBeNull();
  });
});

describe("sampleDelay", () => {
  const window = { minDelayMs: 2_000, maxDelayMs: 6_000 };

  it("maps random 0 to the window's start and values near 1 to its end", () => {
    expect(sampleDelay(window, () => 0)).toBe(2_000);
    expect(sampleDelay(window, () => 0.5)).toBe(4_000);
    expect(sampleDelay(window, () => 0.999_999_999)).toBe(6_000);
  });

  it("stays inside the window when random misbehaves", () => {
    expect(sampleDelay(window, () => 1)).toBe(6_000);
    expect(sampleDelay(window, () => -3)).toBe(2_000);
  });

  it("returns whole milliseconds", () => {
    for (const r of [0.1, 0.33, 0.71]) expect(Number.isInteger(sampleDelay(window, () => r))).toBe(true);
  });
});

describe("buildWindows", () => {
  it("makes maxAttempts - 1 windows when the budget allows", () => {
    const windows = buildWindows({ backoff: BACKOFF, maxAttempts: 4, floorMs: 0, budgetMs: 30_000 });
    expect(windows.map((w) => w.maxDelayMs)).toEqual([1_000, 2_000, 4_000]);
  });

  it("stops before the sum of the window maxima would pass the budget", () => {
    const windows = buildWindows({ backoff: BACKOFF, maxAttempts: 10, floorMs: 0, budgetMs: 8_000 });
    expect(windows.map((w) => w.maxDelayMs)).toEqual([1_000, 2_000, 4_000]);
  });

  it("continues the exponent from firstRetry", () => {
    const windows = buildWindows({
      backoff: BACKOFF,
      maxAttempts: 3,
      floorMs: 0,
      budgetMs: 60_000,
      firstRetry: 3,
    });
    expect(windows.map((w) => w.maxDelayMs)).toEqual([8_000, 10_000]);
  });

  it("returns no window when the floor alone is over the budget or the cap", () => {
    expect(buildWindows({ backoff: BACKOFF, maxAttempts: 4, floorMs: 45_000, budgetMs: 30_000 })).toEqual([]);
    expect(buildWindows({ backoff: BACKOFF, maxAttempts: 4, floorMs: 90_000, budgetMs: 600_000 })).toEqual(
      [],
    );
  });
});

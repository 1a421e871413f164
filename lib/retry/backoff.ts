// Capped exponential backoff with full jitter: each wait is drawn uniformly from [0, min(cap, base * 2^n)]
// (Marc Brooker, "Exponential Backoff and Jitter", AWS Architecture Blog, 2015). Full jitter spreads a crowd
// of clients that failed together, which is what a 529 or a shared rate limit produces.

/** The longest single wait any plan schedules (issue 4: "a cap of at most 60 s between attempts"). */
export const MAX_WAIT_MS = 60_000;

/** Exponential growth from `baseMs`, never above `capMs` (itself never above MAX_WAIT_MS). */
export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** The range one wait is drawn from, in milliseconds. */
export interface DelayWindow {
  minDelayMs: number;
  maxDelayMs: number;
}

/**
 * The window for the wait after `retriesTaken` retries (0 for the first wait). With a `floorMs` (the server's
 * retry-after) the window starts at the floor and jitters above it by the same ceiling, so clients told the same
 * retry-after still spread out. Null when the floor leaves no room under MAX_WAIT_MS.
 */
export function backoffWindow(retriesTaken: number, backoff: Backoff, floorMs = 0): DelayWindow | null {
  const cap = Math.min(backoff.capMs, MAX_WAIT_MS);
  const ceiling = Math.max(1, Math.round(Math.min(cap, backoff.baseMs * 2 ** Math.max(0, retriesTaken))));
  const floor = Math.ceil(Math.max(0, floorMs));
  if (floor === 0) return { minDelayMs: 0, maxDelayMs: ceiling };
  const max = Math.min(MAX_WAIT_MS, floor + ceiling);
  return max > floor ? { minDelayMs: floor, maxDelayMs: max } : null;
}

/** One real wait drawn uniformly from the window; `random` returns values in [0, 1) like Math.random. */
export function sampleDelay(window: DelayWindow, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return window.minDelayMs + Math.floor(r * (window.maxDelayMs - window.minDelayMs + 1));
}

/** What a schedule may use. `firstRetry` skips ahead when earlier attempts already failed elsewhere. */
export interface ScheduleLimits {
  backoff: Backoff;
  maxAttempts: number;
  floorMs: number;
  budgetMs: number;
  firstRetry?: number;
}

/** Windows for up to maxAttempts - 1 retries, stopping before the sum of their maxima exceeds the budget. */
export function buildWindows(limits: ScheduleLimits): DelayWindow[] {
  const windows: DelayWindow[] = [];
  let worstCase = 0;
  for (let i = 0; i < limits.maxAttempts - 1; i += 1) {
    const window = backoffWindow((limits.firstRetry ?? 0) + i, limits.backoff, limits.floorMs);
    if (window === null || worstCase + window.maxDelayMs > limits.budgetMs) break;
    windows.push(window);
    worstCase += window.maxDelayMs;
  }
  return windows;
}

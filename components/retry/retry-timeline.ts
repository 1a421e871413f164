import { formatDuration } from "@/lib/retry/format";
import { formatUtc as formatInstant } from "../ui/format-time";
import type { RetryPlan, RetryWindow, SdkBehaviour } from "@/lib/retry/schema";

// Geometry of the retry timeline chart: pure, so it is unit-tested without a browser. x values are percent of
// the plot width (the SVG's viewBox is 100 wide and stretches to its box); times are ms after the first failure.

/** One attempt's window on the chart: when it can happen, measured from the first failure. */
export interface TimelineRow {
  key: string;
  group: "plan" | "sdk";
  /** What the row's label says, e.g. "Attempt 2" or "SDK 3". */
  label: string;
  /** Who makes the attempt, for the text alternative. */
  client: string;
  attempt: number;
  startMs: number;
  endMs: number;
  x0: number;
  x1: number;
}

export interface TimelineTick {
  ms: number;
  x: number;
  label: string;
}

/** A time axis with every attempt window of the plan and of the SDK defaults, and the retry-after line. */
export interface ScheduleTimeline {
  kind: "schedule";
  domainMs: number;
  ticks: TimelineTick[];
  rows: TimelineRow[];
  retryAfter: { ms: number; x: number; label: string } | null;
}

/** No attempt can succeed before `resumeAt`: a blocked span ending at the marker, not to scale. */
export interface BlockedTimeline {
  kind: "blocked";
  resumeAt: string;
  resumeLabel: string;
  /** The SDKs' futile retries, all bunched at the start of the span. */
  rows: TimelineRow[];
}

export type Timeline = ScheduleTimeline | BlockedTimeline | { kind: "none" };

/** Tick steps a person reads without arithmetic: whole seconds, then whole minutes, then hours. */
const TICK_STEPS_MS = [
  100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
] as const;

/** At most this many intervals between ticks, so their labels fit side by side at 360 px. */
export const MAX_TICK_INTERVALS = 5;

/** Width a window of zero length is drawn with, so a fixed SDK wait stays visible. */
export const MIN_BAR_WIDTH = 0.8;

/** The smallest step from TICK_STEPS_MS that covers `maxMs` in at most `intervals` steps. */
export function tickStep(maxMs: number, intervals = MAX_TICK_INTERVALS): number {
  const needed = Math.max(maxMs, 1) / intervals;
  return TICK_STEPS_MS.find((step) => step >= needed) ?? Math.ceil(needed / 86_400_000) * 86_400_000;
}

/** The axis end (a whole number of steps, at least one) and its ticks from 0. */
export function timeAxis(maxMs: number): { domainMs: number; ticks: TimelineTick[] } {
  const step = tickStep(maxMs);
  const intervals = Math.max(1, Math.ceil(maxMs / step));
  const domainMs = intervals * step;
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => {
    const ms = i * step;
    return { ms, x: scaleX(ms, domainMs), label: formatDuration(ms) };
  });
  return { domainMs, ticks };
}

/** Percent of the plot width for a time, clamped to the plot. */
export function scaleX(ms: number, domainMs: number): number {
  if (domainMs <= 0) return 0;
  return Math.min(100, Math.max(0, (ms / domainMs) * 100));
}

/**
 * Each wait counts from the failure before it; on a timeline, attempt n lies between the sum of the shortest
 * waits before it and the sum of the longest (every attempt assumed to fail at once).
 */
export function cumulativeWindows(waits: readonly RetryWindow[]): Array<{
  attempt: number;
  startMs: number;
  endMs: number;
}> {
  let earliest = 0;
  let latest = 0;
  return waits.map((w) => {
    earliest += w.minDelayMs;
    latest += w.maxDelayMs;
    return { attempt: w.attempt, startMs: earliest, endMs: latest };
  });
}

interface Lane {
  group: TimelineRow["group"];
  client: string;
  prefix: string;
  waits: readonly RetryWindow[];
}

/** The SDK lanes: one for both SDKs when they would wait the same, else one each; Claude Code stays in the table. */
export function sdkLanes(python: SdkBehaviour, typescript: SdkBehaviour): Lane[] {
  const retrying = [python, typescript].filter((c) => c.retriesThisCase && c.delays.length > 0);
  const [first, second] = retrying;
  if (first && second && sameWaits(first.delays, second.delays)) {
    return [
      { group: "sdk", client: "Python and TypeScript SDK defaults", prefix: "SDK", waits: first.delays },
    ];
  }
  return retrying.map((c) => ({
    group: "sdk",
    client: c.client === "python" ? "Python SDK defaults" : "TypeScript SDK defaults",
    prefix: c.client === "python" ? "Py SDK" : "TS SDK",
    waits: c.delays,
  }));
}

function sameWaits(a: readonly RetryWindow[], b: readonly RetryWindow[]): boolean {
  return (
    a.length === b.length &&
    a.every((w, i) => w.minDelayMs === b[i]?.minDelayMs && w.maxDelayMs === b[i]?.maxDelayMs)
  );
}

function lanesFor(plan: RetryPlan): Lane[] {
  const { python, typescript } = plan.sdkComparison;
  return [
    { group: "plan", client: "This plan", prefix: "Attempt", waits: plan.schedule },
    ...sdkLanes(python, typescript),
  ];
}

function rowsOf(lanes: Lane[], place: (startMs: number, endMs: number) => { x0: number; x1: number }) {
  return lanes.flatMap((lane) =>
    cumulativeWindows(lane.waits).map(({ attempt, startMs, endMs }) => ({
      key: `${lane.prefix}-${attempt}`,
      group: lane.group,
      label: `${lane.prefix} ${attempt}`,
      client: lane.client,
      attempt,
      startMs,
      endMs,
      ...place(startMs, endMs),
    })),
  );
}

/** Bar ends in percent, widened around their middle to MIN_BAR_WIDTH and kept inside the plot. */
export function barSpan(startMs: number, endMs: number, domainMs: number): { x0: number; x1: number } {
  const x0 = scaleX(startMs, domainMs);
  const x1 = scaleX(endMs, domainMs);
  if (x1 - x0 >= MIN_BAR_WIDTH) return { x0, x1 };
  const left = Math.min(Math.max(0, (x0 + x1) / 2 - MIN_BAR_WIDTH / 2), 100 - MIN_BAR_WIDTH);
  return { x0: left, x1: left + MIN_BAR_WIDTH };
}

/** The chart for a plan: a time axis with windows, a blocked span until access returns, or nothing to draw. */
export function buildTimeline(plan: RetryPlan): Timeline {
  const lanes = lanesFor(plan);
  if (plan.resumeAt !== null) {
    const sdkOnly = lanes.filter((lane) => lane.group === "sdk");
    return {
      kind: "blocked",
      resumeAt: plan.resumeAt,
      resumeLabel: formatInstant(plan.resumeAt),
      // Seconds against days: drawn at the very start, where they happen.
      rows: rowsOf(sdkOnly, () => ({ x0: 0, x1: MIN_BAR_WIDTH * 2 })),
    };
  }
  const windows = lanes.flatMap((lane) => cumulativeWindows(lane.waits));
  if (windows.length === 0) return { kind: "none" };
  const latest = Math.max(plan.retryAfterMs ?? 0, ...windows.map((w) => w.endMs));
  const { domainMs, ticks } = timeAxis(latest);
  return {
    kind: "schedule",
    domainMs,
    ticks,
    rows: rowsOf(lanes, (startMs, endMs) => barSpan(startMs, endMs, domainMs)),
    retryAfter:
      plan.retryAfterMs === null
        ? null
        : {
            ms: plan.retryAfterMs,
            x: scaleX(plan.retryAfterMs, domainMs),
            label: `retry-after ${formatDuration(plan.retryAfterMs)}`,
          },
  };
}

/** A window in words: "at 20 s" when it has no width, else "between 0 s and 1 s". */
export function windowText(startMs: number, endMs: number): string {
  return startMs === endMs
    ? `at ${formatDuration(startMs)}`
    : `between ${formatDuration(startMs)} and ${formatDuration(endMs)}`;
}

/** The chart's description for screen readers: the same facts the bars and lines show. */
export function describeTimeline(timeline: Timeline): string {
  if (timeline.kind === "none") return "No client makes another attempt.";
  const byClient = new Map<string, TimelineRow[]>();
  for (const row of timeline.rows) byClient.set(row.client, [...(byClient.get(row.client) ?? []), row]);
  if (timeline.kind === "blocked") {
    const sdk = [...byClient.entries()].map(([client, rows]) => {
      const last = rows[rows.length - 1]?.endMs ?? 0;
      return `${client} retry ${rows.length} times anyway, the last ${formatDuration(last)} after the first failure.`;
    });
    return [
      `No attempt is scheduled: do not retry until ${timeline.resumeLabel}, when access returns.`,
      ...sdk,
      "Not to scale.",
    ].join(" ");
  }
  const parts = [`Time after the first failure, from 0 s to ${formatDuration(timeline.domainMs)}.`];
  if (!byClient.has("This plan")) parts.push("This plan makes no further attempt.");
  for (const [client, rows] of byClient) {
    parts.push(
      `${client}: ${rows.map((r) => `attempt ${r.attempt} ${windowText(r.startMs, r.endMs)}`).join(", ")}.`,
    );
  }
  if (timeline.retryAfter)
    parts.push(`The server's retry-after ends at ${formatDuration(timeline.retryAfter.ms)}.`);
  return parts.join(" ");
}

/** The chart's data as a table: one row per attempt number, one column per lane (the plan first). */
export interface TimelineTable {
  columns: string[];
  rows: Array<{ attempt: number; cells: Array<string | null> }>;
}

/** A window as a table cell: "20 s" when it has no width, else "20 s to 21 s". */
export function windowCell(startMs: number, endMs: number): string {
  return startMs === endMs
    ? formatDuration(startMs)
    : `${formatDuration(startMs)} to ${formatDuration(endMs)}`;
}

/** Rows and lanes of a timeline, regrouped for a text table; a null cell means that lane makes no such attempt. */
export function timelineTable(timeline: Timeline): TimelineTable {
  if (timeline.kind === "none") return { columns: [], rows: [] };
  const columns = [
    "This plan",
    ...new Set(timeline.rows.filter((r) => r.group === "sdk").map((r) => r.client)),
  ];
  const attempts = [...new Set(timeline.rows.map((r) => r.attempt))].sort((a, b) => a - b);
  return {
    columns,
    rows: attempts.map((attempt) => ({
      attempt,
      cells: columns.map((client) => {
        const row = timeline.rows.find((r) => r.client === client && r.attempt === attempt);
        return row ? windowCell(row.startMs, row.endMs) : null;
      }),
    })),
  };
}

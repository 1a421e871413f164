import type { ReactNode } from "react";
import type { RetryPlan } from "@/lib/retry/schema";
import {
  buildTimeline,
  describeTimeline,
  timelineTable,
  type BlockedTimeline,
  type ScheduleTimeline,
  type Timeline,
  type TimelineRow,
} from "./retry-timeline";

// Inline SVG, no chart library. The SVG is stretched to its box (preserveAspectRatio="none", x in percent), so
// it holds rectangles only; every word sits in HTML beside it, where it keeps its size at 360 px.

const ROW_PX = 20;
const BAR_PX = 10;
const MARK_WIDTH = 0.5;

const BAR_CLASS = {
  plan: "fill-blue-600 dark:fill-blue-400",
  sdk: "fill-zinc-400 dark:fill-zinc-500",
} as const satisfies Record<TimelineRow["group"], string>;

/** The schedule of a plan on a time axis, with the SDK defaults beneath it and the same data as a table. */
export function RetryTimelineChart({ plan, idPrefix }: { plan: RetryPlan; idPrefix: string }) {
  const timeline = buildTimeline(plan);
  if (timeline.kind === "none") {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Nothing to draw: neither this plan nor the SDK defaults make another attempt.
      </p>
    );
  }
  const titleId = `${idPrefix}-chart-title`;
  const descId = `${idPrefix}-chart-desc`;
  return (
    <figure aria-labelledby={titleId} className="min-w-0 space-y-2">
      <figcaption id={titleId} className="text-sm font-semibold">
        {timeline.kind === "schedule" ? "When each attempt can happen" : "When an attempt can succeed"}
      </figcaption>
      <Legend timeline={timeline} />
      {timeline.kind === "schedule" ? (
        <SchedulePlot timeline={timeline} titleId={titleId} descId={descId} />
      ) : (
        <BlockedPlot timeline={timeline} titleId={titleId} descId={descId} />
      )}
      <TimelineTableView timeline={timeline} />
    </figure>
  );
}

function Legend({ timeline }: { timeline: ScheduleTimeline | BlockedTimeline }) {
  const hasPlan = timeline.rows.some((r) => r.group === "plan");
  const hasSdk = timeline.rows.some((r) => r.group === "sdk");
  return (
    <ul
      aria-hidden="true"
      className="flex flex-wrap gap-x-3 gap-y-1 text-[11px] text-zinc-600 dark:text-zinc-400"
    >
      {hasPlan ? <Swatch className="bg-blue-600 dark:bg-blue-400">this plan</Swatch> : null}
      {hasSdk ? <Swatch className="bg-zinc-400 dark:bg-zinc-500">SDK defaults</Swatch> : null}
      {timeline.kind === "schedule" && timeline.retryAfter ? (
        <Swatch line className="bg-amber-600 dark:bg-amber-400">
          retry-after
        </Swatch>
      ) : null}
      {timeline.kind === "blocked" ? (
        <>
          <Swatch className="bg-rose-200 dark:bg-rose-400/30">no attempt can succeed</Swatch>
          <Swatch line className="bg-rose-600 dark:bg-rose-400">
            access returns
          </Swatch>
        </>
      ) : null}
    </ul>
  );
}

function Swatch({
  className,
  line = false,
  children,
}: {
  className: string;
  line?: boolean;
  children: string;
}) {
  return (
    <li className="flex items-center gap-1">
      <span className={`inline-block h-2.5 rounded-[1px] ${line ? "w-0.5" : "w-3"} ${className}`} />
      {children}
    </li>
  );
}

/** Row labels on the left, the plot on the right; `above` and `below` hold the plot's HTML labels. */
function PlotFrame({
  labels,
  above,
  below,
  children,
}: {
  labels: string[];
  above: ReactNode;
  below: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="grid grid-cols-[4.25rem_minmax(0,1fr)] gap-x-2 text-[11px] text-zinc-600 dark:text-zinc-400">
      <div aria-hidden="true" />
      <div aria-hidden="true" className="relative h-4">
        {above}
      </div>
      <ul aria-hidden="true" className="tabular-nums">
        {labels.map((label) => (
          <li key={label} className="truncate leading-5" style={{ height: ROW_PX }}>
            {label}
          </li>
        ))}
      </ul>
      <div className="relative">{children}</div>
      <div aria-hidden="true" />
      <div aria-hidden="true" className="relative h-4 tabular-nums">
        {below}
      </div>
    </div>
  );
}

/** A label placed at x percent, kept inside the plot at either end. */
function AxisLabel({ x, children, className = "" }: { x: number; children: string; className?: string }) {
  const shift = x <= 5 ? "0%" : x >= 95 ? "-100%" : "-50%";
  return (
    <span
      className={`absolute top-0 whitespace-nowrap ${className}`}
      style={{ left: `${x}%`, transform: `translateX(${shift})` }}
    >
      {children}
    </span>
  );
}

function Svg({
  rows,
  titleId,
  descId,
  title,
  desc,
  children,
}: {
  rows: number;
  titleId: string;
  descId: string;
  title: string;
  desc: string;
  children: ReactNode;
}) {
  const height = Math.max(1, rows) * ROW_PX;
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId}-svg`}
      aria-describedby={descId}
      viewBox={`0 0 100 ${height}`}
      preserveAspectRatio="none"
      width="100%"
      height={height}
      className="block overflow-visible"
    >
      <title id={`${titleId}-svg`}>{title}</title>
      <desc id={descId}>{desc}</desc>
      <rect x={0} y={height - 1} width={100} height={1} className="fill-zinc-300 dark:fill-zinc-700" />
      {children}
    </svg>
  );
}

function Bars({ rows }: { rows: TimelineRow[] }) {
  return rows.map((row, i) => (
    <rect
      key={row.key}
      data-attempt={row.attempt}
      data-group={row.group}
      x={row.x0}
      y={i * ROW_PX + (ROW_PX - BAR_PX) / 2}
      width={row.x1 - row.x0}
      height={BAR_PX}
      rx={0}
      className={BAR_CLASS[row.group]}
    />
  ));
}

function SchedulePlot({
  timeline,
  titleId,
  descId,
}: {
  timeline: ScheduleTimeline;
  titleId: string;
  descId: string;
}) {
  const height = Math.max(1, timeline.rows.length) * ROW_PX;
  const { retryAfter } = timeline;
  return (
    <PlotFrame
      labels={timeline.rows.map((r) => r.label)}
      above={
        retryAfter ? (
          <AxisLabel x={retryAfter.x} className="font-medium text-amber-800 dark:text-amber-300">
            {retryAfter.label}
          </AxisLabel>
        ) : null
      }
      below={timeline.ticks.map((tick) => (
        <AxisLabel key={tick.ms} x={tick.x}>
          {tick.label}
        </AxisLabel>
      ))}
    >
      <Svg
        rows={timeline.rows.length}
        titleId={titleId}
        descId={descId}
        title="Retry timeline: attempt windows after the first failure"
        desc={describeTimeline(timeline)}
      >
        {timeline.ticks.map((tick) => (
          <rect
            key={tick.ms}
            x={Math.min(tick.x, 100 - 0.15)}
            y={0}
            width={0.15}
            height={height}
            className="fill-zinc-200 dark:fill-zinc-800"
          />
        ))}
        {/* Under the bars: an SDK wait of exactly the retry-after would hide behind the line otherwise. */}
        {retryAfter ? (
          <rect
            data-marker="retry-after"
            x={Math.min(Math.max(0, retryAfter.x - MARK_WIDTH / 2), 100 - MARK_WIDTH)}
            y={0}
            width={MARK_WIDTH}
            height={height}
            className="fill-amber-600 dark:fill-amber-400"
          />
        ) : null}
        <Bars rows={timeline.rows} />
      </Svg>
    </PlotFrame>
  );
}

function BlockedPlot({
  timeline,
  titleId,
  descId,
}: {
  timeline: BlockedTimeline;
  titleId: string;
  descId: string;
}) {
  const rows = 1 + timeline.rows.length;
  const height = rows * ROW_PX;
  return (
    <PlotFrame
      labels={["This plan", ...timeline.rows.map((r) => r.label)]}
      above={
        <AxisLabel x={100} className="font-medium text-rose-800 dark:text-rose-300">
          {`access returns ${timeline.resumeLabel}`}
        </AxisLabel>
      }
      below={
        <>
          <AxisLabel x={0}>the error</AxisLabel>
          <AxisLabel x={100}>not to scale</AxisLabel>
        </>
      }
    >
      <Svg
        rows={rows}
        titleId={titleId}
        descId={descId}
        title="Retry timeline: no attempt before access returns"
        desc={describeTimeline(timeline)}
      >
        <rect
          data-marker="blocked"
          x={0}
          y={(ROW_PX - BAR_PX) / 2}
          width={100}
          height={BAR_PX}
          className="fill-rose-200 dark:fill-rose-400/30"
        />
        <g transform={`translate(0 ${ROW_PX})`}>
          <Bars rows={timeline.rows} />
        </g>
        <rect
          data-marker="resume-at"
          x={100 - MARK_WIDTH}
          y={0}
          width={MARK_WIDTH}
          height={height}
          className="fill-rose-600 dark:fill-rose-400"
        />
      </Svg>
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 truncate px-1 text-center leading-5 font-medium text-rose-900 dark:text-rose-200"
      >
        {`do not retry until ${timeline.resumeLabel}`}
      </span>
    </PlotFrame>
  );
}

const CELL = "px-2 py-1 text-left align-top";

function TimelineTableView({ timeline }: { timeline: Timeline }) {
  const table = timelineTable(timeline);
  if (table.rows.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-collapse text-xs tabular-nums">
        <caption className="sr-only">Attempt times after the first failure, by client</caption>
        <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className={CELL}>
              Attempt
            </th>
            {table.columns.map((column) => (
              <th key={column} scope="col" className={CELL}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.attempt} className="border-t border-zinc-200 dark:border-zinc-800">
              <th scope="row" className={`${CELL} font-medium`}>
                {row.attempt}
              </th>
              {row.cells.map((cell, i) => (
                <td key={table.columns[i]} className={CELL}>
                  {cell ?? <span className="text-zinc-500 dark:text-zinc-400">none</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

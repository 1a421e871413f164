import type { CorrelationRelation } from "@/lib/status/correlate";
import { formatUtc, utcParts } from "../ui/format-time";
import type { StatusComponent, StatusImpact, StatusIndicator, StatusSource } from "@/lib/status/reading";

// Words and colours for the status page's values. Colour only repeats what the text says.

/** Dot colour for the page-wide indicator (README "Indicator vs impact": never derived from impact). */
export const INDICATOR_DOT: Record<StatusIndicator, string> = {
  none: "bg-emerald-500",
  minor: "bg-amber-400",
  major: "bg-orange-500",
  critical: "bg-rose-600",
  maintenance: "bg-sky-500",
  unknown: "bg-zinc-400 dark:bg-zinc-500",
};

export const COMPONENT_STATUS_LABELS: Record<StatusComponent["status"], string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
  unknown: "Unknown",
};

export const COMPONENT_STATUS_DOT: Record<StatusComponent["status"], string> = {
  operational: "bg-emerald-500",
  degraded_performance: "bg-amber-400",
  partial_outage: "bg-orange-500",
  major_outage: "bg-rose-600",
  under_maintenance: "bg-sky-500",
  unknown: "bg-zinc-400 dark:bg-zinc-500",
};

export const IMPACT_LABELS: Record<StatusImpact, string> = {
  none: "no impact",
  minor: "minor impact",
  major: "major impact",
  critical: "critical impact",
  maintenance: "maintenance",
  unknown: "impact unknown",
};

/** Short tag for a reading that is not this moment's fetch; null for a live one. */
export const SOURCE_TAGS: Record<StatusSource, string | null> = {
  live: null,
  cached: "cached",
  stale: "stale",
  unavailable: "unavailable",
};

export const RELATION_LABELS: Record<CorrelationRelation, string> = {
  during: "during",
  "shortly-before": "shortly before",
  "shortly-after": "shortly after",
};

// One date format for the whole page (components/ui/format-time.ts).
export { formatUtc };

/** "2 May 2026, 13:20–14:05 UTC" within one day, else both ends in full; an open end reads "ongoing". */
export function formatUtcSpan(from: string | null, to: string | null): string {
  const start = utcParts(from);
  const end = utcParts(to);
  if (start === null) return formatUtc(to);
  if (to === null) return `${formatUtc(from)} – ongoing`;
  if (end !== null && end.day === start.day) return `${start.day}, ${start.time}–${end.time} UTC`;
  return `${formatUtc(from)} – ${formatUtc(to)}`;
}

import type { StatusIncident } from "./reading";

/** When an incident was active, in epoch ms; `end` is Infinity while it is unresolved. */
export type IncidentSpan = { start: number; end: number };

/** `postmortem` means finished, the same as `resolved` (README, incident `status`). */
export function isFinished(incident: Pick<StatusIncident, "status" | "resolvedAt">): boolean {
  return incident.resolvedAt !== null || incident.status === "resolved" || incident.status === "postmortem";
}

/**
 * Start is the earlier of `started_at` and `created_at`; end is `resolved_at`, else the newest
 * update time for a finished incident that lacks one, else when it stopped being listed, else open
 * (README, incident `started_at`).
 */
export function incidentSpan(incident: StatusIncident): IncidentSpan {
  const created = Date.parse(incident.createdAt);
  const started = incident.startedAt === null ? created : Date.parse(incident.startedAt);
  const start = Math.min(created, started);
  if (incident.resolvedAt !== null) return { start, end: Math.max(start, Date.parse(incident.resolvedAt)) };
  if (isFinished(incident)) return { start, end: Math.max(start, Date.parse(incident.updatedAt)) };
  // No longer listed and not settled: known active only up to the reading that dropped it.
  if (incident.unlistedAt != null) return { start, end: Math.max(start, Date.parse(incident.unlistedAt)) };
  return { start, end: Number.POSITIVE_INFINITY };
}

/** True when the incident was active at some moment of [from, to]. */
export function spanOverlaps(span: IncidentSpan, from: number, to: number): boolean {
  return span.start <= to && span.end >= from;
}

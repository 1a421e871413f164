import { z } from "zod";
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES, INDICATORS, MAINTENANCE_STATUSES } from "./schemas";

// The normalised reading the app serves at GET /api/status and the widget parses. Times are UTC
// ISO-8601 strings; values the upstream adds later read as "unknown".

/** Where a reading came from: this request's fetch, the TTL cache, an old good fetch, or nothing. */
export const STATUS_SOURCES = ["live", "cached", "stale", "unavailable"] as const;
export const statusSourceSchema = z.enum(STATUS_SOURCES);
export type StatusSource = z.infer<typeof statusSourceSchema>;

export const statusIndicatorSchema = z.enum([...INDICATORS, "unknown"]);
/** The page-wide rollup; never derived from incident impact (README "Indicator vs impact"). */
export type StatusIndicator = z.infer<typeof statusIndicatorSchema>;

export const statusImpactSchema = z.enum([...IMPACTS, "unknown"]);
export type StatusImpact = z.infer<typeof statusImpactSchema>;

/** One component as it is now. */
export const statusComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum([...COMPONENT_STATUSES, "unknown"]),
  updatedAt: z.string(),
});
export type StatusComponent = z.infer<typeof statusComponentSchema>;

/** One incident, with the components it touched recovered from its updates when unlinked. */
export const statusIncidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  impact: statusImpactSchema,
  status: z.enum([...INCIDENT_STATUSES, "unknown"]),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  shortlink: z.string().nullable(),
  url: z.string(),
  components: z.array(z.string()),
  componentIds: z.array(z.string()),
  /** The newest update's text, cut to LATEST_UPDATE_CHARS; absent in records stored before it was kept. */
  latestUpdate: z.string().nullable().optional(),
  /**
   * When a fresh reading of its page no longer listed this unresolved incident and its own page did not
   * settle it: it is not ongoing, and its span ends here. Absent or null while listed.
   */
  unlistedAt: z.string().nullable().optional(),
});
export type StatusIncident = z.infer<typeof statusIncidentSchema>;

/** How much of an incident's newest update is kept. */
export const LATEST_UPDATE_CHARS = 600;

/** A maintenance; `scheduledFor`/`scheduledUntil` is the window it runs in. */
export const statusMaintenanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum([...MAINTENANCE_STATUSES, "unknown"]),
  scheduledFor: z.string().nullable(),
  scheduledUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  shortlink: z.string().nullable(),
  url: z.string(),
  components: z.array(z.string()),
  componentIds: z.array(z.string()),
});
export type StatusMaintenance = z.infer<typeof statusMaintenanceSchema>;

/** The answer of GET /api/status. `checkedAt` is when the upstream last answered well, null if never. */
export const statusReadingSchema = z.object({
  indicator: statusIndicatorSchema,
  description: z.string(),
  checkedAt: z.string().nullable(),
  pageUpdatedAt: z.string().nullable(),
  source: statusSourceSchema,
  error: z.string().nullable(),
  components: z.array(statusComponentSchema),
  activeIncidents: z.array(statusIncidentSchema),
  maintenances: z.array(statusMaintenanceSchema),
});
export type StatusReading = z.infer<typeof statusReadingSchema>;

import { z } from "zod";

// Shapes of the public Statuspage v2 API as served by status.claude.com; field reference in
// ../shared/fixtures/statuspage/README.md. Objects strip keys they do not name, so new upstream
// fields pass; a missing or mistyped field we read is a malformed payload.

/**
 * A string enum that maps values it does not know to "unknown" instead of failing: the README
 * notes `indicator: maintenance` and `under_maintenance` exist beyond the documented lists, so
 * the next undocumented value must not turn the whole page into "unavailable".
 */
function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const known = new Set<string>(values);
  return z.string().transform((value): T[number] | "unknown" => (known.has(value) ? value : "unknown"));
}

/** ISO-8601 with a `Z` or a numeric offset (pages outside UTC send `-06:00`). */
export const statusTimestampSchema = z.iso.datetime({ offset: true });

export const INDICATORS = ["none", "minor", "major", "critical", "maintenance"] as const;
export const COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export const INCIDENT_STATUSES = [
  "investigating",
  "identified",
  "monitoring",
  "resolved",
  "postmortem",
] as const;
export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export const IMPACTS = ["none", "minor", "major", "critical", "maintenance"] as const;

export const indicatorSchema = openEnum(INDICATORS);
export const componentStatusSchema = openEnum(COMPONENT_STATUSES);
export const incidentStatusSchema = openEnum(INCIDENT_STATUSES);
export const maintenanceStatusSchema = openEnum(MAINTENANCE_STATUSES);
export const impactSchema = openEnum(IMPACTS);

/** The `page` object every v2 response carries. */
export const rawPageSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  time_zone: z.string().optional(),
  updated_at: statusTimestampSchema,
});

/** The page-wide rollup: `indicator` plus Statuspage's own description (do not branch on the text). */
export const rawStatusSchema = z.object({
  indicator: indicatorSchema,
  description: z.string(),
});

/** A component, top level or embedded in an incident (where it carries its status as of now). */
export const rawComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: componentStatusSchema,
  created_at: statusTimestampSchema.optional(),
  updated_at: statusTimestampSchema,
  position: z.number().optional(),
  description: z.string().nullable().optional(),
  showcase: z.boolean().optional(),
  start_date: z.string().nullable().optional(),
  group_id: z.string().nullable().optional(),
  page_id: z.string().optional(),
  group: z.boolean().optional(),
  only_show_if_degraded: z.boolean().optional(),
  components: z.array(z.string()).optional(),
});
export type RawComponent = z.infer<typeof rawComponentSchema>;

/** One entry of `affected_components`; `code` is the component id (join on it, names drift). */
export const rawAffectedComponentSchema = z.object({
  code: z.string(),
  name: z.string(),
  old_status: z.string().nullable().optional(),
  new_status: z.string().nullable().optional(),
});

export const rawIncidentUpdateSchema = z.object({
  id: z.string(),
  status: z.string(),
  body: z.string(),
  incident_id: z.string().optional(),
  created_at: statusTimestampSchema,
  updated_at: statusTimestampSchema.optional(),
  display_at: statusTimestampSchema.nullable().optional(),
  // The resolve update often has `null` here (README, incident kqbd7wm6hnnr).
  affected_components: z.array(rawAffectedComponentSchema).nullable().optional(),
});
export type RawIncidentUpdate = z.infer<typeof rawIncidentUpdateSchema>;

const incidentCoreShape = {
  id: z.string(),
  name: z.string(),
  created_at: statusTimestampSchema,
  updated_at: statusTimestampSchema,
  monitoring_at: statusTimestampSchema.nullable().optional(),
  resolved_at: statusTimestampSchema.nullable(),
  impact: impactSchema,
  shortlink: z.string().nullable().optional(),
  started_at: statusTimestampSchema.nullable().optional(),
  page_id: z.string().optional(),
  incident_updates: z.array(rawIncidentUpdateSchema),
  // `[]` when every component was unlinked at resolve time (README, kqbd7wm6hnnr).
  components: z.array(rawComponentSchema),
};

export const rawIncidentSchema = z.object({ ...incidentCoreShape, status: incidentStatusSchema });
export type RawIncident = z.infer<typeof rawIncidentSchema>;

/** A maintenance: an incident plus its window; `started_at` is when it was posted, not when it runs. */
export const rawMaintenanceSchema = z.object({
  ...incidentCoreShape,
  status: maintenanceStatusSchema,
  scheduled_for: statusTimestampSchema.nullable(),
  scheduled_until: statusTimestampSchema.nullable(),
});
export type RawMaintenance = z.infer<typeof rawMaintenanceSchema>;

/** GET /api/v2/status.json */
export const statusResponseSchema = z.object({ page: rawPageSchema, status: rawStatusSchema });
/** GET /api/v2/components.json */
export const componentsResponseSchema = z.object({
  page: rawPageSchema,
  components: z.array(rawComponentSchema),
});
/** GET /api/v2/incidents.json and /api/v2/incidents/unresolved.json */
export const incidentsResponseSchema = z.object({
  page: rawPageSchema,
  incidents: z.array(rawIncidentSchema),
});
/** GET /api/v2/scheduled-maintenances.json, …/upcoming.json, …/active.json */
export const maintenancesResponseSchema = z.object({
  page: rawPageSchema,
  scheduled_maintenances: z.array(rawMaintenanceSchema),
});
/** GET /api/v2/summary.json: components, unresolved incidents, upcoming or running maintenances. */
export const summaryResponseSchema = z.object({
  page: rawPageSchema,
  components: z.array(rawComponentSchema),
  incidents: z.array(rawIncidentSchema),
  scheduled_maintenances: z.array(rawMaintenanceSchema),
  status: rawStatusSchema,
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
export type IncidentsResponse = z.infer<typeof incidentsResponseSchema>;

/** A payload that is not JSON or not the documented shape; `message` names the document and path. */
export class StatusPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StatusPayloadError";
  }
}

const MAX_ISSUES_IN_MESSAGE = 3;

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Parses a response body with `schema`; throws StatusPayloadError such as
 * `summary.json: components[0].status: Invalid input: expected string, received number`.
 */
export function parseStatusPayload<S extends z.ZodType>(
  schema: S,
  body: string,
  document: string,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new StatusPayloadError(`${document}: not JSON (starts with ${JSON.stringify(body.slice(0, 40))})`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const shown = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
    .join("; ");
  const more =
    issues.length > MAX_ISSUES_IN_MESSAGE ? ` (+${issues.length - MAX_ISSUES_IN_MESSAGE} more)` : "";
  throw new StatusPayloadError(`${document}: ${shown}${more}`);
}

import { z } from "zod";
import type { Route, Surface } from "../diagnosis";
import { statusIncidentSchema, type StatusIncident } from "./reading";
import { incidentSpan } from "./span";

/** Default reach either side of the error time: impact often starts before the incident is posted. */
export const CORRELATION_WINDOW_MS = 30 * 60_000;

/** When the incident was, relative to the error: active then, ended before it, or began after it. */
export const correlationRelationSchema = z.enum(["during", "shortly-before", "shortly-after"]);
export type CorrelationRelation = z.infer<typeof correlationRelationSchema>;

/** An incident near the error time; `gapMs` is 0 for `during`, else the distance to the error. */
export const correlatedIncidentSchema = statusIncidentSchema.extend({
  relation: correlationRelationSchema,
  matchesSurface: z.boolean(),
  gapMs: z.number().nonnegative(),
});
export type CorrelatedIncident = z.infer<typeof correlatedIncidentSchema>;

/** A status-page component a surface's requests pass through. */
export type SurfaceComponent = { id: string; name: string; matchesName: (name: string) => boolean };

// Real ids of the Claude page (README "The Claude page: components"). Names are matched too, for
// pages served from another STATUS_PAGE_URL, by prefix because the API's name carries its host.
const CLAUDE_API: SurfaceComponent = {
  id: "k8w3r06qmzrp",
  name: "Claude API (api.anthropic.com)",
  matchesName: (name) => name.startsWith("Claude API"),
};
const CLAUDE_CODE: SurfaceComponent = {
  id: "yyzkbfz2thpt",
  name: "Claude Code",
  matchesName: (name) => name === "Claude Code",
};
const CLAUDE_AI: SurfaceComponent = {
  id: "rwppv331jlwc",
  name: "claude.ai",
  matchesName: (name) => name.toLowerCase() === "claude.ai",
};

/**
 * The components an error's requests pass through, most specific last: Claude API for the SDKs, curl and
 * gateways; Claude API and Claude Code for Claude Code (its API errors come from the API); claude.ai for the
 * browser. Bedrock and Vertex answer on their own platform's page, so none of Anthropic's components is
 * their path (Anthropic's page is context there). Empty when nothing says which.
 */
export function surfaceComponents(surface: Surface, route: Route = "unknown"): SurfaceComponent[] {
  if (route === "bedrock" || route === "vertex") return [];
  if (surface === "browser") return [CLAUDE_AI];
  if (surface === "claude-code") return [CLAUDE_API, CLAUDE_CODE];
  if (surface === "curl" || surface.startsWith("sdk-")) return [CLAUDE_API];
  return route === "unknown" ? [] : [CLAUDE_API];
}

/** The first component of `surfaceComponents`, or null: the one to name when one name is wanted. */
export function surfaceComponent(surface: Surface, route: Route = "unknown"): SurfaceComponent | null {
  return surfaceComponents(surface, route)[0] ?? null;
}

/** True when the incident lists the component, by id first (names drift), else by name. */
export function incidentTouches(incident: StatusIncident, component: SurfaceComponent): boolean {
  return incident.componentIds.includes(component.id) || incident.components.some(component.matchesName);
}

/** True when the incident lists any component the error's requests pass through. */
export function incidentOnPath(
  incident: StatusIncident,
  surface: Surface,
  route: Route = "unknown",
): boolean {
  return surfaceComponents(surface, route).some((component) => incidentTouches(incident, component));
}

export type CorrelateOptions = {
  /** The error time; null or unparseable gives no correlation. */
  occurredAt: string | Date | null;
  surface: Surface;
  route?: Route;
  windowMs?: number;
};

const RELATION_ORDER: Record<CorrelationRelation, number> = {
  during: 0,
  "shortly-after": 1,
  "shortly-before": 2,
};

function toEpoch(value: string | Date | null): number | null {
  if (value === null) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Incidents active at `occurredAt` or within `windowMs` of it, those on the surface's component
 * first, then `during` before the others, then nearest. Duplicate ids count once.
 */
export function correlateIncidents(
  incidents: readonly StatusIncident[],
  { occurredAt, surface, route, windowMs = CORRELATION_WINDOW_MS }: CorrelateOptions,
): CorrelatedIncident[] {
  const at = toEpoch(occurredAt);
  if (at === null) return [];
  const seen = new Set<string>();
  const found: { incident: CorrelatedIncident; start: number }[] = [];
  for (const incident of incidents) {
    if (seen.has(incident.id)) continue;
    seen.add(incident.id);
    const { start, end } = incidentSpan(incident);
    let relation: CorrelationRelation;
    let gapMs: number;
    if (start <= at && at <= end) [relation, gapMs] = ["during", 0];
    else if (end < at && at - end <= windowMs) [relation, gapMs] = ["shortly-before", at - end];
    else if (start > at && start - at <= windowMs) [relation, gapMs] = ["shortly-after", start - at];
    else continue;
    const matchesSurface = incidentOnPath(incident, surface, route);
    found.push({ incident: { ...incident, relation, matchesSurface, gapMs }, start });
  }
  found.sort(
    (a, b) =>
      Number(b.incident.matchesSurface) - Number(a.incident.matchesSurface) ||
      RELATION_ORDER[a.incident.relation] - RELATION_ORDER[b.incident.relation] ||
      a.incident.gapMs - b.incident.gapMs ||
      b.start - a.start ||
      a.incident.id.localeCompare(b.incident.id),
  );
  return found.map((entry) => entry.incident);
}

import type { Route, Surface } from "../diagnosis";
import type { StatusContext } from "./context";
import {
  CORRELATION_WINDOW_MS,
  incidentOnPath,
  surfaceComponent,
  surfaceComponents,
  type CorrelatedIncident,
} from "./correlate";
import type { StatusIncident } from "./reading";

/** Said whenever the page shows nothing: absence of an incident is weak evidence. */
export const GREEN_PAGE_CAVEAT =
  "A green status page does not prove your path is healthy: incidents are often posted after the impact starts, and problems in your network, account or gateway never show there.";
/** Said when the only incidents are on components the error did not pass through. */
export const OTHER_COMPONENT_CAVEAT = "An incident on another component is not your answer.";

/** "just now", "40 s ago", "12 min ago", "3 h ago", "2 d ago"; "never" for a null time. */
export function formatAgo(iso: string | null, now: number): string {
  if (iso === null) return "never";
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return "at an unknown time";
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

function minutes(ms: number): string {
  const value = Math.max(1, Math.round(ms / 60_000));
  return `${value} min`;
}

/** How the incident sits in time against the error, e.g. "ended 12 min before the error". */
export function relationPhrase(incident: CorrelatedIncident): string {
  switch (incident.relation) {
    case "during":
      return "was active when the error happened";
    case "shortly-before":
      return `ended ${minutes(incident.gapMs)} before the error`;
    case "shortly-after":
      return `was posted ${minutes(incident.gapMs)} after the error`;
  }
}

function componentList(incident: StatusIncident): string {
  return incident.components.length > 0 ? incident.components.join(", ") : "no listed component";
}

function routeNote(route: Route): string | null {
  if (route === "bedrock")
    return "The request went through Amazon Bedrock; Anthropic's status page covers Anthropic's own services, not Bedrock.";
  if (route === "vertex")
    return "The request went through Google Vertex AI; Anthropic's status page covers Anthropic's own services, not Vertex AI.";
  if (route === "openrouter" || route === "litellm" || route === "other-gateway")
    return "The request went through a gateway; a problem in the gateway itself does not show on Anthropic's status page.";
  return null;
}

export type StatusNotesOptions = {
  surface: Surface;
  route?: Route;
  /** The error time the correlation used; null when the paste gave none. */
  occurredAt: string | null;
  now: number;
  windowMs?: number;
};

/**
 * Plain sentences saying what the status page does and does not tell about this error, most
 * important first. Never claims more than the page shows.
 */
export function statusContextNotes(context: StatusContext, options: StatusNotesOptions): string[] {
  const { surface, route = "unknown", occurredAt, now, windowMs = CORRELATION_WINDOW_MS } = options;
  const notes: string[] = [];
  const viaRoute = routeNote(route);
  const unavailable = context.source === "unavailable";
  if (unavailable) {
    notes.push(
      "The status page could not be read, so this says nothing either way about an Anthropic incident.",
    );
    if (viaRoute !== null) notes.push(viaRoute);
    // Incidents stored from earlier readings still count; the page's present state does not.
    if (occurredAt === null || context.correlatedIncidents.length === 0) return notes;
  }
  if (context.source === "stale") {
    notes.push(
      `Status as last read ${formatAgo(context.checkedAt, now)}; the status page has not answered since.`,
    );
  }
  if (viaRoute !== null && !unavailable) notes.push(viaRoute);

  const preferred = surfaceComponent(surface, route);
  if (occurredAt !== null) {
    const matching = context.correlatedIncidents.filter((incident) => incident.matchesSurface);
    const others = context.correlatedIncidents.filter((incident) => !incident.matchesSurface);
    for (const incident of matching) {
      notes.push(
        `"${incident.name}" on ${componentList(incident)} ${relationPhrase(incident)}: a likely cause, worth checking against its updates.`,
      );
    }
    if (matching.length === 0 && others.length > 0) {
      const first = others[0];
      if (first !== undefined && preferred !== null) {
        notes.push(
          `Around that time the status page shows "${first.name}" on ${componentList(first)}, not on ${preferred.name}. ${OTHER_COMPONENT_CAVEAT}`,
        );
      } else if (first !== undefined) {
        notes.push(
          `Around that time the status page shows "${first.name}" on ${componentList(first)}; which component this error passed through is not known, so treat it as context, not the answer.`,
        );
      }
    }
    if (context.correlatedIncidents.length === 0) {
      notes.push(
        `The status page shows no incident within ${minutes(windowMs)} of the error. ${GREEN_PAGE_CAVEAT}`,
      );
    }
    return notes;
  }

  const open = context.activeIncidents;
  const onPath =
    surfaceComponents(surface, route).length === 0
      ? open
      : open.filter((incident) => incidentOnPath(incident, surface, route));
  if (onPath.length > 0) {
    for (const incident of onPath)
      notes.push(`Open incident now: "${incident.name}" on ${componentList(incident)}.`);
  } else if (open.length > 0 && preferred !== null) {
    notes.push(
      `The open incidents are on other components than ${preferred.name}. ${OTHER_COMPONENT_CAVEAT}`,
    );
  } else {
    notes.push(`The status page shows no open incident. ${GREEN_PAGE_CAVEAT}`);
  }
  return notes;
}

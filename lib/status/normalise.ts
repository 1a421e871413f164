import type {
  RawComponent,
  RawIncident,
  RawIncidentUpdate,
  RawMaintenance,
  SummaryResponse,
} from "./schemas";
import {
  LATEST_UPDATE_CHARS,
  type StatusComponent,
  type StatusIncident,
  type StatusMaintenance,
  type StatusReading,
} from "./reading";

/** Current component names by id, used to name components that an incident only references. */
export type ComponentCatalogue = ReadonlyMap<string, string>;

function utc(timestamp: string): string {
  return new Date(timestamp).toISOString();
}

function utcOrNull(timestamp: string | null | undefined): string | null {
  return timestamp == null ? null : utc(timestamp);
}

export function catalogueOf(components: readonly RawComponent[]): ComponentCatalogue {
  return new Map(components.map((component) => [component.id, component.name]));
}

/**
 * The components an incident touched: its linked components, then every `affected_components`
 * code in its updates (Anthropic unlinks all components on resolve, README `kqbd7wm6hnnr`).
 * Joined on id and named by the current catalogue, because names in old updates are stale.
 */
function touchedComponents(
  linked: readonly RawComponent[],
  updates: readonly RawIncidentUpdate[],
  catalogue: ComponentCatalogue,
): { ids: string[]; names: string[] } {
  const names = new Map<string, string>();
  for (const component of linked) names.set(component.id, catalogue.get(component.id) ?? component.name);
  for (const update of updates) {
    for (const affected of update.affected_components ?? []) {
      if (!names.has(affected.code)) names.set(affected.code, catalogue.get(affected.code) ?? affected.name);
    }
  }
  return { ids: [...names.keys()], names: [...names.values()] };
}

function incidentUrl(pageUrl: string, id: string): string {
  const base = pageUrl.endsWith("/") ? pageUrl.slice(0, -1) : pageUrl;
  return `${base}/incidents/${id}`;
}

export function normaliseComponent(raw: RawComponent): StatusComponent {
  return { id: raw.id, name: raw.name, status: raw.status, updatedAt: utc(raw.updated_at) };
}

export function normaliseIncident(
  raw: RawIncident,
  catalogue: ComponentCatalogue,
  pageUrl: string,
): StatusIncident {
  const touched = touchedComponents(raw.components, raw.incident_updates, catalogue);
  return {
    id: raw.id,
    name: raw.name,
    impact: raw.impact,
    status: raw.status,
    createdAt: utc(raw.created_at),
    updatedAt: utc(raw.updated_at),
    startedAt: utcOrNull(raw.started_at),
    resolvedAt: utcOrNull(raw.resolved_at),
    shortlink: raw.shortlink ?? null,
    url: incidentUrl(pageUrl, raw.id),
    components: touched.names,
    componentIds: touched.ids,
    latestUpdate: latestUpdateOf(raw.incident_updates),
  };
}

/** The newest update's text, whitespace folded and cut to LATEST_UPDATE_CHARS; null without updates. */
function latestUpdateOf(updates: readonly RawIncidentUpdate[]): string | null {
  let newest: RawIncidentUpdate | null = null;
  for (const update of updates) {
    if (newest === null || Date.parse(update.created_at) > Date.parse(newest.created_at)) newest = update;
  }
  if (newest === null) return null;
  const text = newest.body.replace(/\s+/g, " ").trim();
  return text.length > LATEST_UPDATE_CHARS ? `${text.slice(0, LATEST_UPDATE_CHARS - 1)}…` : text;
}

export function normaliseMaintenance(
  raw: RawMaintenance,
  catalogue: ComponentCatalogue,
  pageUrl: string,
): StatusMaintenance {
  const touched = touchedComponents(raw.components, raw.incident_updates, catalogue);
  return {
    id: raw.id,
    name: raw.name,
    status: raw.status,
    scheduledFor: utcOrNull(raw.scheduled_for),
    scheduledUntil: utcOrNull(raw.scheduled_until),
    createdAt: utc(raw.created_at),
    updatedAt: utc(raw.updated_at),
    resolvedAt: utcOrNull(raw.resolved_at),
    shortlink: raw.shortlink ?? null,
    url: incidentUrl(pageUrl, raw.id),
    components: touched.names,
    componentIds: touched.ids,
  };
}

/** summary.json as a live reading checked at `checkedAt`. */
export function normaliseSummary(summary: SummaryResponse, checkedAt: string): StatusReading {
  const catalogue = catalogueOf(summary.components);
  const pageUrl = summary.page.url;
  return {
    indicator: summary.status.indicator,
    description: summary.status.description,
    checkedAt,
    pageUpdatedAt: utc(summary.page.updated_at),
    source: "live",
    error: null,
    components: summary.components.filter((component) => component.group !== true).map(normaliseComponent),
    activeIncidents: summary.incidents.map((incident) => normaliseIncident(incident, catalogue, pageUrl)),
    maintenances: summary.scheduled_maintenances.map((m) => normaliseMaintenance(m, catalogue, pageUrl)),
  };
}

import type { StatusIncident } from "./reading";
import { incidentSpan, spanOverlaps } from "./span";

/**
 * Every incident the app has seen, kept past the upstream's 50-incident window. Adapters (memory
 * here; SQLite and Postgres later) implement this and share one contract suite.
 */
export interface IncidentHistoryStore {
  /** Inserts new incidents and replaces known ones with their newer version (by `updatedAt`). */
  upsertIncidents(incidents: readonly StatusIncident[]): Promise<void>;
  /** Incidents active at any moment of [from, to], newest start first. */
  incidentsBetween(from: Date, to: Date): Promise<StatusIncident[]>;
}

/**
 * Keeps the older record when the newer one arrives with fewer linked components: Statuspage
 * unlinks components on resolve, and an incident first seen after that has lost them.
 */
export function mergeIncident(previous: StatusIncident | undefined, next: StatusIncident): StatusIncident {
  if (previous === undefined) return next;
  if (Date.parse(next.updatedAt) < Date.parse(previous.updatedAt)) return previous;
  const ids = [...next.componentIds];
  const names = [...next.components];
  previous.componentIds.forEach((id, index) => {
    if (ids.includes(id)) return;
    ids.push(id);
    names.push(previous.components[index] ?? id);
  });
  return { ...next, componentIds: ids, components: names };
}

/** Incidents newest start first, ties by id so every adapter answers in the same order. */
export function byNewestStart(a: StatusIncident, b: StatusIncident): number {
  const delta = incidentSpan(b).start - incidentSpan(a).start;
  return delta !== 0 ? delta : a.id.localeCompare(b.id);
}

/** An in-process store; history lasts as long as the server process. */
export function createMemoryIncidentHistory(): IncidentHistoryStore {
  const byId = new Map<string, StatusIncident>();
  return {
    async upsertIncidents(incidents) {
      for (const incident of incidents)
        byId.set(incident.id, mergeIncident(byId.get(incident.id), structuredClone(incident)));
    },
    async incidentsBetween(from, to) {
      const lo = from.getTime();
      const hi = to.getTime();
      return [...byId.values()]
        .filter((incident) => spanOverlaps(incidentSpan(incident), lo, hi))
        .sort(byNewestStart)
        .map((incident) => structuredClone(incident));
    },
  };
}

import type { StatusIncident } from "./reading";
import { incidentSpan, spanOverlaps } from "./span";

/**
 * Every incident the app has seen, kept past the upstream's 50-incident window, per status page: an
 * incident read from one page (say a local mock) is never answered for another. `origin` is the page's
 * URL origin (`statusOrigin`). This interface is owned here; lib/store's adapters (SQLite, PostgreSQL)
 * and the memory one below implement it and share one contract suite (testing/history-contract.ts),
 * so lib/store depends on lib/status and never the other way.
 */
export interface IncidentHistoryStore {
  /** Inserts new incidents and replaces known ones with their newer version (by `updatedAt`). */
  upsertIncidents(origin: string, incidents: readonly StatusIncident[]): Promise<void>;
  /** Incidents active at any moment of [from, to], newest start first. */
  incidentsBetween(origin: string, from: Date, to: Date): Promise<StatusIncident[]>;
  /** Incidents stored with no end: neither resolved nor marked no longer listed. */
  openIncidents(origin: string): Promise<StatusIncident[]>;
}

/** The key incidents are stored under: the status page's URL origin ("https://status.claude.com"). */
export function statusOrigin(pageUrl: string): string {
  try {
    return new URL(pageUrl).origin;
  } catch {
    return pageUrl;
  }
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
  const pages = new Map<string, Map<string, StatusIncident>>();
  const page = (origin: string) => {
    let byId = pages.get(origin);
    if (byId === undefined) pages.set(origin, (byId = new Map()));
    return byId;
  };
  return {
    async upsertIncidents(origin, incidents) {
      const byId = page(origin);
      for (const incident of incidents)
        byId.set(incident.id, mergeIncident(byId.get(incident.id), structuredClone(incident)));
    },
    async incidentsBetween(origin, from, to) {
      const lo = from.getTime();
      const hi = to.getTime();
      return [...page(origin).values()]
        .filter((incident) => spanOverlaps(incidentSpan(incident), lo, hi))
        .sort(byNewestStart)
        .map((incident) => structuredClone(incident));
    },
    async openIncidents(origin) {
      return [...page(origin).values()]
        .filter((incident) => incidentSpan(incident).end === Number.POSITIVE_INFINITY)
        .sort(byNewestStart)
        .map((incident) => structuredClone(incident));
    },
  };
}

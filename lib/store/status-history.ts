import type { IncidentHistoryStore } from "../status/history";
import type { PermalinkStore } from "./types";

/**
 * The app's store as the status client's incident history. Opened on first use; a store failure only
 * costs the older incidents (the client catches it and answers from the live page).
 */
export function storeIncidentHistory(store: () => PermalinkStore): IncidentHistoryStore {
  return {
    upsertIncidents: (origin, incidents) => store().upsertIncidents(origin, incidents),
    incidentsBetween: (origin, from, to) => store().incidentsBetween(origin, from, to),
    openIncidents: (origin) => store().openIncidents(origin),
  };
}

import { env } from "../env";
import { getStore } from "../store/server";
import { createStatusClient, type StatusClient } from "./client";
import type { IncidentHistoryStore } from "./history";

/**
 * Every incident the page has shown is kept in the app's store (SQLite or PostgreSQL), so correlation
 * reaches past the status page's 50-incident window and survives restarts. Opened on first use; a store
 * failure only costs the older incidents (the client catches it and answers from the live page).
 */
const storeHistory: IncidentHistoryStore = {
  upsertIncidents: (incidents) => getStore().upsertIncidents(incidents),
  incidentsBetween: (from, to) => getStore().incidentsBetween(from, to),
};

// The server's single client (settings from lib/env.ts), so the TTL
// cache and single flight hold across requests. Kept on globalThis because dev-mode module
// reloads would otherwise start a fresh cache (and a fresh burst of upstream fetches) each time.
const CLIENT_KEY = Symbol.for("claude-error-triage.status-client");

type Holder = { [CLIENT_KEY]?: StatusClient };

/** The process-wide status client, created from the environment on first use. */
export function getStatusClient(): StatusClient {
  const holder = globalThis as Holder;
  const existing = holder[CLIENT_KEY];
  if (existing !== undefined) return existing;
  const config = env().status;
  const client = createStatusClient({
    ...config,
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    history: storeHistory,
    onError: (error) => console.warn(`[status] ${error instanceof Error ? error.message : String(error)}`),
  });
  holder[CLIENT_KEY] = client;
  return client;
}

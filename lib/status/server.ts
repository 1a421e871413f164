import { env } from "../env";
import { createStatusClient, type StatusClient } from "./client";
import type { IncidentHistoryStore } from "./history";

// The server's single client (settings from lib/env.ts), so the TTL cache and single flight hold across
// requests. Kept on globalThis because dev-mode module reloads would otherwise start a fresh cache (and a
// fresh burst of upstream fetches) each time.
const CLIENT_KEY = Symbol.for("claude-error-triage.status-client");
const HISTORY_KEY = Symbol.for("claude-error-triage.status-history");

type Holder = { [CLIENT_KEY]?: StatusClient; [HISTORY_KEY]?: IncidentHistoryStore };

/**
 * Where the server keeps every incident the page has shown, so correlation reaches past the page's
 * 50-incident window and survives restarts. The process's start-up (instrumentation.ts) passes the
 * app's store here; lib/status never imports lib/store (the store implements this module's interface).
 * Must be called before the first getStatusClient() to take effect; without it the client has no history.
 */
export function setIncidentHistory(history: IncidentHistoryStore): void {
  (globalThis as Holder)[HISTORY_KEY] = history;
}

/** The process-wide status client, created from the environment on first use. */
export function getStatusClient(): StatusClient {
  const holder = globalThis as Holder;
  const existing = holder[CLIENT_KEY];
  if (existing !== undefined) return existing;
  const config = env().status;
  const history = holder[HISTORY_KEY];
  const client = createStatusClient({
    ...config,
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    ...(history === undefined ? {} : { history }),
    onError: (error) => console.warn(`[status] ${error instanceof Error ? error.message : String(error)}`),
  });
  holder[CLIENT_KEY] = client;
  return client;
}

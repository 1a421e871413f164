import { createStatusClient, DEFAULT_TIMEOUT_MS, type StatusClient } from "../status/client";
import { resolveStatusConfig } from "../status/env";

/**
 * The status client for the command line, the hook and the MCP server: the server's client (lib/status/client)
 * with the server's settings (STATUS_PAGE_URL, STATUS_CACHE_TTL_MS, STATUS_TIMEOUT_MS, lib/status/env), minus
 * the incident history, which lives in the app's database and would drag its drivers into the command line.
 * `maxTimeoutMs` lets the hook cap the wait below Claude Code's patience. Throws on an invalid setting, naming it.
 */
export function createEdgeStatusClient(
  env: Record<string, string | undefined>,
  options: { maxTimeoutMs?: number; onError?: (error: unknown) => void } = {},
): StatusClient {
  const config = resolveStatusConfig(env);
  const timeoutMs = Math.min(config.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.maxTimeoutMs ?? Infinity);
  return createStatusClient({
    ...config,
    timeoutMs,
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
}

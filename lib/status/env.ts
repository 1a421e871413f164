import { z } from "zod";

/** The public Claude status page (README "Hosts": status.claude.com is canonical). */
export const DEFAULT_STATUS_PAGE_URL = "https://status.claude.com";

/** Settings for the status client, read from the environment at the app's edge. */
export type StatusConfig = { baseUrl: string; ttlMs?: number; timeoutMs?: number };

const httpUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const millisecondsSchema = z.coerce.number().int().nonnegative();

const statusEnvSchema = z.object({
  STATUS_PAGE_URL: httpUrlSchema.default(DEFAULT_STATUS_PAGE_URL),
  // For e2e and local work: a TTL of 0 lets a scenario switch show at once.
  STATUS_CACHE_TTL_MS: millisecondsSchema.optional(),
  STATUS_TIMEOUT_MS: millisecondsSchema.positive().optional(),
});

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Reads STATUS_PAGE_URL (default https://status.claude.com), STATUS_CACHE_TTL_MS and
 * STATUS_TIMEOUT_MS; throws an Error naming the variable when one is invalid.
 */
export function resolveStatusConfig(env: Record<string, string | undefined>): StatusConfig {
  const result = statusEnvSchema.safeParse({
    STATUS_PAGE_URL: emptyToUndefined(env.STATUS_PAGE_URL),
    STATUS_CACHE_TTL_MS: emptyToUndefined(env.STATUS_CACHE_TTL_MS),
    STATUS_TIMEOUT_MS: emptyToUndefined(env.STATUS_TIMEOUT_MS),
  });
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")} ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid status page settings: ${problems}`);
  }
  const { STATUS_PAGE_URL: url, STATUS_CACHE_TTL_MS: ttlMs, STATUS_TIMEOUT_MS: timeoutMs } = result.data;
  const baseUrl = url.endsWith("/") ? url.slice(0, -1) : url;
  return {
    baseUrl,
    ...(ttlMs === undefined ? {} : { ttlMs }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

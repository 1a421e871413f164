import { z } from "zod";

/** How many link creations one client may make per window. */
export type RateLimitSetting = { points: number; durationMs: number };

/** Permalink settings read from the environment at the app's edge. */
export type PermalinkConfig = {
  /** Origin links are built on (`https://triage.example.com`); null means ALLOWED_HOSTS or the server's own. */
  publicBaseUrl: string | null;
  /** Hosts (`host[:port]`, lower case) a link may be built on; a request for another gets the first. */
  allowedHosts: string[];
  /** Proxies in front of the app that append to X-Forwarded-For; 0 means the header is not trusted. */
  trustProxyHops: number;
  /** Link creations per client. */
  rateLimit: RateLimitSetting;
  /** Reads of a link (its page and `GET /api/permalinks/<id>`) per client. */
  readRateLimit: RateLimitSetting;
  /** Re-runs of a stored link's diagnosis per client. */
  rerunRateLimit: RateLimitSetting;
  /** Preview images of links per client. */
  previewRateLimit: RateLimitSetting;
};

export const DEFAULT_RATE_LIMIT = "20/60s";
export const DEFAULT_READ_RATE_LIMIT = "120/60s";
export const DEFAULT_RERUN_RATE_LIMIT = "20/60s";
export const DEFAULT_PREVIEW_RATE_LIMIT = "60/60s";
/** A proxy chain longer than this is a misconfiguration, not a deployment. */
const MAX_PROXY_HOPS = 10;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
const RATE_LIMIT_PATTERN = /^(\d{1,6})\/(\d{1,6})([smh])$/;

/** Reads `<points>/<n><s|m|h>`, e.g. "20/60s" or "100/1h"; null when it is not that shape or is zero. */
export function parseRateLimit(value: string): RateLimitSetting | null {
  const match = RATE_LIMIT_PATTERN.exec(value.trim());
  if (match === null) return null;
  const points = Number(match[1]);
  const durationMs = Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS];
  return points > 0 && durationMs > 0 ? { points, durationMs } : null;
}

/** "true" trusts one proxy (the usual reverse proxy), "false" none, a number that many. */
export function parseTrustProxy(value: string): number | null {
  const normalised = value.trim().toLowerCase();
  if (normalised === "true") return 1;
  if (normalised === "false") return 0;
  if (!/^\d{1,2}$/.test(normalised)) return null;
  const hops = Number(normalised);
  return hops <= MAX_PROXY_HOPS ? hops : null;
}

const originSchema = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .refine((value) => {
    // zod runs this refinement even when the URL check above failed.
    const url = URL.parse(value);
    return url !== null && url.pathname === "/" && url.search === "" && url.hash === "";
  }, "must be an origin without a path, query or fragment")
  .transform((value) => new URL(value).origin);

const rateLimitSchema = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const setting = parseRateLimit(value);
      if (setting !== null) return setting;
      ctx.addIssue({
        code: "custom",
        message: 'must read like "20/60s" (requests per window, window in s, m or h)',
      });
      return z.NEVER;
    });

// host[:port]: a DNS name or IPv4 address, or a bracketed IPv6 literal.
const HOST = /^(?:[a-z\d.-]{1,253}|\[[\d:a-f.]{2,45}\])(?::\d{1,5})?$/;

const allowedHostsSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const hosts = (value ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== "");
    const bad = hosts.find((host) => !HOST.test(host));
    if (bad === undefined) return hosts;
    ctx.addIssue({
      code: "custom",
      message: "must be a comma list of host[:port] names, without scheme or path",
    });
    return z.NEVER;
  });

const permalinkEnvSchema = z.object({
  ALLOWED_HOSTS: allowedHostsSchema,
  READ_RATE_LIMIT: rateLimitSchema(DEFAULT_READ_RATE_LIMIT),
  RERUN_RATE_LIMIT: rateLimitSchema(DEFAULT_RERUN_RATE_LIMIT),
  PREVIEW_RATE_LIMIT: rateLimitSchema(DEFAULT_PREVIEW_RATE_LIMIT),
  PUBLIC_BASE_URL: originSchema.optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return 0;
      const hops = parseTrustProxy(value);
      if (hops !== null) return hops;
      ctx.addIssue({
        code: "custom",
        message: `must be true, false or a hop count from 0 to ${MAX_PROXY_HOPS}`,
      });
      return z.NEVER;
    }),
  PERMALINK_RATE_LIMIT: rateLimitSchema(DEFAULT_RATE_LIMIT),
});

const blankToUndefined = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value.trim();

/** Reads PUBLIC_BASE_URL, ALLOWED_HOSTS, TRUST_PROXY and the rate limits; throws naming the variable when one is invalid. */
export function resolvePermalinkConfig(source: Record<string, string | undefined>): PermalinkConfig {
  const result = permalinkEnvSchema.safeParse({
    PUBLIC_BASE_URL: blankToUndefined(source.PUBLIC_BASE_URL),
    TRUST_PROXY: blankToUndefined(source.TRUST_PROXY),
    PERMALINK_RATE_LIMIT: blankToUndefined(source.PERMALINK_RATE_LIMIT),
    ALLOWED_HOSTS: blankToUndefined(source.ALLOWED_HOSTS),
    READ_RATE_LIMIT: blankToUndefined(source.READ_RATE_LIMIT),
    RERUN_RATE_LIMIT: blankToUndefined(source.RERUN_RATE_LIMIT),
    PREVIEW_RATE_LIMIT: blankToUndefined(source.PREVIEW_RATE_LIMIT),
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`Invalid permalink settings: ${problems}`);
  }
  return {
    publicBaseUrl: result.data.PUBLIC_BASE_URL ?? null,
    allowedHosts: result.data.ALLOWED_HOSTS,
    trustProxyHops: result.data.TRUST_PROXY,
    rateLimit: result.data.PERMALINK_RATE_LIMIT,
    readRateLimit: result.data.READ_RATE_LIMIT,
    rerunRateLimit: result.data.RERUN_RATE_LIMIT,
    previewRateLimit: result.data.PREVIEW_RATE_LIMIT,
  };
}

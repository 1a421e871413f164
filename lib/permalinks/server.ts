import { Pool } from "pg";
import { env } from "../env";
import { getStore } from "../store/server";
import { startPurgeSchedule, type PurgeSchedule } from "./purge";
import { memoryRateLimiter, postgresRateLimiter, type LinkRateLimiter } from "./rate-limit";
import {
  fileSigningKey,
  parsePrivateKey,
  postgresSigningKey,
  signingKeyFrom,
  type SigningKey,
} from "./signing-key";
import { linkOrigin } from "./url";

// The server's single link rate limiter (settings from lib/env.ts), so counts hold across requests.
// On globalThis for the same reason as the store and the status client: dev-mode reloads.
const LIMITER_KEY = Symbol.for("claude-error-triage.permalink-rate-limiter");

type Holder = { [LIMITER_KEY]?: LinkRateLimiter };

/** The process-wide limiter: counters in PostgreSQL when DATABASE_URL is set (shared by instances), else in memory. */
export function getLinkRateLimiter(): LinkRateLimiter {
  const holder = globalThis as Holder;
  const existing = holder[LIMITER_KEY];
  if (existing !== undefined) return existing;
  const { DATABASE_URL, permalinks } = env();
  let limiter: LinkRateLimiter;
  if (DATABASE_URL === undefined) limiter = memoryRateLimiter(permalinks.rateLimit);
  else {
    // Its own two connections: the store's pool is private to the store, and counting must not
    // queue behind link reads.
    const pool = new Pool({ connectionString: DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000 });
    pool.on("error", (error) =>
      console.warn(`rate limiter: dropped a PostgreSQL connection: ${error.message}`),
    );
    limiter = postgresRateLimiter(permalinks.rateLimit, pool);
  }
  holder[LIMITER_KEY] = limiter;
  return limiter;
}

const PURGE_KEY = Symbol.for("claude-error-triage.permalink-purge");

type PurgeHolder = { [PURGE_KEY]?: PurgeSchedule };

/** Starts (once per process) the schedule that removes expired links from the process-wide store. */
export function startExpiredLinkPurge(): PurgeSchedule {
  const holder = globalThis as PurgeHolder;
  holder[PURGE_KEY] ??= startPurgeSchedule({
    purge: (now) => getStore().purgeExpired(now),
    now: () => new Date(),
    onPurged: (count) => console.info(`[permalinks] purged ${count} expired link${count === 1 ? "" : "s"}`),
    onError: (error) =>
      console.warn(`[permalinks] purge failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  return holder[PURGE_KEY];
}

/** The origin of links answered to a request, from the process's settings (lib/permalinks/url.ts's linkOrigin). */
export function serverLinkOrigin(headers: { get(name: string): string | null }): string {
  const { permalinks, production, HOSTNAME, PORT } = env();
  return linkOrigin(headers, { ...permalinks, production, hostname: HOSTNAME, port: PORT });
}

const SIGNING_KEY = Symbol.for("claude-error-triage.private-link-key");
type KeyHolder = { [SIGNING_KEY]?: Promise<SigningKey> };

/**
 * The instance's private-link key: PRIVATE_LINK_KEY, else the one kept in PostgreSQL (DATABASE_URL) or in
 * DATA_DIR. Loaded once; a failed load is not cached, so the next request tries again.
 */
export function getSigningKey(): Promise<SigningKey> {
  const holder = globalThis as KeyHolder;
  const existing = holder[SIGNING_KEY];
  if (existing !== undefined) return existing;
  const { PRIVATE_LINK_KEY, DATABASE_URL, DATA_DIR } = env();
  const loading = (async () => {
    if (PRIVATE_LINK_KEY !== undefined) return signingKeyFrom(parsePrivateKey(PRIVATE_LINK_KEY));
    if (DATABASE_URL === undefined) return fileSigningKey(DATA_DIR);
    const pool = new Pool({ connectionString: DATABASE_URL, max: 1, connectionTimeoutMillis: 5_000 });
    pool.on("error", () => undefined);
    try {
      return await postgresSigningKey(pool);
    } finally {
      await pool.end();
    }
  })();
  holder[SIGNING_KEY] = loading;
  loading.catch(() => {
    if (holder[SIGNING_KEY] === loading) delete holder[SIGNING_KEY];
  });
  return loading;
}

import type { Pool } from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { RateLimitSetting } from "./config";

/** Whether one more link may be made now; when not, how long until it may. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts link creations per client key. */
export interface LinkRateLimiter {
  consume(key: string): Promise<RateDecision>;
}

const KEY_PREFIX = "permalink-create";
/** The PostgreSQL table rate-limiter-flexible keeps its counters in (created by the library, per schema). */
export const RATE_LIMIT_TABLE = "permalink_rate_limits";

const optionsFor = ({ points, durationMs }: RateLimitSetting, keyPrefix = KEY_PREFIX) => ({
  keyPrefix,
  points,
  duration: durationMs / 1000,
});

function wrap(limiter: RateLimiterAbstract, ready: Promise<void> = Promise.resolve()): LinkRateLimiter {
  return {
    async consume(key) {
      await ready;
      try {
        await limiter.consume(key);
        return { ok: true };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when the points are spent, with an Error otherwise.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
  };
}

/** Counters in this process's memory: right for one instance; `keyPrefix` names what is counted. */
export function memoryRateLimiter(setting: RateLimitSetting, keyPrefix?: string): LinkRateLimiter {
  return wrap(new RateLimiterMemory(optionsFor(setting, keyPrefix)));
}

/**
 * Counters in PostgreSQL, shared by every instance on the database. While the database cannot be
 * reached the limiter falls back to per-process counters instead of refusing every link.
 */
export function postgresRateLimiter(setting: RateLimitSetting, pool: Pool): LinkRateLimiter {
  let settle: (error?: Error) => void = () => undefined;
  const created = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  const limiter = new RateLimiterPostgres(
    {
      ...optionsFor(setting),
      storeClient: pool,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      insuranceLimiter: new RateLimiterMemory(optionsFor(setting)),
    },
    (error?: Error) => settle(error),
  );
  // A table that could not be created (database down at start) leaves the insurance limiter counting.
  const ready = created.catch(() => undefined);
  return wrap(limiter, ready);
}

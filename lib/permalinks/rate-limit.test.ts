import { randomBytes } from "node:crypto";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryRateLimiter, postgresRateLimiter } from "./rate-limit";

describe("memoryRateLimiter", () => {
  it("lets `points` links through per window, then answers with the seconds to wait", async () => {
    const limiter = memoryRateLimiter({ points: 2, durationMs: 30_000 });
    expect(await limiter.consume("a")).toEqual({ ok: true });
    expect(await limiter.consume("a")).toEqual({ ok: true });
    const refused = await limiter.consume("a");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(29);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
    }
  });

  it("counts each client key apart", async () => {
    const limiter = memoryRateLimiter({ points: 1, durationMs: 60_000 });
    expect(await limiter.consume("a")).toEqual({ ok: true });
    expect(await limiter.consume("b")).toEqual({ ok: true });
    expect((await limiter.consume("a")).ok).toBe(false);
  });
});

// Needs PostgreSQL like lib/store/postgres.test.ts; each run works in a schema of its own.
const url = process.env.TEST_DATABASE_URL;
const SKIP_REASON =
  "PostgreSQL rate limiter tests skipped: set TEST_DATABASE_URL to a postgres:// URL to run them";
if (url === undefined) console.info(SKIP_REASON);

describe.skipIf(url === undefined)(url === undefined ? SKIP_REASON : "postgresRateLimiter", () => {
  const schema = `rate_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: url });
  const pools: Pool[] = [];
  const poolOnSchema = () => {
    const target = new URL(url ?? "");
    target.searchParams.set("options", `-c search_path=${schema}`);
    const pool = new Pool({ connectionString: target.toString(), max: 2 });
    pools.push(pool);
    return pool;
  };
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it("shares one count between instances on the same database", async () => {
    const setting = { points: 3, durationMs: 60_000 };
    const first = postgresRateLimiter(setting, poolOnSchema());
    const second = postgresRateLimiter(setting, poolOnSchema());
    expect(await first.consume("203.0.113.9")).toEqual({ ok: true });
    expect(await second.consume("203.0.113.9")).toEqual({ ok: true });
    expect(await first.consume("203.0.113.9")).toEqual({ ok: true });
    const refused = await second.consume("203.0.113.9");
    expect(refused).toMatchObject({ ok: false });
    expect(await first.consume("198.51.100.7")).toEqual({ ok: true });
  });

  it("keeps counting in memory while the database cannot be reached", async () => {
    const pool = new Pool({ connectionString: "postgres://postgres@127.0.0.1:1/none", max: 1 });
    pools.push(pool);
    const limiter = postgresRateLimiter({ points: 1, durationMs: 60_000 }, pool);
    expect(await limiter.consume("a")).toEqual({ ok: true });
    expect(await limiter.consume("a")).toMatchObject({ ok: false });
  });
});

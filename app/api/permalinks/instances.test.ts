import { randomBytes } from "node:crypto";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresRateLimiter } from "@/lib/permalinks/rate-limit";
import { openPostgresStore } from "@/lib/store/postgres";
import { PASTE, PLANTED_KEY } from "@/lib/store/testing/fixtures";
import type { PermalinkStore } from "@/lib/store/types";
import { permalinkApi } from "./handlers";
import { serveApi, type ServedApi } from "./testing/http";

// Two app instances on one PostgreSQL: each its own HTTP server, store (pg pool) and rate limiter,
// sharing only the database (a schema of this run's own). Building and starting `next start` twice
// would test Next.js, not the sharing; the handlers are the ones the route files call.
const url = process.env.TEST_DATABASE_URL;
const SKIP_REASON =
  "Two-instance PostgreSQL test skipped: set TEST_DATABASE_URL to a postgres:// URL to run it";
if (url === undefined) console.info(SKIP_REASON);

const RATE_LIMIT = 6;

describe.skipIf(url === undefined)(
  url === undefined ? SKIP_REASON : "two instances on one PostgreSQL",
  () => {
    const schema = `instances_test_${randomBytes(6).toString("hex")}`;
    const admin = new Client({ connectionString: url });
    const stores: PermalinkStore[] = [];
    const pools: Pool[] = [];
    let a: ServedApi;
    let b: ServedApi;

    async function startInstance(): Promise<ServedApi> {
      const target = new URL(url ?? "");
      target.searchParams.set("options", `-c search_path=${schema}`);
      const store = openPostgresStore({ connectionString: target.toString(), maxConnections: 2 });
      const pool = new Pool({ connectionString: target.toString(), max: 2 });
      stores.push(store);
      pools.push(pool);
      const limiter = postgresRateLimiter({ points: RATE_LIMIT, durationMs: 60_000 }, pool);
      return serveApi(
        permalinkApi({
          store: () => store,
          limiter: () => limiter,
          status: () => null,
          config: () => ({ publicBaseUrl: null, trustProxyHops: 1 }),
        }),
      );
    }

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      [a, b] = await Promise.all([startInstance(), startInstance()]);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await Promise.all([...stores.map((store) => store.close()), ...pools.map((pool) => pool.end())]);
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    const create = (base: string, client: string) =>
      fetch(`${base}/api/permalinks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": client },
        body: JSON.stringify({ text: PASTE, ttl: "1h" }),
      });

    it("serves a link made on one instance from the other, and deletes it there", async () => {
      const made = await create(a.url, "203.0.113.1");
      expect(made.status).toBe(201);
      const {
        id,
        url: link,
        deleteToken,
      } = (await made.json()) as { id: string; url: string; deleteToken: string };
      expect(link).toBe(`${a.url}/d/${id}`);

      const seen = await fetch(`${b.url}/api/permalinks/${id}`);
      expect(seen.status).toBe(200);
      const body = (await seen.json()) as { redactedText: string; diagnosis: { branch: string } };
      expect(body.diagnosis.branch).toBe("overloaded");
      expect(body.redactedText).not.toContain(PLANTED_KEY.slice(13, 40));

      const wrong = await fetch(`${b.url}/api/permalinks/${id}`, {
        method: "DELETE",
        headers: { authorization: "Bearer not-the-token" },
      });
      expect(wrong.status).toBe(403);
      const deleted = await fetch(`${b.url}/api/permalinks/${id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${deleteToken}` },
      });
      expect(deleted.status).toBe(204);
      expect((await fetch(`${a.url}/api/permalinks/${id}`)).status).toBe(404);
    });

    it("counts one client's links across both instances", async () => {
      const client = "203.0.113.2";
      for (let i = 0; i < RATE_LIMIT; i += 1)
        expect((await create(i % 2 === 0 ? a.url : b.url, client)).status).toBe(201);
      const refused = await create(a.url, client);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await create(b.url, client)).status).toBe(429);
    });
  },
);

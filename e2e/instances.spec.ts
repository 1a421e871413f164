import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startApp, type AppServer } from "../scripts/app-server";
import { MOCK_STATUS_URL } from "./fixtures/servers";

// Two production app instances (`next start`, the build under test) on different ports against one fresh
// PostgreSQL database: a link made on one is served, and deleted, by the other.
const ADMIN_URL = process.env.TEST_DATABASE_URL;
test.skip(!ADMIN_URL, "needs PostgreSQL: set TEST_DATABASE_URL (CI does)");
test.describe.configure({ mode: "serial" });

const database = `cet_instances_${randomBytes(4).toString("hex")}`;
const instances: AppServer[] = [];

/** One instance on the build under test, with its own embedded store directory. */
function startInstance(databaseUrl: string): Promise<AppServer> {
  return startApp({
    DATABASE_URL: databaseUrl,
    // A private embedded store per instance: only the shared PostgreSQL can carry a link across.
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "cet-instance-")),
    STATUS_PAGE_URL: MOCK_STATUS_URL,
    // This spec loads the instances; the (shared, PostgreSQL-backed) limiter is tested elsewhere.
    PERMALINK_RATE_LIMIT: "10000/1s",
  });
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await admin((c) => c.query(`CREATE DATABASE ${database}`));
  const databaseUrl = new URL(ADMIN_URL!);
  databaseUrl.pathname = `/${database}`;
  // Both start together: the store's migrations must take turns on the empty database.
  instances.push(...(await Promise.all([startInstance(databaseUrl.href), startInstance(databaseUrl.href)])));
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

test("a link made on one instance is served and deleted by the other", async ({ page }) => {
  const [a, b] = instances;
  const text = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CZAau32QzxDkriovTaFCB"}`;
  const created = await fetch(`${a!.base}/api/permalinks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, ttl: "1h" }),
  });
  expect(created.status).toBe(201);
  const { id, deleteToken } = (await created.json()) as { id: string; deleteToken: string };

  const read = await fetch(`${b!.base}/api/permalinks/${id}`);
  expect(read.status).toBe(200);
  expect(((await read.json()) as { redactedText: string }).redactedText).toBe(text);

  await page.goto(`${b!.base}/d/${id}`);
  await expect(page.getByRole("article")).toContainText("Overloaded");
  await expect(page.getByRole("article")).toContainText("req_011CZAau32QzxDkriovTaFCB");

  const deleted = await fetch(`${b!.base}/api/permalinks/${id}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${deleteToken}` },
  });
  expect(deleted.status).toBe(204);
  expect((await fetch(`${a!.base}/api/permalinks/${id}`)).status).toBe(404);
});

test("both instances recover, without a restart, when PostgreSQL drops every connection mid-load", async () => {
  const create = (base: string) =>
    fetch(`${base}/api/permalinks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "API Error: 500 Internal server error", ttl: "1h" }),
    }).then((r) => r.status);

  // Load on both instances while every backend of the database is terminated, as a server restart would.
  const load = Promise.all(Array.from({ length: 40 }, (_, i) => create(instances[i % 2]!.base)));
  const terminated = await admin((c) =>
    c.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    ),
  );
  expect(terminated.rowCount).toBeGreaterThan(0);
  const during = await load;
  // Requests caught by the cut may fail, as a clear error, never a hung request.
  for (const status of during) expect([201, 500, 503]).toContain(status);

  for (const { base } of instances) await expect.poll(() => create(base), { timeout: 15_000 }).toBe(201);
});

import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStoreContract, type StoreHarness } from "./contract";
import { MIGRATIONS } from "./migrations";
import { openPostgresStore } from "./postgres";
import { makePermalink, T0 } from "./testing/fixtures";
import type { PermalinkStore } from "./types";

// Runs where TEST_DATABASE_URL names a PostgreSQL database (CI sets it; see .ci/run). Every test gets
// its own schema, selected per pool through search_path, so parallel runs never see each other.
const url = process.env.TEST_DATABASE_URL;
const SKIP_REASON = "PostgreSQL store tests skipped: set TEST_DATABASE_URL to a postgres:// URL to run them";
// The default reporter does not print suite titles of a skipped file; this line says why.
if (url === undefined) console.info(SKIP_REASON);

/** The test database URL with pg options selecting `schema` and naming the connections. */
function urlFor(base: string, schema: string, applicationName = "triage-store-test"): string {
  const target = new URL(base);
  target.searchParams.set("options", `-c search_path=${schema}`);
  target.searchParams.set("application_name", applicationName);
  return target.toString();
}

const newSchemaName = () => `store_test_${randomBytes(6).toString("hex")}`;

describe.skipIf(url === undefined)(url === undefined ? SKIP_REASON : "PostgreSQL adapter", () => {
  const base = url ?? "";
  const admin = new Client({ connectionString: base });
  beforeAll(() => admin.connect());
  afterAll(() => admin.end());

  async function freshSchema(): Promise<string> {
    const schema = newSchemaName();
    await admin.query(`CREATE SCHEMA ${schema}`);
    return schema;
  }

  const dropSchema = (schema: string) => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);

  runStoreContract("postgres", async (): Promise<StoreHarness> => {
    const schema = await freshSchema();
    return {
      open: () => openPostgresStore({ connectionString: urlFor(base, schema), maxConnections: 4 }),
      rawPermalinkRow: async (id) =>
        (await admin.query(`SELECT * FROM ${schema}.permalinks WHERE id = $1`, [id])).rows[0],
      appliedMigrations: async () =>
        (
          await admin.query<{ version: number }>(
            `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
          )
        ).rows.map((row) => row.version),
      dispose: () => dropSchema(schema).then(() => undefined),
    };
  });

  describe("connections", () => {
    const stores: PermalinkStore[] = [];
    const schemas: string[] = [];
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      // One query at a time: `admin` is a single connection.
      for (const schema of schemas) await dropSchema(schema);
    });

    it("connects nothing on open and reports an unreachable server on first use", async () => {
      const store = openPostgresStore({ connectionString: "postgres://postgres@127.0.0.1:1/none" });
      stores.push(store);
      await expect(store.get(makePermalink().record.id, T0)).rejects.toThrow();
    });

    it("retries the migrations on the next call after they failed", async () => {
      const schema = newSchemaName();
      schemas.push(schema);
      const store = openPostgresStore({ connectionString: urlFor(base, schema) });
      stores.push(store);
      // The schema does not exist yet, so there is nowhere to create the tables.
      await expect(store.get(makePermalink().record.id, T0)).rejects.toThrow();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const { record } = makePermalink();
      await store.create(record);
      expect(await store.get(record.id, T0)).toEqual(record);
    });

    it("survives the server ending its connections, as on a PostgreSQL restart", async () => {
      const schema = await freshSchema();
      schemas.push(schema);
      const applicationName = `triage-restart-${schema}`;
      const dropped: Error[] = [];
      let terminated = Number.POSITIVE_INFINITY;
      let allDropped: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (allDropped = resolve));
      const store = openPostgresStore({
        connectionString: urlFor(base, schema, applicationName),
        maxConnections: 3,
        onConnectionError: (error) => {
          dropped.push(error);
          if (dropped.length === terminated) allDropped();
        },
      });
      stores.push(store);
      const { record } = makePermalink();
      await store.create(record);
      // Several idle connections in the pool, all of which the server is about to end.
      await Promise.all(Array.from({ length: 3 }, () => store.get(record.id, T0)));

      const { rows } = await admin.query<{ ended: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1",
        [applicationName],
      );
      terminated = rows.filter((row) => row.ended).length;
      expect(terminated).toBeGreaterThan(0);
      if (dropped.length === terminated) allDropped();
      await done;

      expect(dropped.every((error) => /terminat/i.test(error.message))).toBe(true);
      expect(await store.get(record.id, T0)).toEqual(record);
    });

    it("lets many instances migrate one new schema at once", async () => {
      const schema = await freshSchema();
      schemas.push(schema);
      const many = Array.from({ length: 6 }, () =>
        openPostgresStore({ connectionString: urlFor(base, schema), maxConnections: 1 }),
      );
      stores.push(...many);
      const records = many.map(() => makePermalink().record);
      await Promise.all(many.map((store, i) => store.create(records[i]!)));
      for (const record of records) expect(await many[0]!.get(record.id, T0)).toEqual(record);
      const { rows } = await admin.query<{ version: number }>(
        `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
      );
      expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });
  });
});

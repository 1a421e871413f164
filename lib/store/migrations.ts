import type Database from "better-sqlite3";
import type { PoolClient } from "pg";

/**
 * One schema step, written once per dialect. Append only: a released version is never edited,
 * a change is a new version. SQLite keeps instants as epoch milliseconds (INTEGER), PostgreSQL as
 * timestamptz; JSON is TEXT on SQLite and `json` on PostgreSQL (not `jsonb`: bodies are read back
 * whole and never queried inside, so the text is kept as written).
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "permalinks",
    sqlite: `
      CREATE TABLE permalinks (
        id TEXT PRIMARY KEY,
        redacted_text TEXT NOT NULL,
        diagnosis TEXT NOT NULL,
        classifier_version TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        delete_token_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX permalinks_expires_at ON permalinks (expires_at);`,
    postgres: `
      CREATE TABLE permalinks (
        id text PRIMARY KEY,
        redacted_text text NOT NULL,
        diagnosis json NOT NULL,
        classifier_version text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        delete_token_hash text NOT NULL
      );
      CREATE INDEX permalinks_expires_at ON permalinks (expires_at);`,
  },
  {
    version: 2,
    name: "status incident history",
    // ended_at is NULL while an incident is open; body is the whole StatusIncident as JSON.
    sqlite: `
      CREATE TABLE status_incidents (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER
      ) STRICT;
      CREATE INDEX status_incidents_started_at ON status_incidents (started_at);`,
    postgres: `
      CREATE TABLE status_incidents (
        id text PRIMARY KEY,
        body json NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz
      );
      CREATE INDEX status_incidents_started_at ON status_incidents (started_at);`,
  },
  {
    version: 3,
    name: "status incident history per status page",
    // Incidents are kept per status-page origin, so a page never answers with another's incidents.
    // The rows of version 2 carry no origin and cannot be told apart (a mock's incidents sat next to
    // the real page's): they are dropped, and the page's last 50 incidents are read again on first use.
    sqlite: `
      CREATE TABLE status_incident_history (
        origin TEXT NOT NULL,
        id TEXT NOT NULL,
        body TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        PRIMARY KEY (origin, id)
      ) STRICT;
      CREATE INDEX status_incident_history_started_at ON status_incident_history (origin, started_at);
      DROP TABLE status_incidents;`,
    postgres: `
      CREATE TABLE status_incident_history (
        origin text NOT NULL,
        id text NOT NULL,
        body json NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        PRIMARY KEY (origin, id)
      );
      CREATE INDEX status_incident_history_started_at ON status_incident_history (origin, started_at);
      DROP TABLE status_incidents;`,
  },
];

const SQLITE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL,
  applied_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER))) STRICT`;
const POSTGRES_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

/**
 * Applies the missing migrations inside one BEGIN IMMEDIATE transaction: it takes SQLite's write
 * lock up front, so a second process starting at the same moment waits (busy_timeout) and then
 * sees the versions the first recorded. Answers the versions applied now.
 */
export function migrateSqlite(db: Database.Database): number[] {
  const run = db.transaction(() => {
    db.exec(SQLITE_LEDGER);
    const done = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
    const record = db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name);
      applied.push(migration.version);
    }
    return applied;
  });
  return run.immediate();
}

/** Arbitrary first key of the two-key advisory lock, so the lock does not collide with other users. */
const MIGRATION_LOCK_CLASS = 0x74726961; // "tria"

/**
 * Applies the missing migrations in one transaction holding a transaction-level advisory lock keyed
 * by the current schema: two instances starting together serialise here (CREATE TABLE IF NOT EXISTS
 * alone races on the catalogue), and the lock goes with COMMIT or ROLLBACK, even on a lost connection.
 */
export async function migratePostgres(client: PoolClient): Promise<number[]> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [
      MIGRATION_LOCK_CLASS,
    ]);
    await client.query(POSTGRES_LEDGER);
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.postgres);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

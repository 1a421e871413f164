import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { byNewestStart, mergeIncident } from "../status/history";
import type { StatusIncident } from "../status/reading";
import { isPermalinkId, tokenHashesEqual } from "./ids";
import { migrateSqlite } from "./migrations";
import { incidentColumns, incidentFromBody, permalinkColumns, permalinkFromColumns } from "./rows";
import { StoreClosedError, type PermalinkStore } from "./types";

/** The database file inside `dataDir`. */
export const SQLITE_FILE_NAME = "triage.sqlite";

export interface SqliteStoreOptions {
  /** Directory for the database file (and its -wal/-shm companions); created when missing. */
  dataDir: string;
  /** How long a writer waits for another process's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

interface PermalinkRow {
  id: string;
  redacted_text: string;
  diagnosis: string;
  classifier_version: string;
  created_at: number;
  expires_at: number;
  delete_token_hash: string;
}

/** The companions SQLite creates next to the database in WAL mode. */
const COMPANION_SUFFIXES = ["", "-wal", "-shm", "-journal"] as const;

/**
 * Only this user may list or read the store: the directory is made 0700 and every file 0600 before SQLite
 * writes a byte (SQLite creates its -wal and -shm files with the main file's mode). A directory the
 * operator already made keeps its mode; its files are still narrowed.
 */
function prepareFiles(dataDir: string): string {
  // DATA_DIR is only known at run time: the comments keep Next's file tracing from following it.
  if (!existsSync(/* turbopackIgnore: true */ dataDir))
    mkdirSync(/* turbopackIgnore: true */ dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(/* turbopackIgnore: true */ dataDir, SQLITE_FILE_NAME);
  if (!existsSync(/* turbopackIgnore: true */ file))
    closeSync(openSync(/* turbopackIgnore: true */ file, "a", 0o600));
  for (const suffix of COMPANION_SUFFIXES) {
    const companion = file + suffix;
    if (existsSync(/* turbopackIgnore: true */ companion))
      chmodSync(/* turbopackIgnore: true */ companion, 0o600);
  }
  return file;
}

function openDatabase({ dataDir, busyTimeoutMs = 5000 }: SqliteStoreOptions): Database.Database {
  const db = new Database(prepareFiles(dataDir));
  try {
    // First, so that switching to WAL and migrating wait for a concurrent opener instead of failing.
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    db.pragma("journal_mode = WAL");
    // A 201 means the link exists. WAL + NORMAL already survives kill -9 (a commit is in the WAL
    // through write() before it returns, and the OS keeps that after the process dies); only an OS
    // crash or power cut could drop the last commits. FULL closes that gap with one fsync of the
    // WAL per commit, which link creation (rate-limited, one row) can afford.
    db.pragma("synchronous = FULL");
    // A deleted or purged link is overwritten with zeros, in the WAL and then in the main file, instead
    // of lingering in free pages.
    db.pragma("secure_delete = ON");
    migrateSqlite(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Copies the WAL into the main file and empties it, so the zeroed pages of a delete replace the old text
 * on disk at once, not whenever SQLite would next checkpoint. TRUNCATE also shrinks the -wal file, which
 * otherwise keeps old frames (the deleted text included) until they are overwritten. A reader holding the
 * WAL open makes it a partial checkpoint; the next delete or purge tries again.
 */
function checkpoint(db: Database.Database): void {
  db.pragma("wal_checkpoint(TRUNCATE)");
}

/** The incident-history statements, prepared once per connection: a diagnosis may ask on every request. */
type IncidentStatements = {
  readIncident: Database.Statement;
  writeIncident: Database.Statement;
  between: Database.Statement;
  open: Database.Statement;
};
const preparedIncidents = new WeakMap<Database.Database, IncidentStatements>();

function incidentStatements(db: Database.Database): IncidentStatements {
  let statements = preparedIncidents.get(db);
  if (statements === undefined) {
    statements = {
      readIncident: db
        .prepare("SELECT body FROM status_incident_history WHERE origin = ? AND id = ?")
        .pluck(),
      writeIncident: db.prepare(
        `INSERT INTO status_incident_history (origin, id, body, started_at, ended_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (origin, id) DO UPDATE SET body = excluded.body, started_at = excluded.started_at, ended_at = excluded.ended_at`,
      ),
      between: db
        .prepare(
          "SELECT body FROM status_incident_history WHERE origin = ? AND started_at <= ? AND (ended_at IS NULL OR ended_at >= ?)",
        )
        .pluck(),
      open: db
        .prepare("SELECT body FROM status_incident_history WHERE origin = ? AND ended_at IS NULL")
        .pluck(),
    };
    preparedIncidents.set(db, statements);
  }
  return statements;
}

/** The embedded store: one SQLite file, opened on first use. */
export function openSqliteStore(options: SqliteStoreOptions): PermalinkStore {
  let db: Database.Database | undefined;
  let closed = false;

  // better-sqlite3 is synchronous; a failed open is not cached, so the next call retries.
  const database = (): Database.Database => {
    if (closed) throw new StoreClosedError("sqlite");
    db ??= openDatabase(options);
    return db;
  };

  return {
    kind: "sqlite",

    async create(record) {
      const row = permalinkColumns(record);
      database()
        .prepare(
          `INSERT INTO permalinks (id, redacted_text, diagnosis, classifier_version, created_at, expires_at, delete_token_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.id,
          row.redactedText,
          row.diagnosisJson,
          row.classifierVersion,
          row.createdAtMs,
          row.expiresAtMs,
          row.deleteTokenHash,
        );
    },

    async get(id, now) {
      const conn = database();
      if (!isPermalinkId(id)) return null;
      const row = conn
        .prepare("SELECT * FROM permalinks WHERE id = ? AND expires_at > ?")
        .get(id, now.getTime()) as PermalinkRow | undefined;
      if (row === undefined) return null;
      return permalinkFromColumns({
        id: row.id,
        redactedText: row.redacted_text,
        diagnosis: JSON.parse(row.diagnosis),
        classifierVersion: row.classifier_version,
        createdAtMs: row.created_at,
        expiresAtMs: row.expires_at,
        deleteTokenHash: row.delete_token_hash,
      });
    },

    async delete(id, deleteTokenHash, now) {
      const conn = database();
      if (!isPermalinkId(id)) return "not_found";
      const stored = conn
        .prepare("SELECT delete_token_hash FROM permalinks WHERE id = ? AND expires_at > ?")
        .pluck()
        .get(id, now.getTime()) as string | undefined;
      if (stored === undefined) return "not_found";
      if (!tokenHashesEqual(stored, deleteTokenHash)) return "forbidden";
      const { changes } = conn
        .prepare("DELETE FROM permalinks WHERE id = ? AND delete_token_hash = ?")
        .run(id, stored);
      if (changes !== 1) return "not_found";
      checkpoint(conn);
      return "deleted";
    },

    async purgeExpired(now) {
      const conn = database();
      const { changes } = conn.prepare("DELETE FROM permalinks WHERE expires_at <= ?").run(now.getTime());
      if (changes > 0) checkpoint(conn);
      return changes;
    },

    async upsertIncidents(origin, incidents) {
      const conn = database();
      const { readIncident, writeIncident } = incidentStatements(conn);
      // IMMEDIATE: the read-merge-write must not interleave with another process's upsert.
      conn
        .transaction((batch: readonly StatusIncident[]) => {
          for (const incident of batch) {
            const previous = readIncident.get(origin, incident.id) as string | undefined;
            const merged = mergeIncident(
              previous === undefined ? undefined : incidentFromBody(previous),
              incident,
            );
            const row = incidentColumns(merged);
            writeIncident.run(origin, row.id, row.bodyJson, row.startedAtMs, row.endedAtMs);
          }
        })
        .immediate(incidents);
    },

    async incidentsBetween(origin, from, to) {
      const bodies = incidentStatements(database()).between.all(
        origin,
        to.getTime(),
        from.getTime(),
      ) as string[];
      return bodies.map(incidentFromBody).sort(byNewestStart);
    },

    async openIncidents(origin) {
      const bodies = incidentStatements(database()).open.all(origin) as string[];
      return bodies.map(incidentFromBody).sort(byNewestStart);
    },

    async close() {
      closed = true;
      db?.close();
      db = undefined;
    },
  };
}

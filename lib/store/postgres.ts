import { Pool, type PoolClient } from "pg";
import { byNewestStart, mergeIncident } from "../status/history";
import { isPermalinkId, tokenHashesEqual } from "./ids";
import { migratePostgres } from "./migrations";
import { incidentColumns, incidentFromBody, permalinkColumns, permalinkFromColumns } from "./rows";
import { StoreClosedError, type PermalinkStore } from "./types";

export interface PostgresStoreOptions {
  /** A postgres:// URL; its query may carry pg options, e.g. `options=-c search_path=…`. */
  connectionString: string;
  /** Pool size per app instance. */
  maxConnections?: number;
  /**
   * Told about a connection that failed while no query was using it (the server restarted, an
   * admin terminated it). The pool has already dropped it and opens a new one on demand.
   */
  onConnectionError?: (error: Error) => void;
}

interface PermalinkRow {
  id: string;
  redacted_text: string;
  diagnosis: unknown;
  classifier_version: string;
  created_at: Date;
  expires_at: Date;
  delete_token_hash: string;
}

/** Arbitrary first key of the two-key advisory lock that serialises incident upserts per schema. */
const INCIDENT_LOCK_CLASS = 0x69636964; // "icid"

const warn = (error: Error) =>
  console.warn(`permalink store: dropped a PostgreSQL connection: ${error.message}`);

/** The scale-out store: a pg Pool on one PostgreSQL database, migrated on first use. */
export function openPostgresStore({
  connectionString,
  maxConnections = 10,
  onConnectionError = warn,
}: PostgresStoreOptions): PermalinkStore {
  // new Pool connects nothing; the first query opens a connection.
  const pool = new Pool({ connectionString, max: maxConnections, connectionTimeoutMillis: 10_000 });
  // Without a listener an idle client's error (e.g. 57P01 on a server restart) is an uncaught
  // 'error' event that ends the process; the pool has already discarded the client.
  pool.on("error", onConnectionError);

  let closed = false;
  let ready: Promise<void> | undefined;

  /** Runs `work` on one checked-out client, after the migrations (once per store; retried if they failed). */
  async function withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    if (closed) throw new StoreClosedError("postgres");
    ready ??= withConnection(async (client) => {
      await migratePostgres(client);
    }).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return withConnection(work);
  }

  async function withConnection<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // A checked-out client whose connection dies emits 'error' on itself, which the pool does not
    // hear while the client is out; the failed query rejects anyway, so the event only needs a
    // listener. pg-pool discards a client that is no longer queryable when it is released.
    const ignore = () => undefined;
    client.on("error", ignore);
    try {
      return await work(client);
    } finally {
      client.off("error", ignore);
      client.release();
    }
  }

  async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    await client.query("BEGIN");
    try {
      const result = await work();
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  return {
    kind: "postgres",

    async create(record) {
      const row = permalinkColumns(record);
      await withClient((client) =>
        client.query(
          `INSERT INTO permalinks (id, redacted_text, diagnosis, classifier_version, created_at, expires_at, delete_token_hash)
           VALUES ($1, $2, $3::json, $4, $5, $6, $7)`,
          [
            row.id,
            row.redactedText,
            row.diagnosisJson,
            row.classifierVersion,
            new Date(row.createdAtMs),
            new Date(row.expiresAtMs),
            row.deleteTokenHash,
          ],
        ),
      );
    },

    async get(id, now) {
      if (closed) throw new StoreClosedError("postgres");
      if (!isPermalinkId(id)) return null;
      const { rows } = await withClient((client) =>
        client.query<PermalinkRow>("SELECT * FROM permalinks WHERE id = $1 AND expires_at > $2", [id, now]),
      );
      const row = rows[0];
      if (row === undefined) return null;
      return permalinkFromColumns({
        id: row.id,
        redactedText: row.redacted_text,
        diagnosis: row.diagnosis,
        classifierVersion: row.classifier_version,
        createdAtMs: row.created_at.getTime(),
        expiresAtMs: row.expires_at.getTime(),
        deleteTokenHash: row.delete_token_hash,
      });
    },

    async delete(id, deleteTokenHash, now) {
      if (closed) throw new StoreClosedError("postgres");
      if (!isPermalinkId(id)) return "not_found";
      return withClient(async (client) => {
        const { rows } = await client.query<{ delete_token_hash: string }>(
          "SELECT delete_token_hash FROM permalinks WHERE id = $1 AND expires_at > $2",
          [id, now],
        );
        const stored = rows[0]?.delete_token_hash;
        if (stored === undefined) return "not_found";
        if (!tokenHashesEqual(stored, deleteTokenHash)) return "forbidden";
        // The hash in the WHERE makes a concurrent delete of the same link answer not_found, not deleted twice.
        const { rowCount } = await client.query(
          "DELETE FROM permalinks WHERE id = $1 AND delete_token_hash = $2",
          [id, stored],
        );
        return rowCount === 1 ? "deleted" : "not_found";
      });
    },

    async purgeExpired(now) {
      const { rowCount } = await withClient((client) =>
        client.query("DELETE FROM permalinks WHERE expires_at <= $1", [now]),
      );
      return rowCount ?? 0;
    },

    async upsertIncidents(origin, incidents) {
      await withClient((client) =>
        inTransaction(client, async () => {
          // Read-merge-write: instances polling the status page at once must not lose each other's merge.
          await client.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [
            INCIDENT_LOCK_CLASS,
          ]);
          for (const incident of incidents) {
            const { rows } = await client.query<{ body: unknown }>({
              name: "incident-read",
              text: "SELECT body FROM status_incident_history WHERE origin = $1 AND id = $2",
              values: [origin, incident.id],
            });
            const previous = rows[0] === undefined ? undefined : incidentFromBody(rows[0].body);
            const row = incidentColumns(mergeIncident(previous, incident));
            await client.query({
              name: "incident-write",
              text: `INSERT INTO status_incident_history (origin, id, body, started_at, ended_at) VALUES ($1, $2, $3::json, $4, $5)
               ON CONFLICT (origin, id) DO UPDATE SET body = excluded.body, started_at = excluded.started_at, ended_at = excluded.ended_at`,
              values: [
                origin,
                row.id,
                row.bodyJson,
                new Date(row.startedAtMs),
                row.endedAtMs === null ? null : new Date(row.endedAtMs),
              ],
            });
          }
        }),
      );
    },

    async incidentsBetween(origin, from, to) {
      // Named: each pooled connection parses and plans it once.
      const { rows } = await withClient((client) =>
        client.query<{ body: unknown }>({
          name: "incidents-between",
          text: "SELECT body FROM status_incident_history WHERE origin = $1 AND started_at <= $2 AND (ended_at IS NULL OR ended_at >= $3)",
          values: [origin, to, from],
        }),
      );
      return rows.map((row) => incidentFromBody(row.body)).sort(byNewestStart);
    },

    async openIncidents(origin) {
      const { rows } = await withClient((client) =>
        client.query<{ body: unknown }>({
          name: "incidents-open",
          text: "SELECT body FROM status_incident_history WHERE origin = $1 AND ended_at IS NULL",
          values: [origin],
        }),
      );
      return rows.map((row) => incidentFromBody(row.body)).sort(byNewestStart);
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

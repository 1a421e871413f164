// Cost of the status part of one diagnosis (`getContext`) with the SQLite incident history, as the server runs
// it. Figures only. Three cases, interleaved in rounds so load on the machine hits them alike:
//   memory  an error inside the page's own incident list: answered from the reading in memory (the usual case)
//   store   an error older than the page lists: one history query (statements prepared once per connection)
//   query   the bare history query the store case makes (statement prepared once), for reference
//   prepare the same query prepared on every call, as the store did before
// Usage: npm run bench:status [-- CALLS]   (default 2,000 calls per case and round, 5 rounds)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { createStatusClient, type StatusFetch } from "../lib/status/client";
import { openSqliteStore, SQLITE_FILE_NAME } from "../lib/store/sqlite";
import { DEFAULT_FIXTURES_DIR } from "../scripts/mock-status-server";

const calls = Number(process.argv[2] ?? 2_000);
const ROUNDS = 5;
const ORIGIN = "https://status.claude.com";
const NOW = Date.parse("2026-11-20T16:45:00.000Z");

const fetchFixture: StatusFetch = async (url) => {
  const document = url.slice(url.indexOf("/api/v2/") + "/api/v2/".length);
  return new Response(readFileSync(path.join(DEFAULT_FIXTURES_DIR, "operational", document), "utf8"));
};

async function timed(label: string, work: () => Promise<unknown>): Promise<[string, number]> {
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) await work();
  return [label, (performance.now() - started) / calls];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-status-"));
  const store = openSqliteStore({ dataDir: dir });
  try {
    const client = createStatusClient({
      baseUrl: ORIGIN,
      fetch: fetchFixture,
      now: () => NOW,
      ttlMs: 3_600_000,
      history: store,
    });
    await client.getReading();
    // Let the background history write land before measuring.
    for (let i = 0; i < 50 && (await store.openIncidents(ORIGIN)).length === 0; i += 1) {
      if ((await store.incidentsBetween(ORIGIN, new Date(0), new Date(NOW))).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const inList = { occurredAt: "2026-05-02T13:50:00Z", surface: "sdk-python" as const };
    const older = { occurredAt: "2025-06-01T12:00:00Z", surface: "sdk-python" as const };
    const raw = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true });
    const SQL =
      "SELECT body FROM status_incident_history WHERE origin = ? AND started_at <= ? AND (ended_at IS NULL OR ended_at >= ?)";
    const range = [ORIGIN, Date.parse("2025-06-01T12:30:00Z"), Date.parse("2025-06-01T11:30:00Z")] as const;
    const sums = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [label, ms] of [
        await timed("memory", () => client.getContext(inList)),
        await timed("store", () => client.getContext(older)),
        await timed("query", () =>
          store.incidentsBetween(ORIGIN, new Date("2025-06-01T11:30:00Z"), new Date("2025-06-01T12:30:00Z")),
        ),
        await timed("prepare", async () =>
          raw
            .prepare(SQL)
            .pluck()
            .all(...range),
        ),
      ]) {
        sums.set(label, [...(sums.get(label) ?? []), ms]);
      }
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const memory = median(sums.get("memory") ?? []);
    console.log(
      `getContext, ${calls} calls × ${ROUNDS} rounds, median per call (SQLite history, 15 incidents stored)`,
    );
    for (const [label, values] of sums) {
      const ms = median(values);
      console.log(
        `  ${label.padEnd(7)} ${(ms * 1000).toFixed(1).padStart(8)} µs   ${(1000 / ms).toFixed(0).padStart(7)}/s   ×${(ms / memory).toFixed(2)} of memory`,
      );
    }
    raw.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

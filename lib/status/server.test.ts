import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// The server's status client keeps every incident it has seen in the app's store (SQLite here), so an
// incident the page no longer lists still correlates with an error from its time.

let server: MockStatusServer;
let dataDir: string;
let getStatusClient: typeof import("./server").getStatusClient;
let getStore: typeof import("../store/server").getStore;

beforeAll(async () => {
  server = await startMockStatusServer({ scenario: "minor-incident", port: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), "triage-status-history-"));
  Object.assign(process.env, { STATUS_PAGE_URL: server.url, STATUS_CACHE_TTL_MS: "0", DATA_DIR: dataDir });
  delete process.env.DATABASE_URL;
  const status = await import("./server");
  ({ getStatusClient } = status);
  ({ getStore } = await import("../store/server"));
  // What instrumentation.ts does at start-up.
  const { storeIncidentHistory } = await import("../store/status-history");
  status.setIncidentHistory(storeIncidentHistory(getStore));
});
afterAll(async () => {
  await server.close();
  await getStore().close();
  rmSync(dataDir, { recursive: true, force: true });
});

// "Elevated errors on Claude Opus 5.5", listed only by the minor-incident fixtures (still open there).
const INCIDENT = "wghm6b8dc5r6";
const DURING = {
  occurredAt: "2026-11-20T14:10:00.000Z",
  surface: "sdk-python" as const,
  route: "anthropic" as const,
};

describe("the server's incident history", () => {
  it("stores the incidents it reads", async () => {
    await getStatusClient().getReading();
    await expect
      .poll(async () =>
        (
          await getStore().incidentsBetween(
            new URL(server.url).origin,
            new Date("2026-11-20T00:00:00Z"),
            new Date("2026-11-21T00:00:00Z"),
          )
        ).map((i) => i.id),
      )
      .toContain(INCIDENT);
  });

  it("still correlates an incident the page has stopped listing, after a restart", async () => {
    server.setScenario("operational");
    // A restart: the process-wide client (and anything it held in memory) is gone; the store is not.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("claude-error-triage.status-client")];
    const context = await getStatusClient().getContext(DURING);
    expect(context.activeIncidents.map((i) => i.id)).not.toContain(INCIDENT);
    expect(context.correlatedIncidents.map((i) => i.id)).toContain(INCIDENT);
    // Remembered, but never as ongoing: the fresh reading does not list it, so it is no longer listed.
    expect(context.correlatedIncidents.find((i) => i.id === INCIDENT)?.unlistedAt).toEqual(
      expect.any(String),
    );
    await expect.poll(async () => getStore().openIncidents(new URL(server.url).origin)).toEqual([]);
  });

  it("never answers another status page with this one's incidents", async () => {
    const other = await getStore().incidentsBetween(
      "https://status.claude.com",
      new Date("2026-11-20T00:00:00Z"),
      new Date("2026-11-21T00:00:00Z"),
    );
    expect(other.map((i) => i.id)).not.toContain(INCIDENT);
  });
});

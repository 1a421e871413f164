import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusReadingSchema } from "@/lib/status/reading";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// The route through the server singleton, with STATUS_PAGE_URL pointing at the in-process mock.

let server: MockStatusServer;
let GET: () => Promise<Response>;

beforeAll(async () => {
  server = await startMockStatusServer({ scenario: "major-outage", port: 0 });
  process.env.STATUS_PAGE_URL = server.url;
  process.env.STATUS_CACHE_TTL_MS = "0";
  ({ GET } = await import("./route"));
});
afterAll(async () => {
  await server.close();
});

describe("GET /api/status", () => {
  it("answers the normalised reading of the configured page, uncached by the browser", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const reading = statusReadingSchema.parse(await response.json());
    expect(reading).toMatchObject({
      source: "live",
      indicator: "major",
      description: "Partial System Outage",
    });
    expect(reading.activeIncidents.map((i) => i.impact)).toEqual(["critical"]);
  });

  it("still answers 200 when the page goes down, with the last good reading marked stale", async () => {
    server.setScenario("down");
    const response = await GET();
    expect(response.status).toBe(200);
    const reading = statusReadingSchema.parse(await response.json());
    expect(reading.source).toBe("stale");
    expect(reading.error).toBe("summary.json: HTTP 503");
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMockStatusServer, type MockStatusServer } from "../../scripts/mock-status-server";
import { createStatusClient, type StatusClientOptions } from "./client";
import {
  componentsResponseSchema,
  incidentsResponseSchema,
  maintenancesResponseSchema,
  parseStatusPayload,
  statusResponseSchema,
  summaryResponseSchema,
} from "./schemas";

// The mock server in-process on a free port, and the real client (real fetch, real sockets on
// 127.0.0.1) against it: the path `npm run mock:status` and Playwright will take.

let server: MockStatusServer;

beforeAll(async () => {
  server = await startMockStatusServer({ port: 0, slowMs: 2_000 });
});
afterAll(async () => {
  await server.close();
});

function clientFor(options: Partial<StatusClientOptions> = {}) {
  const clock = { t: Date.parse("2026-11-20T16:45:00.000Z") };
  const client = createStatusClient({
    baseUrl: server.url,
    fetch: (url, init) => fetch(url, init),
    now: () => clock.t,
    timeoutMs: 1_000,
    ...options,
  });
  return { client, clock };
}

describe("mock status server: routes per the fixtures README", () => {
  it.each([
    ["/api/v2/status.json", statusResponseSchema],
    ["/api/v2/summary.json", summaryResponseSchema],
    ["/api/v2/components.json", componentsResponseSchema],
    ["/api/v2/incidents.json", incidentsResponseSchema],
    ["/api/v2/incidents/unresolved.json", incidentsResponseSchema],
    ["/api/v2/scheduled-maintenances.json", maintenancesResponseSchema],
    ["/api/v2/scheduled-maintenances/upcoming.json", maintenancesResponseSchema],
    ["/api/v2/scheduled-maintenances/active.json", maintenancesResponseSchema],
  ] as const)("serves %s as JSON the schemas accept", async (route, schema) => {
    server.setScenario("maintenance");
    const response = await fetch(`${server.url}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(() => parseStatusPayload(schema, "", route)).toThrow();
    const parsed = parseStatusPayload(schema, await response.text(), route);
    expect(parsed.page.updated_at).toBe("2026-11-21T02:00:04.871Z");
  });

  it("serves the feeds with their XML types", async () => {
    server.setScenario("operational");
    const rss = await fetch(`${server.url}/history.rss`);
    expect(rss.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(await rss.text()).toContain("<title>Claude Status - Incident History</title>");
    const atom = await fetch(`${server.url}/history.atom`);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(await atom.text()).toContain("tag:status.claude.com,2005:/history");
  });

  it("ignores query strings, as the real API does", async () => {
    server.setScenario("minor-incident");
    const plain = await (await fetch(`${server.url}/api/v2/incidents.json`)).text();
    const paged = await (await fetch(`${server.url}/api/v2/incidents.json?page=2&limit=5`)).text();
    expect(paged).toBe(plain);
  });

  it("serves one incident by id from the scenario's list, 404 when the scenario does not list it", async () => {
    server.setScenario("minor-incident");
    const found = await fetch(`${server.url}/api/v2/incidents/wghm6b8dc5r6.json`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as { incident: { id: string } }).incident.id).toBe("wghm6b8dc5r6");
    server.setScenario("operational");
    expect((await fetch(`${server.url}/api/v2/incidents/wghm6b8dc5r6.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v2/incidents/..%2Fsummary.json`)).status).toBe(404);
  });

  it("answers 404 for paths outside the route table, including traversal attempts", async () => {
    server.setScenario("operational");
    expect((await fetch(`${server.url}/api/v2/nope.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v2/..%2F..%2FREADME.md`)).status).toBe(404);
  });

  it("switches scenario over HTTP, and refuses an unknown one", async () => {
    server.setScenario("operational");
    const switched = await fetch(`${server.url}/__mock/scenario/down`, { method: "POST" });
    expect(await switched.json()).toEqual({ scenario: "down" });
    expect(server.scenario()).toBe("down");
    expect((await fetch(`${server.url}/__mock/scenario/sideways`, { method: "POST" })).status).toBe(400);
    expect(server.scenario()).toBe("down");
  });
});

describe("the client against each mock scenario", () => {
  it.each([
    ["operational", "none", 0, 0],
    ["minor-incident", "minor", 1, 0],
    ["major-outage", "major", 1, 0],
    ["maintenance", "maintenance", 0, 2],
  ] as const)("%s → live, indicator %s", async (scenario, indicator, incidents, maintenances) => {
    server.setScenario(scenario);
    const reading = await clientFor().client.getReading();
    expect(reading).toMatchObject({ source: "live", indicator, error: null });
    expect(reading.activeIncidents).toHaveLength(incidents);
    expect(reading.maintenances).toHaveLength(maintenances);
    expect(reading.components).toHaveLength(6);
  });

  it("down → unavailable with HTTP 503", async () => {
    server.setScenario("down");
    expect(await clientFor().client.getReading()).toMatchObject({
      source: "unavailable",
      error: "summary.json: HTTP 503",
    });
  });

  it("challenge (CloudFront 405 HTML) → unavailable", async () => {
    server.setScenario("challenge");
    expect(await clientFor().client.getReading()).toMatchObject({
      source: "unavailable",
      error: "summary.json: HTTP 405",
    });
  });

  it("malformed → unavailable, naming the failing path", async () => {
    server.setScenario("malformed");
    const reading = await clientFor().client.getReading();
    expect(reading.source).toBe("unavailable");
    expect(reading.error).toMatch(/^summary\.json: components: /);
  });

  it("slow → unavailable within the client's timeout", async () => {
    server.setScenario("slow");
    const started = performance.now();
    const reading = await clientFor({ timeoutMs: 150 }).client.getReading();
    expect(reading).toMatchObject({
      source: "unavailable",
      error: "status page did not answer within 150 ms",
    });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("slow still answers, with the operational page, to a patient client", async () => {
    server.setScenario("slow");
    const reading = await clientFor({ timeoutMs: 5_000 }).client.getReading();
    expect(reading).toMatchObject({ source: "live", indicator: "none" });
  });

  it.each(["down", "slow", "malformed"] as const)(
    "a good reading turns stale when the page goes %s",
    async (failure) => {
      server.setScenario("major-outage");
      // A timeout under the slow scenario's delay, and wide enough that the first, good reading is never
      // lost on a loaded machine.
      const { client, clock } = clientFor({ timeoutMs: 1_000 });
      expect(await client.getReading()).toMatchObject({ source: "live", indicator: "major" });
      server.setScenario(failure);
      clock.t += 60_000;
      // The last reading at once, while the background fetch fails; stale from then on.
      expect(await client.getReading()).toMatchObject({ source: "cached", indicator: "major" });
      await vi.waitFor(
        async () => expect(await client.getReading()).toMatchObject({ source: "stale", indicator: "major" }),
        { timeout: 6_000 },
      );
    },
  );

  it("connection refused → unavailable", async () => {
    const closed = await startMockStatusServer({ port: 0 });
    await closed.close();
    const client = createStatusClient({
      baseUrl: closed.url,
      fetch: (url, init) => fetch(url, init),
      now: () => 0,
    });
    expect((await client.getReading()).source).toBe("unavailable");
  });
});

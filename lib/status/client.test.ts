import { afterEach, describe, expect, it, vi } from "vitest";
import { createStatusClient, type StatusClientOptions, type StatusFetch } from "./client";
import { createMemoryIncidentHistory, type IncidentHistoryStore } from "./history";
import { statusReadingSchema } from "./reading";
import { fixtureIncident, readFixture } from "./testing/fixtures";

const BASE = "https://status.test";
const T0 = Date.parse("2026-11-20T16:45:00.000Z");
const TTL = 60_000;

type Answer = { status?: number; body: string } | "hang" | Error;

/** A fake upstream: answers per document, counts calls, and remembers the abort signals. */
function fakeUpstream(answer: (document: string) => Answer) {
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const fetch: StatusFetch = async (url, init) => {
    const document = url.slice(`${BASE}/api/v2/`.length);
    calls.push(document);
    signals.push(init.signal);
    const result = answer(document);
    if (result === "hang") return new Promise(() => {});
    if (result instanceof Error) throw result;
    return new Response(result.body, { status: result.status ?? 200 });
  };
  return { fetch, calls, signals };
}

const scenario =
  (name: string) =>
  (document: string): Answer => ({ body: readFixture(name, document) });

function makeClient(upstream: ReturnType<typeof fakeUpstream>, options: Partial<StatusClientOptions> = {}) {
  const clock = { t: T0 };
  const client = createStatusClient({ baseUrl: BASE, fetch: upstream.fetch, now: () => clock.t, ...options });
  return { client, clock };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("getReading: a live reading from summary.json", () => {
  it("asks summary.json and incidents.json under /api/v2 and normalises the answer", async () => {
    const upstream = fakeUpstream(scenario("minor-incident"));
    const { client } = makeClient(upstream);
    const reading = await client.getReading();
    expect(upstream.calls.sort()).toEqual(["incidents.json", "summary.json"]);
    expect(statusReadingSchema.parse(reading)).toEqual(reading);
    expect(reading).toMatchObject({
      source: "live",
      indicator: "minor",
      description: "Partially Degraded Service",
      checkedAt: "2026-11-20T16:45:00.000Z",
      pageUpdatedAt: "2026-11-20T14:19:55.212Z",
      error: null,
    });
    expect(reading.activeIncidents.map((i) => i.id)).toEqual(["wghm6b8dc5r6"]);
  });

  it("keeps a good reading live when only incidents.json fails, and says so through onError", async () => {
    const onError = vi.fn();
    const upstream = fakeUpstream((document) =>
      document === "incidents.json"
        ? { status: 500, body: "oops" }
        : { body: readFixture("operational", document) },
    );
    const { client } = makeClient(upstream, { onError });
    expect((await client.getReading()).source).toBe("live");
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "incidents.json: HTTP 500" }));
  });
});

describe("getReading: cache and single flight", () => {
  it("serves N concurrent callers from one upstream fetch", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls: string[] = [];
    const fetch: StatusFetch = async (url) => {
      calls.push(url);
      await gate;
      return new Response(readFixture("operational", url.slice(`${BASE}/api/v2/`.length)));
    };
    const client = createStatusClient({ baseUrl: BASE, fetch, now: () => T0 });
    const readings = Promise.all(Array.from({ length: 25 }, () => client.getReading()));
    release();
    const all = await readings;
    expect(calls.filter((url) => url.endsWith("/summary.json"))).toHaveLength(1);
    expect(calls).toHaveLength(2);
    expect(new Set(all.map((r) => r.source))).toEqual(new Set(["live"]));
  });

  it("answers from the cache until the TTL passes, then serves it at once while fetching once more", async () => {
    const upstream = fakeUpstream(scenario("operational"));
    const { client, clock } = makeClient(upstream, { ttlMs: TTL });
    await client.getReading();
    clock.t = T0 + TTL - 1;
    const cached = await client.getReading();
    expect(cached.source).toBe("cached");
    expect(cached.checkedAt).toBe("2026-11-20T16:45:00.000Z");
    expect(upstream.calls.filter((d) => d === "summary.json")).toHaveLength(1);
    clock.t = T0 + TTL;
    // Stale-while-revalidate: the old reading now, one fetch in the background.
    const served = await client.getReading();
    expect(served).toMatchObject({ source: "cached", checkedAt: "2026-11-20T16:45:00.000Z" });
    expect(await client.getReading()).toMatchObject({ checkedAt: "2026-11-20T16:45:00.000Z" });
    await vi.waitFor(() => expect(upstream.calls.filter((d) => d === "summary.json")).toHaveLength(2));
    await vi.waitFor(async () =>
      expect((await client.getReading()).checkedAt).toBe(new Date(T0 + TTL).toISOString()),
    );
    expect(upstream.calls.filter((d) => d === "summary.json")).toHaveLength(2);
  });

  it("never makes a request wait on a slow page once it has a reading, and keeps one fetch in flight", async () => {
    vi.useFakeTimers();
    let slow = false;
    const upstream = fakeUpstream((document) =>
      slow ? "hang" : { body: readFixture("operational", document) },
    );
    const { client, clock } = makeClient(upstream, { ttlMs: TTL, timeoutMs: 3_000 });
    await client.getReading();
    slow = true;
    // Ten minutes of requests, one every 5 s, while every fetch hangs until its timeout.
    for (let i = 1; i <= 120; i += 1) {
      clock.t = T0 + i * 5_000;
      let answered = false;
      const pending = client.getReading().then((reading) => {
        answered = true;
        return reading;
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(answered).toBe(true);
      expect(["cached", "stale"]).toContain((await pending).source);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    const fetches = upstream.calls.filter((d) => d === "summary.json").length - 1;
    // One fetch per TTL at most (a failed one counts), never one per request.
    expect(fetches).toBeGreaterThanOrEqual(9);
    expect(fetches).toBeLessThanOrEqual(10);
  });

  it("keeps the cache at least as long as the timeout, so a slow page is not asked twice at once", async () => {
    const upstream = fakeUpstream(scenario("operational"));
    const { client, clock } = makeClient(upstream, { ttlMs: 1_000, timeoutMs: 3_000 });
    await client.getReading();
    clock.t = T0 + 2_999;
    expect((await client.getReading()).source).toBe("cached");
    expect(upstream.calls.filter((d) => d === "summary.json")).toHaveLength(1);
  });

  it("with a TTL of 0 (e2e, local work) makes every caller wait for a fresh reading", async () => {
    const upstream = fakeUpstream(scenario("operational"));
    const { client, clock } = makeClient(upstream, { ttlMs: 0 });
    await client.getReading();
    clock.t = T0 + 1;
    const second = await client.getReading();
    expect(second).toMatchObject({ source: "live", checkedAt: new Date(T0 + 1).toISOString() });
    expect(upstream.calls.filter((d) => d === "summary.json")).toHaveLength(2);
  });
});

describe("getReading: failures become stale, then unavailable", () => {
  it("is unavailable, with the reason, when the page never answered well", async () => {
    const upstream = fakeUpstream(() => ({ status: 503, body: "<html>down</html>" }));
    const { client } = makeClient(upstream);
    const reading = await client.getReading();
    expect(reading).toMatchObject({
      source: "unavailable",
      indicator: "unknown",
      checkedAt: null,
      error: "summary.json: HTTP 503",
      components: [],
      activeIncidents: [],
      maintenances: [],
    });
  });

  it("serves the last good reading as stale for staleForMs, then unavailable, then recovers", async () => {
    let down = false;
    const upstream = fakeUpstream((document) =>
      down ? new TypeError("fetch failed") : { body: readFixture("major-outage", document) },
    );
    const { client, clock } = makeClient(upstream, { ttlMs: TTL, staleForMs: 30 * 60_000 });
    await client.getReading();
    down = true;

    clock.t = T0 + TTL;
    // Served at once from the last reading while the background fetch fails; then marked stale.
    expect((await client.getReading()).source).toBe("cached");
    await vi.waitFor(async () => expect((await client.getReading()).source).toBe("stale"));
    const stale = await client.getReading();
    expect(stale).toMatchObject({
      source: "stale",
      indicator: "major",
      checkedAt: "2026-11-20T16:45:00.000Z",
      error: "fetch failed",
    });
    expect(stale.activeIncidents).toHaveLength(1);

    // A failed attempt counts against the TTL too: no second fetch within it.
    const fetchesSoFar = upstream.calls.length;
    clock.t = T0 + TTL + TTL - 1;
    expect((await client.getReading()).source).toBe("stale");
    expect(upstream.calls).toHaveLength(fetchesSoFar);

    clock.t = T0 + 30 * 60_000;
    expect((await client.getReading()).source).toBe("stale");
    clock.t = T0 + 30 * 60_000 + TTL;
    const gone = await client.getReading();
    expect(gone).toMatchObject({
      source: "unavailable",
      indicator: "unknown",
      checkedAt: "2026-11-20T16:45:00.000Z",
    });
    expect(gone.activeIncidents).toEqual([]);

    down = false;
    clock.t += TTL;
    expect(await client.getReading()).toMatchObject({ source: "live", error: null, indicator: "major" });
  });

  it("treats a malformed summary as a failure and names the path", async () => {
    const upstream = fakeUpstream((document) =>
      document === "summary.json"
        ? { body: '{"page":{},"status":{}}' }
        : { body: readFixture("operational", document) },
    );
    const reading = await makeClient(upstream).client.getReading();
    expect(reading.source).toBe("unavailable");
    expect(reading.error).toMatch(/^summary\.json: page\.id: /);
  });

  it("never throws, even when fetch itself throws synchronously", async () => {
    const fetch: StatusFetch = () => {
      throw new Error("boom");
    };
    const client = createStatusClient({ baseUrl: BASE, fetch, now: () => T0 });
    await expect(client.getReading()).resolves.toMatchObject({ source: "unavailable", error: "boom" });
  });
});

describe("getReading: the timeout", () => {
  it("gives up after timeoutMs (3 s by default) and aborts the request", async () => {
    vi.useFakeTimers();
    const upstream = fakeUpstream(() => "hang");
    const { client } = makeClient(upstream);
    let settled = false;
    const pending = client.getReading().then((reading) => {
      settled = true;
      return reading;
    });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const reading = await pending;
    expect(reading).toMatchObject({
      source: "unavailable",
      error: "status page did not answer within 3000 ms",
    });
    expect(upstream.signals.every((signal) => signal.aborted)).toBe(true);
  });

  it("returns within a short real timeout when fetch ignores the abort", async () => {
    const upstream = fakeUpstream(() => "hang");
    const { client } = makeClient(upstream, { timeoutMs: 40 });
    const started = performance.now();
    expect((await client.getReading()).source).toBe("unavailable");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("serves the last good reading as stale when a later fetch times out", async () => {
    let hang = false;
    const upstream = fakeUpstream((document) =>
      hang ? "hang" : { body: readFixture("operational", document) },
    );
    const { client, clock } = makeClient(upstream, { timeoutMs: 20 });
    await client.getReading();
    hang = true;
    clock.t += TTL;
    expect(await client.getReading()).toMatchObject({ source: "cached", indicator: "none" });
    await vi.waitFor(async () =>
      expect(await client.getReading()).toMatchObject({ source: "stale", indicator: "none" }),
    );
  });
});

describe("history and getContext", () => {
  it("stores every incident seen, so one that left the 50-incident window still correlates", async () => {
    const history = createMemoryIncidentHistory();
    let incidentsBody = readFixture("operational", "incidents.json");
    const upstream = fakeUpstream((document) =>
      document === "incidents.json"
        ? { body: incidentsBody }
        : { body: readFixture("operational", document) },
    );
    const { client, clock } = makeClient(upstream, { history });
    await client.getReading();
    const stored = await history.incidentsBetween(
      BASE,
      new Date("2026-01-01T00:00:00Z"),
      new Date("2026-12-31T00:00:00Z"),
    );
    expect(stored).toHaveLength(15);

    // The upstream window moves on: incidents.json no longer lists anything from May.
    const trimmed = JSON.parse(incidentsBody) as { incidents: unknown[] };
    trimmed.incidents = trimmed.incidents.slice(0, 3);
    incidentsBody = JSON.stringify(trimmed);
    clock.t += 10 * TTL;
    await client.getReading();
    await vi.waitFor(async () =>
      expect((await client.getReading()).checkedAt).toBe(new Date(clock.t).toISOString()),
    );

    const context = await client.getContext({
      occurredAt: "2026-05-02T13:50:00Z",
      surface: "sdk-typescript",
    });
    expect(context.correlatedIncidents.map((i) => [i.id, i.relation, i.matchesSurface])).toEqual([
      ["i2fknt6az5p8", "during", true],
      ["4v33wuyiyo2q", "during", false],
    ]);
  });

  it("correlates over the last incidents.json even without a history store", async () => {
    const { client } = makeClient(fakeUpstream(scenario("operational")));
    const context = await client.getContext({ occurredAt: "2026-07-16T20:00:00Z", surface: "claude-code" });
    expect(context).toMatchObject({ source: "live", indicator: "none" });
    expect(context.correlatedIncidents.map((i) => i.id)).toEqual(["kqbd7wm6hnnr"]);
  });

  it("includes an open incident from summary.json as active at a later error time", async () => {
    const { client } = makeClient(fakeUpstream(scenario("major-outage")));
    const context = await client.getContext({ occurredAt: "2026-11-20T10:00:00Z", surface: "curl" });
    expect(context.activeIncidents.map((i) => i.id)).toEqual(["3dik4qkbplpj"]);
    expect(context.correlatedIncidents[0]).toMatchObject({
      id: "3dik4qkbplpj",
      relation: "during",
      matchesSurface: true,
    });
  });

  it("still correlates from the store while the page is down", async () => {
    const history = createMemoryIncidentHistory();
    let down = false;
    const upstream = fakeUpstream((document) =>
      down ? { status: 503, body: "" } : { body: readFixture("operational", document) },
    );
    const warm = makeClient(upstream, { history });
    await warm.client.getReading();
    down = true;
    const cold = makeClient(upstream, { history });
    const context = await cold.client.getContext({
      occurredAt: "2026-02-09T10:30:00Z",
      surface: "sdk-python",
    });
    expect(context.source).toBe("unavailable");
    expect(context.correlatedIncidents.map((i) => i.id)).toEqual(["hkkx31id6sbu"]);
  });

  it("does not wait on a history store that hangs, nor on one that fails", async () => {
    const hanging: IncidentHistoryStore = {
      upsertIncidents: () => new Promise(() => {}),
      incidentsBetween: () => new Promise(() => {}),
      openIncidents: () => new Promise(() => {}),
    };
    const failing: IncidentHistoryStore = {
      upsertIncidents: () => {
        throw new Error("disk full");
      },
      incidentsBetween: async () => {
        throw new Error("disk full");
      },
      openIncidents: async () => {
        throw new Error("disk full");
      },
    };
    for (const history of [hanging, failing]) {
      const onError = vi.fn();
      const { client } = makeClient(fakeUpstream(scenario("operational")), {
        history,
        timeoutMs: 40,
        onError,
      });
      const context = await client.getContext({ occurredAt: "2026-02-09T10:30:00Z", surface: "sdk-python" });
      expect(context.source).toBe("live");
      expect(context.correlatedIncidents.map((i) => i.id)).toEqual(["hkkx31id6sbu"]);
      // Older than the page lists: the store is asked, and its trouble costs at most the timeout.
      const older = await client.getContext({ occurredAt: "2025-06-01T10:30:00Z", surface: "sdk-python" });
      expect(older.source).toBe("cached");
      expect(older.correlatedIncidents).toEqual([]);
      expect(onError).toHaveBeenCalled();
    }
  });

  it("answers an error inside the page's own list from memory, and asks the store only for older times", async () => {
    const memory = createMemoryIncidentHistory();
    const asked: string[] = [];
    const history: IncidentHistoryStore = {
      ...memory,
      incidentsBetween: (origin, from, to) => {
        asked.push(from.toISOString());
        return memory.incidentsBetween(origin, from, to);
      },
    };
    const { client } = makeClient(fakeUpstream(scenario("operational")), { history });
    // Once the page's list is known (the first context asks in parallel, before it is).
    await client.getReading();
    await client.getContext({ occurredAt: "2026-02-09T10:30:00Z", surface: "sdk-python" });
    await client.getContext({ occurredAt: "2026-11-20T16:00:00Z", surface: "sdk-python" });
    expect(asked).toEqual([]);
    await client.getContext({ occurredAt: "2025-12-01T10:00:00Z", surface: "sdk-python" });
    expect(asked).toEqual(["2025-12-01T09:30:00.000Z"]);
  });

  it("gives no correlation without an error time, but keeps the page state", async () => {
    const { client } = makeClient(fakeUpstream(scenario("minor-incident")));
    const context = await client.getContext({ occurredAt: null, surface: "sdk-python" });
    expect(context.correlatedIncidents).toEqual([]);
    expect(context.activeIncidents).toHaveLength(1);
    expect(context.indicator).toBe("minor");
  });
});

describe("status correctness: nothing is ongoing from memory", () => {
  const OPEN_ID = "wghm6b8dc5r6"; // open in minor-incident, absent from operational
  const DURING = { occurredAt: "2026-11-20T14:10:00Z", surface: "sdk-python" as const };

  function rawOpen(): Record<string, unknown> {
    const { incidents } = JSON.parse(readFixture("minor-incident", "incidents.json")) as {
      incidents: Record<string, unknown>[];
    };
    return incidents.find((incident) => incident.id === OPEN_ID)!;
  }

  /** The page moves from minor-incident to operational; the incident's own page answers `single`. */
  function movingPage(single: () => Answer) {
    let name = "minor-incident";
    const upstream = fakeUpstream((document) =>
      document.startsWith("incidents/") && document !== "incidents.json"
        ? single()
        : { body: readFixture(name, document) },
    );
    return { upstream, move: () => (name = "operational") };
  }

  async function seenThenAbsent(single: () => Answer) {
    const history = createMemoryIncidentHistory();
    const page = movingPage(single);
    const { client, clock } = makeClient(page.upstream, { history, ttlMs: 0 });
    await client.getReading();
    await vi.waitFor(async () =>
      expect((await history.openIncidents(BASE)).map((i) => i.id)).toEqual([OPEN_ID]),
    );
    page.move();
    clock.t += 60_000;
    await client.getReading();
    return { client, history, upstream: page.upstream };
  }

  it("settles an incident absent from a fresh reading from its own page, resolved", async () => {
    const resolved = {
      ...rawOpen(),
      status: "resolved",
      resolved_at: "2026-11-20T15:02:00.000Z",
      updated_at: "2026-11-20T15:02:00.000Z",
    };
    const { client, history, upstream } = await seenThenAbsent(() => ({
      body: JSON.stringify({ incident: resolved }),
    }));
    await vi.waitFor(async () => expect(await history.openIncidents(BASE)).toEqual([]));
    expect(upstream.calls).toContain(`incidents/${OPEN_ID}.json`);
    const context = await client.getContext(DURING);
    expect(context.activeIncidents).toEqual([]);
    expect(context.correlatedIncidents[0]).toMatchObject({
      id: OPEN_ID,
      relation: "during",
      resolvedAt: "2026-11-20T15:02:00.000Z",
    });
  });

  it("marks it no longer listed when its own page does not settle it, and never reports it ongoing", async () => {
    const { client, history } = await seenThenAbsent(() => ({ status: 404, body: "{}" }));
    await vi.waitFor(async () => expect(await history.openIncidents(BASE)).toEqual([]));
    const context = await client.getContext(DURING);
    const [found] = context.correlatedIncidents;
    expect(found).toMatchObject({ id: OPEN_ID, resolvedAt: null });
    expect(found?.unlistedAt).toBe("2026-11-20T16:46:00.000Z");
    expect(context.activeIncidents).toEqual([]);
    // Long after it was dropped, it is nowhere near the error.
    const later = await client.getContext({ ...DURING, occurredAt: "2026-11-21T12:00:00Z" });
    expect(later.correlatedIncidents).toEqual([]);
  });

  it("never presents a stored open incident while the page cannot be read", async () => {
    const history = createMemoryIncidentHistory();
    await history.upsertIncidents(BASE, [fixtureIncident(OPEN_ID, "minor-incident")]);
    const { client } = makeClient(
      fakeUpstream(() => ({ status: 503, body: "" })),
      { history },
    );
    const context = await client.getContext(DURING);
    expect(context.source).toBe("unavailable");
    expect(context.correlatedIncidents).toEqual([]);
  });

  it("keeps each page's incidents apart: a client for another page never sees the first one's", async () => {
    const history = createMemoryIncidentHistory();
    const mock = makeClient(fakeUpstream(scenario("minor-incident")), { history });
    await mock.client.getReading();
    await vi.waitFor(async () => expect(await history.openIncidents(BASE)).toHaveLength(1));
    const other = createStatusClient({
      baseUrl: "https://status.other.test",
      fetch: async () => new Response("", { status: 503 }),
      now: () => T0,
      history,
    });
    const context = await other.getContext(DURING);
    expect(context.correlatedIncidents).toEqual([]);
    expect(await history.openIncidents("https://status.other.test")).toEqual([]);
  });
});

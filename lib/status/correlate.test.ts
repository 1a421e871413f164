import { describe, expect, it } from "vitest";
import { correlateIncidents, surfaceComponent, surfaceComponents, type CorrelateOptions } from "./correlate";
import type { StatusIncident } from "./reading";
import { fixtureIncident, fixtureIncidents } from "./testing/fixtures";

const history = fixtureIncidents("history");
const open = fixtureIncident("wghm6b8dc5r6", "minor-incident");

function correlate(occurredAt: string | null, options: Partial<CorrelateOptions> = {}, incidents = history) {
  return correlateIncidents(incidents, { occurredAt, surface: "sdk-python", ...options });
}
const summary = (found: ReturnType<typeof correlate>) =>
  found.map((i) => [i.id, i.relation, i.matchesSurface]);

describe("correlateIncidents: which incidents are near the error", () => {
  it("finds the requested example: an SDK error at 13:30Z during the Sonnet 4.6 incident", () => {
    expect(summary(correlate("2026-05-02T13:30:00Z"))).toEqual([
      ["i2fknt6az5p8", "during", true],
      ["4v33wuyiyo2q", "shortly-after", false],
    ]);
  });

  it("lists both overlapping incidents, the one on the error's component first", () => {
    expect(summary(correlate("2026-05-02T13:50:00Z"))).toEqual([
      ["i2fknt6az5p8", "during", true],
      ["4v33wuyiyo2q", "during", false],
    ]);
    expect(summary(correlate("2026-05-02T13:50:00Z", { surface: "browser" }))).toEqual([
      ["4v33wuyiyo2q", "during", true],
      ["i2fknt6az5p8", "during", false],
    ]);
  });

  it("accepts an error time with a numeric offset", () => {
    expect(correlate("2026-05-02T08:50:00-05:00")).toHaveLength(2);
  });

  it("marks an incident that began within the window after the error as shortly-after", () => {
    const [found] = correlate("2026-05-02T13:00:00Z");
    expect(found).toMatchObject({ id: "i2fknt6az5p8", relation: "shortly-after" });
    expect(found?.gapMs).toBe(Date.parse("2026-05-02T13:20:07.316Z") - Date.parse("2026-05-02T13:00:00Z"));
  });

  it("marks an incident that ended within the window before the error as shortly-before", () => {
    const found = correlate("2026-05-02T15:30:00Z");
    expect(summary(found)).toEqual([["4v33wuyiyo2q", "shortly-before", false]]);
    expect(found[0]?.gapMs).toBe(Date.parse("2026-05-02T15:30:00Z") - Date.parse("2026-05-02T15:10:44.018Z"));
  });

  it("includes the window's edge and nothing past it", () => {
    const end = Date.parse("2026-05-02T15:10:44.018Z");
    const windowMs = 30 * 60_000;
    expect(correlate(new Date(end + windowMs).toISOString())).toHaveLength(1);
    expect(correlate(new Date(end + windowMs + 1).toISOString())).toEqual([]);
    expect(correlate(new Date(end + 5 * 60_000).toISOString(), { windowMs: 60_000 })).toEqual([]);
  });

  it("finds nothing in the gaps of the history", () => {
    expect(correlate("2026-08-15T12:00:00Z")).toEqual([]);
  });

  it("follows an incident over midnight, impact none included", () => {
    expect(summary(correlate("2026-04-19T23:59:59Z"))).toEqual([["atpx9xbkk8ag", "during", true]]);
    expect(summary(correlate("2026-04-20T00:00:10Z"))).toEqual([["atpx9xbkk8ag", "during", true]]);
    expect(summary(correlate("2026-04-20T00:20:00Z"))).toEqual([["atpx9xbkk8ag", "shortly-before", true]]);
    expect(correlate("2026-04-20T00:31:00Z")).toEqual([]);
    expect(correlate("2026-04-19T23:00:00Z")[0]?.impact).toBe("none");
  });

  it("treats an unresolved incident as still active, however late the error", () => {
    expect(summary(correlate("2026-12-24T09:00:00Z", {}, [open]))).toEqual([
      ["wghm6b8dc5r6", "during", true],
    ]);
    expect(summary(correlate("2026-11-20T13:40:00Z", {}, [open]))).toEqual([
      ["wghm6b8dc5r6", "shortly-after", true],
    ]);
  });

  it("ends a postmortem incident at resolved_at, not at the later postmortem update", () => {
    const postmortem = fixtureIncident("sesxvq8u6cvj", "history");
    expect(postmortem.status).toBe("postmortem");
    expect(summary(correlate("2026-03-11T17:40:00Z", { surface: "claude-code" }))).toEqual([
      ["sesxvq8u6cvj", "shortly-before", true],
    ]);
  });

  it("ends a finished incident that lacks resolved_at at its newest update", () => {
    const finished: StatusIncident = {
      ...fixtureIncident("i2fknt6az5p8", "history"),
      resolvedAt: null,
      status: "postmortem",
      updatedAt: "2026-05-02T14:30:00.000Z",
    };
    expect(correlate("2026-05-02T14:20:00Z", {}, [finished])[0]?.relation).toBe("during");
    expect(correlate("2026-05-02T14:50:00Z", {}, [finished])[0]).toMatchObject({
      relation: "shortly-before",
      gapMs: 20 * 60_000,
    });
  });

  it("matches an incident whose components were unlinked by the ids in its updates", () => {
    expect(summary(correlate("2026-07-16T20:00:00Z", { surface: "claude-code" }))).toEqual([
      ["kqbd7wm6hnnr", "during", true],
    ]);
  });

  it("still lists an incident with no components at all, never as the surface's", () => {
    const bare: StatusIncident = {
      ...fixtureIncident("kqbd7wm6hnnr", "history"),
      components: [],
      componentIds: [],
    };
    expect(summary(correlate("2026-07-16T20:00:00Z", {}, [bare]))).toEqual([
      ["kqbd7wm6hnnr", "during", false],
    ]);
  });

  it("catches an incident posted already resolved, only by the window", () => {
    expect(summary(correlate("2026-10-07T21:23:29.420Z"))).toEqual([["vmys9qn874h4", "during", true]]);
    expect(summary(correlate("2026-10-07T21:00:00Z"))).toEqual([["vmys9qn874h4", "shortly-after", true]]);
  });

  it("reaches impact that began before the incident was posted only within the window", () => {
    // wf2v8ms031sx: impact 00:00-01:40 per its text, created 01:20.
    expect(summary(correlate("2026-10-07T00:55:00Z", { surface: "unknown" }))).toEqual([
      ["wf2v8ms031sx", "shortly-after", false],
    ]);
    expect(correlate("2026-10-07T00:30:00Z")).toEqual([]);
  });

  it("lists two incidents with the same title separately", () => {
    const sameTitle = history.filter((i) => i.name === "Elevated errors on Claude Opus 5");
    expect(sameTitle).toHaveLength(2);
    expect(correlate("2026-07-27T09:10:00Z").map((i) => i.id)).toEqual(["mfdtrknpxghq"]);
    expect(correlate("2026-07-27T12:00:00Z").map((i) => i.id)).toEqual(["lhqp09kxq7pb"]);
  });

  it("counts an incident that appears twice once", () => {
    expect(correlate("2026-02-09T10:30:00Z", {}, [...history, ...history])).toHaveLength(1);
  });

  it("gives nothing without a usable error time", () => {
    expect(correlate(null)).toEqual([]);
    expect(correlate("yesterday-ish")).toEqual([]);
  });

  it("sorts surface matches first, then during, then nearest", () => {
    const api = fixtureIncident("i2fknt6az5p8", "history");
    const web = fixtureIncident("4v33wuyiyo2q", "history");
    const laterApi: StatusIncident = {
      ...api,
      id: "later0000000",
      createdAt: "2026-05-02T14:10:00.000Z",
      startedAt: null,
      resolvedAt: "2026-05-02T15:00:00.000Z",
    };
    const found = correlate("2026-05-02T14:00:00Z", {}, [web, laterApi, api]);
    expect(summary(found)).toEqual([
      ["i2fknt6az5p8", "during", true],
      ["later0000000", "shortly-after", true],
      ["4v33wuyiyo2q", "during", false],
    ]);
  });
});

describe("surfaceComponents: which components the error passed through", () => {
  const API = "Claude API (api.anthropic.com)";
  it.each([
    ["sdk-python", "unknown", [API]],
    ["sdk-typescript", "anthropic", [API]],
    ["curl", "unknown", [API]],
    ["unknown", "openrouter", [API]],
    ["unknown", "litellm", [API]],
    // Claude Code's API errors come from the API: both components are its path.
    ["claude-code", "unknown", [API, "Claude Code"]],
    ["claude-code", "anthropic", [API, "Claude Code"]],
    ["browser", "unknown", ["claude.ai"]],
    // Bedrock and Vertex answer on their own platform's page; Anthropic's components are context only.
    ["unknown", "bedrock", []],
    ["sdk-python", "vertex", []],
    ["claude-code", "bedrock", []],
  ] as const)("%s via %s → %j", (surface, route, names) => {
    expect(surfaceComponents(surface, route).map((c) => c.name)).toEqual(names);
    expect(surfaceComponent(surface, route)?.name ?? null).toBe(names[0] ?? null);
  });

  it("counts an incident on the Claude API as on a Claude Code error's path", () => {
    const apiOnly: StatusIncident = { ...fixtureIncident("hkkx31id6sbu", "history") };
    expect(apiOnly.components.some((c) => c.startsWith("Claude API"))).toBe(true);
    expect(apiOnly.components).not.toContain("Claude Code");
    expect(correlate("2026-02-09T10:30:00Z", { surface: "claude-code" }, [apiOnly])[0]?.matchesSurface).toBe(
      true,
    );
    expect(correlate("2026-02-09T10:30:00Z", { surface: "browser" }, [apiOnly])[0]?.matchesSurface).toBe(
      false,
    );
  });

  it("prefers nothing when neither surface nor route is known", () => {
    expect(surfaceComponent("unknown", "unknown")).toBeNull();
    expect(correlate("2026-05-02T13:50:00Z", { surface: "unknown" }).every((i) => !i.matchesSurface)).toBe(
      true,
    );
  });

  it("matches by name when the page's ids differ (another STATUS_PAGE_URL)", () => {
    const renamed: StatusIncident = {
      ...fixtureIncident("hkkx31id6sbu", "history"),
      componentIds: ["zzzzzzzzzzzz"],
    };
    expect(correlate("2026-02-09T10:30:00Z", {}, [renamed])[0]?.matchesSurface).toBe(true);
  });
});

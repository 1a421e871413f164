import { describe, expect, it } from "vitest";
import { buildStatusContext, statusContextSchema, type StatusContext } from "./context";
import { correlateIncidents } from "./correlate";
import { normaliseSummary } from "./normalise";
import type { StatusReading } from "./reading";
import { parseStatusPayload, summaryResponseSchema } from "./schemas";
import { fixtureIncidents, readFixture } from "./testing/fixtures";
import {
  formatAgo,
  GREEN_PAGE_CAVEAT,
  OTHER_COMPONENT_CAVEAT,
  relationPhrase,
  statusContextNotes,
} from "./wording";

const NOW = Date.parse("2026-11-20T16:45:00.000Z");
const readingOf = (scenario: string): StatusReading =>
  normaliseSummary(
    parseStatusPayload(summaryResponseSchema, readFixture(scenario, "summary.json"), "summary.json"),
    new Date(NOW).toISOString(),
  );
const history = fixtureIncidents("history");

function contextAt(
  occurredAt: string | null,
  surface: "sdk-python" | "browser" | "claude-code" | "unknown",
  reading = readingOf("operational"),
) {
  return buildStatusContext(reading, correlateIncidents(history, { occurredAt, surface }));
}

describe("buildStatusContext", () => {
  it("carries the reading's state and the correlated incidents, and satisfies its schema", () => {
    const context = contextAt("2026-05-02T13:50:00Z", "sdk-python", readingOf("minor-incident"));
    expect(statusContextSchema.parse(context)).toEqual(context);
    expect(context).toMatchObject({
      indicator: "minor",
      source: "live",
      checkedAt: "2026-11-20T16:45:00.000Z",
    });
    expect(context.activeIncidents.map((i) => i.id)).toEqual(["wghm6b8dc5r6"]);
    expect(context.correlatedIncidents.map((i) => i.id)).toEqual(["i2fknt6az5p8", "4v33wuyiyo2q"]);
    expect(Object.keys(context).sort()).toEqual([
      "activeIncidents",
      "checkedAt",
      "components",
      "correlatedIncidents",
      "description",
      "indicator",
      "source",
    ]);
  });

  it("rejects a context whose incident lacks its relation", () => {
    const context = contextAt("2026-05-02T13:50:00Z", "sdk-python");
    const broken = {
      ...context,
      correlatedIncidents: context.correlatedIncidents.map((i) => ({ ...i, relation: undefined })),
    };
    expect(statusContextSchema.safeParse(broken).success).toBe(false);
  });
});

describe("statusContextNotes: honest wording", () => {
  const notes = (
    context: StatusContext,
    surface: Parameters<typeof statusContextNotes>[1]["surface"],
    occurredAt: string | null,
    route?: "bedrock" | "vertex" | "litellm",
  ) =>
    statusContextNotes(context, { surface, occurredAt, now: NOW, ...(route === undefined ? {} : { route }) });

  it("calls an incident on the error's component a likely cause, without the green-page caveat", () => {
    const lines = notes(
      contextAt("2026-05-02T13:30:00Z", "sdk-python"),
      "sdk-python",
      "2026-05-02T13:30:00Z",
    );
    expect(lines[0]).toBe(
      '"Elevated errors on Claude Sonnet 4.6" on Claude API (api.anthropic.com), Claude Code was active when the error happened: a likely cause, worth checking against its updates.',
    );
    expect(lines.join(" ")).not.toContain(GREEN_PAGE_CAVEAT);
  });

  it("says an incident on another component is not the answer", () => {
    const at = "2026-04-16T20:00:00Z"; // Claude Cowork only
    const lines = notes(contextAt(at, "sdk-python"), "sdk-python", at);
    expect(lines).toEqual([
      `Around that time the status page shows "Claude Cowork not starting for some users" on Claude Cowork, not on Claude API (api.anthropic.com). ${OTHER_COMPONENT_CAVEAT}`,
    ]);
  });

  it("treats incidents as context when the component is unknown", () => {
    const at = "2026-04-16T20:00:00Z";
    expect(notes(contextAt(at, "unknown"), "unknown", at)[0]).toContain(
      "treat it as context, not the answer",
    );
  });

  it("says a green page does not prove the path healthy when nothing is near the error", () => {
    const at = "2026-08-15T12:00:00Z";
    expect(notes(contextAt(at, "sdk-python"), "sdk-python", at)).toEqual([
      `The status page shows no incident within 30 min of the error. ${GREEN_PAGE_CAVEAT}`,
    ]);
  });

  it("without an error time, speaks of now: green, an open incident on the path, or elsewhere", () => {
    expect(notes(contextAt(null, "sdk-python"), "sdk-python", null)).toEqual([
      `The status page shows no open incident. ${GREEN_PAGE_CAVEAT}`,
    ]);
    const outage = contextAt(null, "sdk-python", readingOf("major-outage"));
    expect(notes(outage, "sdk-python", null)[0]).toMatch(/^Open incident now: "Claude API unavailable/);
    expect(notes(outage, "browser", null)[0]).toBe(
      `The open incidents are on other components than claude.ai. ${OTHER_COMPONENT_CAVEAT}`,
    );
  });

  it("claims nothing when the page could not be read", () => {
    const unavailable: StatusContext = {
      ...contextAt(null, "sdk-python"),
      source: "unavailable",
      indicator: "unknown",
      components: [],
    };
    expect(notes(unavailable, "sdk-python", null)).toEqual([
      "The status page could not be read, so this says nothing either way about an Anthropic incident.",
    ]);
  });

  it("still reports stored incidents near the error when the page cannot be read now", () => {
    const at = "2026-05-02T13:30:00Z";
    const unavailable: StatusContext = {
      ...contextAt(at, "sdk-python"),
      source: "unavailable",
      indicator: "unknown",
    };
    const lines = notes(unavailable, "sdk-python", at);
    expect(lines[0]).toMatch(/^The status page could not be read/);
    expect(lines[1]).toMatch(/^"Elevated errors on Claude Sonnet 4\.6"/);
    const nothingNear: StatusContext = {
      ...contextAt("2026-08-15T12:00:00Z", "sdk-python"),
      source: "unavailable",
    };
    expect(notes(nothingNear, "sdk-python", "2026-08-15T12:00:00Z").join(" ")).not.toContain(
      "shows no incident",
    );
  });

  it("dates a stale reading", () => {
    const stale: StatusContext = {
      ...contextAt(null, "sdk-python"),
      source: "stale",
      checkedAt: "2026-11-20T16:33:00.000Z",
    };
    expect(notes(stale, "sdk-python", null)[0]).toBe(
      "Status as last read 12 min ago; the status page has not answered since.",
    );
  });

  it("says the page does not cover Bedrock, Vertex or a gateway", () => {
    const at = "2026-08-15T12:00:00Z";
    expect(notes(contextAt(at, "unknown"), "unknown", at, "bedrock")[0]).toContain("not Bedrock");
    expect(notes(contextAt(at, "unknown"), "unknown", at, "vertex")[0]).toContain("not Vertex AI");
    expect(notes(contextAt(at, "unknown"), "unknown", at, "litellm")[0]).toContain("gateway");
  });
});

describe("wording helpers", () => {
  it.each([
    [null, "never"],
    ["2026-11-20T16:44:58.000Z", "just now"],
    ["2026-11-20T16:44:20.000Z", "40 s ago"],
    ["2026-11-20T16:33:00.000Z", "12 min ago"],
    ["2026-11-20T13:45:00.000Z", "3 h ago"],
    ["2026-11-17T16:45:00.000Z", "3 d ago"],
    ["not a time", "at an unknown time"],
  ])("formatAgo(%s) → %s", (iso, expected) => {
    expect(formatAgo(iso, NOW)).toBe(expected);
  });

  it("phrases each relation with its gap", () => {
    const [during] = correlateIncidents(history, {
      occurredAt: "2026-05-02T13:30:00Z",
      surface: "sdk-python",
    });
    const [before] = correlateIncidents(history, { occurredAt: "2026-05-02T15:30:00Z", surface: "browser" });
    const [after] = correlateIncidents(history, {
      occurredAt: "2026-05-02T13:00:00Z",
      surface: "sdk-python",
    });
    expect([during, before, after].map((i) => (i === undefined ? null : relationPhrase(i)))).toEqual([
      "was active when the error happened",
      "ended 19 min before the error",
      "was posted 20 min after the error",
    ]);
  });
});

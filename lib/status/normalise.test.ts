import { describe, expect, it } from "vitest";
import { normaliseSummary } from "./normalise";
import { statusReadingSchema } from "./reading";
import { parseStatusPayload, summaryResponseSchema } from "./schemas";
import { FIXTURE_SCENARIOS, fixtureIncident, readFixture } from "./testing/fixtures";

const CHECKED_AT = "2026-11-20T16:45:00.000Z";
const readingOf = (scenario: string) =>
  normaliseSummary(
    parseStatusPayload(summaryResponseSchema, readFixture(scenario, "summary.json"), "summary.json"),
    CHECKED_AT,
  );

describe("normaliseSummary", () => {
  it.each(FIXTURE_SCENARIOS)("gives a reading that satisfies the reading schema: %s", (scenario) => {
    expect(statusReadingSchema.parse(readingOf(scenario))).toEqual(readingOf(scenario));
  });

  it("keeps the page indicator and the incident impact apart (major page, critical incident)", () => {
    const reading = readingOf("major-outage");
    expect(reading).toMatchObject({
      indicator: "major",
      description: "Partial System Outage",
      source: "live",
      checkedAt: CHECKED_AT,
    });
    expect(reading.activeIncidents).toHaveLength(1);
    expect(reading.activeIncidents[0]).toMatchObject({
      id: "3dik4qkbplpj",
      impact: "critical",
      status: "identified",
      resolvedAt: null,
      components: ["Claude API (api.anthropic.com)", "Claude Code"],
      url: "https://status.claude.com/incidents/3dik4qkbplpj",
    });
    expect(reading.components.map((c) => `${c.name}:${c.status}`)).toContain(
      "Claude API (api.anthropic.com):major_outage",
    );
  });

  it("lists the running and the upcoming maintenance with their windows", () => {
    const reading = readingOf("maintenance");
    expect(reading.indicator).toBe("maintenance");
    expect(
      reading.maintenances.map((m) => [m.status, m.scheduledFor, m.scheduledUntil, m.components]),
    ).toEqual([
      [
        "in_progress",
        "2026-11-21T02:00:00.000Z",
        "2026-11-21T04:00:00.000Z",
        ["Claude Console (platform.claude.com)"],
      ],
      ["scheduled", "2026-11-28T03:00:00.000Z", "2026-11-28T05:00:00.000Z", ["Claude for Government"]],
    ]);
  });

  it("reads an all-green page as indicator none with no incidents", () => {
    const reading = readingOf("operational");
    expect(reading.indicator).toBe("none");
    expect(reading.activeIncidents).toEqual([]);
    expect(reading.components).toHaveLength(6);
  });
});

describe("normaliseIncident", () => {
  it("recovers the components of an incident that was unlinked on resolve (kqbd7wm6hnnr)", () => {
    const incident = fixtureIncident("kqbd7wm6hnnr", "history");
    expect(incident.componentIds).toEqual(["rwppv331jlwc", "k8w3r06qmzrp", "yyzkbfz2thpt", "bpp5gb3hpjcl"]);
    expect(incident.components).toEqual([
      "claude.ai",
      "Claude API (api.anthropic.com)",
      "Claude Code",
      "Claude Cowork",
    ]);
  });

  it("names components by id from the current catalogue, not by the old name in old updates", () => {
    const incident = fixtureIncident("5ozwb1gkaksj", "history");
    expect(incident.components).toContain("Claude Console (platform.claude.com)");
    expect(incident.components.join("|")).not.toContain("formerly console.anthropic.com");
  });

  it("converts offset timestamps to UTC", () => {
    const body = readFixture("minor-incident", "summary.json").replaceAll(
      "2026-11-20T14:02:31.604Z",
      "2026-11-20T08:02:31.604-06:00",
    );
    const reading = normaliseSummary(
      parseStatusPayload(summaryResponseSchema, body, "summary.json"),
      CHECKED_AT,
    );
    expect(reading.activeIncidents[0]?.createdAt).toBe("2026-11-20T14:02:31.604Z");
  });
});

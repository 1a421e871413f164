import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  componentsResponseSchema,
  incidentsResponseSchema,
  maintenancesResponseSchema,
  parseStatusPayload,
  StatusPayloadError,
  statusResponseSchema,
  summaryResponseSchema,
} from "./schemas";
import { FIXTURES_DIR, readFixture } from "./testing/fixtures";

const SCHEMA_BY_FILE = {
  "status.json": statusResponseSchema,
  "summary.json": summaryResponseSchema,
  "components.json": componentsResponseSchema,
  "incidents.json": incidentsResponseSchema,
  "incidents/unresolved.json": incidentsResponseSchema,
  "scheduled-maintenances.json": maintenancesResponseSchema,
  "scheduled-maintenances/upcoming.json": maintenancesResponseSchema,
  "scheduled-maintenances/active.json": maintenancesResponseSchema,
} as const;

function jsonFixtures(): { scenario: string; file: keyof typeof SCHEMA_BY_FILE }[] {
  const found: { scenario: string; file: keyof typeof SCHEMA_BY_FILE }[] = [];
  for (const scenario of readdirSync(FIXTURES_DIR)) {
    if (!statSync(path.join(FIXTURES_DIR, scenario)).isDirectory()) continue;
    for (const file of Object.keys(SCHEMA_BY_FILE) as (keyof typeof SCHEMA_BY_FILE)[]) {
      try {
        statSync(path.join(FIXTURES_DIR, scenario, file));
        found.push({ scenario, file });
      } catch {
        // Not every scenario has every document (history/ has no status.json).
      }
    }
  }
  return found;
}

const summary = () => JSON.parse(readFixture("minor-incident", "summary.json")) as Record<string, unknown>;

describe("schemas accept every fixture document", () => {
  const fixtures = jsonFixtures();

  it("finds the fixture documents (4 full scenarios of 8 plus history's 2)", () => {
    expect(fixtures).toHaveLength(34);
  });

  it.each(fixtures)("$scenario/$file", ({ scenario, file }) => {
    expect(() => parseStatusPayload(SCHEMA_BY_FILE[file], readFixture(scenario, file), file)).not.toThrow();
  });

  it("reads the documented values of a fixture, not just its shape", () => {
    const parsed = parseStatusPayload(
      summaryResponseSchema,
      readFixture("major-outage", "summary.json"),
      "summary.json",
    );
    expect(parsed.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    expect(parsed.incidents[0]?.impact).toBe("critical");
    expect(parsed.components.find((c) => c.id === "k8w3r06qmzrp")?.status).toBe("major_outage");
  });
});

describe("schemas tolerate what the upstream may add", () => {
  it("strips unknown fields instead of failing", () => {
    const payload = summary();
    payload.brand_new_field = { nested: true };
    const parsed = parseStatusPayload(summaryResponseSchema, JSON.stringify(payload), "summary.json");
    expect(parsed).not.toHaveProperty("brand_new_field");
  });

  it("reads an undocumented indicator, status or impact as unknown", () => {
    const payload = summary() as {
      status: { indicator: string };
      components: { status: string }[];
      incidents: { impact: string; status: string }[];
    };
    payload.status.indicator = "apocalyptic";
    payload.components[0]!.status = "on_fire";
    payload.incidents[0]!.impact = "cosmic";
    payload.incidents[0]!.status = "pondering";
    const parsed = parseStatusPayload(summaryResponseSchema, JSON.stringify(payload), "summary.json");
    expect(parsed.status.indicator).toBe("unknown");
    expect(parsed.components[0]?.status).toBe("unknown");
    expect(parsed.incidents[0]?.impact).toBe("unknown");
    expect(parsed.incidents[0]?.status).toBe("unknown");
  });

  it("accepts timestamps with a numeric offset, as pages outside UTC send", () => {
    const body = JSON.stringify({
      page: { id: "x", name: "X", url: "https://example.test", updated_at: "2019-02-20T12:00:19.418-06:00" },
      status: { indicator: "none", description: "All Systems Operational" },
    });
    expect(parseStatusPayload(statusResponseSchema, body, "status.json").page.updated_at).toBe(
      "2019-02-20T12:00:19.418-06:00",
    );
  });
});

describe("schemas reject malformed payloads with the failing path", () => {
  function errorOf(body: string, document = "summary.json"): string {
    try {
      parseStatusPayload(summaryResponseSchema, body, document);
    } catch (error) {
      expect(error).toBeInstanceOf(StatusPayloadError);
      return (error as Error).message;
    }
    throw new Error("expected the payload to be rejected");
  }

  it("names a wrong type deep inside an incident", () => {
    const payload = summary() as { incidents: { incident_updates: { created_at: unknown }[] }[] };
    payload.incidents[0]!.incident_updates[1]!.created_at = 17;
    expect(errorOf(JSON.stringify(payload))).toMatch(
      /^summary\.json: incidents\[0\]\.incident_updates\[1\]\.created_at: /,
    );
  });

  it("names a missing required document part", () => {
    const payload = summary();
    delete payload.status;
    expect(errorOf(JSON.stringify(payload))).toMatch(/^summary\.json: status: .*expected object/);
  });

  it("rejects a timestamp that is not ISO-8601", () => {
    const payload = summary() as { page: { updated_at: string } };
    payload.page.updated_at = "Fri, 20 Nov 2026 14:19:55 +0000";
    expect(errorOf(JSON.stringify(payload))).toMatch(/page\.updated_at/);
  });

  it("says when the body is not JSON at all, as a CloudFront challenge page is not", () => {
    expect(errorOf("<!doctype html><title>Human Verification</title>", "status.json")).toMatch(
      /^status\.json: not JSON \(starts with "<!doctype html><title>Human/,
    );
  });

  it("caps the message at three issues", () => {
    const message = errorOf(
      JSON.stringify({ page: 1, components: 2, incidents: 3, scheduled_maintenances: 4, status: 5 }),
    );
    expect(message).toContain("(+2 more)");
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_FIXTURES_DIR } from "../../../scripts/mock-status-server";
import { catalogueOf, normaliseIncident } from "../normalise";
import type { StatusIncident } from "../reading";
import { componentsResponseSchema, incidentsResponseSchema, parseStatusPayload } from "../schemas";

// Test-only readers for ../shared/fixtures/statuspage (the same folder the mock server serves).

export const FIXTURES_DIR = DEFAULT_FIXTURES_DIR;
export const FIXTURE_SCENARIOS = ["operational", "minor-incident", "major-outage", "maintenance"] as const;

export function readFixture(scenario: string, file: string): string {
  return readFileSync(path.join(FIXTURES_DIR, scenario, file), "utf8");
}

/** A scenario's incidents.json, named by its components.json (`history/` has none: operational's). */
export function fixtureIncidents(scenario = "operational"): StatusIncident[] {
  const catalogueFrom = scenario === "history" ? "operational" : scenario;
  const components = parseStatusPayload(
    componentsResponseSchema,
    readFixture(catalogueFrom, "components.json"),
    "components.json",
  );
  const incidents = parseStatusPayload(
    incidentsResponseSchema,
    readFixture(scenario, "incidents.json"),
    "incidents.json",
  );
  const catalogue = catalogueOf(components.components);
  return incidents.incidents.map((incident) => normaliseIncident(incident, catalogue, incidents.page.url));
}

export function fixtureIncident(id: string, scenario = "operational"): StatusIncident {
  const found = fixtureIncidents(scenario).find((incident) => incident.id === id);
  if (found === undefined) throw new Error(`no incident ${id} in ${scenario}/incidents.json`);
  return found;
}

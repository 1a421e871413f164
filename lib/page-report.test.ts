import { describe, expect, it } from "vitest";
import { pageReport } from "./page-report";
import { diagnoseOffline, withStatus, type DiagnosisReport } from "./report";
import type { StatusContext } from "./status/context";

const NOW = new Date("2026-11-22T10:30:00Z");
const CONTEXT: StatusContext = {
  indicator: "minor",
  description: "Partially Degraded Service",
  checkedAt: NOW.toISOString(),
  source: "live",
  components: [
    {
      id: "k8w3r06qmzrp",
      name: "Claude API (api.anthropic.com)",
      status: "degraded_performance",
      updatedAt: NOW.toISOString(),
    },
  ],
  activeIncidents: [],
  correlatedIncidents: [],
};

const without = (object: object, keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

function report(text: string): DiagnosisReport {
  return withStatus(diagnoseOffline(text, { occurredAt: null, now: NOW, random: () => 0.5 }), CONTEXT, NOW);
}

describe("pageReport", () => {
  it("leaves out the status page's components and the runners-up, and nothing else", () => {
    // Another provider's 429: the report names the branch it would otherwise have been.
    const full = report("OpenAI API error: 429 rate limit exceeded for gpt-4");
    expect(full.alternatives?.length ?? 0).toBeGreaterThan(0);
    expect(full.statusContext?.components.length).toBe(1);
    const page = pageReport(full);
    expect("alternatives" in page).toBe(false);
    expect(page.statusContext).toEqual({ ...CONTEXT, components: [] });
    expect(without(page, ["statusContext"])).toEqual(without(full, ["alternatives", "statusContext"]));
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(full).length);
    // The report itself is untouched.
    expect(full.statusContext?.components.length).toBe(1);
  });

  it("keeps a report without a status reading as it is, but for the runners-up", () => {
    const offline = diagnoseOffline("HTTP 429 Too Many Requests", {
      occurredAt: null,
      now: NOW,
      random: () => 0.5,
    });
    expect(pageReport(offline)).toEqual(without(offline, ["alternatives"]));
  });
});

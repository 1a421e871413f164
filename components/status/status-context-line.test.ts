import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Evidence } from "@/lib/diagnosis";
import { buildStatusContext, type StatusContext } from "@/lib/status/context";
import { correlateIncidents } from "@/lib/status/correlate";
import type { StatusReading } from "@/lib/status/reading";
import { fixtureIncidents } from "@/lib/status/testing/fixtures";
import { StatusContextLine } from "./status-context-line";

const READING: StatusReading = {
  indicator: "none",
  description: "All Systems Operational",
  checkedAt: "2026-11-20T16:42:10.000Z",
  pageUpdatedAt: "2026-11-20T16:42:07.118Z",
  source: "live",
  error: null,
  components: [],
  activeIncidents: [],
  maintenances: [],
};

type LineEvidence = Pick<Evidence, "surface" | "route" | "occurredAt">;

function contextAt(evidence: LineEvidence, reading: StatusReading = READING): StatusContext {
  return buildStatusContext(reading, correlateIncidents(fixtureIncidents("history"), evidence));
}

function render(context: StatusContext | null, evidence: LineEvidence): string {
  return renderToStaticMarkup(createElement(StatusContextLine, { context, evidence }));
}

/** The markup's text, tags dropped and entities decoded. */
function text(html: string): string {
  return html
    .replaceAll(/<[^>]{0,2000}>/g, " ")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&")
    .replaceAll(/\s+/g, " ");
}

describe("StatusContextLine", () => {
  it("renders nothing without a status reading (offline CLI, old permalinks)", () => {
    expect(render(null, { surface: "curl", route: "anthropic", occurredAt: null })).toBe("");
  });

  it("lists both overlapping fixture incidents at 13:50Z, the one on the error's component first", () => {
    const evidence: LineEvidence = {
      surface: "curl",
      route: "anthropic",
      occurredAt: "2026-05-02T13:50:00.000Z",
    };
    const html = render(contextAt(evidence), evidence);
    const shown = text(html);
    expect(shown).toContain("Claude status around 2 May 2026, 13:50 UTC");
    const sonnet = shown.indexOf("Elevated errors on Claude Sonnet 4.6");
    const claudeAi = shown.indexOf("Slow responses on claude.ai");
    expect(sonnet).toBeGreaterThan(-1);
    expect(claudeAi).toBeGreaterThan(sonnet);
    expect(shown).toContain("not on Claude API (api.anthropic.com)");
    expect(html).toMatch(/href="https:\/\/stspg\.io\/[^"]{1,40}" target="_blank" rel="noreferrer"/);
  });

  it("dates a span over midnight with both days", () => {
    const evidence: LineEvidence = {
      surface: "curl",
      route: "anthropic",
      occurredAt: "2026-04-19T23:30:00Z",
    };
    const shown = text(render(contextAt(evidence), evidence));
    expect(shown).toContain("19 Apr 2026, 22:44 UTC – 20 Apr 2026, 00:00 UTC");
    expect(shown).toContain("no impact");
  });

  it("says a clear page proves little when nothing is near the error", () => {
    const evidence: LineEvidence = {
      surface: "curl",
      route: "anthropic",
      occurredAt: "2026-05-20T03:00:00Z",
    };
    const shown = text(render(contextAt(evidence), evidence));
    expect(shown).not.toContain("Incidents near the time of the error");
    expect(shown).toContain("A green status page does not prove your path is healthy");
  });

  it("dates a stale reading instead of counting back from the viewer's clock", () => {
    const evidence: LineEvidence = {
      surface: "claude-code",
      route: "unknown",
      occurredAt: "2026-05-02T13:30:00Z",
    };
    const shown = text(render(contextAt(evidence, { ...READING, source: "stale" }), evidence));
    expect(shown).toContain("last read 20 Nov 2026, 16:42 UTC: All Systems Operational (stale)");
    expect(shown).toContain("this is its last good reading, from 20 Nov 2026, 16:42 UTC");
    expect(shown).not.toMatch(/ ago\b/);
    expect(shown).toContain("Elevated errors on Claude Sonnet 4.6");
  });

  it("says the status page was unavailable, and that this tells nothing either way", () => {
    const evidence: LineEvidence = { surface: "curl", route: "anthropic", occurredAt: null };
    const unavailable: StatusReading = {
      ...READING,
      source: "unavailable",
      checkedAt: null,
      indicator: "unknown",
    };
    const shown = text(render(buildStatusContext(unavailable, []), evidence));
    expect(shown).toContain("Can't reach the status page");
    expect(shown).toContain("status.claude.com");
    expect(shown).toContain("says nothing either way");
  });
});

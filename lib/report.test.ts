import { describe, expect, it } from "vitest";
import { diagnose, diagnoseOffline, diagnosisReportSchema } from "./report";
import type { StatusContext } from "./status/context";

const NOW = new Date("2026-11-22T12:00:00Z");
const fixed = { now: NOW, random: () => 0.5 };
const OVERLOAD = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CZAau32QzxDkriovTaFCB"}`;
const SPEND_CAP = `Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"You have reached your API usage limits: your organization has crossed its monthly API usage threshold. You will regain access on 2026-12-01 at 00:00 UTC.","details":{"error_code":"enforced_spend_limit_reached"}}}`;

const context: StatusContext = {
  indicator: "minor",
  description: "Partially Degraded Service",
  checkedAt: NOW.toISOString(),
  source: "live",
  components: [],
  activeIncidents: [],
  correlatedIncidents: [],
};

describe("the report every face returns", () => {
  it("joins the diagnosis with a retry plan for the same branch", () => {
    const r = diagnoseOffline(OVERLOAD, fixed);
    expect(() => diagnosisReportSchema.parse(r)).not.toThrow();
    expect(r.branch).toBe("overloaded");
    expect(r.retry.retryable).toBe(true);
    expect(r.retry.schedule.length).toBe(r.retry.maxAttempts - 1);
    expect(r.statusContext).toBeNull();
  });

  it("never schedules a retry for a spend cap, and says when access returns", () => {
    const r = diagnoseOffline(SPEND_CAP, { ...fixed, occurredAt: "2026-11-22T11:59:00Z" });
    expect(r.branch).toBe("billing");
    expect(r.retry).toMatchObject({
      retryable: false,
      maxAttempts: 1,
      schedule: [],
      resumeAt: "2026-12-01T00:00:00.000Z",
    });
  });

  it("recomputes the plan for a background job with side effects", () => {
    const interactive = diagnoseOffline(OVERLOAD, fixed);
    const background = diagnoseOffline(OVERLOAD, {
      ...fixed,
      retryContext: { mode: "background", sideEffects: true },
    });
    expect(background.retryContext).toEqual({ mode: "background", sideEffects: true });
    expect(background.retry.idempotency).not.toBe(interactive.retry.idempotency);
  });

  it("adds the status page reading for the error's surface and time", async () => {
    const asked: unknown[] = [];
    const r = await diagnose(OVERLOAD, {
      ...fixed,
      occurredAt: "2026-11-22T11:00:00Z",
      status: { getContext: async (q) => (asked.push(q), context) },
    });
    expect(r.statusContext).toEqual(context);
    expect(asked).toEqual([
      { occurredAt: "2026-11-22T11:00:00.000Z", surface: "claude-code", route: "anthropic" },
    ]);
  });

  it("never carries a secret from the paste, even inside the error message", () => {
    const key = `sk-ant-api03-${"Zq7_x".repeat(18)}abcAA`;
    const text = `Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key ${key}"}}`;
    const r = diagnoseOffline(text, fixed);
    expect(r.branch).toBe("authentication");
    expect(r.evidence.message).toContain("[REDACTED:anthropic-api-key#1]");
    expect(JSON.stringify(r)).not.toContain(key.slice(13, 40));
  });

  it("still diagnoses when the status client fails", async () => {
    const r = await diagnose(OVERLOAD, {
      ...fixed,
      status: { getContext: () => Promise.reject(new Error("down")) },
    });
    expect(r.branch).toBe("overloaded");
    expect(r.statusContext).toBeNull();
  });
});

describe("the verdict in every report", () => {
  it("is present offline, with no status note, and retries a recent overload now", () => {
    const r = diagnoseOffline(OVERLOAD, fixed);
    expect(r.verdict).toMatchObject({
      whoActs: ["anthropic"],
      retry: "now",
      tense: "current",
      statusNote: null,
    });
    expect(r.verdict.summary).toMatch(/^Anthropic is overloaded/);
  });

  it("is made again with the status reading: an open incident on the error's path makes it Anthropic's", async () => {
    const incident = {
      id: "abc123def456",
      name: "Elevated errors on Claude API",
      impact: "major" as const,
      status: "investigating" as const,
      createdAt: "2026-11-22T11:30:00.000Z",
      updatedAt: "2026-11-22T11:40:00.000Z",
      startedAt: "2026-11-22T11:30:00.000Z",
      resolvedAt: null,
      shortlink: null,
      url: "https://status.claude.com/incidents/abc123def456",
      components: ["Claude API (api.anthropic.com)"],
      componentIds: ["k8w3r06qmzrp"],
    };
    const withIncident: StatusContext = { ...context, activeIncidents: [incident] };
    const r = await diagnose(OVERLOAD, { ...fixed, status: { getContext: async () => withIncident } });
    expect(r.verdict).toMatchObject({ whoActs: ["anthropic"], retry: "later", incident: { ongoing: true } });
    expect(r.verdict.summary).toMatch(/^It's Anthropic's incident: "Elevated errors on Claude API"/);
  });

  it("is made for a report stored before verdicts existed, dated at its own reading", () => {
    const { verdict, ...old } = diagnoseOffline(OVERLOAD, { ...fixed, occurredAt: "2026-11-22T11:59:00Z" });
    const stored = JSON.parse(JSON.stringify({ ...old, statusContext: context }));
    const parsed = diagnosisReportSchema.parse(stored);
    expect(parsed.verdict).toMatchObject({
      retry: verdict.retry,
      tense: "current",
      whoActs: verdict.whoActs,
    });
  });
});

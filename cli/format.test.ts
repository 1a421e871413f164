import { describe, expect, it } from "vitest";
import { BRANCH_CATALOGUE } from "../lib/branches";
import { diagnosisSchema, type Diagnosis } from "../lib/diagnosis";
import { reportFor } from "../lib/report";
import { formatDiagnosis } from "./format";

const ESC = "\u001b";

function rateLimitDiagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return diagnosisSchema.parse({
    classifierVersion: "test",
    branch: "rate_limit",
    variant: "per-minute",
    confidence: 0.92,
    headline: "Rate limited: output tokens per minute exhausted",
    card: BRANCH_CATALOGUE.rate_limit,
    evidence: {
      status: 429,
      errorType: "rate_limit_error",
      message: "This request would exceed the rate limit for your organization",
      requestIds: ["req_011CSHoEeqs5C35K2UUqR7Fy"],
      gatewayRequestIds: [],
      model: "claude-sonnet-4-5",
      endpoint: null,
      surface: "sdk-python",
      route: "anthropic",
      streaming: null,
      occurredAt: null,
      retryAfterMs: 12000,
      shouldRetry: true,
      rateLimit: {},
      attempts: { seen: 3, of: 3 },
      sdk: null,
    },
    signals: [],
    occurrences: [
      {
        branch: "rate_limit",
        variant: null,
        status: 429,
        errorType: "rate_limit_error",
        requestId: null,
        at: null,
        start: 0,
        end: 10,
      },
      {
        branch: "rate_limit",
        variant: null,
        status: 429,
        errorType: "rate_limit_error",
        requestId: null,
        at: null,
        start: 20,
        end: 30,
      },
    ],
    ...overrides,
  });
}

describe("formatDiagnosis", () => {
  const text = formatDiagnosis(rateLimitDiagnosis(), { file: null, color: false });

  it("leads with the headline", () => {
    expect(text.split("\n")[0]).toBe("Rate limited: output tokens per minute exhausted");
  });

  it("shows branch, variant and confidence on one line", () => {
    expect(text).toContain("Branch: rate_limit (Rate limited (429)) · variant per-minute · confidence 92%");
  });

  it("shows the card's first move, verification and every do-not", () => {
    const card = BRANCH_CATALOGUE.rate_limit;
    expect(text).toContain(`First move: ${card.firstMove}`);
    expect(text).toContain(`Verify: ${card.verify}`);
    for (const item of card.doNot) expect(text).toContain(item);
  });

  it("lists the evidence that is present and leaves out what is unknown", () => {
    expect(text).toContain("status: 429");
    expect(text).toContain("request id: req_011CSHoEeqs5C35K2UUqR7Fy");
    expect(text).toContain("model: claude-sonnet-4-5");
    expect(text).toContain("retry after: 12 s");
    expect(text).toContain("attempts: 3 of 3");
    expect(text).not.toContain("streaming:");
    expect(text).not.toContain("endpoint:");
  });

  it("counts the occurrences", () => {
    expect(text).toContain("2 errors found in the input.");
    const none = formatDiagnosis(rateLimitDiagnosis({ occurrences: [] }), { file: null, color: false });
    expect(none).toContain("No Claude error found in the input.");
  });

  it("names the input when asked to", () => {
    const named = formatDiagnosis(rateLimitDiagnosis(), { file: "logs/app.log", color: false });
    expect(named.split("\n")[0]).toBe("==> logs/app.log <==");
  });

  it("uses ANSI styles only when colour is on", () => {
    expect(text).not.toContain(ESC);
    expect(formatDiagnosis(rateLimitDiagnosis(), { file: null, color: true })).toContain(`${ESC}[1m`);
  });

  it("neutralises escape sequences copied from the paste", () => {
    const hostile = rateLimitDiagnosis({
      headline: "Rate limited \u001b[2J",
      evidence: { ...rateLimitDiagnosis().evidence, message: "boom \u001b]0;owned\u0007 end" },
    });
    expect(formatDiagnosis(hostile, { file: null, color: false })).not.toContain("\u001b");
  });

  it("shortens a long message to one line", () => {
    const long = rateLimitDiagnosis({
      evidence: { ...rateLimitDiagnosis().evidence, message: `first line\n${"x".repeat(5000)}` },
    });
    const messageLine = formatDiagnosis(long, { file: null, color: false })
      .split("\n")
      .find((line) => line.includes("message:"));
    expect(messageLine).toBeDefined();
    expect(messageLine!.length).toBeLessThan(300);
    expect(messageLine).toContain("first line x");
  });

  it("leads a report with its verdict, then the headline when it differs", () => {
    const overloaded = rateLimitDiagnosis({
      branch: "overloaded",
      variant: null,
      card: BRANCH_CATALOGUE.overloaded,
    });
    const report = reportFor(overloaded, { now: new Date("2026-12-07T03:00:00Z"), random: () => 0.5 });
    const lines = formatDiagnosis(report, { file: null, color: false }).split("\n");
    expect(lines[0]).toBe(report.verdict.summary);
    expect(report.verdict.summary).not.toBe(report.headline);
    expect(lines[1]).toBe(report.headline);
    const sameAsHeadline = { ...report, verdict: { ...report.verdict, summary: report.headline } };
    const once = formatDiagnosis(sameAsHeadline, { file: null, color: false }).split("\n");
    expect(once.filter((line) => line === report.headline)).toHaveLength(1);
  });
});

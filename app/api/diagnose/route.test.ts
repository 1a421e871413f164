import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "@/lib/classify";
import { diagnosisSchema, type Diagnosis } from "@/lib/diagnosis";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { diagnosisReportSchema } from "@/lib/report";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// The route reads the status page through the server singleton: point it at the in-process mock.
let server: MockStatusServer;
let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  server = await startMockStatusServer({ scenario: "minor-incident", port: 0 });
  process.env.STATUS_PAGE_URL = server.url;
  ({ POST } = await import("./route"));
});
afterAll(async () => {
  await server.close();
});

/** The classifier's part of a report, without the retry plan and the status reading. */
const diagnosisPart = (body: unknown): Diagnosis => diagnosisSchema.parse(diagnosisReportSchema.parse(body));

const corpusText = (name: string): string =>
  (
    JSON.parse(readFileSync(new URL(`../../../../shared/corpus/${name}`, import.meta.url), "utf8")) as {
      text: string;
    }
  ).text;

const OVERLOADED =
  'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

function post(body: string, contentType = "application/json"): Request {
  return new Request("http://localhost/api/diagnose", {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
}

const errorEnvelope = (type: string) => ({ error: { type, message: expect.any(String) } });

describe("POST /api/diagnose", () => {
  it("answers 200 with the classifier's Diagnosis for the text", async () => {
    const response = await POST(post(JSON.stringify({ text: OVERLOADED })));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const report = diagnosisReportSchema.parse(await response.json());
    expect(diagnosisPart(report)).toEqual(classify(OVERLOADED));
    expect(report.branch).toBe("overloaded");
    expect(report.retry.retryable).toBe(true);
    expect(report.statusContext?.source).toBe("live");
  });

  it("diagnoses a real pasted error from the corpus", async () => {
    const text = corpusText("907-rate_limit.json");
    const response = await POST(post(JSON.stringify({ text })));
    expect(response.status).toBe(200);
    expect(diagnosisPart(await response.json())).toEqual(classify(text));
  });

  it("passes occurredAt through to the classifier", async () => {
    const occurredAt = "2026-11-21T10:15:00Z";
    const response = await POST(post(JSON.stringify({ text: OVERLOADED, occurredAt })));
    expect(response.status).toBe(200);
    const body = diagnosisPart(await response.json());
    expect(body).toEqual(classify(OVERLOADED, { occurredAt }));
    expect(body.evidence.occurredAt).toBe("2026-11-21T10:15:00.000Z");
  });

  it("lists the fixture incident that was active at occurredAt, with its relation", async () => {
    // Fixture history (shared/fixtures/statuspage/README.md): "Elevated errors on Claude Sonnet 4.6", 13:20:07Z
    // → 14:05:12Z on Claude API and Claude Code; "Slow responses on claude.ai" starts 13:48:55Z.
    const occurredAt = "2026-05-02T15:30:00+02:00";
    const response = await POST(post(JSON.stringify({ text: OVERLOADED, occurredAt })));
    expect(response.status).toBe(200);
    const { statusContext } = diagnosisReportSchema.parse(await response.json());
    const correlated = statusContext?.correlatedIncidents ?? [];
    expect(correlated[0]).toMatchObject({
      name: "Elevated errors on Claude Sonnet 4.6",
      relation: "during",
      matchesSurface: true,
      gapMs: 0,
    });
    expect(correlated.map((incident) => [incident.name, incident.relation])).toContainEqual([
      "Slow responses on claude.ai",
      "shortly-after",
    ]);
  });

  it("correlates nothing for an occurredAt far from every incident", async () => {
    const response = await POST(
      post(JSON.stringify({ text: OVERLOADED, occurredAt: "2026-05-20T03:00:00Z" })),
    );
    const { statusContext } = diagnosisReportSchema.parse(await response.json());
    expect(statusContext).not.toBeNull();
    expect(statusContext?.correlatedIncidents).toEqual([]);
  });

  it("plans retries for the context it is given", async () => {
    const context = { mode: "background", sideEffects: true };
    const response = await POST(post(JSON.stringify({ text: OVERLOADED, retryContext: context })));
    expect(diagnosisReportSchema.parse(await response.json()).retryContext).toEqual(context);
  });

  it.each([
    ["bad JSON", "{text:"],
    ["a wrong shape", '{"text": ["a"]}'],
    ["an empty text", '{"text": ""}'],
  ])("answers 400 invalid_request for %s", async (_name, body) => {
    const response = await POST(post(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(errorEnvelope("invalid_request"));
  });

  it("answers 413 request_too_large for a text over MAX_INPUT_BYTES", async () => {
    const response = await POST(post(JSON.stringify({ text: "a".repeat(MAX_INPUT_BYTES + 1) })));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(errorEnvelope("request_too_large"));
  });

  it("answers 413 from the declared length of a 50 MB body", async () => {
    const request = new Request("http://localhost/api/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      body: '{"text":"x"}',
    });
    const response = await POST(request);
    expect(response.status).toBe(413);
  });

  it("answers 415 for a form post", async () => {
    const response = await POST(post("text=x", "application/x-www-form-urlencoded"));
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual(errorEnvelope("unsupported_media_type"));
  });
});

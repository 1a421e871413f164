import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "@/lib/classify";
import { diagnosisSchema } from "@/lib/diagnosis";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { POST } from "./route";

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
    const body = diagnosisSchema.parse(await response.json());
    expect(body).toEqual(classify(OVERLOADED));
    expect(body.branch).toBe("overloaded");
  });

  it("diagnoses a real pasted error from the corpus", async () => {
    const text = corpusText("907-rate_limit.json");
    const response = await POST(post(JSON.stringify({ text })));
    expect(response.status).toBe(200);
    expect(diagnosisSchema.parse(await response.json())).toEqual(classify(text));
  });

  it("passes occurredAt through to the classifier", async () => {
    const occurredAt = "2026-11-21T10:15:00Z";
    const response = await POST(post(JSON.stringify({ text: OVERLOADED, occurredAt })));
    expect(response.status).toBe(200);
    const body = diagnosisSchema.parse(await response.json());
    expect(body).toEqual(classify(OVERLOADED, { occurredAt }));
    expect(body.evidence.occurredAt).toBe(occurredAt);
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

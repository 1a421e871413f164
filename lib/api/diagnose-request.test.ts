import { describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../input";
import { MAX_BODY_BYTES, parseDiagnoseRequest } from "./diagnose-request";

const URL = "http://localhost/api/diagnose";

function post(
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  return new Request(URL, { method: "POST", headers, body });
}

const postJson = (value: unknown) => post(JSON.stringify(value));

describe("parseDiagnoseRequest", () => {
  describe("accepts", () => {
    it("a text alone, with occurredAt null", async () => {
      expect(await parseDiagnoseRequest(postJson({ text: "API Error: 529 Overloaded" }))).toEqual({
        ok: true,
        text: "API Error: 529 Overloaded",
        occurredAt: null,
      });
    });

    it("an ISO time with an offset or Z", async () => {
      for (const occurredAt of ["2026-11-21T10:15:00Z", "2026-11-21T10:15:00.123+01:00"]) {
        expect(await parseDiagnoseRequest(postJson({ text: "x", occurredAt }))).toEqual({
          ok: true,
          text: "x",
          occurredAt,
        });
      }
    });

    it("an explicit null occurredAt", async () => {
      expect(await parseDiagnoseRequest(postJson({ text: "x", occurredAt: null }))).toMatchObject({
        ok: true,
        occurredAt: null,
      });
    });

    it("JSON media types with parameters, and no content type at all", async () => {
      expect(
        await parseDiagnoseRequest(
          post('{"text":"x"}', { "content-type": "application/json; charset=utf-8" }),
        ),
      ).toMatchObject({ ok: true });
      expect(
        await parseDiagnoseRequest(post('{"text":"x"}', { "content-type": "application/vnd.api+json" })),
      ).toMatchObject({ ok: true });
      // A byte body gets no implicit content type, unlike a string body (text/plain).
      expect(await parseDiagnoseRequest(post(new TextEncoder().encode('{"text":"x"}'), {}))).toMatchObject({
        ok: true,
      });
    });

    it("a paste of exactly MAX_INPUT_BYTES even when JSON escaping inflates the body", async () => {
      const text = "\u0001".repeat(MAX_INPUT_BYTES);
      const result = await parseDiagnoseRequest(postJson({ text }));
      expect(result.ok).toBe(true);
    });
  });

  describe("refuses with 400 invalid_request", () => {
    it.each([
      ["an empty body", ""],
      ["malformed JSON", '{"text": "x"'],
      ["a JSON array", '["x"]'],
      ["a missing text", '{"occurredAt":"2026-11-21T10:15:00Z"}'],
      ["a text that is not a string", '{"text": 42}'],
      ["an unknown key", '{"text":"x","occuredAt":"2026-11-21T10:15:00Z"}'],
      ["a time that is not ISO", '{"text":"x","occurredAt":"yesterday"}'],
      ["an empty text", '{"text":""}'],
      ["a blank text", '{"text":"  \\n "}'],
      ["a text with NUL", '{"text":"a\\u0000b"}'],
    ])("%s", async (_name, body) => {
      const result = await parseDiagnoseRequest(post(body));
      expect(result).toMatchObject({
        ok: false,
        status: 400,
        error: { type: "invalid_request", message: expect.any(String) },
      });
    });

    it("a body that is not UTF-8", async () => {
      const result = await parseDiagnoseRequest(post(new Uint8Array([0x7b, 0xff, 0x7d])));
      expect(result).toMatchObject({ ok: false, status: 400 });
    });

    it("names the offending field", async () => {
      const result = await parseDiagnoseRequest(post('{"text": 42}'));
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining("text") } });
    });
  });

  describe("refuses with 413 request_too_large", () => {
    it("a text over MAX_INPUT_BYTES, stating the limit", async () => {
      const result = await parseDiagnoseRequest(postJson({ text: "x".repeat(MAX_INPUT_BYTES + 1) }));
      expect(result).toMatchObject({
        ok: false,
        status: 413,
        error: { type: "request_too_large", message: expect.stringContaining("1.0 MiB") },
      });
    });

    it("a declared Content-Length over the cap, without reading the body", async () => {
      let pulled = false;
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled = true;
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const request = new Request(URL, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
        body,
        duplex: "half",
      } as RequestInit);
      expect(await parseDiagnoseRequest(request)).toMatchObject({ ok: false, status: 413 });
      expect(pulled).toBe(false);
    });

    it("a streamed body with no length, stopping soon after the cap", async () => {
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      let served = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          served += chunk.byteLength;
          controller.enqueue(chunk);
          if (served >= 50 * 1024 * 1024) controller.close();
        },
      });
      const request = new Request(URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
      expect(await parseDiagnoseRequest(request)).toMatchObject({ ok: false, status: 413 });
      expect(served).toBeLessThan(MAX_BODY_BYTES + 1024 * 1024);
    });

    it("honours a smaller cap passed in", async () => {
      expect(await parseDiagnoseRequest(postJson({ text: "x".repeat(100) }), 50)).toMatchObject({
        ok: false,
        status: 413,
      });
    });
  });

  it.each(["application/x-www-form-urlencoded", "text/plain;charset=UTF-8"])(
    "refuses the content type %s with 415",
    async (contentType) => {
      const result = await parseDiagnoseRequest(post('{"text":"x"}', { "content-type": contentType }));
      expect(result).toMatchObject({
        ok: false,
        status: 415,
        error: { type: "unsupported_media_type", message: expect.stringContaining("application/json") },
      });
    },
  );
});

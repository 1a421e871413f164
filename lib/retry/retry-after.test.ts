import { describe, expect, it } from "vitest";
import { findRetryAfterMs, parseRetryAfterValue, retryAfterMsFromHeaders } from "./retry-after";

const AT = new Date("2026-11-21T07:28:00Z");

describe("parseRetryAfterValue", () => {
  it("reads seconds, whole or fractional", () => {
    expect(parseRetryAfterValue("17", AT)).toBe(17_000);
    expect(parseRetryAfterValue(" 1.5 ", AT)).toBe(1_500);
  });

  it("reads an HTTP date relative to the reference time", () => {
    expect(parseRetryAfterValue("Sat, 21 Nov 2026 07:28:30 GMT", AT)).toBe(30_000);
  });

  it("clamps a date in the past to zero", () => {
    expect(parseRetryAfterValue("Sat, 21 Nov 2026 07:00:00 GMT", AT)).toBe(0);
  });

  it("returns null for anything else", () => {
    expect(parseRetryAfterValue("soon", AT)).toBeNull();
    expect(parseRetryAfterValue("-5", AT)).toBeNull();
  });
});

describe("retryAfterMsFromHeaders", () => {
  it("prefers retry-after-ms, as both SDKs do", () => {
    expect(retryAfterMsFromHeaders({ "retry-after": "30", "retry-after-ms": "1250" }, AT)).toBe(1_250);
  });

  it("ignores letter case", () => {
    expect(retryAfterMsFromHeaders({ "Retry-After": "4" }, AT)).toBe(4_000);
  });

  it("returns null without either header", () => {
    expect(retryAfterMsFromHeaders({ "request-id": "req_x" }, AT)).toBeNull();
  });
});

describe("findRetryAfterMs in pasted text", () => {
  it("reads a header line", () => {
    expect(findRetryAfterMs("HTTP/1.1 429 Too Many Requests\nretry-after: 17\nrequest-id: req_1", AT)).toBe(
      17_000,
    );
  });

  it("reads a Python dict of headers", () => {
    expect(findRetryAfterMs("headers={'retry-after': '9', 'x-should-retry': 'true'}", AT)).toBe(9_000);
  });

  it("reads Cloudflare's JSON retry_after as seconds (claude-code#67341)", () => {
    const body =
      '{"title":"Error 522: Connection timed out","status":522,"retryable":true,"retry_after":120,"zone":"api.anthropic.com"}';
    expect(findRetryAfterMs(body, AT)).toBe(120_000);
  });

  it("prefers retry-after-ms over retry-after wherever they appear", () => {
    expect(findRetryAfterMs('"retry-after-ms":"800", "retry-after":"1"', AT)).toBe(800);
  });

  it("reads an HTTP date value", () => {
    expect(findRetryAfterMs("Retry-After: Sat, 21 Nov 2026 07:29:00 GMT", AT)).toBe(60_000);
  });

  it("takes the last occurrence, the error the paste ends with", () => {
    expect(findRetryAfterMs("retry-after: 5\n...\nretry-after: 11", AT)).toBe(11_000);
  });

  it("ignores words that only contain the name", () => {
    expect(findRetryAfterMs("x-retry-after-hint: 5", AT)).toBeNull();
    expect(findRetryAfterMs("please retry after a while", AT)).toBeNull();
  });

  it("stays fast on a megabyte of near-matches", () => {
    const text = "retry-after: ".repeat(80_000);
    const started = performance.now();
    expect(findRetryAfterMs(text, AT)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

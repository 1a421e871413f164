import { describe, expect, it } from "vitest";
import { diagnoseOffline } from "../report";
import { readLimit } from "./limits";

const NOW = new Date("2026-12-07T03:00:00.000Z");
const at = (text: string, occurredAt: string | null = "2026-12-07T03:00:00Z") =>
  diagnoseOffline(text, { now: NOW, random: () => 0.5, occurredAt });

const PER_MINUTE_TRACEBACK = `Traceback (most recent call last):
  File "app.py", line 12, in <module>
anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization (00000000-0000-4000-8000-000000000000) of 50,000 input tokens per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits.'}}`;

describe("readLimit: which limit a 429 names", () => {
  it("reads the kind, value and window from the message", () => {
    expect(
      readLimit({
        message: "would exceed the rate limit for your organization of 50,000 input tokens per minute.",
        rateLimit: {},
      }),
    ).toEqual({ kind: "input-tokens", value: 50_000, per: "minute", resetAt: null, source: "message" });
    expect(readLimit({ message: "of 1,000 requests per minute", rateLimit: {} })?.kind).toBe("requests");
    expect(readLimit({ message: "of 8,000 output tokens per minute", rateLimit: {} })?.kind).toBe(
      "output-tokens",
    );
  });

  it("takes the exhausted limit and its reset from the anthropic-ratelimit-* headers", () => {
    expect(
      readLimit({
        message: null,
        rateLimit: {
          "anthropic-ratelimit-requests-limit": "50",
          "anthropic-ratelimit-requests-remaining": "12",
          "anthropic-ratelimit-output-tokens-limit": "8000",
          "anthropic-ratelimit-output-tokens-remaining": "0",
          "anthropic-ratelimit-output-tokens-reset": "2026-12-07T03:00:30Z",
        },
      }),
    ).toEqual({
      kind: "output-tokens",
      value: 8000,
      per: "minute",
      resetAt: "2026-12-07T03:00:30.000Z",
      source: "headers",
    });
  });

  it("reads Vertex AI's quota name, and nothing from a message that names no limit", () => {
    expect(
      readLimit({
        message:
          "Quota exceeded for aiplatform.googleapis.com/online_prediction_input_tokens_per_minute_per_base_model",
        rateLimit: {},
      }),
    ).toMatchObject({ kind: "input-tokens", value: null, per: "minute" });
    expect(readLimit({ message: "Rate limited", rateLimit: {} })).toBeNull();
  });
});

describe("the verdict reads what the paste says", () => {
  it("names the limit, waits out its window rather than a 14 s budget, and explains the missing retry-after", () => {
    const { verdict } = at(PER_MINUTE_TRACEBACK);
    expect(verdict.limit).toMatchObject({ kind: "input-tokens", value: 50_000, per: "minute" });
    expect(verdict.summary).toMatch(/^Your organisation hit its limit of 50,000 input tokens per minute;/);
    expect(verdict.summary).not.toMatch(/wait for retry-after/i);
    expect(verdict).toMatchObject({ retry: "later", retryAt: "2026-12-07T03:01:00.000Z" });
    expect(verdict.doNow.join("\n")).toMatch(/no response headers: .*e\.response\.headers/);
  });

  it("retries an old rate limit now: its window has long refilled", () => {
    const { verdict } = at(PER_MINUTE_TRACEBACK, "2026-11-05T14:00:00Z");
    expect(verdict).toMatchObject({ retry: "now", tense: "past" });
  });

  it("does not say 'no' to a retryable error a client gave up on: it says later, after a pause", () => {
    const { verdict } = at(
      "botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again.",
    );
    expect(verdict.retry).toBe("later");
    expect(verdict.summary).toMatch(/already made 5 attempts and gave up/);
  });

  it("tells a DNS failure to fix the name, not to retry", () => {
    const { verdict } = at(
      "The pending stream has been canceled (caused by: getaddrinfo ENOTFOUND bedrock-runtime.undefined.amazonaws.com)",
    );
    expect(verdict).toMatchObject({ retry: "no", whoActs: ["network"] });
    expect(verdict.summary).toMatch(/did not resolve/);
  });

  it("names a refused or reset connection in the summary, with the fix for that cause", () => {
    const refused = at("Error: connect ECONNREFUSED 127.0.0.1:443").verdict;
    expect(refused).toMatchObject({ retry: "no", whoActs: ["network"] });
    expect(refused.summary).toMatch(/^The connection was refused \(ECONNREFUSED\)/);
    const reset = at("APIConnectionError: Connection error. Error: read ECONNRESET").verdict;
    expect(reset.retry).toBe("now");
  });
});

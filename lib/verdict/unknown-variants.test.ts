import { describe, expect, it } from "vitest";
import { classify } from "../classify";
import { DEFAULT_RETRY_CONTEXT, planRetry } from "../retry";
import { buildVerdict } from "./build";
import { verdictSchema } from "./schema";

// Pastes the classifier answers `unknown` with a reason: the verdict names the party the reason points at.
const NOW = new Date("2026-12-07T03:00:00.000Z");

function verdictOf(text: string) {
  const diagnosis = classify(text);
  const plan = planRetry(diagnosis, DEFAULT_RETRY_CONTEXT, { random: () => 0.5, now: NOW });
  return {
    diagnosis,
    verdict: verdictSchema.parse(buildVerdict({ diagnosis, plan, status: null, now: NOW })),
  };
}

describe("who acts when the error is not Claude's", () => {
  it("is the other provider when the paste names one", () => {
    const { diagnosis, verdict } = verdictOf(
      `openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'code': 'insufficient_quota'}}`,
    );
    expect([diagnosis.branch, diagnosis.variant]).toEqual(["unknown", "other_provider"]);
    expect(verdict.whoActs).toEqual(["other-provider"]);
  });

  it("is the gateway when it has no provider configured for the model", () => {
    const { diagnosis, verdict } = verdictOf(
      `{"error":{"message":"No available channels for model claude-sonnet-4-5 under group default","type":"new_api_error"}}`,
    );
    expect([diagnosis.branch, diagnosis.variant]).toEqual(["unknown", "no_provider"]);
    expect(verdict.whoActs).toEqual(["gateway"]);
  });

  it("is the user's side, never Anthropic, for another tool's failure", () => {
    const { diagnosis, verdict } = verdictOf(
      `npm ERR! code E401\nnpm ERR! Unable to authenticate, need: Basic realm="GitHub Package Registry"`,
    );
    expect([diagnosis.branch, diagnosis.variant]).toEqual(["unknown", "unrelated_service"]);
    expect(verdict.whoActs).not.toContain("anthropic");
    expect(verdict.whoActs).not.toContain("other-provider");
  });
});

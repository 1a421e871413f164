import { describe, expect, it } from "vitest";
import type { SdkBehaviour } from "@/lib/retry/schema";
import { verdictOf } from "./sdk-verdict";

const agreeing: SdkBehaviour = {
  client: "python",
  label: "Python SDK",
  retriesThisCase: true,
  attempts: 3,
  delays: [],
  delaysSource: "sdk-source",
  totalWaitMs: 2_500,
  givesUpFirst: false,
  retriesWhenItShouldNot: false,
  retriesTooEarly: false,
  outlastsPlan: false,
  inLineWithPlan: true,
  note: "Retries twice with its default backoff.",
};

describe("verdictOf", () => {
  it("calls a client in line with the plan only when the numbers agree", () => {
    expect(verdictOf(agreeing)).toEqual({ text: "in line with the plan", tone: "ok" });
  });

  it("says a client that keeps retrying for minutes outlasts a seconds-long plan", () => {
    expect(verdictOf({ ...agreeing, outlastsPlan: true, inLineWithPlan: false })).toEqual({
      text: "keeps retrying past the plan",
      tone: "warn",
    });
  });

  it("never says 'in line' when the comparison says the numbers disagree", () => {
    expect(verdictOf({ ...agreeing, inLineWithPlan: false }).text).not.toBe("in line with the plan");
  });

  it("puts retrying when it should not before every other finding", () => {
    expect(
      verdictOf({ ...agreeing, retriesWhenItShouldNot: true, givesUpFirst: true, inLineWithPlan: false }),
    ).toEqual({ text: "retries when it should not", tone: "bad" });
  });
});

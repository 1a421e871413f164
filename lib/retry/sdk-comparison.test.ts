import { describe, expect, it } from "vitest";
import { planRetry } from "./plan";
import { makeDiagnosis } from "./test-diagnosis";

const NOW = new Date("2026-12-07T03:00:00Z");
const plan = (branch: "overloaded" | "api_error", mode: "interactive" | "background") =>
  planRetry(
    makeDiagnosis({ branch, evidence: { status: branch === "overloaded" ? 529 : 500 } }),
    { mode, sideEffects: false },
    { random: () => 0.5, now: NOW },
  );

describe("the SDK comparison never calls a plan 'in line' when the numbers disagree", () => {
  it("flags Claude Code's 10 attempts over minutes against a 4-attempt, seconds-long plan", () => {
    const p = plan("overloaded", "interactive");
    expect(p.maxAttempts).toBe(4);
    const { claudeCode } = p.sdkComparison;
    expect(claudeCode.attempts).toBe(10);
    expect(claudeCode.totalWaitMs).toBeGreaterThan(2 * p.totalBudgetMs);
    expect(claudeCode).toMatchObject({ outlastsPlan: true, inLineWithPlan: false });
    expect(p.sdkComparison.summary).toMatch(/Claude Code keeps going far longer \(10 attempts, about /);
  });

  it("is in line only when no flag is raised", () => {
    for (const mode of ["interactive", "background"] as const) {
      for (const branch of ["overloaded", "api_error"] as const) {
        const { python, typescript, claudeCode } = plan(branch, mode).sdkComparison;
        for (const client of [python, typescript, claudeCode]) {
          const flagged =
            client.givesUpFirst ||
            client.retriesTooEarly ||
            client.retriesWhenItShouldNot ||
            client.outlastsPlan;
          expect(client.inLineWithPlan, `${branch}/${mode}/${client.client}`).toBe(!flagged);
        }
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { BRANCH_IDS, branchCardSchema } from "../diagnosis";
import { BRANCH_CATALOGUE, VARIANT_OVERRIDES, cardFor } from "./index";

describe("the branch catalogue", () => {
  it("has a complete, valid card for every branch", () => {
    for (const id of BRANCH_IDS) expect(() => branchCardSchema.parse(BRANCH_CATALOGUE[id]), id).not.toThrow();
  });

  it("never tells anyone to rotate keys for a server error or an overload, and warns against it", () => {
    for (const id of ["api_error", "overloaded"] as const) {
      const card = BRANCH_CATALOGUE[id];
      expect(`${card.firstMove} ${card.verify}`).not.toMatch(/rotate|regenerate/i);
      expect(card.doNot.join(" ")).toMatch(/rotate/i);
      expect(card.whoActs).toContain("anthropic");
    }
  });

  it("never suggests retrying a spend cap or a plan limit", () => {
    expect(BRANCH_CATALOGUE.billing.retry).toBe("no");
    expect(BRANCH_CATALOGUE.billing.doNot.join(" ")).toMatch(/do not retry/i);
    expect(BRANCH_CATALOGUE.subscription_limit.retry).toBe("after-reset");
  });

  it("names only real branches in variant overrides, and applies them", () => {
    for (const key of Object.keys(VARIANT_OVERRIDES)) {
      const [branch, variant] = key.split("/");
      expect(BRANCH_IDS).toContain(branch);
      expect(variant).toBeTruthy();
    }
    expect(cardFor("connection", "tls").firstMove).toMatch(/NODE_EXTRA_CA_CERTS/);
    expect(cardFor("connection", "tls").retry).toBe("no");
    expect(cardFor("connection", null).firstMove).toBe(BRANCH_CATALOGUE.connection.firstMove);
  });
});

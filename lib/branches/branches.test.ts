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

  it("gives every unknown-by-evidence variant the classifier answers a card of its own", () => {
    const variants = [
      "other_provider",
      "other_model",
      "no_provider",
      "local_failure",
      "unrelated_service",
      "unattributed",
    ];
    const generic = BRANCH_CATALOGUE.unknown;
    const titles = new Set<string>();
    for (const variant of variants) {
      const card = cardFor("unknown", variant);
      expect(() => branchCardSchema.parse(card), variant).not.toThrow();
      expect(card.title, variant).not.toBe(generic.title);
      expect(card.firstMove, variant).not.toBe(generic.firstMove);
      // Not Claude's failure: never a retry, never a key rotation or a billing change on this evidence.
      expect(card.retry, variant).toBe("no");
      expect(card.whoActs, variant).not.toContain("anthropic");
      expect(card.doNot.join(" "), variant).toMatch(/rotate keys/i);
      titles.add(card.title);
    }
    expect(titles.size).toBe(variants.length);
  });
});

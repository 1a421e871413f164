import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { normalize } from "./normalize";
import { SIGNATURES } from "./signatures";

const voting = SIGNATURES.filter((s) => s.example.text !== "");

describe("every signature carries its own one-case test", () => {
  it("has unique ids and a source for every record", () => {
    const ids = SIGNATURES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SIGNATURES) expect(s.source.length, s.id).toBeGreaterThan(0);
  });

  it("has a global, linear-friendly pattern on every record", () => {
    for (const s of SIGNATURES) expect(s.pattern.flags, s.id).toContain("g");
  });

  describe.each(voting.map((s) => [s.id, s] as const))("%s", (_id, s) => {
    it("fires on its example", () => {
      const re = new RegExp(s.pattern.source, s.pattern.flags);
      expect(re.test(normalize(s.example.text))).toBe(true);
    });
    it(`classifies its example as ${s.example.branch}`, () => {
      expect(classify(s.example.text).branch).toBe(s.example.branch);
    });
  });
});

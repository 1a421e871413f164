import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { diagnosisSchema } from "./diagnosis";
import { EXAMPLES } from "./examples";
import { checkInputText } from "./input";

describe("the bundled examples", () => {
  it("have unique ids and labels", () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    expect(new Set(EXAMPLES.map((e) => e.label)).size).toBe(EXAMPLES.length);
  });

  it("are accepted by the input check", () => {
    for (const example of EXAMPLES)
      expect(checkInputText(example.text)).toEqual({ ok: true, text: example.text });
  });

  it("carry no API key, only the variable that would hold one", () => {
    for (const example of EXAMPLES) expect(example.text).not.toMatch(/sk-ant-[a-z]{2,5}\d{2}-/);
  });

  describe.each(EXAMPLES.map((e) => [e.id, e] as const))("%s", (_id, example) => {
    it(`classifies as ${example.expects} with a valid diagnosis`, () => {
      const diagnosis = classify(example.text);
      expect(diagnosisSchema.parse(diagnosis)).toEqual(diagnosis);
      expect(diagnosis.branch).toBe(example.expects);
    });

    it("has signals that point inside its text", () => {
      const diagnosis = classify(example.text);
      expect(diagnosis.signals.length).toBeGreaterThan(0);
      for (const signal of diagnosis.signals) {
        expect(signal.start).toBeLessThan(signal.end);
        expect(signal.end).toBeLessThanOrEqual(example.text.length);
      }
    });
  });
});

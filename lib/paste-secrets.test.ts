import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPasteSecrets, secretSpans } from "./paste-secrets";
import { redact } from "./redact";

const KEY = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;
const OTHER_KEY = `sk-ant-api03-${"Wn2Bv5Cx8Zl1Kj4Hg7Fd0Sa3Po6Iu9Yt".repeat(3).slice(0, 93)}AA`;
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMDFIUkIyN0Q4ViIsImlhdCI6MTc2NTAwMDAwMH0.4bX9kQm2Lr7Tn5Vc8Ys1Hd3Jf6Gp0Wz";

/** The paste with every found span replaced by `*`: what the page shows while masked. */
function masked(text: string): string {
  let out = text;
  for (const s of findPasteSecrets(text))
    out = out.slice(0, s.start) + "*".repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

describe("findPasteSecrets", () => {
  it("finds each secret at its place in the paste, with its kind and number", () => {
    const text = `x-api-key: ${KEY}\nold=${OTHER_KEY}\nAuthorization: Bearer ${JWT}\nagain ${KEY}`;
    const secrets = findPasteSecrets(text);
    const slices = secrets.map((s) => text.slice(s.start, s.end));
    expect(slices).toContain(KEY);
    expect(slices).toContain(OTHER_KEY);
    expect(slices.some((slice) => slice.includes(JWT))).toBe(true);
    const keys = secrets.filter((s) => s.kind === "anthropic-api-key");
    expect(new Set(keys.map((s) => s.n)).size).toBe(2);
    expect(masked(text)).not.toMatch(/sk-ant-api03-[A-Za-z0-9]/);
  });

  it("finds nothing in a paste without secrets", () => {
    expect(findPasteSecrets('API Error: 529 {"type":"error","error":{"type":"overloaded_error"}}')).toEqual(
      [],
    );
  });

  it("masks glued and adjacent secrets whole, whatever splits them", () => {
    for (const text of [`${KEY}${OTHER_KEY}`, `"${KEY}","${OTHER_KEY}"`, `k=${KEY} ${KEY}`]) {
      expect(masked(text)).not.toMatch(/[A-Za-z0-9]{6}/);
    }
  });

  it("never shows a character of a planted key, wherever it sits in other text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (before, after) => {
        const text = `${before} x-api-key: ${KEY} ${after}`;
        const shown = masked(text);
        // Nothing of the key's random body survives (its sk-ant-api03- prefix may sit in a masked span).
        expect(shown).not.toContain(KEY.slice(20, 30));
        expect(shown.length).toBe(text.length);
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});

describe("secretSpans", () => {
  it("masks the whole text when the redaction does not describe it", () => {
    const other = redact(`x-api-key: ${KEY}`);
    const spans = secretSpans("completely different text", other);
    expect(spans).toEqual([expect.objectContaining({ start: 0, end: "completely different text".length })]);
  });
});

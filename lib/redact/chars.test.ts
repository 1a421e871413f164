import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/retry/plan-cases";
import { B64URL, charSet, runEnd } from "./chars";

/** The end of the run of `set` characters from `from`, at most `limit`, one character at a time. */
function naiveRunEnd(text: string, from: number, limit: number, set: Uint8Array): number {
  let i = from;
  while (i < limit && i < text.length && text.charCodeAt(i) < 128 && set[text.charCodeAt(i)] === 1) i++;
  return i;
}

describe("runEnd with a regex for the rest", () => {
  const TAIL = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.=");
  const cases: Array<[Uint8Array, RegExp, number]> = [
    [B64URL, /[\w-]*/y, Number.POSITIVE_INFINITY],
    [B64URL, /[\w-]{0,300}/y, 300],
    [TAIL, /[\w.=-]{0,300}/y, 300],
  ];

  it("ends every run where reading it one character at a time ends it, within the limit", () => {
    const random = seededRandom(7);
    const alphabet = ["a", "Z", "7", "_", "-", ".", "=", " ", "\n", "é", "密", "+", "/"];
    for (let k = 0; k < 400; k++) {
      // Long runs of one class broken now and then, so runs of every length up to a few hundred occur.
      let text = "";
      const length = Math.floor(random() * 2000);
      while (text.length < length) {
        const c = alphabet[Math.floor(random() * alphabet.length)] ?? "a";
        text += random() < 0.9 && /[\w-]/.test(c) ? c.repeat(1 + Math.floor(random() * 200)) : c;
      }
      for (const [set, rest, bound] of cases) {
        const from = Math.floor(random() * (text.length + 1));
        const limit = Math.min(text.length, from + Math.min(bound, Math.floor(random() * 700)));
        expect(runEnd(text, from, set, limit - from, rest), `case ${k} from ${from} limit ${limit}`).toBe(
          naiveRunEnd(text, from, limit, set),
        );
      }
    }
  });

  it("reads a run of a megabyte to its end and stops at the limit inside it", () => {
    const text = `${"eyJ".repeat(350_000)}.x`;
    expect(runEnd(text, 0, B64URL, text.length, /[\w-]*/y)).toBe(1_050_000);
    expect(runEnd(text, 10, B64URL, 4990, /[\w-]*/y)).toBe(5000);
    expect(runEnd(text, 1_050_000, B64URL, 2, /[\w-]*/y)).toBe(1_050_000);
  });
});

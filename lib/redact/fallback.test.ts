import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/retry/plan-cases";
import { highEntropy, highEntropyOutside } from "./detectors";
import { redact } from "./redact";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789+/_-";

function token(random: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

function spansOf(text: string, covered: ((s: number, e: number) => boolean) | null): number[][] {
  const out: number[][] = [];
  if (covered === null) highEntropy(text, (s, e) => out.push([s, e]));
  else highEntropyOutside(text, (s, e) => out.push([s, e]), covered);
  return out;
}

describe("the fallback passes over runs other rules hold", () => {
  it("emits what highEntropy emits, less exactly the runs the predicate holds", () => {
    const random = seededRandom(4242);
    for (let round = 0; round < 50; round++) {
      let text = "";
      while (text.length < 2000)
        text += `${token(random, 20 + Math.floor(random() * 40))}${random() < 0.3 ? "==" : ""} ${random() < 0.5 ? "\n" : ""}`;
      const all = spansOf(text, null);
      // Hold a random half of the stretches the fallback emits.
      const held = all.filter(() => random() < 0.5);
      const holds = (s: number, e: number) => held.some(([hs, he]) => hs! <= s && e <= he!);
      const asked: number[][] = [];
      const passed: number[][] = [];
      const kept = spansOf(text, (s, e) => {
        asked.push([s, e]);
        const answer = holds(s, e);
        if (answer) passed.push([s, e]);
        return answer;
      });
      const inside = ([s, e]: number[], [as, ae]: number[]) => as! <= s! && e! <= ae!;
      // Each stretch it may emit was asked about whole, before it was judged.
      for (const span of all) expect(asked.some((a) => inside(span, a))).toBe(true);
      // It emits all it did, less what lies in a stretch the predicate held; and some were held.
      expect(kept).toEqual(all.filter((span) => !passed.some((p) => inside(span, p))));
      if (held.length > 2) expect(passed.length).toBeGreaterThan(0);
    }
  });

  it("leaves the redaction of a dense .env and of a HAR file as the typed rules and the fallback give it", () => {
    const random = seededRandom(77);
    let env = "";
    let har = "";
    for (let i = 0; i < 200; i++) {
      env += `${random() < 0.5 ? "DB_PASSWORD" : "REDIS_URL"}=${token(random, 40)}\n`;
      har += `{"name":"x-api-key","value":"${token(random, 36)}"},{"name":"x-trace","value":"${token(random, 36)}"},\n`;
    }
    for (const text of [env, har]) {
      const out = redact(text).text;
      // Every random value is gone (by its name, or unnamed by the fallback), and every name stays.
      for (const line of text.split("\n").slice(0, 50)) {
        const value = line.startsWith("{")
          ? /"value":"([^"]{1,80})"/.exec(line)?.[1]
          : line.slice(line.indexOf("=") + 1);
        if (value !== undefined) expect(out).not.toContain(value.slice(0, 12));
      }
      expect(out).toContain(text.includes("DB_PASSWORD") ? "DB_PASSWORD=" : '"name":"x-api-key"');
    }
  });
});

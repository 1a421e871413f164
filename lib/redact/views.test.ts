import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/retry/plan-cases";
import { decodedView, decodeString } from "./views";

/** One decoding layer for texts of `%XX`, `\\` and characters no escape starts with, by a regex. */
const layer = (s: string): string =>
  s.replace(/%([0-7][0-9A-Fa-f])|\\\\/g, (_m, hex: string | undefined) =>
    hex === undefined ? "\\" : String.fromCharCode(parseInt(hex, 16)),
  );

/** Texts of long and short runs of `%XX` (ASCII and not), lone `%`, `\\` pairs and plain characters. */
function escapedText(random: () => number): string {
  const pieces = [
    "%25",
    "%41",
    "%5C",
    "%5c",
    "%7F",
    "%80",
    "%FF",
    "%",
    "\\\\",
    "\\",
    "A",
    "9",
    "Z",
    "q",
    " ",
    "%2",
    "%G1",
  ];
  let text = "";
  const length = Math.floor(random() * 3000);
  while (text.length < length) {
    const piece = pieces[Math.floor(random() * pieces.length)] ?? "A";
    // Runs long enough to cross the readers' chunk sizes (16 pairs, 256 escapes) and short ones.
    text += piece.repeat(random() < 0.3 ? 1 + Math.floor(random() * 400) : 1 + Math.floor(random() * 3));
  }
  return text;
}

describe("decoding runs of escapes", () => {
  it("decodes %XX runs, lone %, and runs of \\\\ twice over, as one regex layer applied twice does", () => {
    const random = seededRandom(20261207);
    for (let k = 0; k < 300; k++) {
      const text = escapedText(random);
      expect(decodeString(text), `text ${k}`).toBe(layer(layer(text)));
    }
  });

  it("maps each decoded character of a %XX run and of a \\\\ run back to its escape", () => {
    const percent = "%41".repeat(700);
    const view = decodedView(percent);
    expect(view?.text).toBe(`${"A".repeat(700)}\n`);
    for (const k of [0, 1, 255, 256, 257, 699]) {
      expect(view?.start?.[k]).toBe(3 * k);
      expect(view?.end?.[k]).toBe(3 * k + 3);
    }
    // 1001 backslashes: 500 pairs decode to 500, whose 250 pairs decode to 250; the odd one stays.
    const slashes = "\\".repeat(1001);
    const twice = decodedView(`x${slashes}`);
    expect(twice?.text).toBe(`x${"\\".repeat(250)}\\\n`);
    // The k-th twice-decoded backslash covers four of the paste's, the last one its own.
    for (const k of [0, 1, 16, 17, 249]) {
      expect(twice?.start?.[1 + k]).toBe(1 + 4 * k);
      expect(twice?.end?.[1 + k]).toBe(1 + 4 * k + 4);
    }
    expect(twice?.start?.[251]).toBe(1001);
  });
});

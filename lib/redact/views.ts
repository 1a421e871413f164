/**
 * Decoded views of a paste with a map back to the original, so a secret hidden behind an encoding is
 * detected on the view and masked on the original bytes (redaction.md §8.1, after gitleaks `detect/codec`
 * and trufflehog `pkg/decoders`).
 */
export interface View {
  text: string;
  /** Original offset where view character i starts. */
  start: Int32Array;
  /** Original offset (exclusive) where view character i ends. */
  end: Int32Array;
}

export function identityView(text: string): View {
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    start[i] = i;
    end[i] = i + 1;
  }
  return { text, start, end };
}

/** Maps a view span back to the original; null for an empty span. */
export function toOriginal(view: View, s: number, e: number): [number, number] | null {
  if (e <= s || s < 0 || e > view.text.length) return null;
  return [view.start[s] ?? 0, view.end[e - 1] ?? 0];
}

const HTML_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: "&",
  lt: "<",
  gt: ">",
  apos: "'",
  sol: "/",
  equals: "=",
  plus: "+",
  colon: ":",
};

function hexValue(s: string): number {
  return /^[0-9A-Fa-f]+$/.test(s) ? parseInt(s, 16) : -1;
}

class ViewBuilder {
  private out: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  constructor(private readonly base: View) {}
  push(ch: string, s: number, e: number): void {
    this.out.push(ch);
    this.starts.push(this.base.start[s] ?? s);
    this.ends.push(this.base.end[e - 1] ?? e);
  }
  build(): View {
    return { text: this.out.join(""), start: Int32Array.from(this.starts), end: Int32Array.from(this.ends) };
  }
}

/**
 * One decoding layer: drops ANSI escape sequences, resolves backslash escapes (`\n`, `\"`, `\/`, `\uXXXX`,
 * `\xXX`), ASCII percent-escapes and the HTML entities pastes carry. Apply twice for double encodings.
 */
export function decodeLayer(view: View): View {
  const text = view.text;
  const b = new ViewBuilder(view);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x1b) {
      // CSI `ESC [ params final` or a lone two-character escape; both carry no text.
      if (text[i + 1] === "[") {
        let j = i + 2;
        const limit = Math.min(n, j + 24);
        while (j < limit && /[0-9;?]/.test(text[j] ?? "")) j++;
        i = j < n && /[A-Za-z@~]/.test(text[j] ?? "") ? j + 1 : j;
      } else i += 2;
      continue;
    }
    if (c === 0x5c /* \ */ && i + 1 < n) {
      const d = text[i + 1] ?? "";
      const simple: Record<string, string> = {
        n: "\n",
        r: "\r",
        t: "\t",
        '"': '"',
        "'": "'",
        "/": "/",
        "\\": "\\",
        b: "\b",
        f: "\f",
      };
      const mapped = simple[d];
      if (mapped !== undefined) {
        b.push(mapped, i, i + 2);
        i += 2;
        continue;
      }
      if (d === "u") {
        const v = hexValue(text.slice(i + 2, i + 6));
        if (v >= 0 && i + 6 <= n) {
          b.push(String.fromCharCode(v), i, i + 6);
          i += 6;
          continue;
        }
      }
      if (d === "x") {
        const v = hexValue(text.slice(i + 2, i + 4));
        if (v >= 0 && i + 4 <= n) {
          b.push(String.fromCharCode(v), i, i + 4);
          i += 4;
          continue;
        }
      }
      if (d === "0" && text.startsWith("33[", i + 2)) {
        b.push("\x1b", i, i + 4);
        i += 4;
        continue;
      }
    }
    if (c === 0x25 /* % */ && i + 2 < n) {
      const v = hexValue(text.slice(i + 1, i + 3));
      if (v >= 0 && v < 0x80) {
        b.push(String.fromCharCode(v), i, i + 3);
        i += 3;
        continue;
      }
    }
    if (c === 0x26 /* & */) {
      const semi = text.indexOf(";", i + 1);
      if (semi > i + 1 && semi - i <= 10) {
        const name = text.slice(i + 1, semi);
        let ch: string | undefined = HTML_ENTITIES[name.toLowerCase()];
        if (ch === undefined && name.startsWith("#")) {
          const v =
            name[1] === "x" || name[1] === "X"
              ? hexValue(name.slice(2))
              : /^\d{1,7}$/.test(name.slice(1))
                ? Number(name.slice(1))
                : -1;
          if (v >= 0 && v < 0x10000) ch = String.fromCharCode(v);
        }
        if (ch !== undefined) {
          b.push(ch, i, semi + 1);
          i = semi + 1;
          continue;
        }
      }
    }
    b.push(text[i] ?? "", i, i + 1);
    i++;
  }
  return b.build();
}

const JOINT_FILLER = /[\s+\\]/;

/**
 * Joins split string literals: `"sk-ant-api03-" "abc…"`, `"…" +\n  "…"` (redaction.md §4, split keys).
 * A joint is a closing quote, up to 60 characters of whitespace, `+` or line-continuation backslashes,
 * and an opening quote of the same kind; the whole joint is dropped from the view.
 */
export function joinLiterals(view: View): View {
  const text = view.text;
  const b = new ViewBuilder(view);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const q = text[i];
    if (q === '"' || q === "'") {
      let j = i + 1;
      const limit = Math.min(n, j + 60);
      while (j < limit && JOINT_FILLER.test(text[j] ?? "")) j++;
      if (j > i + 1 && text[j] === q && j + 1 < n && text[j + 1] !== q) {
        i = j + 1;
        continue;
      }
    }
    b.push(text[i] ?? "", i, i + 1);
    i++;
  }
  return b.build();
}

/** The views every rule runs on: the original, the decoded text and the decoded text with literals joined. */
export function buildViews(text: string): View[] {
  const original = identityView(text);
  const views = [original];
  let decoded = original;
  if (/[\\%&]/.test(text) || text.includes("\u001b")) {
    decoded = decodeLayer(decodeLayer(original));
    if (decoded.text !== text) views.push(decoded);
  }
  if (/["'][\s+\\]{1,60}["']/.test(decoded.text)) {
    const joined = joinLiterals(decoded);
    if (joined.text !== decoded.text) views.push(joined);
  }
  return views;
}

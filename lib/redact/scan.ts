/**
 * One pass over a view that every rule shares: which anchor words occur (the literal prefilter), where the
 * words that secret-bearing names contain occur (`key`, `token`, `pass` …, the name readers start there), and
 * where the runs of 20+ token characters are (the base64 and high-entropy rules read those). One JS loop
 * with a table of the first two characters of every word; memoised for the last text scanned.
 */

/** Words a secret-bearing field name contains (values.ts SECRET_SEGMENTS and suffixes), in three cases. */
const SECRET_WORDS = [
  "key",
  "token",
  "secret",
  "pass",
  "pwd",
  "cred",
  "auth",
  "bearer",
  "cookie",
  "sig",
  "dsn",
  "jwt",
];

export interface TextScan {
  present: Set<string>;
  /** Offsets of secret words, ascending. */
  words: Int32Array;
  /** Start/end pairs of the runs of 20+ characters of [A-Za-z0-9_+/-]. */
  runs: Int32Array;
}

const TOKEN = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/-")
  TOKEN[c.charCodeAt(0)] = 1;
const MIN_RUN = 20;

class Scanner {
  private readonly pairs = new Uint8Array(1 << 14);
  private readonly byPair = new Map<number, Array<{ word: string; secret: boolean }>>();
  private readonly singles: string[] = [];

  constructor(anchors: Iterable<string>) {
    const entries = new Map<string, boolean>();
    for (const a of anchors) if (a.length > 0) entries.set(a, false);
    for (const w of SECRET_WORDS)
      for (const v of [w, w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()]) entries.set(v, true);
    for (const [word, secret] of entries) {
      const c0 = word.charCodeAt(0);
      if (word.length === 1 || c0 > 127 || word.charCodeAt(1) > 127) {
        this.singles.push(word);
        continue;
      }
      const key = (c0 << 7) | word.charCodeAt(1);
      this.pairs[key] = 1;
      const list = [...(this.byPair.get(key) ?? []), { word, secret }].sort(
        (a, b) => b.word.length - a.word.length,
      );
      this.byPair.set(key, list);
    }
  }

  scan(text: string): TextScan {
    const present = new Set<string>();
    const words: number[] = [];
    const runs: number[] = [];
    const n = text.length;
    const pairs = this.pairs;
    let runStart = -1;
    let c1 = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const c0 = c1;
      c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c0 < 128 && TOKEN[c0] === 1) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        if (i - runStart >= MIN_RUN) runs.push(runStart, i);
        runStart = -1;
      }
      if (c0 > 127 || c1 > 127 || pairs[(c0 << 7) | c1] === 0) continue;
      const list = this.byPair.get((c0 << 7) | c1);
      if (list === undefined) continue;
      let wordAt = false;
      for (const { word, secret } of list) {
        if (!text.startsWith(word, i)) continue;
        if (secret) {
          if (!wordAt) words.push(i);
          wordAt = true;
        } else present.add(word);
      }
    }
    if (runStart >= 0 && n - runStart >= MIN_RUN) runs.push(runStart, n);
    for (const w of this.singles) if (text.includes(w)) present.add(w);
    return { present, words: Int32Array.from(words), runs: Int32Array.from(runs) };
  }
}

let scanner = new Scanner([]);
let memo: { text: string; scan: TextScan } | null = null;

/** Sets the anchor words the prefilter reports (the rules' anchors); called once by the redactor. */
export function registerAnchors(anchors: Iterable<string>): void {
  scanner = new Scanner(anchors);
  memo = null;
}

export function scanText(text: string): TextScan {
  if (memo !== null && memo.text === text) return memo.scan;
  const scan = scanner.scan(text);
  memo = { text, scan };
  return scan;
}

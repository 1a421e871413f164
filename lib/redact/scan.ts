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

/** Whether `word` occurs at `i` (short words: a loop beats `startsWith`'s call). */
function wordAt(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** A growable list of offsets (a plain array of 100 000 numbers grows slowly). */
class IntList {
  private a = new Int32Array(64);
  private n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

interface Word {
  word: string;
  secret: boolean;
}

/**
 * Words are looked up by their first three characters (a bit table over ASCII triples), or by their
 * first two when they are that short or go on with a non-ASCII character; only a table hit is compared. Two
 * characters alone let through every `ke` of `worker` and `du` of `duration`: the 75 000 false starts of a
 * 1 MiB log cost more than the pass itself.
 */
class Scanner {
  /** One bit per ASCII triple (256 KiB, so the lookups stay in cache). */
  private readonly triples = new Uint32Array(1 << 16);
  private readonly byTriple = new Map<number, Word[]>();
  /** Per ASCII pair: bit 1, a two-character word is keyed on it; bit 2, some triple starts with it. */
  private readonly pairs = new Uint8Array(1 << 14);
  private readonly byPair = new Map<number, Word[]>();
  private readonly singles: string[] = [];

  constructor(anchors: Iterable<string>) {
    const entries = new Map<string, boolean>();
    for (const a of anchors) if (a.length > 0) entries.set(a, false);
    for (const w of SECRET_WORDS)
      for (const v of [w, w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()]) entries.set(v, true);
    const add = (table: Map<number, Word[]>, key: number, entry: Word) => {
      const list = [...(table.get(key) ?? []), entry].sort((a, b) => b.word.length - a.word.length);
      table.set(key, list);
    };
    for (const [word, secret] of entries) {
      const c0 = word.charCodeAt(0);
      const c1 = word.charCodeAt(1);
      const c2 = word.charCodeAt(2);
      if (word.length === 1 || c0 > 127 || c1 > 127) this.singles.push(word);
      else if (word.length === 2 || c2 > 127) {
        const key = (c0 << 7) | c1;
        this.pairs[key] = (this.pairs[key] ?? 0) | 1;
        add(this.byPair, key, { word, secret });
      } else {
        const key = (c0 << 14) | (c1 << 7) | c2;
        this.pairs[(c0 << 7) | c1] = (this.pairs[(c0 << 7) | c1] ?? 0) | 2;
        this.triples[key >>> 5] = (this.triples[key >>> 5] ?? 0) | (1 << (key & 31));
        add(this.byTriple, key, { word, secret });
      }
    }
  }

  scan(text: string): TextScan {
    const present = new Set<string>();
    const words = new IntList();
    const runs = new IntList();
    const n = text.length;
    // Copies of the tables for this scan: a key whose words are all anchors, all found already, is taken out,
    // so a paste of 87 000 `://` compares the first one only.
    const pairs = this.pairs.slice();
    const triples = this.triples.slice();
    let runStart = -1;
    let lastWord = -1;
    const check = (list: Word[] | undefined, i: number): boolean => {
      if (list === undefined) return false;
      let added = false;
      for (const { word, secret } of list) {
        if (!wordAt(text, i, word)) continue;
        if (!secret) {
          if (!present.has(word)) {
            present.add(word);
            added = true;
          }
        } else if (lastWord !== i) {
          words.push(i);
          lastWord = i;
        }
      }
      return added && list.every((w) => !w.secret && present.has(w.word));
    };
    let c1 = n > 0 ? text.charCodeAt(0) : 0;
    let c2 = n > 1 ? text.charCodeAt(1) : 0;
    for (let i = 0; i < n; i++) {
      const c0 = c1;
      c1 = c2;
      c2 = i + 2 < n ? text.charCodeAt(i + 2) : 0;
      if (c0 < 128 && TOKEN[c0] === 1) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        if (i - runStart >= MIN_RUN) {
          runs.push(runStart);
          runs.push(i);
        }
        runStart = -1;
      }
      if (c0 > 127 || c1 > 127) continue;
      const pair = (c0 << 7) | c1;
      const kinds = pairs[pair] ?? 0;
      if (kinds === 0) continue;
      if ((kinds & 1) !== 0 && check(this.byPair.get(pair), i)) pairs[pair] = kinds & ~1;
      if ((kinds & 2) === 0 || c2 > 127) continue;
      const triple = (pair << 7) | c2;
      const bit = 1 << (triple & 31);
      if (((triples[triple >>> 5] ?? 0) & bit) !== 0 && check(this.byTriple.get(triple), i))
        triples[triple >>> 5] = (triples[triple >>> 5] ?? 0) & ~bit;
    }
    if (runStart >= 0 && n - runStart >= MIN_RUN) {
      runs.push(runStart);
      runs.push(n);
    }
    for (const w of this.singles) if (text.includes(w)) present.add(w);
    return { present, words: words.done(), runs: runs.done() };
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

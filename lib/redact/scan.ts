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

const TRIPLE_WORDS = 2048;
/** A triple's bit: the 21 bits of three ASCII codes, hashed multiplicatively to 16. */
function tripleHash(triple: number): number {
  return Math.imul(triple, 0x9e3779b1) >>> 16;
}

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
  /** Where in the word its key sits: a hit at `i` means the word would start at `i - at`. */
  at: number;
}

/**
 * How rare a triple looks in ordinary text: by its characters outside `a-z`, then by starting with one
 * (`_or` of `api_org_` rather than `pi_`, which every `api_key` has).
 */
function rarity(word: string, at: number, size: number): number {
  let score = 0;
  for (let k = at; k < at + size; k++) {
    const c = word.charCodeAt(k);
    if (c > 127) return -1;
    if (c < 0x61 || c > 0x7a) score += k === at ? 3 : 2;
  }
  return score;
}

/**
 * Words are looked up by a key (a bit table over ASCII triples, a table of non-ASCII characters, or a pair
 * table for two-character words); only a table hit is compared. A secret word is keyed on its first three
 * characters, so every occurrence is found where it starts. An anchor is keyed on its rarest-looking part:
 * `api_org_` on `pi_`, not on the `api` of every `/api/` path; `contraseña` on its `ñ`. Two characters alone
 * let through every `ke` of `worker` and `du` of `duration`: the 75 000 false starts of a 1 MiB log cost more
 * than the pass itself.
 */
class Scanner {
  /** One bit per hashed ASCII triple (8 KiB, so the look-up of every character stays in the first cache). */
  private readonly triples = new Uint32Array(TRIPLE_WORDS);
  private readonly byTriple = new Map<number, Word[]>();
  /** Per UTF-16 code unit above 127: 1 where some word is keyed on it. */
  private readonly wide = new Uint8Array(1 << 16);
  private readonly byWide = new Map<number, Word[]>();
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
      // One character, or two (anchors only): searched natively, as the table reads triples.
      if (word.length <= 2) {
        this.singles.push(word);
        continue;
      }
      // The best triple (secret words: the first), else a non-ASCII character, else the first pair.
      let tripleAt = -1;
      let best = -1;
      for (let k = 0; k + 3 <= word.length && (k === 0 || !secret); k++) {
        const r = rarity(word, k, 3);
        if (r > best) [best, tripleAt] = [r, k];
      }
      let wideAt = -1;
      for (let k = word.length - 1; k >= 0; k--) if (word.charCodeAt(k) > 127) [wideAt, k] = [k, -1];
      if (tripleAt >= 0 && (best >= 4 || wideAt < 0)) {
        const [c0, c1, c2] = [0, 1, 2].map((d) => word.charCodeAt(tripleAt + d)) as [number, number, number];
        const key = (c0 << 14) | (c1 << 7) | c2;
        const h = tripleHash(key);
        this.triples[h >>> 5] = (this.triples[h >>> 5] ?? 0) | (1 << (h & 31));
        add(this.byTriple, key, { word, secret, at: tripleAt });
      } else if (wideAt >= 0) {
        const key = word.charCodeAt(wideAt);
        this.wide[key] = 1;
        add(this.byWide, key, { word, secret, at: wideAt });
      } else this.singles.push(word);
    }
  }

  scan(text: string): TextScan {
    const present = new Set<string>();
    const words = new IntList();
    const runs = new IntList();
    const n = text.length;
    // Copies of the tables for this scan: a key whose words are all anchors, all found already, is taken out,
    // so a paste of 87 000 `://` compares the first one only.
    const triples = this.triples;
    // Triples whose words are all found anchors (the hashed bit may be shared, so it stays set).
    const done = new Set<number>();
    let lastWord = -1;
    const check = (list: Word[] | undefined, i: number): boolean => {
      if (list === undefined) return false;
      let added = false;
      for (const { word, secret, at } of list) {
        if (!wordAt(text, i - at, word)) continue;
        if (!secret) {
          if (!present.has(word)) {
            present.add(word);
            added = true;
          }
        } else if (lastWord !== i - at) {
          words.push(i - at);
          lastWord = i - at;
        }
      }
      return added && list.every((w) => !w.secret && present.has(w.word));
    };
    // Runs of 20+ token characters, by sampling every 20th character: a run that long covers a sample, which
    // is then widened both ways; the characters between samples outside runs are never read.
    let i = MIN_RUN - 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128 || TOKEN[c] !== 1) {
        i += MIN_RUN;
        continue;
      }
      let s = i;
      while (s > 0) {
        const d = text.charCodeAt(s - 1);
        if (d < 128 && TOKEN[d] === 1) s--;
        else break;
      }
      let e = i + 1;
      while (e < n) {
        const d = text.charCodeAt(e);
        if (d < 128 && TOKEN[d] === 1) e++;
        else break;
      }
      if (e - s >= MIN_RUN) {
        runs.push(s);
        runs.push(e);
      }
      i = e + MIN_RUN;
    }
    // Words: a table look-up per character pair, the triple table only where the pair starts a triple.
    const wide = this.wide.slice();
    wordScan(text, triples, wide, (wideKey, j) => {
      if (wideKey) return check(this.byWide.get(text.charCodeAt(j)), j);
      const triple = (text.charCodeAt(j) << 14) | (text.charCodeAt(j + 1) << 7) | text.charCodeAt(j + 2);
      if (!done.has(triple) && check(this.byTriple.get(triple), j)) done.add(triple);
      return false;
    });
    for (const w of this.singles) if (text.includes(w)) present.add(w);
    return { present, words: words.done(), runs: runs.done() };
  }
}

/**
 * The hot loop of the scan, on its own so that nothing it reads lives in a closure: calls `hit` where the
 * hashed triple starting at a character has its bit (`wideKey` false), or where a non-ASCII character is a
 * key (`wideKey` true; a `true` answer takes that character out of this scan's table).
 */
function wordScan(
  text: string,
  triples: Uint32Array,
  wide: Uint8Array,
  hit: (wideKey: boolean, at: number) => boolean,
): void {
  const n = text.length;
  let c1 = n > 0 ? text.charCodeAt(0) : 0;
  let c2 = n > 1 ? text.charCodeAt(1) : 0;
  for (let j = 0; j < n; j++) {
    const c0 = c1;
    c1 = c2;
    c2 = j + 2 < n ? text.charCodeAt(j + 2) : 0;
    if ((c0 | c1 | c2) > 127) {
      if (c0 > 127 && wide[c0] === 1 && hit(true, j)) wide[c0] = 0;
      continue;
    }
    const h = tripleHash((c0 << 14) | (c1 << 7) | c2);
    if (((triples[h >>> 5] as number) & (1 << (h & 31))) !== 0) hit(false, j);
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

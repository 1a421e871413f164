/**
 * One pass over a view that every rule shares: which anchor words occur (the literal prefilter), where the
 * words that secret-bearing names contain occur (`key`, `token`, `pass` …, the name readers start there), and
 * where the runs of 20+ token characters are (the base64 and high-entropy rules read those), and where the
 * two-character leads of the rules that look for punctuation are (`LEADS`: a rule reads its candidates from
 * those offsets instead of running its regex over the whole text). One JS loop with a hashed table of
 * triples; memoised for the last few texts scanned.
 */

import { SCAN_WASM } from "./scan-wasm";

/** Words a secret-bearing field name contains (values.ts SECRET_SEGMENTS and suffixes), in three cases. */
export const SECRET_WORDS = [
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
  "pat",
];

/**
 * Anchors the scan always reports, besides the rules': `000000`, the offset every hex dump of a secret starts
 * with (hexdump.ts; `includes` of a six-character pattern reads a two-byte paste slowly).
 */
export const DUMP_OFFSET = "000000";
const BUILTIN_ANCHORS = [DUMP_OFFSET];

export interface TextScan {
  present: Set<string>;
  /** Offsets of secret words, ascending. */
  words: Int32Array;
  /** Start/end pairs of the runs of 20+ characters of [A-Za-z0-9_+/-]. */
  runs: Int32Array;
  /**
   * Per lead (`LEAD_*`): the ascending offsets before `leadLimit` where it occurs, a superset of where its
   * rule's pattern can start there.
   */
  leads: Int32Array[];
  /** The text's length, or, past `MAX_LEADS` leads, the offset of the first one not listed (rules search on). */
  leadLimit: number;
  /** The text's UTF-16 code units and two zeros (`codeUnits`), made on first read after a WebAssembly scan. */
  codes: Uint16Array;
  /** Offsets of every `\n`, ascending (made on first read: the line readers share one walk of the paste). */
  newlines: Int32Array;
}

/**
 * Two-character leads: a first character and the set of second ones (`*`: any; a second character above
 * 127 is looked up as `\x7f`, so `\x7f` stands for every non-ASCII one). Every
 * match of the pattern named beside it starts at such a lead; an index here is the `leads` index.
 */
export const LEAD_ESCAPE = 0;
export const LEAD_JOINT = 1;
export const LEAD_COLON = 2;
export const LEAD_DOT = 3;
export const LEAD_ARRAY = 4;
export const LEAD_FLAG = 5;
export const LEAD_PLACEHOLDER = 6;
const LEAD_COUNT = 7;
/**
 * The leads: first characters, the set of second ones and, where given, of third ones (`*`: any; a character
 * above 127 is looked up as `\x7f`, so `\x7f` stands for every non-ASCII one). Every match of the pattern
 * named beside a lead starts at it.
 */
const LEADS: ReadonlyArray<{ lead: number; first: string; second: string; third?: string }> = [
  /** `[\\%&\x1b]` escapes (views.ts decodedView). */
  { lead: LEAD_ESCAPE, first: "\\%&\x1b", second: "*" },
  /** `["'][\s+\\]` split-literal joints (views.ts joinedView), Unicode spaces included. */
  { lead: LEAD_JOINT, first: `"'`, second: " \t\n\v\f\r+\\\x7f" },
  /** `:[0-9A-Fa-f]{0,4}:` IPv6 candidates. */
  { lead: LEAD_COLON, first: ":", second: "0123456789abcdefABCDEF:" },
  /** `\.\d{1,3}\.` IPv4 candidates. */
  { lead: LEAD_DOT, first: ".", second: "0123456789" },
  /** `[[(,{][ \t]{0,8}["']` argv arrays and tuples (Elixir's and Erlang's in braces). */
  { lead: LEAD_ARRAY, first: "[(,{", second: ` \t"'` },
  /** curl's `-u` and `-b` before a blank or `=`, and `--user`, `--proxy-user`, `--cookie` (not `-----BEGIN`). */
  { lead: LEAD_FLAG, first: "-", second: "ub", third: " \t=" },
  { lead: LEAD_FLAG, first: "-", second: "-", third: "upc" },
  /** `[REDACTED:` and `[prompt content hidden` placeholders. */
  { lead: LEAD_PLACEHOLDER, first: "[", second: "Rp" },
];
/** Past this many lead offsets in one text the rules search the rest with their own regexes (a hostile paste). */
const MAX_LEADS = 1 << 18;

const codesOf = (set: string): number[] =>
  set.includes("*") ? [...Array(128).keys()] : [...set].map((c) => c.charCodeAt(0));
/**
 * Per first and second character (non-ASCII second as 127): the lead's index + 1 in the low three bits, and
 * the number of its set of third characters (0: any) above them.
 */
const LEAD_PAIR = new Uint8Array(1 << 14);
/** The bit of a pair-table entry above LEAD_PAIR's seven (so at most 15 leads have a set of third characters). */
const SHORT_PAIR = 0x80;
/** Per set of third characters and third character: 1 where it is in the set. */
const LEAD_THIRD = new Uint8Array(32 * 128).fill(1, 0, 128);
if (LEADS.length > 15) throw new Error("scan: LEAD_PAIR's entries hold the sets of at most 15 leads");
LEADS.forEach(({ lead, first, second, third }, index) => {
  if (third !== undefined) for (const c of codesOf(third)) LEAD_THIRD[(index + 1) * 128 + c] = 1;
  for (const a of codesOf(first))
    for (const b of codesOf(second))
      LEAD_PAIR[(a << 7) | b] = (third === undefined ? 0 : (index + 1) << 3) | (lead + 1);
});

const TOKEN = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/-")
  TOKEN[c.charCodeAt(0)] = 1;
const MIN_RUN = 20;
/** Past this many characters a run's end is searched by `NOT_TOKEN`. */
const LONG_RUN = 256;
const NOT_TOKEN = /[^\w+/-]/g;

const TRIPLE_WORDS = 2048;
/**
 * The bits of a scanner's pair table marking a pair some triple key starts with (above LEAD_PAIR's 8): one
 * per value of the key's third character & 7, so that most pairs a key starts with (`co`, `se`, `pa` …) are
 * passed over by their third character without hashing the triple.
 */
const KEY_PAIR = 0x100;
/** A triple's bit: the 21 bits of three ASCII codes, hashed multiplicatively to 16. */
function tripleHash(triple: number): number {
  return Math.imul(triple, 0x9e3779b1) >>> 16;
}

/** Whether `word` occurs at `i` (short words: a loop beats `startsWith`'s call). */
function wordAt(text: string, i: number, word: string): boolean {
  const n = word.length;
  if (i < 0 || i + n > text.length) return false;
  // The last character first: the words keyed on one triple differ at their ends (`Signature=`, `Sig`).
  if (text.charCodeAt(i + n - 1) !== word.charCodeAt(n - 1)) return false;
  for (let k = 0; k < n - 1; k++) if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether every character of `word` is ASCII. */
function isAscii(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 127) return false;
  return true;
}

/** The empty list every empty offset list is (never written: it has no room). */
const EMPTY_INTS = new Int32Array(0);

/** A growable list of offsets (a plain array of 100 000 numbers grows slowly). */
export class IntList {
  // Made on the first push: most lists of a short paste stay empty, and a typed array costs its allocation.
  private a = EMPTY_INTS;
  private n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const grown = new Int32Array(Math.max(64, this.n * 2));
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.n === 0 ? EMPTY_INTS : this.a.subarray(0, this.n);
  }
  /** The offsets in ascending order (sorted only when they were not pushed so). */
  ascending(): Int32Array {
    const list = this.done();
    for (let i = 1; i < list.length; i++)
      if ((list[i - 1] as number) > (list[i] as number)) return list.sort();
    return list;
  }
}

interface Word {
  word: string;
  secret: boolean;
  /** Where in the word its key sits: a hit at `i` means the word would start at `i - at`. */
  at: number;
  /** The anchor's number (for the scan's list of anchors found), or -1 for a secret word. */
  id: number;
}

/**
 * What pastes here are full of: an anchor is not keyed on a triple of these (`-ap` of `bedrock-api-key-`
 * would be compared at every `sk-ant-api03-`), where it has another.
 */
const COMMON_TEXT =
  "sk-ant-api03- sk-ant-admin01- x-api-key api_key apiKey https:// http:// Bearer Authorization";

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
  readonly triples = new Uint32Array(TRIPLE_WORDS);
  /**
   * Per ASCII pair: LEAD_PAIR's entry, plus KEY_PAIR << (third & 7) where some triple key starts with the
   * pair and a third character like that; the scan hashes a triple only there (most pairs of a log start no
   * key), in the same look-up as the leads.
   */
  readonly pairs = Uint16Array.from(LEAD_PAIR);
  /**
   * The pair table the WebAssembly loop reads: `pairs`, plus SHORT_PAIR where a one- or two-character word
   * is looked up by the pair, so the loop notes only those pairs as seen (a store at every character cost
   * more than the look-up).
   */
  readonly wasmPairs: Uint16Array;
  /** Per hashed triple: the words keyed on a triple with that hash (a collision shares the list). */
  private readonly bySlot: Array<Word[] | undefined> = new Array<Word[] | undefined>(1 << 16).fill(undefined);
  /** Per UTF-16 code unit above 127: 1 where some word is keyed on it. */
  readonly wide = new Uint8Array(1 << 16);
  private readonly byWide = new Map<number, Word[]>();
  private readonly singles: string[] = [];
  /** How many anchors are keyed (their numbers are 0 up to this). */
  private anchors = 0;

  constructor(anchors: Iterable<string>) {
    const entries = new Map<string, boolean>();
    for (const a of [...anchors, ...BUILTIN_ANCHORS]) if (a.length > 0) entries.set(a, false);
    for (const w of SECRET_WORDS)
      for (const v of [w, w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()]) entries.set(v, true);
    const add = (table: Map<number, Word[]>, key: number, entry: Word) => {
      const list = [...(table.get(key) ?? []), entry].sort((a, b) => b.word.length - a.word.length);
      table.set(key, list);
    };
    for (const [word, secret] of entries) {
      // One character, or two (anchors only): looked up among the pairs the loop saw (or searched for), as the
      // table reads triples; two with a character above 127 (`密码`) are keyed on it like longer words.
      if (word.length <= 2 && isAscii(word)) {
        this.singles.push(word);
        continue;
      }
      // The best triple (secret words: the first), else a non-ASCII character, else the first pair.
      let tripleAt = -1;
      let best = -Infinity;
      for (let k = 0; k + 3 <= word.length && (k === 0 || !secret); k++) {
        const r = rarity(word, k, 3);
        if (r < 0) continue;
        const triple = word.slice(k, k + 3);
        // A triple of one repeated character (`---`) matches every ruler and PEM line many times over.
        const repeats = triple[0] === triple[1] || triple[1] === triple[2] ? 4 : 0;
        const score = r - repeats - (COMMON_TEXT.includes(triple) ? 8 : 0);
        if (score > best) [best, tripleAt] = [score, k];
      }
      let wideAt = -1;
      for (let k = word.length - 1; k >= 0; k--) if (word.charCodeAt(k) > 127) [wideAt, k] = [k, -1];
      if (tripleAt >= 0 && (best >= 4 || wideAt < 0)) {
        const [c0, c1, c2] = [0, 1, 2].map((d) => word.charCodeAt(tripleAt + d)) as [number, number, number];
        const key = (c0 << 14) | (c1 << 7) | c2;
        const h = tripleHash(key);
        this.triples[h >>> 5] = (this.triples[h >>> 5] ?? 0) | (1 << (h & 31));
        this.pairs[(c0 << 7) | c1] = (this.pairs[(c0 << 7) | c1] ?? 0) | (KEY_PAIR << (c2 & 7));
        const list = [
          ...(this.bySlot[h] ?? []),
          { word, secret, at: tripleAt, id: secret ? -1 : this.anchors++ },
        ];
        this.bySlot[h] = list.sort((a, b) => b.word.length - a.word.length);
      } else if (wideAt >= 0) {
        const key = word.charCodeAt(wideAt);
        this.wide[key] = 1;
        add(this.byWide, key, { word, secret, at: wideAt, id: secret ? -1 : this.anchors++ });
      } else this.singles.push(word);
    }
    this.wasmPairs = Uint16Array.from(this.pairs);
    for (const w of this.singles) {
      const pairs = seenPairs(w);
      if (pairs !== undefined)
        for (let k = pairs[0]; k < pairs[1]; k++)
          this.wasmPairs[k] = (this.wasmPairs[k] as number) | SHORT_PAIR;
    }
  }

  scan(text: string): TextScan {
    const present = new Set<string>();
    const words = new IntList();
    const n = text.length;
    // Copies of the tables for this scan: a key whose words are all anchors, all found already, is taken out,
    // so a paste of 87 000 `://` compares the first one only.
    const triples = this.triples;
    // Slots whose words are all found anchors: not compared again (a paste of 87 000 `://`). One table for
    // every scan, its marks taken back at the end (64 KiB zeroed per scan was most of a short paste's scan).
    const done = DONE_SLOTS;
    const marked: number[] = [];
    let lastWord = -1;
    // The anchors found so far, by number: one found is not compared again (a slot that also keys a secret
    // word is read at every hit, and its anchors, longest first, were compared each time).
    const foundAnchors = new Uint8Array(this.anchors);
    const check = (list: Word[] | undefined, i: number): boolean => {
      if (list === undefined) return false;
      let added = false;
      for (let k = 0; k < list.length; k++) {
        const { word, secret, at, id } = list[k] as Word;
        if (!secret && foundAnchors[id] === 1) continue;
        const from = i - at;
        if (!wordAt(text, from, word)) continue;
        if (!secret) {
          foundAnchors[id] = 1;
          if (!present.has(word)) {
            present.add(word);
            added = true;
          }
        } else if (lastWord !== from) {
          words.push(from);
          lastWord = from;
        }
      }
      return added && list.every((w) => !w.secret && present.has(w.word));
    };
    // The code units, for the JavaScript loops and for whoever asks (the redactor's output copy, for a paste
    // of many spans): WebAssembly reads the text written into its own memory, so they are made on demand.
    let codes: Uint16Array | undefined;
    // Runs of 20+ token characters; words: a look-up of the hashed triple at every character; leads: of the
    // pair where a lead can start. In WebAssembly where it compiled, which also notes every pair that occurs.
    const hits = new Hits();
    let found: number;
    let leads: Int32Array[];
    let runs: Int32Array;
    let seen: Uint8Array<ArrayBufferLike> | undefined;
    // WebAssembly for all but short texts, where setting up its memory costs more than the loop saves.
    const native = n >= wasmFrom ? wasmScan() : undefined;
    if (native !== undefined) {
      const out = native.run(this, text);
      [found, leads, runs, seen] = [out.found, out.leads, out.runs, out.seen];
      [hits.at, hits.n, hits.leadLimit] = [out.hits, out.hits.length, out.leadLimit];
    } else {
      codes = codeUnits(text);
      runs = tokenRuns(text, codes);
      found = wordScan(text, codes, triples, this.pairs, this.wide, LEAD_BUFFER, hits);
      leads = splitLeads(LEAD_BUFFER, found);
    }
    // Keys found once are not compared again where all their words are found anchors (87 000 `://`).
    const wideDone = new Set<number>();
    for (let k = 0; k < hits.n; k++) {
      const j = hits.at[k] as number;
      const c = text.charCodeAt(j);
      if (c > 127) {
        if (!wideDone.has(c) && check(this.byWide.get(c), j)) wideDone.add(c);
        continue;
      }
      const slot = tripleHash((c << 14) | (text.charCodeAt(j + 1) << 7) | text.charCodeAt(j + 2));
      if (done[slot] === 0 && check(this.bySlot[slot], j)) {
        done[slot] = 1;
        marked.push(slot);
      }
    }
    for (const slot of marked) done[slot] = 0;
    for (const w of this.singles) {
      const pairs = seen === undefined ? undefined : seenPairs(w);
      if (pairs === undefined ? text.includes(w) : seenIn(seen as Uint8Array, pairs)) present.add(w);
    }
    return new Scan(text, present, words.done(), runs, leads, found > MAX_LEADS ? hits.leadLimit : n, codes);
  }
}

/** A scan's result; the code units and the newlines are made on first read (getters of a class, so that a
 * short paste's scans do not each build an object with accessors). */
class Scan implements TextScan {
  private newlineList: Int32Array | undefined;
  constructor(
    private readonly text: string,
    readonly present: Set<string>,
    readonly words: Int32Array,
    readonly runs: Int32Array,
    readonly leads: Int32Array[],
    readonly leadLimit: number,
    private codeList: Uint16Array | undefined,
  ) {}
  get codes(): Uint16Array {
    return (this.codeList ??= codeUnits(this.text));
  }
  get newlines(): Int32Array {
    return (this.newlineList ??= newlineOffsets(this.text));
  }
}

/**
 * Runs of 20+ token characters, by sampling every 20th character: a run that long covers a sample, which is
 * then widened both ways; the characters between samples outside runs are never read. Start/end pairs.
 */
function tokenRuns(text: string, codes: Uint16Array): Int32Array {
  const n = text.length;
  const runs = new IntList();
  let i = MIN_RUN - 1;
  while (i < n) {
    const c = codes[i] as number;
    if (c >= 128 || TOKEN[c] !== 1) {
      i += MIN_RUN;
      continue;
    }
    let s = i;
    while (s > 0) {
      const d = codes[s - 1] as number;
      if (d < 128 && TOKEN[d] === 1) s--;
      else break;
    }
    let e = i + 1;
    while (e < n && e - i < LONG_RUN) {
      const d = codes[e] as number;
      if (d < 128 && TOKEN[d] === 1) e++;
      else break;
    }
    // A long run's end is found natively (one run of a megabyte is read once, by the regex engine).
    if (e - i === LONG_RUN) {
      NOT_TOKEN.lastIndex = e;
      e = NOT_TOKEN.exec(text)?.index ?? n;
    }
    if (e - s >= MIN_RUN) {
      runs.push(s);
      runs.push(e);
    }
    i = e + MIN_RUN;
  }
  return runs.done();
}

/** Every `\n` of `text`, found natively. */
function newlineOffsets(text: string): Int32Array {
  const list = new IntList();
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) list.push(nl);
  return list.done();
}

/**
 * The first rows of the pair table `SEEN` (scan.wat) a word of one or two ASCII characters is present by:
 * its pair, or for one character every pair it starts. Undefined for any other word (searched for instead).
 */
function seenPairs(word: string): [number, number] | undefined {
  const a = word.charCodeAt(0);
  const b = word.charCodeAt(1);
  if (word.length === 1 && a < 128) return [a << 7, (a << 7) + 128];
  if (word.length === 2 && a < 128 && b < 127) return [(a << 7) | b, ((a << 7) | b) + 1];
  return undefined;
}

function seenIn(seen: Uint8Array<ArrayBufferLike>, [from, to]: [number, number]): boolean {
  for (let k = from; k < to; k++) if (seen[k] === 1) return true;
  return false;
}

/**
 * The paste's UTF-16 code units, two zero units past its end (the scan reads two ahead): read from a typed
 * array, the per-character loop runs faster than through `charCodeAt`, which checks the string's
 * representation at every call. Node's Buffer encodes natively; elsewhere a loop does.
 */
export function codeUnits(text: string): Uint16Array {
  const n = text.length;
  if (typeof Buffer !== "undefined") {
    // A short text's units in Node's shared pool (a buffer of its own costs more than the copy).
    const buf = 2 * n + 4 < 4096 ? Buffer.allocUnsafe(2 * n + 4) : Buffer.allocUnsafeSlow(2 * n + 4);
    buf.write(text, 0, "utf16le");
    buf.writeUInt32LE(0, 2 * n);
    return new Uint16Array(buf.buffer, buf.byteOffset, n + 2);
  }
  const codes = new Uint16Array(n + 2);
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/**
 * The hot loop of the scan (the JavaScript twin of scan.wat's `scan`): records in `out` where the hashed
 * triple starting at a character has its bit, or where a non-ASCII character is a key, and in `leads` every
 * lead (offset × 8 + lead) while it has room; answers the number of leads.
 */
function wordScan(
  text: string,
  codes: Uint16Array,
  triples: Uint32Array,
  pairs: Uint16Array,
  wide: Uint8Array,
  leads: Int32Array,
  out: Hits,
): number {
  const n = text.length;
  let c1 = codes[0] as number;
  let c2 = codes[1] as number;
  let found = 0;
  const room = leads.length;
  let hits = out.at;
  let h = 0;
  for (let j = 0; j < n; j++) {
    const c0 = c1;
    c1 = c2;
    c2 = codes[j + 2] as number;
    if (c0 > 127) {
      if (wide[c0] === 1) {
        if (h === hits.length) hits = out.grow();
        hits[h++] = j;
      }
      continue;
    }
    // Offset and lead in one number (offsets are below 2^22, MAX_REDACT_CHARS); past the buffer, counted only.
    if ((c1 | c2) > 127) {
      const lead = LEAD_PAIR[(c0 << 7) | (c1 > 127 ? 127 : c1)] as number;
      if (lead !== 0 && (lead < 8 || LEAD_THIRD[(lead >> 3) * 128 + (c2 > 127 ? 127 : c2)] === 1)) {
        if (found < room) leads[found] = j * 8 + (lead & 7) - 1;
        else if (found === room) out.leadLimit = j;
        found++;
      }
      continue;
    }
    const pair = pairs[(c0 << 7) | c1] as number;
    if (pair === 0) continue;
    const lead = pair & 0xff;
    if (lead !== 0 && (lead < 8 || LEAD_THIRD[(lead >> 3) * 128 + c2] === 1)) {
      if (found < room) leads[found] = j * 8 + (lead & 7) - 1;
      else if (found === room) out.leadLimit = j;
      found++;
    }
    if (((pair >> 8) & (1 << (c2 & 7))) === 0) continue;
    const t = tripleHash((c0 << 14) | (c1 << 7) | c2);
    if (((triples[t >>> 5] as number) & (1 << (t & 31))) !== 0) {
      if (h === hits.length) hits = out.grow();
      hits[h++] = j;
    }
  }
  out.n = h;
  return found;
}

/** Where a key's bit was set (a triple's first character, or a non-ASCII key): checked after the loop. */
class Hits {
  at: Int32Array<ArrayBufferLike> = EMPTY_INTS;
  /** Where the lead buffer filled up (see `TextScan.leadLimit`). */
  leadLimit = 0;
  n = 0;
  grow(): Int32Array<ArrayBufferLike> {
    const grown = new Int32Array(Math.max(64, this.at.length * 2));
    grown.set(this.at);
    this.at = grown;
    return grown;
  }
}

/** The scan's lead offsets, one ascending array per lead (those the buffer held: see `TextScan.leadLimit`). */
function splitLeads(all: Int32Array<ArrayBufferLike>, found: number): Int32Array[] {
  const listed = Math.min(found, all.length);
  const counts = LEAD_COUNTS.fill(0);
  for (let i = 0; i < listed; i++)
    counts[(all[i] as number) & 7] = (counts[(all[i] as number) & 7] as number) + 1;
  const out = Array.from({ length: LEAD_COUNT }, (_, k) =>
    counts[k] === 0 ? EMPTY_INTS : new Int32Array(counts[k] as number),
  );
  counts.fill(0);
  for (let i = 0; i < listed; i++) {
    const v = all[i] as number;
    const k = v & 7;
    (out[k] as Int32Array)[(counts[k] as number)++] = v >> 3;
  }
  return out;
}

/** splitLeads' counts, shared. */
const LEAD_COUNTS = new Int32Array(LEAD_COUNT);

/** The slots a scan has done with (see `Scanner.scan`), shared by every scan and left all zero by each. */
const DONE_SLOTS = new Uint8Array(1 << 16);
/** Texts shorter than this are scanned by the JavaScript loops (measured: equal near 1 000 characters). */
let wasmFrom = 1024;

/** The lead buffer, shared by every scan (copied out per lead). */
const LEAD_BUFFER = new Int32Array(MAX_LEADS);

/**
 * The scan loop compiled to WebAssembly (scan.wat; the same reads and output as `wordScan`, about twice as
 * fast: a branchy byte loop without JavaScript's bounds checks and deoptimisation points). Its memory holds
 * the scanner's tables, then per call the code units, the lead buffer and the hits.
 */
class WasmScan {
  private static readonly PAIRS = 0;
  private static readonly TRIPLES = 32768;
  private static readonly THIRD = 40960;
  private static readonly WIDE = 45056;
  private static readonly TOKEN = 110592;
  private static readonly SEEN = 110848;
  /** Per lead: its count, then where its offsets start (split's 16 numbers). */
  private static readonly COUNTS = 127232;
  private static readonly CODES = 127296;
  private readonly memory: WebAssembly.Memory;
  private readonly scan: (n: number, codes: number, leads: number, room: number, hits: number) => number;
  private readonly runs: (n: number, codes: number, out: number) => number;
  private readonly split: (leads: number, found: number, out: number, counts: number) => void;
  private readonly hitCount: WebAssembly.Global;
  private readonly leadLimit: WebAssembly.Global;
  /** The scanner whose tables the memory holds. */
  private loaded: Scanner | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    this.memory = exports.memory as WebAssembly.Memory;
    this.scan = exports.scan as WasmScan["scan"];
    this.runs = exports.runs as WasmScan["runs"];
    this.split = exports.split as WasmScan["split"];
    this.hitCount = exports.hitCount as WebAssembly.Global;
    this.leadLimit = exports.leadLimit as WebAssembly.Global;
  }

  /**
   * Runs the loops over `text`, written into the memory. The hits and pairs seen are views of the memory,
   * good until the next call; the leads (one list per lead) and runs are copied out.
   */
  run(
    scanner: Scanner,
    text: string,
  ): {
    found: number;
    leads: Int32Array[];
    hits: Int32Array<ArrayBufferLike>;
    leadLimit: number;
    runs: Int32Array;
    seen: Uint8Array<ArrayBufferLike>;
  } {
    const n = text.length;
    const leadsAt = (WasmScan.CODES + 2 * (n + 2) + 15) & ~15;
    const hitsAt = leadsAt + 4 * MAX_LEADS;
    // A run is 20+ characters and the next starts past a character outside it: at most n / 21 of them.
    const runsAt = hitsAt + 4 * n;
    const splitAt = runsAt + 8 * (Math.floor(n / (MIN_RUN + 1)) + 1);
    const need = splitAt + 4 * MAX_LEADS;
    const have = this.memory.buffer.byteLength;
    if (need > have) this.memory.grow(Math.ceil((need - have) / 65536));
    const buffer = this.memory.buffer;
    if (this.loaded !== scanner) {
      new Uint16Array(buffer, WasmScan.PAIRS, scanner.wasmPairs.length).set(scanner.wasmPairs);
      new Uint32Array(buffer, WasmScan.TRIPLES, scanner.triples.length).set(scanner.triples);
      new Uint8Array(buffer, WasmScan.THIRD, LEAD_THIRD.length).set(LEAD_THIRD);
      new Uint8Array(buffer, WasmScan.WIDE, scanner.wide.length).set(scanner.wide);
      new Uint8Array(buffer, WasmScan.TOKEN, TOKEN.length).set(TOKEN);
      this.loaded = scanner;
    }
    const seen = new Uint8Array(buffer, WasmScan.SEEN, 1 << 14).fill(0);
    // The text's code units and two zeros, encoded natively into the memory (pages already touched, where
    // a fresh buffer per paste costs a page fault per 4 KiB).
    const units = new Uint16Array(buffer, WasmScan.CODES, n + 2);
    if (typeof Buffer !== "undefined") Buffer.from(buffer, WasmScan.CODES, 2 * n).write(text, 0, "utf16le");
    else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
    units[n] = 0;
    units[n + 1] = 0;
    const found = this.scan(n, WasmScan.CODES, leadsAt, MAX_LEADS, hitsAt);
    const hits = new Int32Array(buffer, hitsAt, this.hitCount.value as number);
    const runs = new Int32Array(buffer, runsAt, this.runs(n, WasmScan.CODES, runsAt)).slice();
    const counts = new Int32Array(buffer, WasmScan.COUNTS, 16).fill(0);
    this.split(leadsAt, Math.min(found, MAX_LEADS), splitAt, WasmScan.COUNTS);
    // After the split, counts[8 + k] is where lead k's offsets end.
    const leads = Array.from({ length: LEAD_COUNT }, (_, k) => {
      const count = counts[k] as number;
      if (count === 0) return EMPTY_INTS;
      return new Int32Array(buffer, splitAt + 4 * ((counts[8 + k] as number) - count), count).slice();
    });
    return {
      found,
      leads,
      hits,
      leadLimit: this.leadLimit.value as number,
      runs,
      seen,
    };
  }
}

let native: WasmScan | undefined | null = null;
let nativeOn = true;
/** The WebAssembly loop, compiled on first use; undefined where WebAssembly is unavailable or turned off. */
function wasmScan(): WasmScan | undefined {
  if (native === null) {
    try {
      native = new WasmScan(Uint8Array.from(atob(SCAN_WASM), (c) => c.charCodeAt(0)));
    } catch {
      native = undefined;
    }
  }
  return nativeOn ? native : undefined;
}

/**
 * Whether scans run the WebAssembly loop (true, the default where it compiles) or the JavaScript one, and from
 * which text length (default 1 024); answers whether the WebAssembly one is in use after the call. For the
 * tests and the bench, which compare the two.
 */
export function setWasmScan(on: boolean, fromLength = 1024): boolean {
  nativeOn = on;
  wasmFrom = fromLength;
  memo = [];
  return wasmScan() !== undefined;
}

let scanner = new Scanner([]);
/** The last few texts scanned (a paste and its views are scanned in turn, and read again by later rules). */
let memo: Array<{ text: string; scan: TextScan }> = [];
const MEMO_SIZE = 8;

/** Sets the anchor words the prefilter reports (the rules' anchors); called once by the redactor. */
export function registerAnchors(anchors: Iterable<string>): void {
  scanner = new Scanner(anchors);
  memo = [];
}

export function scanText(text: string): TextScan {
  // Lengths first: a view of another length is not compared character by character.
  for (const m of memo) if (m.text.length === text.length && m.text === text) return m.scan;
  const scan = scanner.scan(text);
  memo = [{ text, scan }, ...memo.slice(0, MEMO_SIZE - 1)];
  return scan;
}

/** Forgets the texts scanned (the redactor calls it around each paste: no text outlives its redaction). */
export function resetScans(): void {
  memo = [];
}

/**
 * Candidates for a rule that looks for punctuation: offsets where its lead occurs, read from the scan of
 * `text`, and past the leads it listed (a hostile paste has more than `MAX_LEADS`), the matches of `hint`
 * (the rule's own global regex, whose matches all start at a lead). Either way a superset of where the
 * rule's pattern can start; the rule checks each.
 */
export class LeadCursor {
  private i = 0;
  private readonly list: Int32Array;
  private readonly limit: number;
  constructor(
    private readonly text: string,
    lead: number,
    private readonly hint: RegExp,
  ) {
    const scan = scanText(text);
    this.list = scan.leads[lead] ?? new Int32Array(0);
    this.limit = scan.leadLimit;
  }
  /** The first candidate at or after `from`, or -1; `from` never goes back. */
  next(from: number): number {
    const list = this.list;
    let i = this.i;
    // The common step: the next listed lead is already at or past `from`.
    if (i < list.length && (list[i] as number) >= from) return list[i] as number;
    // A far jump (a rule that skips to the end of a line of 200 000 leads) is a binary search.
    if (i + 8 < list.length && (list[i + 8] as number) < from) {
      let hi = list.length;
      while (i < hi) {
        const mid = (i + hi) >>> 1;
        if ((list[mid] as number) < from) i = mid + 1;
        else hi = mid;
      }
    }
    while (i < list.length && (list[i] as number) < from) i++;
    this.i = i;
    if (i < list.length) return list[i] as number;
    if (this.limit >= this.text.length) return -1;
    // Past the listed leads: the rule's own regex searches the rest.
    this.hint.lastIndex = Math.max(from, this.limit);
    const m = this.hint.exec(this.text);
    return m === null ? -1 : m.index;
  }
}

/**
 * The matches `global` would find in `text`, left to right, each where the last one ended: found by trying
 * `sticky` (the same pattern, flag `y`) at each candidate of `lead` instead of running `global` over the
 * whole text, which it does only past the leads the scan listed.
 */
export function* leadMatches(
  text: string,
  lead: number,
  global: RegExp,
  sticky: RegExp,
): Generator<RegExpExecArray> {
  const cursor = new LeadCursor(text, lead, global);
  let from = 0;
  for (let p = cursor.next(0); p >= 0; p = cursor.next(from)) {
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) {
      from = p + 1;
      continue;
    }
    from = p + Math.max(1, m[0].length);
    yield m;
  }
}

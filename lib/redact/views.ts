/**
 * Views of a paste with a map back to the original, so a secret hidden behind an encoding, a hard wrap, a
 * split literal or a hex dump is detected on the view and masked on the original bytes (redaction.md §8.1,
 * after gitleaks `detect/codec` and trufflehog `pkg/decoders`). Only the stretches that need a view get one:
 * a view is the concatenation of those stretches, each transformed, separated by a line break.
 */
import { isDigit } from "./chars";
import { LEAD_ESCAPE, LEAD_JOINT, LeadCursor, scanText } from "./scan";

export interface View {
  name: string;
  text: string;
  /** Original offset where view character i starts; null for the original text itself. */
  start: Int32Array | null;
  /** Original offset (exclusive) where view character i ends. */
  end: Int32Array | null;
}

export function identityView(text: string): View {
  return { name: "original", text, start: null, end: null };
}

/** Maps a view span back to the original; null for an empty span. */
export function toOriginal(view: View, s: number, e: number): [number, number] | null {
  if (e <= s || s < 0 || e > view.text.length) return null;
  if (view.start === null || view.end === null) return [s, e];
  return [view.start[s] ?? 0, view.end[e - 1] ?? 0];
}

const UTF16 = new TextDecoder("utf-16le");

/** Builds a view into preallocated typed arrays: the text as UTF-16 code units, and the map back. */
export class ViewBuilder {
  private codes: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;
  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.codes = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }
  /** Room for `extra` more units. */
  reserve(extra: number): void {
    if (this.n + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.n + extra);
    const c = new Uint16Array(size);
    c.set(this.codes);
    this.codes = c;
    const s = new Int32Array(size);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(size);
    e.set(this.ends);
    this.ends = e;
  }
  /** One view character (a single UTF-16 unit or a short string) covering original [s, e). */
  push(ch: string, s: number, e: number): void {
    this.reserve(ch.length);
    for (let k = 0; k < ch.length; k++) {
      this.codes[this.n] = ch.charCodeAt(k);
      this.starts[this.n] = s;
      this.ends[this.n] = e;
      this.n++;
    }
  }
  /** One view code unit covering original [s, e). */
  pushCode(code: number, s: number, e: number): void {
    this.reserve(1);
    this.codes[this.n] = code;
    this.starts[this.n] = s;
    this.ends[this.n] = e;
    this.n++;
  }
  /**
   * The units [from, length) again `count` times, each copy mapped `shift` further on than the one before (a
   * hex dump's line repeated): every unit is the one a copy back, moved on.
   */
  repeatTail(from: number, count: number, shift: number): void {
    const back = this.n - from;
    this.reserve(back * count);
    const { codes, starts, ends } = this;
    const end = this.n + back * count;
    for (let i = this.n; i < end; i++) {
      codes[i] = codes[i - back] as number;
      starts[i] = (starts[i - back] as number) + shift;
      ends[i] = (ends[i - back] as number) + shift;
    }
    this.n = end;
  }
  /** Drops the units past the first `n` (what a candidate that did not pan out added). */
  truncate(n: number): void {
    this.n = Math.min(this.n, n);
  }
  /** A run of original text copied unchanged. */
  copy(text: string, from: number, to: number): void {
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      this.codes[this.n] = text.charCodeAt(i);
      this.starts[this.n] = i;
      this.ends[this.n] = i + 1;
      this.n++;
    }
  }
  /** A run of a view's text copied unchanged, keeping that view's map. */
  copyMapped(text: string, from: number, to: number, starts: Int32Array, ends: Int32Array): void {
    this.reserve(to - from);
    for (let i = from; i < to; i++) this.codes[this.n + i - from] = text.charCodeAt(i);
    this.starts.set(starts.subarray(from, to), this.n);
    this.ends.set(ends.subarray(from, to), this.n);
    this.n += to - from;
  }
  get length(): number {
    return this.n;
  }
  /** Empties the builder, keeping its arrays for reuse. */
  clear(): void {
    this.n = 0;
  }
  build(name: string): View {
    const text = UTF16.decode(this.codes.subarray(0, this.n));
    return { name, text, start: this.starts.subarray(0, this.n), end: this.ends.subarray(0, this.n) };
  }
}

/** A lone or paired surrogate: a view holding one has its text made as the UTF-16 decoder makes it. */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Builds a view out of pieces: runs of a text copied whole (a native slice, joined once at the end) and single
 * units. A view that is mostly its base unchanged (a paste with an escape on every line) is then not written
 * out one code unit at a time; its map is. The text is the one a `ViewBuilder` would make of the same calls:
 * lone surrogates become U+FFFD, as the UTF-16 decoder makes them.
 */
export class PieceBuilder {
  private pieces: string[] = [];
  /** Single units pushed since the last copied run. */
  private units: Uint16Array;
  private unitCount = 0;
  private unitsSurrogate = false;
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;
  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.units = new Uint16Array(64);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }
  /** Room for `extra` more units in the map. */
  private reserve(extra: number): void {
    if (this.n + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.n + extra);
    const s = new Int32Array(size);
    s.set(this.starts.subarray(0, this.n));
    this.starts = s;
    const e = new Int32Array(size);
    e.set(this.ends.subarray(0, this.n));
    this.ends = e;
  }
  /** The single units pushed so far become a piece (before a copied run, and at the end). */
  private flushUnits(): void {
    const k = this.unitCount;
    if (k === 0) return;
    const units = this.units.subarray(0, k);
    // A long run of escapes is decoded natively, unless a surrogate in it could pair with one in the next
    // piece (the decoder would replace it now, and the pair it makes in the view would be lost).
    this.pieces.push(k < 16 || this.unitsSurrogate ? unitsString(units) : UTF16.decode(units));
    this.unitCount = 0;
    this.unitsSurrogate = false;
  }
  /** One view code unit covering original [s, e). */
  pushCode(code: number, s: number, e: number): void {
    if (this.unitCount === this.units.length) {
      const u = new Uint16Array(this.units.length * 2);
      u.set(this.units);
      this.units = u;
    }
    this.units[this.unitCount++] = code;
    if ((code & 0xf800) === 0xd800) this.unitsSurrogate = true;
    this.reserve(1);
    this.starts[this.n] = s;
    this.ends[this.n] = e;
    this.n++;
  }
  /**
   * `count` units `code` read from escapes of two characters from `i` on (a run of `\\`): the k-th covers
   * [i + 2k, i + 2k + 2) of the base text, mapped through the base's `starts` and `ends` when it is a view.
   * The same as `count` calls of pushCode, with room made once.
   */
  pushPairs(
    code: number,
    i: number,
    count: number,
    starts: Int32Array | null,
    ends: Int32Array | null,
  ): void {
    if (this.unitCount + count > this.units.length) {
      const u = new Uint16Array(Math.max(this.units.length * 2, this.unitCount + count));
      u.set(this.units.subarray(0, this.unitCount));
      this.units = u;
    }
    this.units.fill(code, this.unitCount, this.unitCount + count);
    this.unitCount += count;
    if ((code & 0xf800) === 0xd800) this.unitsSurrogate = true;
    this.reserve(count);
    const mapStarts = this.starts;
    const mapEnds = this.ends;
    let n = this.n;
    for (let k = 0, at = i; k < count; k++, at += 2, n++) {
      mapStarts[n] = starts === null ? at : (starts[at] ?? 0);
      mapEnds[n] = ends === null ? at + 2 : (ends[at + 1] ?? 0);
    }
    this.n = n;
  }
  /**
   * The ASCII `%XX` escapes of text[i, to) from `i` on, one unit each, as long as they run (decodeInto's
   * per-escape steps with the room checks made per chunk, not per escape); the k-th covers [i + 3k, i + 3k + 3)
   * of the base text, mapped through the base's `starts` and `ends` when it is a view. Answers where the run
   * stopped.
   */
  pushPercentRun(
    text: string,
    i: number,
    to: number,
    starts: Int32Array | null,
    ends: Int32Array | null,
  ): number {
    for (;;) {
      // Room for the rest of the run, at most 256 escapes at a time (a short run does not grow the buffers).
      const chunk = Math.min(256, Math.floor((to - i) / 3));
      if (chunk <= 0) return i;
      if (this.unitCount + chunk > this.units.length) {
        const u = new Uint16Array(Math.max(this.units.length * 2, this.unitCount + chunk));
        u.set(this.units.subarray(0, this.unitCount));
        this.units = u;
      }
      this.reserve(chunk);
      const units = this.units;
      const mapStarts = this.starts;
      const mapEnds = this.ends;
      let u = this.unitCount;
      let n = this.n;
      const stop = i + 3 * chunk;
      while (i < stop && text.charCodeAt(i) === 0x25) {
        const v = hexAt(text, i + 1, 2);
        if (v < 0 || v >= 0x80) break;
        units[u++] = v;
        mapStarts[n] = starts === null ? i : (starts[i] ?? 0);
        mapEnds[n] = ends === null ? i + 3 : (ends[i + 2] ?? 0);
        n++;
        i += 3;
      }
      this.unitCount = u;
      this.n = n;
      if (i < stop) return i;
    }
  }
  /** One view character (a single UTF-16 unit or a short string) covering original [s, e). */
  push(ch: string, s: number, e: number): void {
    for (let k = 0; k < ch.length; k++) this.pushCode(ch.charCodeAt(k), s, e);
  }
  /** A run of original text copied unchanged. */
  copy(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.flushUnits();
    this.pieces.push(text.slice(from, to));
    this.reserve(to - from);
    const { starts, ends } = this;
    let n = this.n;
    for (let i = from; i < to; i++, n++) {
      starts[n] = i;
      ends[n] = i + 1;
    }
    this.n = n;
  }
  /** A run of a view's text copied unchanged, keeping that view's map. */
  copyMapped(text: string, from: number, to: number, starts: Int32Array, ends: Int32Array): void {
    if (to <= from) return;
    this.flushUnits();
    this.pieces.push(text.slice(from, to));
    this.reserve(to - from);
    if (to - from < 16) {
      // A short run: no subarrays made to copy it.
      for (let i = from; i < to; i++) {
        this.starts[this.n] = starts[i] as number;
        this.ends[this.n] = ends[i] as number;
        this.n++;
      }
      return;
    }
    this.starts.set(starts.subarray(from, to), this.n);
    this.ends.set(ends.subarray(from, to), this.n);
    this.n += to - from;
  }
  get length(): number {
    return this.n;
  }
  /** Empties the builder, keeping its map arrays for reuse. */
  clear(): void {
    this.pieces = [];
    this.unitCount = 0;
    this.unitsSurrogate = false;
    this.n = 0;
  }
  build(name: string): View {
    this.flushUnits();
    let text = this.pieces.length === 1 ? (this.pieces[0] as string) : this.pieces.join("");
    if (SURROGATE.test(text)) text = asDecoded(text);
    return { name, text, start: this.starts.subarray(0, this.n), end: this.ends.subarray(0, this.n) };
  }
}

/** Code units as a string, as they are (a few, or a run with surrogates). */
function unitsString(units: Uint16Array): string {
  let s = "";
  for (let k = 0; k < units.length; k++) s += String.fromCharCode(units[k] as number);
  return s;
}

/** `text` as the UTF-16 decoder reads its code units back (each lone surrogate becomes U+FFFD). */
function asDecoded(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return UTF16.decode(codes);
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
  num: "#",
  percnt: "%",
  bsol: "\\",
};

const SIMPLE_ESCAPES: Record<string, string> = {
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

/** Preallocated results for the two-character escapes (no allocation per escape on long escaped runs). */
const SIMPLE_DECODED: Record<string, Decoded> = Object.fromEntries(
  Object.entries(SIMPLE_ESCAPES).map(([k, ch]) => [k, { ch, len: 2 }]),
);

function hexAt(text: string, i: number, digits: number): number {
  let v = 0;
  for (let k = 0; k < digits; k++) {
    const c = text.charCodeAt(i + k);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

interface Decoded {
  ch: string;
  /** Characters of the source consumed. */
  len: number;
}

/** The escape at `i`, if any: ANSI sequences (empty), backslash escapes, %XX, HTML entities. */
function escapeAt(text: string, i: number): Decoded | null {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 0x1b) {
    // CSI `ESC [ params final` or a lone two-character escape; both carry no text.
    if (text[i + 1] === "[") {
      let j = i + 2;
      const limit = Math.min(n, j + 24);
      while (j < limit && /[0-9;?]/.test(text[j] ?? "")) j++;
      return { ch: "", len: (j < n && /[A-Za-z@~]/.test(text[j] ?? "") ? j + 1 : j) - i };
    }
    return { ch: "", len: Math.min(2, n - i) };
  }
  if (c === 0x5c /* \ */ && i + 1 < n) {
    const d = text[i + 1] ?? "";
    const simple = SIMPLE_DECODED[d];
    if (simple !== undefined) return simple;
    if (d === "u") {
      const v = hexAt(text, i + 2, 4);
      if (v >= 0) return { ch: String.fromCharCode(v), len: 6 };
    }
    if (d === "x") {
      const v = hexAt(text, i + 2, 2);
      if (v >= 0) return { ch: String.fromCharCode(v), len: 4 };
    }
    if (d === "0" && text.startsWith("33[", i + 2)) return { ch: "\x1b", len: 4 };
    return null;
  }
  if (c === 0x25 /* % */ && i + 2 < n) {
    const v = hexAt(text, i + 1, 2);
    if (v >= 0 && v < 0x80) return { ch: String.fromCharCode(v), len: 3 };
    return null;
  }
  if (c === 0x26 /* & */) {
    const limit = Math.min(n, i + 11);
    let semi = -1;
    for (let j = i + 1; j < limit; j++)
      if (text.charCodeAt(j) === 0x3b) {
        semi = j;
        break;
      }
    if (semi < i + 2) return null;
    const name = text.slice(i + 1, semi);
    let ch: string | undefined = HTML_ENTITIES[name.toLowerCase()];
    if (ch === undefined && name.startsWith("#")) {
      const v =
        name[1] === "x" || name[1] === "X"
          ? /^[0-9A-Fa-f]{1,6}$/.test(name.slice(2))
            ? parseInt(name.slice(2), 16)
            : -1
          : /^\d{1,7}$/.test(name.slice(1))
            ? Number(name.slice(1))
            : -1;
      if (v >= 0 && v < 0x10000) ch = String.fromCharCode(v);
    }
    return ch === undefined ? null : { ch, len: semi + 1 - i };
  }
  return null;
}

/** Line-start offsets of the stretches [from, to) (whole lines), merged and in order. */
function lineRange(text: string, i: number): [number, number] {
  const a = text.lastIndexOf("\n", i - 1) + 1;
  const b = text.indexOf("\n", i);
  return [a, b < 0 ? text.length : b];
}

/** Characters in the stretches, plus the line break after each. */
function stretchesLength(ranges: Array<[number, number]>): number {
  let n = 0;
  for (const [from, to] of ranges) n += to - from + 1;
  return n;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

const ESCAPE_CANDIDATE = new RegExp(`[\\\\%&${String.fromCharCode(0x1b)}]`, "g");

/**
 * The decoded view: every line holding an escape, decoded twice (double encodings), with the lines around it
 * so a name on one line and its value on the next stay together. Null when nothing decodes.
 */
export function decodedView(text: string): View | null {
  const ranges: Array<[number, number]> = [];
  const cursor = new LeadCursor(text, LEAD_ESCAPE, ESCAPE_CANDIDATE);
  let from = 0;
  for (let p = cursor.next(0); p >= 0; p = cursor.next(from)) {
    from = p + 1;
    if (escapeAt(text, p) === null) continue;
    const [a, b] = lineRange(text, p);
    const before = a > 0 ? lineRange(text, a - 1)[0] : a;
    const after = b < text.length ? lineRange(text, b + 1)[1] : b;
    ranges.push([before, after]);
    from = Math.max(from, b);
  }
  if (ranges.length === 0) return null;
  const merged = mergeRanges(ranges);
  // Sized to the stretches, not the paste: the typed arrays of a view are its largest allocation.
  const b = new PieceBuilder(stretchesLength(merged));
  // Decoding never lengthens: the first layer of the longest stretch fits its length.
  let longest = 0;
  for (const [from, to] of merged) longest = Math.max(longest, to - from);
  const scratch = new PieceBuilder(longest);
  for (const [from, to] of merged) {
    decodeTwiceInto(b, text, from, to, scratch);
    b.push("\n", to, Math.min(text.length, to + 1));
  }
  return b.build("decoded");
}

/** Decodes text[from, to) twice (escapes inside escapes) into `b`. */
function decodeTwiceInto(
  b: PieceBuilder,
  text: string,
  from: number,
  to: number,
  scratch: PieceBuilder = new PieceBuilder(to - from),
): void {
  // First layer into a scratch view, second layer from it.
  const first = scratch;
  first.clear();
  decodeInto(first, text, from, to, null, null);
  const once = first.build("once");
  decodeInto(b, once.text, 0, once.text.length, once.start, once.end);
}

/** A table of the ASCII codes in `chars`. */
function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let k = 0; k < chars.length; k++) table[chars.charCodeAt(k)] = 1;
  return table;
}

/**
 * The first offset in [i, to) whose code `table` marks, or `to`. Marked characters come in runs, so the next
 * few are looked at here; a longer gap is crossed by `search` (a global regex of the same characters), natively.
 */
function nextMarked(text: string, i: number, to: number, table: Uint8Array, search: RegExp): number {
  const near = Math.min(to, i + 8);
  for (; i < near; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && table[c] === 1) return i;
  }
  if (i >= to) return to;
  search.lastIndex = i;
  return search.test(text) ? Math.min(to, search.lastIndex - 1) : to;
}

/**
 * Where decodeInto can decode next: a `\`, `&` or ESC, or a `%` that starts an ASCII `%XX` (a `%` starts
 * nothing else: see escapeAt). A run of lone `%` (what a `%25` run decodes to) is then crossed natively, not
 * looked at one `%` at a time.
 */
const NEXT_ESCAPE = new RegExp(`[\\\\&${String.fromCharCode(0x1b)}]|%[0-7][0-9A-Fa-f]`, "g");
function nextEscape(text: string, i: number, to: number): number {
  const near = Math.min(to, i + 8);
  for (; i < near; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c || c === 0x26 || c === 0x1b) return i;
    if (c === 0x25) {
      const v = hexAt(text, i + 1, 2);
      if (v >= 0 && v < 0x80) return i;
    }
  }
  if (i >= to) return to;
  NEXT_ESCAPE.lastIndex = i;
  if (!NEXT_ESCAPE.test(text)) return to;
  // A match is one of those characters or a `%XX`, whose last character is a hex digit.
  const end = NEXT_ESCAPE.lastIndex;
  const last = text.charCodeAt(end - 1);
  return Math.min(to, last === 0x5c || last === 0x26 || last === 0x1b ? end - 1 : end - 3);
}

/** What `&amp;`, `&quot;`, `&lt;` and `&gt;` decode to, by the letter after the `&`. */
const ENTITY_CODE = new Uint16Array(128);
ENTITY_CODE[0x61] = 0x26;
ENTITY_CODE[0x71] = 0x22;
ENTITY_CODE[0x6c] = 0x3c;
ENTITY_CODE[0x67] = 0x3e;

/** The length of the lower-case `&amp;`, `&quot;`, `&lt;` or `&gt;` at `i` ending by `to`, or 0. */
function commonEntityLength(text: string, i: number, to: number): number {
  const a = text.charCodeAt(i + 1);
  let word: string;
  if (a === 0x61) word = "amp;";
  else if (a === 0x71) word = "quot;";
  else if (a === 0x6c) word = "lt;";
  else if (a === 0x67) word = "gt;";
  else return 0;
  if (i + 1 + word.length > to) return 0;
  for (let k = 1; k < word.length; k++) if (text.charCodeAt(i + 1 + k) !== word.charCodeAt(k)) return 0;
  return 1 + word.length;
}

/** A run of `\\` pairs past its first 16, read natively (a megabyte of them is one run). */
const BACKSLASH_PAIRS = /(?:\\\\)*/y;

function decodeInto(
  b: PieceBuilder,
  text: string,
  from: number,
  to: number,
  starts: Int32Array | null,
  ends: Int32Array | null,
): void {
  const s = (i: number) => (starts === null ? i : (starts[i] ?? 0));
  const e = (i: number) => (ends === null ? i + 1 : (ends[i] ?? 0));
  let i = from;
  let runStart = from;
  const flush = (upto: number) => {
    if (upto <= runStart) return;
    if (starts === null || ends === null) b.copy(text, runStart, upto);
    else b.copyMapped(text, runStart, upto, starts, ends);
  };
  while (i < to) {
    // Only an escape's first character starts anything below: the characters between are copied as a run.
    i = nextEscape(text, i, to);
    if (i >= to) break;
    const c = text.charCodeAt(i);
    if (c === 0x25 && i + 3 <= to) {
      // `%XX` (ASCII), as escapeAt reads it, without allocating its answer: long %-encoded runs are common, and a
      // run of them is decoded here in one go.
      const v = hexAt(text, i + 1, 2);
      if (v >= 0 && v < 0x80) {
        flush(i);
        i = b.pushPercentRun(text, i, to, starts, ends);
        runStart = i;
        continue;
      }
      // No other escape starts with `%` (escapeAt reads just this): a lone `%` is text.
      i++;
      continue;
    }
    if (c === 0x5c && i + 6 <= to && text.charCodeAt(i + 1) === 0x75) {
      // `\uXXXX`, likewise.
      const v = hexAt(text, i + 2, 4);
      if (v >= 0) {
        flush(i);
        b.pushCode(v, s(i), e(i + 5));
        i += 6;
        runStart = i;
        continue;
      }
    }
    if (c === 0x5c && i + 1 < to && text.charCodeAt(i + 1) === 0x5c) {
      // `\\`, the commonest escape in long escaped runs: no lookup, no allocation, a run of them in one go.
      flush(i);
      let j = i + 2;
      const hand = Math.min(to, i + 32);
      while (j + 1 < hand && text.charCodeAt(j) === 0x5c && text.charCodeAt(j + 1) === 0x5c) j += 2;
      if (j + 1 >= hand && j + 1 < to) {
        // Past 16 pairs: the run's end natively, then the last pair that ends before `to`.
        BACKSLASH_PAIRS.lastIndex = j;
        BACKSLASH_PAIRS.test(text);
        const cap = j + 2 * Math.ceil((to - 1 - j) / 2);
        j = Math.min(BACKSLASH_PAIRS.lastIndex, cap);
      }
      b.pushPairs(0x5c, i, (j - i) >> 1, starts, ends);
      i = j;
      runStart = i;
      continue;
    }
    if (c === 0x26) {
      // `&amp;`, `&quot;`, `&lt;`, `&gt;` (an HTML page or a HAR's escaped body is full of them), as escapeAt
      // reads them, without cutting out and lower-casing the name or allocating the answer.
      const length = commonEntityLength(text, i, to);
      if (length > 0) {
        flush(i);
        b.pushCode(ENTITY_CODE[text.charCodeAt(i + 1)] as number, s(i), e(i + length - 1));
        i += length;
        runStart = i;
        continue;
      }
    }
    if (c === 0x1b || c === 0x5c || c === 0x25 || c === 0x26) {
      const d = escapeAt(text, i);
      if (d !== null && i + d.len <= to) {
        flush(i);
        if (d.ch.length > 0) b.push(d.ch, s(i), e(i + d.len - 1));
        i += d.len;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  flush(to);
}

const JOINT_FILLER = /[\s+\\]/;
const EVIDENCE_START = /^(?:req|msg|msgbatch|toolu|srvtoolu|file|org|user|apikey|wrkspc|log)_/;
const JOINT = /["'][\s+\\]{1,60}["']/g;
const JOINT_AT = new RegExp(JOINT.source, "y");
/** A quoted log field that is evidence (a hash, a UUID, an address, a time, a version): never a key's tail. */
const EVIDENCE_LITERAL =
  /^(?:[0-9a-f]{7,64}|\d{1,20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?|\d{4}-\d\d-\d\d[T ][\d:.]{5,20}Z?|sha\d{1,3}:[0-9a-f]{16,128}|v?\d{1,4}\.\d{1,4}\.\d{1,6}|claude-[\w.@:-]{2,80}|[a-z]{2,20}(?:[_-][a-z]{2,20}){0,5})$/;
function isEvidenceLiteral(s: string): boolean {
  return s.length <= 200 && EVIDENCE_LITERAL.test(s);
}

const QUOTES = codeTable(`"'`);
const NEXT_QUOTE = /["']/g;

/**
 * The opening quote of the literal that the one closing at `i` joins (the joint is [i, j]), or -1.
 * `chainEnd`: the opening quote of the last joint on this stretch.
 */
function jointEnd(text: string, i: number, to: number, chainEnd: number): number {
  const q = text[i] as string;
  let j = i + 1;
  const limit = Math.min(to, j + 60);
  while (j < limit && JOINT_FILLER.test(text[j] ?? "")) j++;
  if (!(j > i + 1 && text[j] === q && j + 1 < to && text[j + 1] !== q)) return -1;
  // `"a" + "b"` and literals continued on the next line always join; two literals side by side on one
  // line join only after a short piece (a split prefix like "sk-ant-api03-") or inside such a chain, and
  // never onto an id, a hash, an address or a time, so adjacent quoted log fields stay apart.
  if (/[+\\\n]/.test(text.slice(i + 1, j))) return j;
  const open = text.lastIndexOf(q, i - 1);
  const sideBySide =
    (i - open - 1 <= 24 || open === chainEnd) &&
    !EVIDENCE_START.test(text.slice(j + 1, j + 12)) &&
    !isEvidenceLiteral(text.slice(j + 1, Math.max(j + 1, text.indexOf(q, j + 1))));
  return sideBySide ? j : -1;
}

/**
 * Joins split string literals: `"sk-ant-api03-" "abc…"`, `"…" +\n  "…"` (redaction.md §4, split keys), in
 * the stretches that have a joint. A joint is a closing quote, up to 60 characters of whitespace, `+` or
 * line-continuation backslashes, and an opening quote of the same kind; the whole joint is dropped. Two quoted
 * log fields side by side stay apart when the second one is an id (`"sk-…" "req_…"`).
 */
export function joinedView(base: View): View | null {
  const text = base.text;
  const ranges: Array<[number, number]> = [];
  const cursor = new LeadCursor(text, LEAD_JOINT, JOINT);
  let from = 0;
  for (let p = cursor.next(0); p >= 0; p = cursor.next(from)) {
    JOINT_AT.lastIndex = p;
    const m = JOINT_AT.exec(text);
    if (m === null) {
      from = p + 1;
      continue;
    }
    const [a] = lineRange(text, p);
    const [, b] = lineRange(text, p + m[0].length - 1);
    ranges.push([a, b]);
    // The whole line is in the stretch already: go on from its end (a long line is not rescanned per joint).
    from = Math.max(p + m[0].length - 1, b);
  }
  if (ranges.length === 0) return null;
  const merged = mergeRanges(ranges);
  const out = new PieceBuilder(stretchesLength(merged));
  const e = (i: number) => (base.end === null ? i + 1 : (base.end[i] ?? 0));
  // Characters outside the joints are copied in runs, with the base's map.
  const copy = (from: number, to: number) => {
    if (base.start === null || base.end === null) out.copy(text, from, to);
    else out.copyMapped(text, from, to, base.start, base.end);
  };
  for (const [from, to] of merged) {
    let i = from;
    let runStart = from;
    let chainEnd = -1;
    while (i < to) {
      // Only a quote starts a joint.
      i = nextMarked(text, i, to, QUOTES, NEXT_QUOTE);
      if (i >= to) break;
      const j = jointEnd(text, i, to, chainEnd);
      if (j < 0) {
        i++;
        continue;
      }
      copy(runStart, i);
      chainEnd = j;
      i = j + 1;
      runStart = i;
    }
    copy(runStart, to);
    out.push("\n", e(to - 1), e(to - 1));
  }
  return out.build(`${base.name}+joined`);
}

const WRAP_TOKEN = /[\w+/=.~:@#$%&*!?;,'"-]/;
/** Terminal widths a hard wrap is usually made at. */
const COMMON_WIDTHS = new Set([
  40, 60, 64, 72, 76, 78, 79, 80, 96, 100, 110, 120, 128, 132, 140, 150, 160, 180, 200,
]);
/** A next line that starts a new record rather than continuing a wrapped one. */
const NEW_RECORD =
  /^(?:\d{4}-\d\d-\d\d[T ]|\d\d:\d\d:\d\d|HTTP\/|[A-Z]{3,7} \/|at |Traceback|File "|[A-Za-z][\w-]{1,40}: )/;

/**
 * An env or config assignment: `UPPER_SNAKE=` or `a.b.c=`, maybe behind `export `, `set `, `- ` or `$env:`.
 * No wrapped token's continuation starts like one (base64 has no `_` or `.`, base64url no padding `=`), so a
 * next line that does starts a new record (two env lines of one width are no hard wrap: the value would run on
 * over every name after it), unless the wrap may have fallen inside the name: the line before ends in a word
 * of the same shape (`PGHOST=db PGPASS` + `WORD_X=…`) and is not itself one whole assignment.
 */
const ASSIGNMENT_START =
  /(export |set |- |\$env:)?(?:([A-Z][A-Z\d]{0,40}_[A-Z\d_]{0,40})|[a-z][a-z\d_-]{0,40}(?:\.[a-z\d_-]{1,40}){1,8})[ \t]*=/y;
const WHOLE_ASSIGNMENT =
  /^(?:export |set |- |\$env:)?(?:[A-Z][A-Z\d]{0,40}_[A-Z\d_]{0,40}|[a-z][a-z\d_-]{0,40}(?:\.[a-z\d_-]{1,40}){1,8})[ \t]*=[ \t]*[^\s=&?]*$/;
const UPPER_WORD = /^[A-Z][A-Z\d_]*$/;
const LOWER_WORD = /^[a-z][a-z\d_.-]*$/;

/**
 * INI, TOML and the AWS CLI's files: `name = value`, blanks around the `=`. A line that is one such pair with
 * a one-token value, followed by a line that starts another, is two records: `aws_secret_access_key = …` of a
 * usual width ran on into `region = us-west-2`. (A wrap cannot make it: the value would hold ` = `.)
 */
const SPACED_PAIR_START = /[a-z][a-z\d_]{0,40}[ \t]+=[ \t]/y;
const WHOLE_SPACED_PAIR = /^[a-z][a-z\d_]{0,40}[ \t]+=[ \t]+[^\s=]+$/;

/** Whether the line [start, end) is followed, at `next`, by an assignment that starts a new record. */
function assignmentAfter(text: string, start: number, end: number, next: number): boolean {
  SPACED_PAIR_START.lastIndex = next;
  if (SPACED_PAIR_START.test(text) && WHOLE_SPACED_PAIR.test(text.slice(start, end))) return true;
  ASSIGNMENT_START.lastIndex = next;
  const m = ASSIGNMENT_START.exec(text);
  if (m === null) return false;
  if (m[1] !== undefined || WHOLE_ASSIGNMENT.test(text.slice(start, end))) return true;
  // The word the line ends in, and whether the name could go on from it.
  let a = end;
  while (a > start && isNameCode(text.charCodeAt(a - 1))) a--;
  const word = text.slice(a, end);
  return !(m[2] !== undefined ? UPPER_WORD : LOWER_WORD).test(word);
}
function isNameCode(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45
  );
}

interface Break {
  /** End of the wrapped line's text (before `\r\n`). */
  lineEnd: number;
  /** First character of the continuation (after the indentation). */
  next: number;
  width: number;
  raw: number;
}

const WRAP_TOKEN_CODES = new Uint8Array(128);
for (let c = 0; c < 128; c++) WRAP_TOKEN_CODES[c] = WRAP_TOKEN.test(String.fromCharCode(c)) ? 1 : 0;
function isWrapToken(c: number): boolean {
  return c < 128 && WRAP_TOKEN_CODES[c] === 1;
}
function isWrapIndent(c: number): boolean {
  return c === 32 || c === 9 || c === 62 || c === 124 || c === 0x23bf || c === 0x2502;
}
/** NEW_RECORD at a position (sticky: read in place, not on a cut-out line). */
const NEW_RECORD_AT = new RegExp(NEW_RECORD.source.replace(/^\^/, ""), "y");
/**
 * Whether a new record starts at `j`: a log line's ISO date (`2026-12-07T` or `2026-12-07 `, its first
 * alternative and nearly every line of a log) by its characters, any other start by the regex.
 */
export function newRecordAt(text: string, j: number): boolean {
  if (j + 11 <= text.length && text.charCodeAt(j + 4) === 45 && text.charCodeAt(j + 7) === 45) {
    const after = text.charCodeAt(j + 10);
    // `YYYY-MM-DD`: the digits read one by one, stopping at the first that is not one.
    let k = 0;
    while (k < 10 && (k === 4 || k === 7 || isDigit(text.charCodeAt(j + k)))) k++;
    if (k === 10 && (after === 84 || after === 32)) return true;
  }
  NEW_RECORD_AT.lastIndex = j;
  return NEW_RECORD_AT.test(text);
}

/** Line counts by width: a table for widths under 4096 (and their negations), a map beyond. */
class WidthCounts {
  private readonly size: number;
  private readonly positive: Int32Array;
  private readonly negative: Int32Array;
  private readonly rest = new Map<number, number>();
  /** `longest`: no line is longer (a short paste gets short tables). */
  constructor(longest: number) {
    this.size = Math.min(4096, longest + 1);
    this.positive = new Int32Array(this.size);
    this.negative = new Int32Array(this.size);
  }
  add(w: number): void {
    if (w >= 0 && w < this.size) this.positive[w] = (this.positive[w] ?? 0) + 1;
    else if (w < 0 && w > -this.size) this.negative[-w] = (this.negative[-w] ?? 0) + 1;
    else this.rest.set(w, (this.rest.get(w) ?? 0) + 1);
  }
  get(w: number): number {
    if (w >= 0 && w < this.size) return this.positive[w] ?? 0;
    if (w < 0 && w > -this.size) return this.negative[-w] ?? 0;
    return this.rest.get(w) ?? 0;
  }
}

/** Line breaks that look like a terminal's hard wrap: a full-width line that ends inside a word. */
function wrapBreaks(text: string, skip: ReadonlyArray<{ start: number; end: number }>): Break[] {
  // Hex dump lines are full-width lines of hex that end in a token character: never a wrap (the dump views
  // read them).
  let skipIndex = 0;
  const skipped = (i: number): boolean => {
    while (skipIndex < skip.length && (skip[skipIndex]?.end ?? 0) < i) skipIndex++;
    const block = skip[skipIndex];
    return block !== undefined && block.start <= i && i <= block.end;
  };
  const candidates: Break[] = [];
  // Lines per width (and, negated, per raw width of indented lines); a table for the usual widths.
  const widthCount = new WidthCounts(text.length);
  const n = text.length;
  let lineStart = 0;
  const newlines = scanText(text).newlines;
  for (let k = 0; k < newlines.length; k++) {
    const nl = newlines[k] as number;
    const lineEnd = nl > lineStart && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    // Continuation lines carry the wrap's indentation: their width is counted without it.
    let contentStart = lineStart;
    while (
      contentStart < lineEnd &&
      contentStart - lineStart < 20 &&
      isWrapIndent(text.charCodeAt(contentStart))
    )
      contentStart++;
    const width = lineEnd - contentStart;
    const raw = lineEnd - lineStart;
    if (raw !== width && raw >= 40) widthCount.add(-raw);
    if (raw >= 40) {
      widthCount.add(width);
      // A dump line is ruled out first: the record-start regex is not tried after each of its lines.
      // A line ending `",` or `',` ends an element of a list (a JSON array, `docker inspect`'s Env): a
      // wrap there would fall between two strings, and no secret goes on across them.
      if (
        lineEnd > 0 &&
        isWrapToken(text.charCodeAt(lineEnd - 1)) &&
        !endsListElement(text, lineEnd) &&
        !skipped(lineStart)
      ) {
        let j = nl + 1;
        const limit = Math.min(n, j + 20);
        while (j < limit && isWrapIndent(text.charCodeAt(j))) j++;
        if (
          j < n &&
          isWrapToken(text.charCodeAt(j)) &&
          !newRecordAt(text, j) &&
          !assignmentAfter(text, contentStart, lineEnd, j)
        )
          candidates.push({ lineEnd, next: j, width, raw });
      }
    }
    lineStart = nl + 1;
  }
  // A wrap width is one shared by several lines, or a usual terminal width.
  const accepted: Break[] = [];
  let previous: Break | null = null;
  for (const c of candidates) {
    const byWidth =
      COMMON_WIDTHS.has(c.width) ||
      COMMON_WIDTHS.has(c.raw) ||
      widthCount.get(c.width) >= 2 ||
      widthCount.get(c.raw === c.width ? c.raw : -c.raw) >= 2;
    // The continuation of an accepted wrap that is itself full (as wide as the wrap, plus its indentation).
    const chained =
      previous !== null && c.lineEnd === lineEndAfter(text, previous.next) && c.raw >= previous.width;
    if (byWidth || chained) {
      accepted.push(c);
      previous = c;
    } else previous = null;
  }
  return accepted;
}

function endsListElement(text: string, lineEnd: number): boolean {
  if (text.charCodeAt(lineEnd - 1) !== 0x2c) return false;
  const q = text.charCodeAt(lineEnd - 2);
  return q === 0x22 || q === 0x27;
}

function lineEndAfter(text: string, i: number): number {
  const nl = text.indexOf("\n", i);
  const end = nl < 0 ? text.length : nl;
  return end > i && text[end - 1] === "\r" ? end - 1 : end;
}

/**
 * The unwrapped view: where a terminal hard-wrapped a line (a line of a wrap width that ends inside a word,
 * and a next line that goes on without a space), the break and the next line's indentation are dropped, so
 * every rule sees a wrapped secret whole, wherever the wrap fell (prefix, name, separator or value).
 */
export function unwrappedView(
  text: string,
  skip: ReadonlyArray<{ start: number; end: number }> = [],
): View | null {
  const breaks = wrapBreaks(text, skip);
  if (breaks.length === 0) return null;
  const n = text.length;
  const out = new ViewBuilder(Math.min(n, 4096));
  let k = 0;
  while (k < breaks.length) {
    // One stretch: from the first wrapped line's start through the line after the last chained break.
    const first = breaks[k];
    if (first === undefined) break;
    const from = text.lastIndexOf("\n", first.lineEnd - 1) + 1;
    let cursor = from;
    let last = first;
    while (k < breaks.length) {
      const b = breaks[k];
      if (
        b === undefined ||
        (b !== first && b.lineEnd > text.indexOf("\n", last.next) && text.indexOf("\n", last.next) >= 0)
      )
        break;
      out.copy(text, cursor, b.lineEnd);
      cursor = b.next;
      last = b;
      k++;
    }
    const nl = text.indexOf("\n", last.next);
    const to = nl < 0 ? n : nl;
    out.copy(text, cursor, to);
    out.push("\n", to, Math.min(n, to + 1));
  }
  return out.build("unwrapped");
}

const HAS_ESCAPE = new RegExp(`[\\\\%&${String.fromCharCode(0x1b)}]`);

/** Both decoding layers applied to a short string (for placeholder numbering and echo search). */
export function decodeString(s: string): string {
  if (!HAS_ESCAPE.test(s)) return s;
  const b = new PieceBuilder(s.length);
  decodeTwiceInto(b, s, 0, s.length);
  return b.build("string").text;
}

import { scanText } from "./scan";
/** A set of ASCII characters as a 128-entry lookup table; scanning with it is one array read per char. */
export type CharSet = Uint8Array;

export function charSet(chars: string): CharSet {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (c < 128) set[c] = 1;
  }
  return set;
}

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
export const ALNUM_CHARS = DIGITS + UPPER + LOWER;

/** Token alphabet of most API keys (base64url), as a regex's `[\w-]`. */
export const B64URL_CHARS = `${ALNUM_CHARS}_-`;
export const B64URL = charSet(B64URL_CHARS);
/** Standard base64 body. */
export const B64 = charSet(`${ALNUM_CHARS}+/`);
/** Characters a standalone random token can be made of (base64 and base64url, no padding). */
export const TOKEN = charSet(`${ALNUM_CHARS}+/_-`);
export const ALNUM = charSet(ALNUM_CHARS);

/** An ASCII digit, `\d` without the u flag. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whitespace as `\s` means it, of one code unit (ASCII by comparison, the rest by regex). */
/** A character of a field name: `[A-Za-z0-9_.-]`. */
export function isNameCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46
  );
}

export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

export function inSet(set: CharSet, text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 && set[c] === 1;
}

/**
 * End of the run of `set` characters starting at `from`, at most `max` long. With `rest`, a sticky regex of the
 * same set whose upper bound is at least `max`, only the first 32 characters are read by hand (most runs are
 * shorter than that) and the rest natively: a run of a megabyte is then read at the regex engine's speed, not
 * a character read at a time.
 */
export function runEnd(text: string, from: number, set: CharSet, max = 8192, rest?: RegExp): number {
  const limit = Math.min(text.length, from + max);
  const hand = rest === undefined ? limit : Math.min(limit, from + 32);
  let i = from;
  while (i < hand && inSet(set, text, i)) i++;
  if (i < hand || i >= limit || rest === undefined) return i;
  rest.lastIndex = i;
  rest.test(text);
  return Math.min(rest.lastIndex, limit);
}

const ASCII_COUNTS = new Int32Array(128);
const ASCII_ORDER = new Int32Array(128);

/**
 * Shannon entropy in bits per character. ASCII text is counted in a reused table (the fallback rule asks
 * for every token run of a paste); the terms are summed in order of first occurrence either way, so both
 * paths give the same number.
 */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  const distinct = countAscii(s);
  return distinct < 0 ? entropyOf(s) : asciiEntropy(s.length, distinct);
}

/**
 * Counts each character of `s` into ASCII_COUNTS, the distinct ones in order of first occurrence into
 * ASCII_ORDER, and returns how many there are; -1 (and the tables clear) when `s` is not all ASCII.
 */
function countAscii(s: string, end = s.length): number {
  let distinct = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) {
      for (let d = 0; d < distinct; d++) ASCII_COUNTS[ASCII_ORDER[d] ?? 0] = 0;
      return -1;
    }
    if (ASCII_COUNTS[c] === 0) ASCII_ORDER[distinct++] = c;
    ASCII_COUNTS[c] = (ASCII_COUNTS[c] ?? 0) + 1;
  }
  return distinct;
}

/**
 * `countAscii` of a long `s` that repeats a unit of up to 64 characters (a fill, a hex dump's decoded bytes
 * of one line repeated): the unit is counted once and its counts multiplied, the part unit at the end added.
 * The same counts, and the same order of first occurrence (every character occurs in the first unit).
 */
function countRepeating(s: string): number {
  const unit = s.length > 256 ? repeatedUnit(s) : 0;
  if (unit === 0) return countAscii(s);
  const distinct = countAscii(s, unit);
  if (distinct < 0) return distinct;
  const repeats = Math.floor(s.length / unit);
  for (let d = 0; d < distinct; d++) {
    const c = ASCII_ORDER[d] ?? 0;
    ASCII_COUNTS[c] = (ASCII_COUNTS[c] ?? 0) * repeats;
  }
  for (let i = 0; i < s.length - repeats * unit; i++) {
    const c = s.charCodeAt(i);
    ASCII_COUNTS[c] = (ASCII_COUNTS[c] ?? 0) + 1;
  }
  return distinct;
}

/**
 * The length of the unit `s` repeats, or 0: the first shift of up to 64 under which its first 16 characters
 * recur, confirmed by one native comparison of `s` with itself shifted (so at most one pass, never 64).
 */
function repeatedUnit(s: string): number {
  const head = s.slice(0, 16);
  for (let p = 1; p <= 64; p++)
    if (s.startsWith(head, p)) return s.slice(p) === s.slice(0, s.length - p) ? p : 0;
  return 0;
}

/** The entropy of the `length` characters `countAscii` counted; clears the tables. */
function asciiEntropy(length: number, distinct: number): number {
  let bits = 0;
  for (let d = 0; d < distinct; d++) {
    const c = ASCII_ORDER[d] ?? 0;
    const p = (ASCII_COUNTS[c] ?? 0) / length;
    bits -= p * Math.log2(p);
    ASCII_COUNTS[c] = 0;
  }
  return bits;
}

function entropyOf(s: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function charClasses(s: string): { upper: number; lower: number; digit: number; symbol: number } {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let symbol = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else symbol++;
  }
  return { upper, lower, digit, symbol };
}

/**
 * `charClasses` and `entropy` of `s` from one pass over it: the classes are summed from the counts the
 * entropy is made of (the fallback judges token runs of up to a quarter megabyte, a hex dump's views, and
 * read each twice). The same numbers, the entropy's terms summed in the same order.
 */
export function tokenProfile(s: string): ReturnType<typeof charClasses> & { entropy: number } {
  const distinct = s.length === 0 ? 0 : countRepeating(s);
  if (distinct < 0) return { ...charClasses(s), entropy: entropyOf(s) };
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let d = 0; d < distinct; d++) {
    const c = ASCII_ORDER[d] ?? 0;
    const n = ASCII_COUNTS[c] ?? 0;
    if (c >= 65 && c <= 90) upper += n;
    else if (c >= 97 && c <= 122) lower += n;
    else if (c >= 48 && c <= 57) digit += n;
  }
  const symbol = s.length - upper - lower - digit;
  return { upper, lower, digit, symbol, entropy: asciiEntropy(s.length, distinct) };
}

/** A plain word or hyphenated/underscored phrase (`expired`, `Retrying`, `request-id`): prose, not a key. */
export function isWordLike(s: string): boolean {
  // At most 7 words of 41 letters and 6 joints: a longer value is not tried.
  return s.length <= 293 && /^[A-Za-z][a-z]{0,40}(?:[-_][A-Za-z][a-z]{0,40}){0,6}$/.test(s);
}

/** Mixed character classes: what a machine-made token looks like, as opposed to a word. */
export function looksRandom(s: string): boolean {
  // Which of upper, lower and digit occur (bits 1, 2, 4): read only until two have.
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) seen |= 1;
    else if (c >= 97 && c <= 122) seen |= 2;
    else if (c >= 48 && c <= 57) seen |= 4;
    else continue;
    if (seen === 3 || seen >= 5) return !isWordLike(s);
  }
  return false;
}

/** Start and end of every run of 20+ token characters in `text`, as pairs (from the shared scan). */
export function tokenRuns(text: string): Int32Array {
  return scanText(text).runs;
}

/**
 * The next occurrence of `literal` at or after an offset, remembered per text: asked left to right (the reads of
 * one line, the `@`s of a paste), each occurrence is searched for once, not once per question.
 */
export class NextOccurrence {
  private text = "";
  private from = 0;
  private at = -1;
  constructor(private readonly literal: string) {}

  /** The first offset at or after `from` where `literal` starts in `text`, or -1. */
  find(text: string, from: number): number {
    if (text !== this.text || from < this.from || (this.at >= 0 && from > this.at)) {
      this.from = from;
      this.at = text.indexOf(this.literal, from);
    }
    this.text = text;
    return this.at;
  }

  /** Forgets the text (no paste outlives its redaction). */
  reset(): void {
    this.text = "";
  }
}

/** The first index of the ascending `list` (its first `length` entries) holding a value ≥ `value`. */
export function lowerBound(list: ArrayLike<number>, value: number, length = list.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import { DUMP_OFFSET, scanText } from "./scan";
import { ViewBuilder, type View } from "./views";

/**
 * Hex dumps of a secret (`xxd`, `hexdump -C`, `od -A x -t x1z`, `od -c`): the "is there a trailing newline?"
 * check pastes bring. Two views per paste: the bytes decoded from the hex columns (each byte mapped to its two
 * hex digits) and the printable column, both joined across the dump's lines, so a key split over 16-byte
 * lines is seen whole. A dump right after a command naming a secret variable is withheld whole by
 * `hexDumpBlocks`.
 */

/**
 * What the dump lines of a paste hold, flat: each byte's value and the offset of its two hex digits, each
 * printable-column character and its offset. A block is a range of these (no object per byte or line), and
 * its views are copied out of them in bulk (the values are already the views' code units).
 */
class DumpData {
  byteValues = new Uint16Array(1024);
  /** Per byte: the offset of its two hex digits. */
  byteAt = new Int32Array(1024);
  charCodes = new Uint16Array(1024);
  /** Per printable-column character: its offset. */
  charAt = new Int32Array(1024);
  byteCount = 0;
  charCount = 0;

  /** Room for `bytes` and `chars` more entries: made once per line, so a push checks nothing. */
  reserve(bytes: number, chars: number): void {
    if (this.byteCount + bytes > this.byteAt.length) {
      const size = Math.max(2 * this.byteAt.length, this.byteCount + bytes);
      this.byteValues = grow(this.byteValues, new Uint16Array(size));
      this.byteAt = grow(this.byteAt, new Int32Array(size));
    }
    if (this.charCount + chars > this.charAt.length) {
      const size = Math.max(2 * this.charAt.length, this.charCount + chars);
      this.charCodes = grow(this.charCodes, new Uint16Array(size));
      this.charAt = grow(this.charAt, new Int32Array(size));
    }
  }

  pushByte(value: number, at: number): void {
    this.byteValues[this.byteCount] = value;
    this.byteAt[this.byteCount++] = at;
  }

  pushChar(code: number, at: number): void {
    this.charCodes[this.charCount] = code;
    this.charAt[this.charCount++] = at;
  }

  /**
   * `count` more lines equal to the last one, whose entries start at `bytesFrom` and `charsFrom`, each line
   * `period` characters after the one before: every entry is the one a line back, moved on by `period`.
   */
  repeatLast(bytesFrom: number, charsFrom: number, count: number, period: number): void {
    const bytes = this.byteCount - bytesFrom;
    const chars = this.charCount - charsFrom;
    this.reserve(bytes * count, chars * count);
    this.byteCount = repeatBack(this.byteValues, this.byteAt, this.byteCount, bytes, count, period);
    this.charCount = repeatBack(this.charCodes, this.charAt, this.charCount, chars, count, period);
  }
}

/** Fills `count` runs of `back` entries from `from` on, each entry the one `back` before it, `shift` further on. */
function repeatBack(
  values: Uint16Array,
  at: Int32Array,
  from: number,
  back: number,
  count: number,
  shift: number,
): number {
  const end = from + back * count;
  for (let i = from; i < end; i++) {
    values[i] = values[i - back] as number;
    at[i] = (at[i - back] as number) + shift;
  }
  return end;
}

function grow<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Most bytes (and printable characters) one `xxd`-style line yields: 32, and a group of 4 past the 31st. */
const MAX_LINE_BYTES = 35;

/** Hex digit values by ASCII code, -1 for the rest: one load per character of a dump line. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let c = 0; c < 16; c++) {
  HEX_VALUE["0123456789abcdef".charCodeAt(c)] = c;
  HEX_VALUE["0123456789ABCDEF".charCodeAt(c)] = c;
}

function hexValue(c: number): number {
  return c < 128 ? (HEX_VALUE[c] ?? -1) : -1;
}

function isHex(c: number): boolean {
  return c < 128 && (HEX_VALUE[c] ?? -1) >= 0;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Reads the line [from, to) of `text` as `xxd`/`hexdump -C`/`od -t x1z` output into `data`; false if not one. */
function parseHexLine(text: string, from: number, to: number, data: DumpData): boolean {
  let i = from;
  while (i < to && isHex(text.charCodeAt(i))) i++;
  if (i - from < 6 || i - from > 10) return false;
  if (text.charCodeAt(i) === 58 /* : */ && i < to) i++;
  if (i >= to || !isBlank(text.charCodeAt(i))) return false;
  data.reserve(MAX_LINE_BYTES, MAX_LINE_BYTES);
  let count = 0;
  while (i < to && count < 32) {
    let j = i;
    while (j < to && isBlank(text.charCodeAt(j))) j++;
    if (j - i >= 3 && count > 0 && count % 8 !== 0) break; // wide gap: the text column
    let k = j;
    while (k < to && isHex(text.charCodeAt(k))) k++;
    const run = k - j;
    if (run === 0 || run % 2 !== 0 || run > 8 || (k < to && !isBlank(text.charCodeAt(k)))) break;
    for (let b = j; b < k; b += 2) {
      data.pushByte(hexValue(text.charCodeAt(b)) * 16 + hexValue(text.charCodeAt(b + 1)), b);
      count++;
    }
    i = k;
  }
  if (count === 0) return false;
  // The printable column is the last `count` characters, inside `|…|` or `>…<` when present.
  let end = to;
  while (end > from && text.charCodeAt(end - 1) === 32) end--;
  if (end > from && (text[end - 1] === "|" || text[end - 1] === "<")) end--;
  for (let c = Math.max(i, end - count); c < end; c++) data.pushChar(text.charCodeAt(c), c);
  return true;
}

const OD_ESCAPES: Record<string, string> = { "\\n": "\n", "\\t": "\t", "\\r": "\r", "\\0": "\0" };

/** Reads the line [from, to) as `od -c` output (octal offset, then one character per 4-column cell). */
function parseOdCharLine(text: string, from: number, to: number, data: DumpData): boolean {
  if (to - from < 8 || text.charCodeAt(from + 7) !== 32) return false;
  for (let i = from; i < from + 7; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 55) return false;
  }
  const line = text.slice(from, to);
  data.reserve(0, (line.length >> 2) + 1);
  let count = 0;
  for (let c = 7; c + 4 <= line.length + 3 && c < line.length; c += 4) {
    const cell = line.slice(c, c + 4).trim();
    const ch = cell.length === 1 ? cell : OD_ESCAPES[cell];
    if (ch === undefined) break;
    data.pushChar(ch.charCodeAt(0), from + c + 3 - (cell.length - 1));
    count++;
  }
  return count > 0;
}

export interface DumpBlock {
  start: number;
  end: number;
  /** Number of dump lines. */
  lines: number;
  /** The block's bytes and printable characters: [from, to) ranges of `data`. */
  bytes: [number, number];
  chars: [number, number];
  data: DumpData;
  /** The line just before the dump (the command that made it, often). */
  before: string;
}

const DUMP_COMMAND = /\b(?:xxd|hexdump|od)\b/;

/**
 * How many whole `period`-character stretches from `from` on read the same as the one just before it (a
 * line and its line break, repeated): compared natively, in stretches that double while they match.
 */
function repeatsOfPrevious(text: string, from: number, period: number): number {
  let count = 0;
  for (let size = 1; size >= 1;) {
    const at = from + count * period;
    const end = at + size * period;
    if (end <= text.length && text.slice(at, end) === text.slice(at - period, end - period)) {
      count += size;
      size *= 2;
    } else size >>= 1;
  }
  return count;
}

/** Every run of two or more dump lines, or one line right after a `| xxd`-style command. */
export function hexDumpBlocks(text: string): DumpBlock[] {
  const blocks: DumpBlock[] = [];
  // Dumps of a secret start at offset 0: `00000000:` (xxd), `00000000  ` (hexdump -C), `0000000 ` (od).
  if (!scanText(text).present.has(DUMP_OFFSET)) return blocks;
  const data = new DumpData();
  let lineStart = 0;
  let current: DumpBlock | null = null;
  let previousFrom = 0;
  let previousTo = 0;
  // Whether the previous line was a dump line, and where its bytes and characters start in `data`.
  let previousParsed = false;
  let previousBytes = 0;
  let previousChars = 0;
  const close = (block: DumpBlock) => {
    if (block.lines >= 2 || DUMP_COMMAND.test(block.before)) {
      block.bytes[1] = data.byteCount;
      block.chars[1] = data.charCount;
      blocks.push(block);
    } else {
      data.byteCount = block.bytes[0];
      data.charCount = block.chars[0];
    }
  };
  while (lineStart <= text.length) {
    // Lines equal to the dump line before them, line break included (a fill of one repeated line), are not
    // parsed: they read the same, so their bytes and characters are that line's, a line further on each.
    const period = lineStart - previousFrom;
    const repeats = previousParsed && current !== null ? repeatsOfPrevious(text, lineStart, period) : 0;
    if (repeats > 0 && current !== null) {
      const lineBytes = data.byteCount - previousBytes;
      const lineChars = data.charCount - previousChars;
      data.repeatLast(previousBytes, previousChars, repeats, period);
      // The last of them is now the previous line.
      previousBytes = data.byteCount - lineBytes;
      previousChars = data.charCount - lineChars;
      previousFrom += repeats * period;
      previousTo += repeats * period;
      current.lines += repeats;
      current.end = previousTo;
      lineStart += repeats * period;
      continue;
    }
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const to = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const bytesBefore = data.byteCount;
    const charsBefore = data.charCount;
    let parsed = parseHexLine(text, lineStart, to, data);
    if (!parsed) {
      data.byteCount = bytesBefore;
      data.charCount = charsBefore;
      parsed = parseOdCharLine(text, lineStart, to, data);
      if (!parsed) data.charCount = charsBefore;
    }
    if (parsed) {
      if (current === null)
        current = {
          start: lineStart,
          end: to,
          lines: 0,
          bytes: [bytesBefore, bytesBefore],
          chars: [charsBefore, charsBefore],
          data,
          before: text.slice(previousFrom, previousTo),
        };
      current.lines++;
      current.end = to;
    } else if (current !== null) {
      close(current);
      current = null;
    }
    previousFrom = lineStart;
    previousTo = to;
    previousParsed = parsed;
    previousBytes = bytesBefore;
    previousChars = charsBefore;
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (current !== null) close(current);
  return blocks;
}

/** The decoded-bytes view and the printable-column view of every dump block; empty when there is none. */
export function hexDumpViews(blocks: DumpBlock[]): View[] {
  if (blocks.length === 0) return [];
  // Sized exactly (each block's bytes or characters and its newline): a dump of 1 MiB would otherwise be
  // copied through every doubling of six growing arrays.
  let byteTotal = 0;
  let charTotal = 0;
  for (const block of blocks) {
    byteTotal += block.bytes[1] - block.bytes[0] + 1;
    charTotal += block.chars[1] - block.chars[0] + 1;
  }
  const bytes = new ViewBuilder(byteTotal);
  const chars = new ViewBuilder(charTotal);
  for (const block of blocks) {
    const data = block.data;
    bytes.pushRun(data.byteValues, data.byteAt, block.bytes[0], block.bytes[1], 2);
    chars.pushRun(data.charCodes, data.charAt, block.chars[0], block.chars[1], 1);
    bytes.push("\n", block.end, block.end);
    chars.push("\n", block.end, block.end);
  }
  return [bytes.build("hex-dump bytes"), chars.build("hex-dump text")];
}

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
 * The two views of a paste's dump lines, written as the lines are read: each byte's value mapped to its two
 * hex digits, each printable-column character to itself (no object per byte or line, and no copy into the
 * views afterwards). A block that turns out not to be a dump is cut off again; a kept one ends in a line break.
 */
class DumpData {
  readonly bytes = new ViewBuilder(1024);
  readonly chars = new ViewBuilder(1024);

  get byteCount(): number {
    return this.bytes.length;
  }

  get charCount(): number {
    return this.chars.length;
  }

  pushByte(value: number, at: number): void {
    this.bytes.pushCode(value, at, at + 2);
  }

  pushChar(code: number, at: number): void {
    this.chars.pushCode(code, at, at + 1);
  }

  /** Drops what was read past `bytes` bytes and `chars` characters. */
  truncate(bytes: number, chars: number): void {
    this.bytes.truncate(bytes);
    this.chars.truncate(chars);
  }

  /**
   * `count` more lines equal to the last one, whose bytes and characters start at `bytesFrom` and `charsFrom`,
   * each line `period` characters after the one before.
   */
  repeatLast(bytesFrom: number, charsFrom: number, count: number, period: number): void {
    // Room for one line more and the block's closing line break too: a last line cut short would otherwise
    // double arrays of a quarter million entries for its few bytes.
    this.bytes.reserve((this.byteCount - bytesFrom) * (count + 1) + 1);
    this.chars.reserve((this.charCount - charsFrom) * (count + 1) + 1);
    this.bytes.repeatTail(bytesFrom, count, period);
    this.chars.repeatTail(charsFrom, count, period);
  }
}

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
  /** The views of every kept block. */
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
  // Where the current block's bytes and characters start.
  let blockBytes = 0;
  let blockChars = 0;
  let previousFrom = 0;
  let previousTo = 0;
  // Whether the previous line was a dump line, and where its bytes and characters start in `data`.
  let previousParsed = false;
  let previousBytes = 0;
  let previousChars = 0;
  const close = (block: DumpBlock) => {
    if (block.lines >= 2 || DUMP_COMMAND.test(block.before)) {
      data.bytes.push("\n", block.end, block.end);
      data.chars.push("\n", block.end, block.end);
      blocks.push(block);
    } else data.truncate(blockBytes, blockChars);
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
      data.truncate(bytesBefore, charsBefore);
      parsed = parseOdCharLine(text, lineStart, to, data);
      if (!parsed) data.truncate(bytesBefore, charsBefore);
    }
    if (parsed) {
      if (current === null) {
        current = { start: lineStart, end: to, lines: 0, data, before: text.slice(previousFrom, previousTo) };
        blockBytes = bytesBefore;
        blockChars = charsBefore;
      }
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
  const data = blocks[0]?.data;
  if (data === undefined) return [];
  return [data.bytes.build("hex-dump bytes"), data.chars.build("hex-dump text")];
}

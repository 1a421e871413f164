import { ViewBuilder, type View } from "./views";

/**
 * Hex dumps of a secret (`xxd`, `hexdump -C`, `od -A x -t x1z`, `od -c`): the "is there a trailing newline?"
 * check pastes bring. Two views per paste: the bytes decoded from the hex columns (each byte mapped to its two
 * hex digits) and the printable column, both joined across the dump's lines, so a key split over 16-byte
 * lines is seen whole. A dump right after a command naming a secret variable is withheld whole by
 * `hexDumpBlocks`.
 */

export interface DumpLine {
  /** Offset in the paste of the line's first character. */
  at: number;
  /** Each byte and the span of its hex digits. */
  bytes: Array<{ value: number; start: number; end: number }>;
  /** The printable column's characters and where each one is. */
  chars: Array<{ ch: string; at: number }>;
  end: number;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Parses one line of `xxd`/`hexdump -C`/`od -t x1z` output; null if it is not one. */
function parseHexLine(line: string, at: number): DumpLine | null {
  let i = 0;
  while (i < line.length && isHex(line.charCodeAt(i))) i++;
  if (i < 6 || i > 10) return null;
  if (line[i] === ":") i++;
  if (line[i] !== " " && line[i] !== "\t") return null;
  const bytes: DumpLine["bytes"] = [];
  while (i < line.length && bytes.length < 32) {
    let j = i;
    while (j < line.length && (line[j] === " " || line[j] === "\t")) j++;
    if (j - i >= 3 && bytes.length > 0 && bytes.length % 8 !== 0) break; // wide gap: the text column
    let k = j;
    while (k < line.length && isHex(line.charCodeAt(k))) k++;
    const run = k - j;
    if (run === 0 || run % 2 !== 0 || run > 8 || (k < line.length && line[k] !== " " && line[k] !== "\t"))
      break;
    for (let b = j; b < k; b += 2)
      bytes.push({ value: parseInt(line.slice(b, b + 2), 16), start: at + b, end: at + b + 2 });
    i = k;
  }
  if (bytes.length === 0) return null;
  // The printable column is the last `bytes.length` characters, inside `|…|` or `>…<` when present.
  let end = line.length;
  while (end > 0 && line[end - 1] === " ") end--;
  if (line[end - 1] === "|" || line[end - 1] === "<") end--;
  const start = Math.max(i, end - bytes.length);
  const chars: DumpLine["chars"] = [];
  for (let c = start; c < end; c++) chars.push({ ch: line[c] ?? "", at: at + c });
  return { at, bytes, chars, end: at + line.length };
}

const OD_ESCAPES: Record<string, string> = { "\\n": "\n", "\\t": "\t", "\\r": "\r", "\\0": "\0" };

/** Parses one line of `od -c` output (octal offset, then one character per 4-column cell). */
function parseOdCharLine(line: string, at: number): DumpLine | null {
  const m = /^[0-7]{7}(?= )/.exec(line);
  if (!m) return null;
  const chars: DumpLine["chars"] = [];
  for (let c = 7; c + 4 <= line.length + 3 && c < line.length; c += 4) {
    const cell = line.slice(c, c + 4).trim();
    const ch = cell.length === 1 ? cell : OD_ESCAPES[cell];
    if (ch === undefined) return chars.length > 0 ? { at, bytes: [], chars, end: at + line.length } : null;
    chars.push({ ch, at: at + c + 3 - (cell.length - 1) });
  }
  return chars.length > 0 ? { at, bytes: [], chars, end: at + line.length } : null;
}

export interface DumpBlock {
  start: number;
  end: number;
  lines: DumpLine[];
  /** The line just before the dump (the command that made it, often). */
  before: string;
}

/** Every run of two or more dump lines, or one line right after a `| xxd`-style command. */
export function hexDumpBlocks(text: string): DumpBlock[] {
  const blocks: DumpBlock[] = [];
  // Dumps of a secret start at offset 0: `00000000:` (xxd), `00000000  ` (hexdump -C), `0000000 ` (od).
  if (!text.includes("000000")) return blocks;
  let lineStart = 0;
  let current: DumpBlock | null = null;
  let previous = "";
  while (lineStart <= text.length) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const raw = text.slice(lineStart, lineEnd);
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const parsed = parseHexLine(line, lineStart) ?? parseOdCharLine(line, lineStart);
    if (parsed) {
      if (current === null) current = { start: lineStart, end: parsed.end, lines: [], before: previous };
      current.lines.push(parsed);
      current.end = parsed.end;
    } else if (current !== null) {
      if (current.lines.length >= 2 || /\b(?:xxd|hexdump|od)\b/.test(current.before)) blocks.push(current);
      current = null;
    }
    previous = line;
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (current !== null && (current.lines.length >= 2 || /\b(?:xxd|hexdump|od)\b/.test(current.before)))
    blocks.push(current);
  return blocks;
}

/** The decoded-bytes view and the printable-column view of every dump block; empty when there is none. */
export function hexDumpViews(blocks: DumpBlock[]): View[] {
  if (blocks.length === 0) return [];
  const bytes = new ViewBuilder(1024);
  const chars = new ViewBuilder(1024);
  for (const block of blocks) {
    for (const line of block.lines) {
      for (const b of line.bytes) bytes.push(String.fromCharCode(b.value), b.start, b.end);
      for (const c of line.chars) chars.push(c.ch, c.at, c.at + 1);
    }
    bytes.push("\n", block.end, block.end);
    chars.push("\n", block.end, block.end);
  }
  return [bytes.build("hex-dump bytes"), chars.build("hex-dump text")];
}

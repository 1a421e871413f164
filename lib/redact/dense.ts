/**
 * Stretches of a paste so dense with secrets that they are withheld whole instead of redacted piece by piece:
 * a circuit breaker against pastes that are nothing but secrets (or are made to look like it).
 *
 * A paste is read 4 KiB at a time. A block holding 128 markers (one per 32 characters) is dense: names that
 * `classifyName` calls secret, curl's credential flags, labels in other languages, session cookies' names,
 * commands with flags, token prefixes where a token starts, e-mails and URL userinfo. A run of dense blocks,
 * grown to whole lines, is withheld as one placeholder, and the rest of the paste is redacted as usual.
 * Piecewise redaction of such a block costs one to six microseconds per value found (the readers, the echo
 * search and the placeholders), so a megabyte of them took 5 to 50 times what a real log of that size takes;
 * withholding it costs one pass over its words and markers.
 *
 * What that limit leaves alone, measured: the realistic 1 MiB log has at most 5 secret words in a block, the
 * corpus 10, a 1 MiB `.env` dump of random values 88 (one `NAME=value` line in 45 characters) and a HAR
 * export's headers 38. A block of usage lines (`input_tokens`, `max_tokens`, `cache_read_input_tokens`) has as
 * many words but no secret names. Neither a name whose value is already a placeholder nor a placeholder's own
 * kind is counted, so redacting a redaction again withholds nothing new; nor is a name that is a value or a
 * reference itself with no value after it (a manifest naming secrets holds none).
 */
import { isNameCode, lowerBound } from "./chars";
import { COMMAND_ANCHORS, FOREIGN_ANCHORS, FOREIGN_KEY_ANCHORS, SESSION_COOKIE_ANCHORS } from "./readers";
import { PREFIX_RULES } from "./prefixes";
import { REDACTION_KINDS } from "./rules";
import { IntList, LEAD_FLAG, SECRET_WORDS, type TextScan } from "./scan";
import { classifyNameCached } from "./values";

export const DENSE_BLOCK = 4096;
/** Secret names in a block that make it dense: one per 32 characters. */
export const DENSE_NAMES = 128;
/** How far a name is read either side of the secret word in it. */
const NAME_REACH = 64;
const PLACEHOLDER_HEAD = "[REDACTED:";
/** A stretch's last line shorter than this is read, not withheld (see the end of `denseStretches`). */
const LAST_LINE_READ = 512;
/** One line shorter than this between two stretches goes with them. */
const MERGE_GAP = 128;

function isBlankOrQuote(c: number): boolean {
  return c === 32 || c === 9 || c === 34 || c === 39;
}

const NONE = 0;
const VALUE = 1;
const PLACED = 2;
/**
 * What follows a name ending at `e`: a value (after quotes, blanks and a `=`, `:` or `=>`), a placeholder, or
 * nothing (a line's end, `,`, a closing bracket).
 */
function valueAfter(text: string, e: number): number {
  let v = e;
  const reach = Math.min(text.length, e + 12);
  while (v < reach && isBlankOrQuote(text.charCodeAt(v))) v++;
  const c = text.charCodeAt(v);
  if (c === 61 || c === 58) {
    v++;
    if (text.charCodeAt(v) === 62) v++;
    while (v < reach && isBlankOrQuote(text.charCodeAt(v))) v++;
  }
  if (v >= text.length) return NONE;
  if (text.startsWith(PLACEHOLDER_HEAD, v)) return PLACED;
  const d = text.charCodeAt(v);
  return d === 10 || d === 13 || d === 44 || d === 41 || d === 93 || d === 125 || v === e ? NONE : VALUE;
}

/** Whether a field named `value` (not `valueFrom`) starts within 24 characters after `e`. */
function valueFieldAfter(text: string, e: number): boolean {
  const limit = Math.min(text.length - 5, e + 24);
  for (let k = e; k < limit; k++) {
    const c = text.charCodeAt(k) | 0x20;
    if (
      c === 118 &&
      (text.charCodeAt(k + 1) | 0x20) === 97 &&
      (text.charCodeAt(k + 2) | 0x20) === 108 &&
      (text.charCodeAt(k + 3) | 0x20) === 117 &&
      (text.charCodeAt(k + 4) | 0x20) === 101 &&
      !isNameCode(text.charCodeAt(k + 5))
    )
      return true;
  }
  return false;
}

/** Whether a name starting at `s` stands where a value or a reference does (after `=`, `:`, `{`, `%`). */
function isValueOrReference(text: string, s: number): boolean {
  let p = s - 1;
  const low = Math.max(0, s - 8);
  while (p >= low && isBlankOrQuote(text.charCodeAt(p))) p--;
  const c = p >= 0 ? text.charCodeAt(p) : 10;
  return c === 61 || c === 58 || c === 123 || c === 37;
}

/**
 * How many of the words at `words[from..to)` (offsets of secret words, ascending) sit in a name that is a
 * secret's and whose value is not already a placeholder; each name counted once, and the count stops at
 * `enough`.
 */
function secretNames(text: string, words: Int32Array, from: number, to: number, enough: number): number {
  let count = 0;
  let nameEnd = -1;
  // Words before this lie inside a run of name characters too long to be a name, with a name's reach of it
  // on both sides.
  let longUntil = -1;
  for (let i = from; i < to && count < enough; i++) {
    // Stop when the words left cannot reach `enough`.
    if (count + (to - i) < enough) break;
    const w = words[i] as number;
    if (w < longUntil) {
      count++;
      continue;
    }
    if (w < nameEnd) continue;
    let s = w;
    const low = Math.max(0, w - NAME_REACH);
    while (s > low && isNameCode(text.charCodeAt(s - 1))) s--;
    let e = w + 1;
    const high = Math.min(text.length, w + NAME_REACH);
    while (e < high && isNameCode(text.charCodeAt(e))) e++;
    // A run of name characters longer than a name can be (`keykeykey…`) is no name, but each secret word in
    // it counts: a run that long packed with them is what the readers would read word by word.
    if (s === low && e === high && e - s === 2 * NAME_REACH) {
      // How far the run goes on (within a block), so that the words after this one in it are not walked.
      let r = e;
      const limit = Math.min(text.length, w + DENSE_BLOCK);
      while (r < limit && isNameCode(text.charCodeAt(r))) r++;
      longUntil = r - NAME_REACH;
      count++;
      continue;
    }
    nameEnd = e;
    // A placeholder's own kind (`[REDACTED:api-key#1]`) is no name.
    if (s >= PLACEHOLDER_HEAD.length && text.startsWith(PLACEHOLDER_HEAD, s - PLACEHOLDER_HEAD.length))
      continue;
    // `-----BEGIN PRIVATE KEY-----`, `.token.`: the name without the dashes and dots around it.
    let a = s;
    let b = e;
    while (a < b && (text.charCodeAt(a) === 45 || text.charCodeAt(a) === 46)) a++;
    while (b > a && (text.charCodeAt(b - 1) === 45 || text.charCodeAt(b - 1) === 46)) b--;
    if (b - a < 2 || classifyNameCached(text.slice(a, b)) === null) continue;
    // A name that is a value or a reference itself (`name: API_KEY`, `${{ secrets.API_KEY }}`) counts only
    // where a value follows it, or a `value` field does (HAR's and Kubernetes' name/value pairs): a manifest
    // listing secrets by name holds none.
    const value = valueAfter(text, e);
    if (value === PLACED || (value === NONE && isValueOrReference(text, s) && !valueFieldAfter(text, e)))
      continue;
    count++;
  }
  return count;
}

/** Line bounds from the paste's newline offsets (ascending), by binary search: a 1 MiB line is not walked. */
class Lines {
  constructor(
    private readonly newlines: Int32Array,
    private readonly length: number,
  ) {}
  /** The index of the first newline at or after `at`. */
  private next(at: number): number {
    return lowerBound(this.newlines, at);
  }
  /** Where the line that holds `at` starts. */
  start(at: number): number {
    if (at <= 0) return 0;
    const k = this.next(at) - 1;
    return k < 0 ? 0 : (this.newlines[k] as number) + 1;
  }
  /** Where the line that holds `at - 1` ends (at its `\n`, or the paste's end). */
  end(at: number): number {
    if (at <= 0) return 0;
    const k = this.next(at - 1);
    return k < this.newlines.length ? (this.newlines[k] as number) : this.length;
  }
}

/**
 * Whether the line after the `\n` at `nl` goes on with a token the line before it ends in (a hard wrap): both
 * sides of the break are token characters, and the next line's first word is no field name (`model=…`,
 * `status: …`); a `=` that only pads (`…Qw==`) does not make one.
 */
function continues(text: string, nl: number): boolean {
  if (nl + 1 >= text.length || !isNameCode(text.charCodeAt(nl - 1)) || !isNameCode(text.charCodeAt(nl + 1)))
    return false;
  let k = nl + 1;
  while (k < text.length && isNameCode(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  if (c !== 61 && c !== 58) return true;
  const after = text.charCodeAt(k + 1);
  return c === 61 && (after === 61 || after === 10 || after === 13 || k + 1 >= text.length);
}

/**
 * Where the withheld stretch ending at `end` (a `\n`) really ends: a token a hard wrap carries on into the
 * next line takes that line too, and the one after it while each is as long as the line that wrapped (a
 * shorter one is the wrap's last).
 */
function wrapEnd(text: string, lines: Lines, end: number): number {
  const width = end - lines.start(end);
  // Terminals are 40 to a few hundred columns wide: a shorter line did not wrap (a CSV header before its rows),
  // nor did a longer one.
  if (width < 40 || width > 512) return end;
  let e = end;
  while (continues(text, e)) {
    const next = lines.end(e + 2);
    const length = next - (e + 1);
    e = next;
    if (length < width) break;
  }
  return e;
}

/**
 * Where the withheld stretch starting at `start` really starts: the lines before it that a hard wrap carried a
 * token from into it (each as wide as a terminal, the token going on across the break) go with it, back to
 * `floor`, so that no head of a token is read without its rest.
 */
function wrapStart(text: string, lines: Lines, start: number, floor: number): number {
  let s = start;
  while (s - 1 > floor + 1 && continues(text, s - 1)) {
    const prev = lines.start(s - 1);
    const width = s - 1 - prev;
    if (width < 40 || width > 512) break;
    s = prev;
  }
  return s;
}

/**
 * The stretches to withhold, as start/end pairs (ascending, disjoint, whole lines, `\n`s outside), given the
 * paste's scan (`scanText(text)`: the offsets of its secret words and newlines). Empty for every paste but a dense one.
 *
 * A run of dense blocks is grown to whole lines, then by the lines before and after it that are as dense on
 * their own (a block boundary is no reason to read half a `.env` dump piece by piece). The lines at its edges
 * that are not (an error line above a dump) are read; a line inside the run goes with it whatever it holds.
 */
export function denseStretches(
  text: string,
  scan: Pick<TextScan, "words" | "newlines" | "leads" | "present">,
): number[] {
  const words = scan.words;
  // Each counts as a name: curl's credential flags (`-u `, `-b `, `--user`, `--cookie`, as the scan lists
  // them; a line of 4 KiB with one in every 32 characters is no real command), the labels the readers read
  // a value after (`Passwort:`, `密码：`, `JSESSIONID=`) and the commands they read flags of (`mysql -p`).
  const flags = withLabels(text, scan.leads[LEAD_FLAG] ?? new Int32Array(0), words, scan.present);
  if (words.length + flags.length < DENSE_NAMES) return [];
  const lines = new Lines(scan.newlines, text.length);
  // Runs of dense blocks: start/end pairs.
  const runs: number[] = [];
  // Both lists, block by block.
  let i = 0;
  let f = 0;
  while (i < words.length || f < flags.length) {
    const first = Math.min(words[i] ?? text.length, flags[f] ?? text.length);
    const blockStart = Math.floor(first / DENSE_BLOCK) * DENSE_BLOCK;
    const blockEnd = Math.min(text.length, blockStart + DENSE_BLOCK);
    let j = i;
    while (j < words.length && (words[j] as number) < blockEnd) j++;
    let g = f;
    while (g < flags.length && (flags[g] as number) < blockEnd) g++;
    const need = DENSE_NAMES - (g - f);
    if (need <= 0 || (j - i >= need && secretNames(text, words, i, j, need) >= need)) {
      if (runs.length > 0 && runs[runs.length - 1] === blockStart) runs[runs.length - 1] = blockEnd;
      else runs.push(blockStart, blockEnd);
    }
    if (blockEnd >= text.length) break;
    i = j;
    f = g;
  }
  // Whether [from, to) has a secret name or flag per 32 characters. A line is judged on its 4 KiB next to the run.
  const dense = (from: number, to: number) => {
    const flagged = lowerBound(flags, to) - lowerBound(flags, from);
    const need = Math.max(1, Math.ceil((to - from) / 32)) - flagged;
    if (need <= 0) return true;
    const a = lowerBound(words, from);
    const b = lowerBound(words, to);
    return b - a >= need && secretNames(text, words, a, b, need) >= need;
  };
  // Triples: start, end, and where the stretch's last dense line starts.
  const found: number[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const runStart = runs[r] as number;
    const runEnd = runs[r + 1] as number;
    const before = found.length > 0 ? (found[found.length - 2] as number) : -1;
    if (runEnd <= before) continue;
    // The run's lines at either edge that are not dense themselves (the error line above a dump) are read.
    let s = lines.start(Math.max(runStart, before + 1));
    while (s < runEnd) {
      const stop = lines.end(s + 1);
      if (dense(s, Math.min(stop, s + DENSE_BLOCK))) break;
      s = stop + 1;
    }
    let last = lines.start(runEnd - 1);
    let e = lines.end(runEnd);
    while (last > s && !dense(Math.max(last, e - DENSE_BLOCK), e)) {
      e = last - 1;
      last = lines.start(e);
    }
    if (s >= e) continue;
    e = wrapEnd(text, lines, e);
    while (s > before + 1) {
      const prev = lines.start(s - 1);
      if (!dense(Math.max(prev, s - 1 - DENSE_BLOCK), s - 1)) break;
      s = prev;
    }
    s = wrapStart(text, lines, s, before);
    while (e + 1 < text.length) {
      const stop = lines.end(e + 2);
      if (!dense(e + 1, Math.min(stop, e + 1 + DENSE_BLOCK))) break;
      last = e + 1;
      e = wrapEnd(text, lines, stop);
    }
    // Next to (or inside) the stretch before, or one short line after it (a printed value under its name's
    // line, a blank line): one stretch.
    if (
      before >= 0 &&
      (s <= before + 1 || (s - before < MERGE_GAP && text.lastIndexOf("\n", s - 2) <= before))
    ) {
      found[found.length - 2] = e;
      found[found.length - 1] = last;
    } else found.push(s, e, last);
  }
  // A stretch's last line is left to the readers when it is short: the names on it may be those of values on
  // the lines after it (a CSV header, a label on the line before its value, an object opened under a secret's
  // name), which read without it would show.
  const out: number[] = [];
  for (let k = 0; k < found.length; k += 3) {
    const s = found[k] as number;
    const e = found[k + 1] as number;
    const line = found[k + 2] as number;
    if (e - line >= LAST_LINE_READ) out.push(s, e);
    else if (line - 1 > s) out.push(s, line - 1);
  }
  return out;
}

/**
 * The prefixes the token rules are anchored on (rules.ts) and gitleaks' prefixes (prefixes.ts): each starts a
 * token of 20 characters or more, so 128 of them in 4 KiB are no real tokens. Those holding a secret word
 * (`github_pat_`, `bedrock-api-key-`) are counted as names already.
 */
const TOKEN_PREFIXES = [
  ...new Set([
    ...REDACTION_KINDS.flatMap((k) => (k.detect === undefined ? [] : (k.anchors ?? []))),
    ...PREFIX_RULES.map((r) => r.prefix),
  ]),
].filter(
  (a) => /^[A-Za-z0-9][\w.~/-]{2,}$/.test(a) && !SECRET_WORDS.some((w) => a.toLowerCase().includes(w)),
);

/** Labels in other languages and session cookies' names, which the readers read a value after. */
const LABELS = [...FOREIGN_ANCHORS, ...FOREIGN_KEY_ANCHORS, ...SESSION_COOKIE_ANCHORS];

/** Whether a label's `:`, `=` or `：` follows `p` within 16 characters of its line. */
function labelled(text: string, p: number): boolean {
  const limit = Math.min(text.length, p + 16);
  for (let k = p; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 58 || c === 61 || c === 0xff1a) return true;
    if (c === 10) return false;
  }
  return false;
}

/** Whether a flag (a blank, then `-`) follows `p` within 16 characters of its line. */
function flagged(text: string, p: number): boolean {
  const limit = Math.min(text.length - 1, p + 16);
  for (let k = p; k < limit; k++) {
    const c = text.charCodeAt(k);
    if ((c === 32 || c === 9) && text.charCodeAt(k + 1) === 45) return true;
    if (c === 10) return false;
  }
  return false;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Whether a token prefix ending at `p` and starting at `start` starts a token (not inside a word). */
function startsToken(text: string, p: number, start: number): boolean {
  return (start === 0 || !isAlnum(text.charCodeAt(start - 1))) && isNameCode(text.charCodeAt(p));
}

/**
 * Whether the `@` at `p - 1` ends a URL's userinfo: `://` and a user before it within 64 characters, with no
 * `/`, blank, quote, bracket or other `@` between.
 */
function endsUserinfo(text: string, p: number): boolean {
  const at = p - 1;
  const low = Math.max(0, at - 64);
  for (let k = at - 1; k >= low + 2; k--) {
    const c = text.charCodeAt(k);
    if (c === 47) return k < at - 1 && text.charCodeAt(k - 1) === 47 && text.charCodeAt(k - 2) === 58;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 60 || c === 62 || c === 64)
      return false;
  }
  return false;
}

/** Whether the `@` at `p - 1` is an e-mail's: a local part's character before it, `label.tld` after it. */
function isEmailAt(text: string, p: number): boolean {
  const before = text.charCodeAt(p - 2);
  if (!(isAlnum(before) || before === 46 || before === 95 || before === 37 || before === 43 || before === 45))
    return false;
  let k = p;
  const limit = Math.min(text.length, p + 64);
  while (k < limit && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 45)) k++;
  return (
    k > p && text.charCodeAt(k) === 46 && isLetter(text.charCodeAt(k + 1)) && isLetter(text.charCodeAt(k + 2))
  );
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * `flags` and the offsets of the labels, commands, token prefixes, e-mails and URL userinfo the scan found
 * present (a label where its separator follows, a command where a flag does, a prefix where a token starts,
 * an `@` between a local part and a domain or after `://` and a user), in one ascending list; only `flags`
 * where no block could be dense with them (an ordinary paste).
 */
function withLabels(
  text: string,
  flags: Int32Array,
  words: Int32Array,
  present: ReadonlySet<string>,
): Int32Array {
  const groups: Array<[readonly string[], (text: string, p: number, start: number) => boolean]> = [
    [LABELS, labelled],
    [COMMAND_ANCHORS, flagged],
    [TOKEN_PREFIXES, startsToken],
    // An `@` of an e-mail or of a URL's userinfo (`://` looked for back from the `@`: a log has many `://`).
    [["@"], (t, p) => isEmailAt(t, p) || endsUserinfo(t, p)],
  ];
  // Per anchor, its markers' places (ascending); per 4 KiB block, the names' words, the flags and the markers
  // there. Only where some block could be dense are the lists merged into one (the hex dump of a key has an
  // `sk-ant-` in every line, and is not).
  const perBlock = new Uint16Array(Math.ceil(text.length / DENSE_BLOCK) + 1);
  const bump = (list: Int32Array) => {
    for (let k = 0; k < list.length; k++) {
      const b = Math.floor((list[k] as number) / DENSE_BLOCK);
      perBlock[b] = Math.min(65535, (perBlock[b] as number) + 1);
    }
  };
  bump(words);
  bump(flags);
  const lists: Int32Array[] = [flags];
  for (const [anchors, follows] of groups)
    for (const anchor of anchors) {
      if (!present.has(anchor)) continue;
      // A place a longer anchor holds (`sk-ant-` for `sk-`) is counted once, as the longer one's.
      const longer = LONGER.get(anchor)?.filter((a) => present.has(a)) ?? [];
      const places = new IntList();
      let seen = 0;
      let kept = 0;
      for (let p = text.indexOf(anchor); p >= 0; p = text.indexOf(anchor, p + anchor.length)) {
        if (follows(text, p + anchor.length, p) && (longer.length === 0 || !startsAny(text, p, longer))) {
          places.push(p);
          kept++;
        }
        // No marker at most of its first 256 places (`eyJ` inside a run of them, the `@`s of decorators):
        // read no further, as a dense pack is one shape repeated.
        if (++seen === 256 && kept < 64) break;
      }
      const list = places.done();
      if (list.length === 0) continue;
      bump(list);
      lists.push(list);
    }
  if (lists.length === 1 || !perBlock.some((n) => n >= DENSE_NAMES)) return flags;
  // Each list is ascending: merged two by two.
  let merged = lists;
  while (merged.length > 1) {
    const next: Int32Array[] = [];
    for (let k = 0; k < merged.length; k += 2) {
      const a = merged[k] as Int32Array;
      const b = merged[k + 1];
      next.push(b === undefined ? a : mergeAscending(a, b));
    }
    merged = next;
  }
  return merged[0] ?? flags;
}

function startsAny(text: string, p: number, anchors: readonly string[]): boolean {
  for (const a of anchors) if (text.startsWith(a, p)) return true;
  return false;
}

/** Two ascending lists as one. */
function mergeAscending(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = (a[i] as number) <= (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}

/** Per marker anchor, the longer ones that start with it. */
const LONGER = new Map<string, string[]>();
for (const a of [...LABELS, ...COMMAND_ANCHORS, ...TOKEN_PREFIXES]) {
  const longer = [...LABELS, ...COMMAND_ANCHORS, ...TOKEN_PREFIXES].filter(
    (b) => b.length > a.length && b.startsWith(a),
  );
  if (longer.length > 0) LONGER.set(a, longer);
}

/**
 * The paste the readers see: the paste without its withheld stretches (each leaves an empty line where it was,
 * its `\n`s being outside it), and where each kept piece lies in the paste, to map spans back.
 */
export class KeptText {
  readonly text: string;
  /** Per kept piece, ascending: where it starts in `text`, and in the paste. */
  private readonly at: Int32Array;
  private readonly from: Int32Array;

  constructor(paste: string, stretches: readonly number[]) {
    const pieces = stretches.length / 2 + 1;
    this.at = new Int32Array(pieces);
    this.from = new Int32Array(pieces);
    const parts: string[] = [];
    let cursor = 0;
    let length = 0;
    for (let k = 0; k < pieces; k++) {
      const end = k < pieces - 1 ? (stretches[2 * k] as number) : paste.length;
      this.at[k] = length;
      this.from[k] = cursor;
      parts.push(paste.slice(cursor, end));
      length += end - cursor;
      cursor = (stretches[2 * k + 1] as number) ?? paste.length;
    }
    this.text = parts.join("");
  }

  /** The paste's offset of the kept text's character at `i`. */
  private map(i: number): number {
    const at = this.at;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((at[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.from[lo] as number) + i - (at[lo] as number);
  }

  /** The paste's span of the kept text's [s, e) (one that crosses a stretch's place takes the stretch in). */
  span(s: number, e: number): [number, number] {
    return [this.map(s), this.map(e - 1) + 1];
  }
}

import {
  B64URL,
  B64URL_CHARS,
  NextOccurrence,
  charSet,
  inSet,
  isDigit,
  isSpace,
  lowerBound,
  isWordLike,
  looksRandom,
  runEnd,
  tokenProfile,
  tokenRuns,
  type CharSet,
} from "./chars";
import {
  EVIDENCE_TOKEN_PREFIX,
  classifyNameCached,
  isBenignValue,
  isBenignValueUnmarked,
  isDescriptiveName,
  isPlaceholderValue,
  isSessionCookieName,
  nameFacts,
} from "./values";
import { LEAD_COLON, LEAD_DOT, LEAD_FLAG, LeadCursor, leadMatches, scanText } from "./scan";
import { authorityAround, forEachUserinfo } from "./url";

/** Reports a secret span [start, end) of the scanned text; `kind` overrides the rule's own kind. */
export type Emit = (start: number, end: number, kind?: string) => void;
/** Finds secrets of one kind (or a family of kinds) in a text. Must be linear and must not throw. */
export type Detector = (text: string, emit: Emit) => void;

const MAX_VALUE = 8192;

function* matches(regex: RegExp, text: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    if (m[0].length === 0) regex.lastIndex++;
    yield m;
  }
}

function lineStart(text: string, i: number): number {
  const from = Math.max(0, i - 400);
  const nl = text.lastIndexOf("\n", i - 1);
  return nl >= from ? nl + 1 : from;
}

const WRAP_INDENT = charSet(" \t|>");

/**
 * Lets a token that stops at a line break swallow the next line's continuation (terminal hard wraps,
 * redaction.md §4): when the known length is not reached, or, for unknown lengths, when the line is
 * long and the continuation is a machine-made run rather than a word.
 */
function extendOverWraps(
  text: string,
  s: number,
  e: number,
  body: CharSet,
  total: number | undefined,
): number {
  let end = e;
  for (let lines = 0; lines < 40; lines++) {
    let j = end;
    if (text[j] === "\r") j++;
    if (text[j] !== "\n") break;
    const lineLength = end - lineStart(text, end);
    j++;
    const indentLimit = j + 20;
    while (
      j < indentLimit &&
      j < text.length &&
      (inSet(WRAP_INDENT, text, j) || text[j] === "⎿" || text[j] === "│")
    )
      j++;
    const r = runEnd(text, j, body, 4096);
    if (r === j) break;
    const after = text[r];
    if (after !== undefined && !/[\s"'`\\,;)\]}]/.test(after)) break;
    const piece = text.slice(j, r);
    if (EVIDENCE_TOKEN_PREFIX.test(piece) || isWordLike(piece)) break;
    if (total !== undefined) {
      const remaining = total - (end - s);
      if (remaining <= 0 || piece.length > remaining) break;
    } else if (lineLength < 40 || !looksRandom(piece)) break;
    end = r;
  }
  return end;
}

export interface TokenOptions {
  /** Known total length, for wrap continuation. */
  total?: number;
  /** Follow terminal wraps even without a known length. */
  wrap?: boolean;
  /** Alphabet of the token body, for wrap continuation. */
  body?: CharSet;
  /** A literal that starts a new token of the same family: split back-to-back tokens there. */
  split?: string;
  /** The secret is the first capture group that matched (default: the whole match). */
  group?: "first";
  /** Picks the kind from the match, or null to skip it. */
  kindOf?: (value: string) => string | null;
}

/** A prefix or shape rule: every match of `regex` (global, bounded quantifiers) is a secret. */
export function token(regex: RegExp, opts: TokenOptions = {}): Detector {
  return (text, emit) => {
    for (const m of matches(regex, text)) {
      const value = opts.group === undefined ? m[0] : m.slice(1).find((g) => g !== undefined);
      if (value === undefined || value.length === 0) continue;
      let s = opts.group === undefined ? m.index : m.index + m[0].lastIndexOf(value);
      let e = s + value.length;
      const kind = opts.kindOf ? opts.kindOf(value) : undefined;
      if (kind === null) continue;
      if (opts.split !== undefined) {
        // `…AAsk-ant-api03-…`: two keys glued together are two secrets.
        // Every glued piece of the match at once, then the last piece is matched again on its own (so a run of
        // glued keys costs one pass, not one bounded match per key).
        let inner = value.indexOf(opts.split, 1);
        if (inner > 0) {
          let from = 0;
          while (inner > 0) {
            emit(s + from, s + inner, kind);
            from = inner;
            inner = value.indexOf(opts.split, inner + 1);
          }
          s += from;
          regex.lastIndex = s;
          continue;
        }
      }
      if (opts.total !== undefined || opts.wrap)
        e = extendOverWraps(text, s, e, opts.body ?? B64URL, opts.total);
      emit(s, e, kind);
    }
  };
}

/** Where an unquoted value surely ends: whitespace, quotes, `<` (markup after it). */
/** A blank, a line break, or a NUL (`/proc/<pid>/environ` joins its variables with NULs). */
const VALUE_STOP = charSet(" \t\r\n\0");
/** In a query string a value also ends at `&` and `#`. */
const QUERY_VALUE_STOP = charSet(' \t\r\n\0"<&#');
/** Closers a value may be followed by; they are trimmed from its end unless opened inside it. */
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{", ">": "<" };
const AUTH_SCHEME =
  /^(Bearer|Basic|Token|Digest|Bot|JWT|OAuth|ApiKey|Key|Negotiate|NTLM|SSWS|AWS4-HMAC-SHA256|AWS)[ \t]{1,8}/i;

/** A Go composite literal's type before its value (`[]string{`, `string{`, `interface {}{`). */
const GO_TYPE = /(?:\[\])?(?:string|interface ?\{\})\{/y;
/** Where a value starts after a separator: skips `b'`, quotes, `[`; returns the closer to look for. */
function openValue(text: string, i: number): { at: number; closer: string | null; bracket: boolean } {
  let j = i;
  // Go `[]string{"v"}` / `map[string]string{…}` values: skip the composite literal's type.
  // Read in place, and only after a second character that can start the type (values often start with `s`).
  const c = text.charCodeAt(j);
  const d = text.charCodeAt(j + 1);
  if ((c === 0x5b && d === 0x5d) || (c === 0x73 && d === 0x74) || (c === 0x69 && d === 0x6e)) {
    GO_TYPE.lastIndex = j;
    const goType = GO_TYPE.exec(text);
    if (goType) j += goType[0].length;
  }
  const bracket = text[j] === "[";
  if (bracket) {
    j++;
    // Node's util.inspect of a header list: `'x-api-key': [ 'V' ]`.
    if (text[j] === " " && (text[j + 1] === "'" || text[j + 1] === '"')) j++;
  }
  if (text[j] === "b" && (text[j + 1] === "'" || text[j + 1] === '"')) j++;
  if (text[j] === "\\" && text[j + 1] === '"') return { at: j + 2, closer: '\\"', bracket };
  const q = text[j];
  if (q === '"' || q === "'" || q === "`") return { at: j + 1, closer: q, bracket };
  return { at: j, closer: null, bracket };
}

/** End of a quoted value (exclusive, before the closer); never crosses a line. */
function quotedEnd(text: string, at: number, closer: string): number {
  const limit = Math.min(text.length, at + MAX_VALUE);
  let i = at;
  while (i < limit) {
    const c = text[i];
    if (c === "\n" || c === "\r") return i;
    if (closer === '\\"') {
      // `\\\"` inside an escaped JSON string is a quote escaped twice: part of the value.
      if (text.startsWith('\\\\\\"', i)) {
        i += 4;
        continue;
      }
      if (c === "\\" && text[i + 1] === '"') return i;
      if (c === "\\" && text[i + 1] === "\\") {
        i += 2;
        continue;
      }
    } else if (c === "\\" && closer === '"') {
      i += 2;
      continue;
    } else if (c === closer) {
      // Shell's `'a'\''b'`: a quote inside a single-quoted word.
      if (closer === "'" && text.startsWith("\\''", i + 1)) {
        i += 4;
        continue;
      }
      return i;
    }
    i++;
  }
  return Math.min(i, text.length);
}

/**
 * End of an unquoted value: the first whitespace, quote or `<` (or `&`/`#` in a query string), or an escape
 * sequence (`\n`, `\"`) of an enclosing JSON string; then trailing punctuation that closes the surrounding
 * syntax (`,` `;` `.` and unbalanced `)` `]` `}`) is given back. `closer` ends it too (`[value]` in Java maps).
 */
/**
 * Forgets the texts the reads below remember (called around each paste): a text of the same characters as an
 * earlier paste's is then never compared with it character by character, and no paste outlives its redaction.
 */
export function resetReadMemos(): void {
  for (const mark of MARKS) mark.reset();
  queryText = "";
  trimText = "";
  COLON.reset();
  authorityText = "";
  stopsText = "";
  if (stops.length > 4096) stops = new Int32Array(64);
  lastValue = "";
  lastValueText = "";
  lastValueStart = -1;
  periodText = "";
  valueTexts.fill("");
  lineText = "";
  EQUALS.reset();
  cookieText = "";
  cookieEmit = null;
  cookieStarts = [];
  cookieEnds = [];
  arnText = "";
  nestedText = "";
}

/** The masking marks (`...`, `…`, `***`), each remembered on its own (one absent is never searched again). */
const MARKS = ["...", "…", "***"].map((mark) => new NextOccurrence(mark));

/** Where the first masking mark at or after `from` starts (the text's length: none). */
function nextMark(text: string, from: number): number {
  let at = text.length;
  for (const mark of MARKS) {
    const i = mark.find(text, from);
    if (i >= 0 && i < at) at = i;
  }
  return at;
}

/**
 * `isBenignValue` of text[s, e): a long value's masking marks are looked up in the text's, not searched for in
 * the value (names packed into each other's values read the same 8 KiB tail at every name).
 */
function isBenignSpan(text: string, s: number, e: number): boolean {
  const value = text.slice(s, e);
  if (e - s <= 128) return isBenignValue(value);
  const mark = nextMark(text, s);
  if (mark < e && mark + (text.charCodeAt(mark) === 0x2026 ? 1 : 3) <= e) return true;
  return isBenignValueUnmarked(value);
}

/**
 * Per kind of read (slot: closer or not, query or not), what `unquotedEnd` found last: text[from, to) of
 * `valueTexts[slot]` holds no stop of that kind, and, when closed, one is at `to` (or the text ends). Names
 * packed into each other's values (`sk-Cookie:sk-Cookie:…`) each read to the same stop: once, not once per
 * name up to MAX_VALUE characters. Kept per kind: names of two kinds taking turns on a line (`&Signature:`
 * and `Cookie:`) would each reset one shared note and read 8 KiB again.
 */
const valueTexts = ["", "", "", ""];
const valueClosers = new Int32Array(4);
const valueFrom = new Int32Array(4);
const valueTo = new Int32Array(4);
const valueClosedAt = new Uint8Array(4);

function unquotedEnd(text: string, at: number, query = false, closer: string | null = null): number {
  const limit = Math.min(text.length, at + MAX_VALUE);
  const closerCode = closer === null ? -1 : closer.charCodeAt(0);
  const slot = (closer === null ? 0 : 2) + (query ? 1 : 0);
  if (
    text !== valueTexts[slot] ||
    closerCode !== valueClosers[slot] ||
    at < (valueFrom[slot] as number) ||
    at > (valueTo[slot] as number)
  ) {
    valueClosers[slot] = closerCode;
    valueFrom[slot] = at;
    valueTo[slot] = at;
    valueClosedAt[slot] = 0;
  }
  // This very string from now on: the next comparison is by reference, not by its characters.
  valueTexts[slot] = text;
  if (valueClosedAt[slot] === 0) {
    const stops = query ? QUERY_VALUE_STOP : VALUE_STOP;
    let i = valueTo[slot] as number;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c < 128 && stops[c] === 1) break;
      if (c === 0x5c /* \ */ && /[nrt"\\]/.test(text[i + 1] ?? "")) break;
      if (c === closerCode) break;
      i++;
    }
    valueTo[slot] = i;
    valueClosedAt[slot] = i < limit || i === text.length ? 1 : 0;
  }
  return trimClosers(text, at, Math.min(valueTo[slot] as number, limit));
}

/** The characters `trimClosers` counts: the three quotes, then the four openers (index in TRIM_SLOT + 1). */
const TRIM_CHARS = `"'\`([{<`;
const TRIM_SLOT = new Int8Array(128).fill(-1);
for (let k = 0; k < TRIM_CHARS.length; k++) TRIM_SLOT[TRIM_CHARS.charCodeAt(k)] = k;

/**
 * Counts of TRIM_CHARS in text[trimFrom, trimTo) of `trimText`: values read one after another overlap (a line
 * of names packed into each other's values, each value up to MAX_VALUE long), so a value's counts are the
 * last one's with both ends moved, instead of the value being split or searched again at each.
 */
let trimText = "";
let trimFrom = 0;
let trimTo = 0;
const trimCounts = new Int32Array(TRIM_CHARS.length);

function countTrimChars(text: string, from: number, to: number, sign: number, counts: Int32Array): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const slot = c < 128 ? (TRIM_SLOT[c] as number) : -1;
    if (slot >= 0) counts[slot] = (counts[slot] as number) + sign;
  }
}

/** TRIM_CHARS counts of text[from, to), into `out`. */
function trimCountsOf(text: string, from: number, to: number, out: Int32Array): void {
  // A window that does not overlap the last one is counted afresh.
  if (text !== trimText || from >= trimTo || to <= trimFrom) {
    trimText = text;
    trimFrom = from;
    trimTo = from;
    trimCounts.fill(0);
  }
  if (from < trimFrom) countTrimChars(text, from, trimFrom, 1, trimCounts);
  else countTrimChars(text, trimFrom, from, -1, trimCounts);
  if (to > trimTo) countTrimChars(text, trimTo, to, 1, trimCounts);
  else countTrimChars(text, to, trimTo, -1, trimCounts);
  trimFrom = from;
  trimTo = to;
  out.set(trimCounts);
}

const localTrimCounts = new Int32Array(TRIM_CHARS.length);

function trimClosers(text: string, at: number, end: number): number {
  let e = end;
  // Counts of TRIM_CHARS in text[at, e - 1), once a quote or closer is met (null before).
  let counts: Int32Array | null = null;
  for (;;) {
    const c = text[e - 1] ?? "";
    if (e <= at) return e;
    if (c === "," || c === ";" || c === ".") {
      e--;
      if (counts !== null) countTrimChars(text, e - 1, e, -1, counts);
      continue;
    }
    const quote = c === '"' || c === "'" || c === "`";
    const opener = CLOSERS[c];
    if (!quote && opener === undefined) return e;
    if (counts === null) {
      counts = localTrimCounts;
      trimCountsOf(text, at, e - 1, counts);
    }
    // A quote closing an enclosing string (`'password=abc'`): it has no partner inside the value (an even
    // number of its kind before it); a closer whose opener is not inside the value.
    const slot = TRIM_SLOT[(quote ? c : (opener as string)).charCodeAt(0)] as number;
    if (quote ? (counts[slot] as number) % 2 === 0 : (counts[slot] as number) === 0) {
      e--;
      countTrimChars(text, e - 1, e, -1, counts);
      continue;
    }
    return e;
  }
}

/** First letters of the AUTH_SCHEME words (either case). */
const SCHEME_INITIALS = charSet("BTDJOAKNSbtdjoakns");

/**
 * A scheme word starts with one of their initials, is 3 to 16 letters, digits and `-`, then a space or tab:
 * the cheap test before AUTH_SCHEME (`api_key=x y` is not `Bearer y`).
 */
function mayStartWithScheme(text: string, s: number): boolean {
  if (!inSet(SCHEME_INITIALS, text, s)) return false;
  const limit = Math.min(text.length, s + 18);
  for (let i = s; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) return i - s >= 3;
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45)) return false;
  }
  return false;
}

/** Emits the credential part of an Authorization value, keeping the scheme word (redaction.md §2). */
function emitAuthorization(text: string, s: number, e: number, quoted: boolean, emit: Emit): void {
  const value = text.slice(s, e);
  const scheme = AUTH_SCHEME.exec(value);
  if (scheme) {
    const word = (scheme[1] ?? "").toUpperCase();
    // SigV4: the Credential scope (date, region, service) is evidence; the key id and Signature rules mask the rest.
    if (word === "AWS4-HMAC-SHA256") return;
    const from = s + scheme[0].length;
    let to = quoted ? e : unquotedEnd(text, from);
    if (!quoted && (word === "DIGEST" || word === "AWS")) to = lineEndWithin(text, from);
    if (to > from && !isBenignSpan(text, from, to)) emit(from, to, "authorization");
    return;
  }
  const to = quoted ? e : unquotedEnd(text, s);
  if (to > s && !isBenignSpan(text, s, to)) emit(s, to, "authorization");
}

/**
 * What `lineEndWithin` read last: [lineFreeFrom, lineFreeTo) of `lineText` holds no line end or quote, and,
 * when `lineClosed`, one is at lineFreeTo (or the text ends there). Values read one after another on a line
 * (a thousand `Set-Cookie:` in a row) share it instead of each reading up to MAX_VALUE characters again.
 */
let lineText = "";
let lineFreeFrom = 0;
let lineFreeTo = 0;
let lineClosed = false;

function isLineStop(c: number): boolean {
  return c === 10 || c === 13 || c === 0x27 || c === 0x22;
}

/** Where the value at `from` ends at the latest: a line end or a quote, or MAX_VALUE characters on. */
function lineEndWithin(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_VALUE);
  if (text !== lineText || from < lineFreeFrom || from > lineFreeTo) {
    lineFreeFrom = from;
    lineFreeTo = from;
    lineClosed = false;
  }
  lineText = text;
  if (!lineClosed) {
    let i = lineFreeTo;
    while (i < limit && !isLineStop(text.charCodeAt(i))) i++;
    lineFreeTo = i;
    lineClosed = i < limit || i === text.length;
  }
  return Math.min(lineFreeTo, limit);
}

const COOKIE_ATTRIBUTES = new Set([
  "path",
  "domain",
  "expires",
  "max-age",
  "samesite",
  "secure",
  "httponly",
  "priority",
  "partitioned",
  "version",
  "comment",
]);
const LONGEST_ATTRIBUTE = Math.max(...[...COOKIE_ATTRIBUTES].map((a) => a.length));

/** `/[\s"']/` of one character. */
function isSpaceOrQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || isSpace(c);
}

/** The next `=` (cookie values are read left to right) and `:` (a paste of `-u ` flags and no colon). */
const EQUALS = new NextOccurrence("=");
const COLON = new NextOccurrence(":");
function nextEquals(text: string, from: number): number {
  return EQUALS.find(text, from);
}
function nextColon(text: string, from: number): number {
  return COLON.find(text, from);
}

/** A cookie name's characters: not whitespace (as `\s` means it), `=`, `;` or `,`. */
function isCookieNameChar(c: number): boolean {
  if (c === 0x3d || c === 0x3b || c === 0x2c) return false;
  if (c < 128) return c !== 32 && (c < 9 || c > 13);
  return !/\s/.test(String.fromCharCode(c));
}

/**
 * The cookie pairs the last reads of one rule on one text found, in order (absolute offsets: name start and
 * value end), from `cookieFrom`, and the end of the window the last read had. A read from an offset between two
 * of those pairs meets the same pairs (a regex's leftmost match from there is the next one), so a read of the
 * same line again (a line of a thousand `Cookie: a=b;`, each starting a read to the line's end) reports only what
 * lies past the last pair that ended inside the earlier window. Keyed on the rule's `emit`, so another view or
 * another paste never skips a report.
 */
let cookieText = "";
let cookieEmit: Emit | null = null;
let cookieFrom = 0;
let cookieWindowEnd = 0;
/** Where the last read stopped: its `i` when it left its window (past its last pair or nameless `=`). */
let cookieReadTo = 0;
let cookieStarts: number[] = [];
let cookieEnds: number[] = [];

/** Where a read of text[s, e) can start reporting: past the pairs an earlier read already reported. */
function cookieResume(text: string, s: number, e: number, emit: Emit): number {
  if (
    text === cookieText &&
    emit === cookieEmit &&
    s >= cookieFrom &&
    s <= cookieWindowEnd &&
    e >= cookieWindowEnd
  ) {
    const lo = lowerBound(cookieStarts, s);
    cookieText = text;
    // In step with the earlier read where `s` is not inside one of its pairs, or where it is but this read
    // meets no `=` before the next pair, whose name starts a run of name characters (so no read start bounds
    // it): this read then finds that pair and those after it as the earlier one did (a line of `&amp;sig=`
    // behind 4 000 Cookie headers re-read 500 pairs at each).
    let inStep = lo === 0 || (cookieEnds[lo - 1] ?? 0) <= s;
    if (!inStep && lo < cookieStarts.length) {
      const next = cookieStarts[lo] ?? 0;
      inStep = nextEquals(text, s) >= next && (next === 0 || !isCookieNameChar(text.charCodeAt(next - 1)));
    }
    if (inStep) {
      // No pair at or after `s`: every `=` the earlier read passed from there on had no name before it, and has
      // none now, so this read would pass them too and stand where that one stopped (a line of 30 000
      // `-b =>` read each `=` of its 8 KiB window at every flag).
      if (lo === cookieStarts.length) {
        cookieWindowEnd = e;
        return Math.max(s, cookieReadTo);
      }
      // The first pair from `lo` not ended inside the earlier window (the ends ascend: a binary search).
      let last = lo;
      let top = cookieEnds.length;
      while (last < top) {
        const mid = (last + top) >> 1;
        if ((cookieEnds[mid] ?? 0) < cookieWindowEnd) last = mid + 1;
        else top = mid;
      }
      // The pairs from `last` on may have been cut by the earlier window: read again.
      cookieStarts.length = last;
      cookieEnds.length = last;
      cookieWindowEnd = e;
      return last > lo ? (cookieEnds[last - 1] ?? s) : s;
    }
  }
  cookieText = text;
  cookieEmit = emit;
  cookieFrom = s;
  cookieWindowEnd = e;
  cookieStarts = [];
  cookieEnds = [];
  return s;
}

/**
 * Masks every cookie value in text[s, e), keeping cookie names and Set-Cookie attributes: each
 * `name=value` that `/([^\s=;,]{1,128})=([^;\n\r]{0,4096})/g` would match there, found from the `=` back
 * to the name and on to the value, so no start is tried 128 characters deep (that regex, run on every value
 * of a line of `Set-Cookie:` repeated, took seconds for 30 KB).
 */
/**
 * The `;`, LF and CR offsets in [stopsFrom, stopsTo) of `stopsText`, ascending: each character read once as
 * far as cookie values have looked. The cookie headers of one line (`Set-Cookie:` repeated) each read their
 * values to the same `;`: found by a binary search, not by reading up to 4096 characters per header.
 */
let stopsText = "";
let stopsFrom = 0;
let stopsTo = 0;
let stops = new Int32Array(64);
let stopCount = 0;

/** The first `;`, LF or CR in [from, limit), or `limit`. */
function cookieValueEnd(text: string, from: number, limit: number): number {
  // A read before the stretch read so far, or far past it, starts a new one; a read just past it extends it
  // over the gap (the next pair of a line starts a few characters past where the last value's read stopped).
  if (text !== stopsText || from < stopsFrom || from > stopsTo + 4096) {
    stopsText = text;
    stopsFrom = from;
    stopsTo = from;
    stopCount = 0;
  }
  for (let i = stopsTo; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x3b && c !== 10 && c !== 13) continue;
    if (stopCount === stops.length) {
      const grown = new Int32Array(2 * stops.length);
      grown.set(stops);
      stops = grown;
    }
    stops[stopCount++] = i;
  }
  if (limit > stopsTo) stopsTo = limit;
  const lo = lowerBound(stops, from, stopCount);
  const stop = lo < stopCount ? (stops[lo] as number) : limit;
  return stop < limit ? stop : limit;
}

function emitCookies(text: string, s: number, e: number, emit: Emit): void {
  let i = cookieResume(text, s, e, emit);
  while (i < e) {
    const q = nextEquals(text, i);
    if (q < 0 || q >= e) break;
    // The leftmost name that ends at this `=`: the run of name characters before it, at most 128, from `i`.
    let p = q;
    while (p > i && q - p < 128 && isCookieNameChar(text.charCodeAt(p - 1))) p--;
    if (p === q) {
      i = q + 1;
      continue;
    }
    // The value: up to 4096 characters, to the next `;` or line end.
    const end = cookieValueEnd(text, q + 1, Math.min(e, q + 1 + 4096));
    i = end;
    cookieStarts.push(p);
    cookieEnds.push(end);
    let cut = end;
    while (cut > q + 1 && isSpaceOrQuote(text.charCodeAt(cut - 1))) cut--;
    // (Longer than every attribute name: not cut out and lower-cased.)
    const attribute = q - p <= LONGEST_ATTRIBUTE && COOKIE_ATTRIBUTES.has(text.slice(p, q).toLowerCase());
    if (attribute || cut === q + 1 || isBenignSpan(text, q + 1, cut)) continue;
    emit(q + 1, cut, "cookie");
  }
  cookieReadTo = i;
}

/** `$VAR`, `${VAR}`, `$(cmd)`, `$env:VAR`: a reference to the secret, not the secret (`$ecr3t!` is a value). */
function isReference(text: string, at: number, end: number): boolean {
  const v = text.slice(at, end);
  return /^\$(?:\{[^}]{1,200}\}|\([^)]{1,300}\)|env:\w{1,80}|[A-Z_][A-Z0-9_]{0,80}|[a-z_]{1,80}|\d)$/.test(v);
}

/**
 * Handles the value that follows a field or header name at `i`, by what the name says: Authorization keeps
 * its scheme, Cookie keeps names, other secret names mask the whole value.
 * `prose` is true when the separator was `name: ` and a plain word may just be prose; `query` when the name
 * sits in a query string (the value then ends at `&`).
 */
/** The last value `emitNamedValue` read, whether it is benign, and whether it names the last name checked. */
let lastValue = "";
/** Where `lastValue` was last read: at lastValueStart of lastValueText (-1: not known). */
let lastValueText = "";
let lastValueStart = -1;
/**
 * A stretch of `periodText` read as repeating with period `periodShift`: text[x] === text[x + periodShift]
 * for every x in [periodFrom, periodTo). Names packed into each other's values (`sk-Cookie:sk-Cookie:…`)
 * each read the same 8 KiB tail, one period further on: the stretch grows by a period per name instead of
 * each tail being compared whole with the last.
 */
let periodText = "";
let periodShift = 0;
let periodFrom = 0;
let periodTo = 0;

/** Whether text[s, e) reads `lastValue`, which was read at lastValueStart of this text (when known). */
function sameAsLastValue(text: string, s: number, e: number): boolean {
  const length = e - s;
  if (length !== lastValue.length) return false;
  if (length < 64 || text !== lastValueText || lastValueStart < 0 || s <= lastValueStart)
    return sameText(text, s, e, lastValue);
  // text[s, e) equals text[from, from + length) exactly when that stretch repeats with period s - from.
  const shift = s - lastValueStart;
  const from = lastValueStart;
  if (periodText !== text || periodShift !== shift || from < periodFrom || from > periodTo) {
    periodText = text;
    periodShift = shift;
    periodFrom = from;
    periodTo = from;
  }
  let x = periodTo;
  const to = from + length;
  while (x < to && text.charCodeAt(x) === text.charCodeAt(x + shift)) x++;
  periodTo = x;
  return x >= to;
}
let lastBenign = true;
/** Whether `lastValue` looks machine-made (what a weak name needs), once asked (null: not yet). */
let lastMachineMade: boolean | null = null;
/** Whether `lastValue` reads as a word (or is under 6 characters), once asked (null: not yet). */
let lastWordLike: boolean | null = null;
let lastPlaceholderNorm: string | null = null;
let lastPlaceholder = false;

export function emitNamedValue(
  text: string,
  name: string,
  i: number,
  prose: boolean,
  emit: Emit,
  query = false,
  /** A character the unquoted value ends at besides blanks (`;` in a `;`-separated connection string). */
  stop: string | null = null,
): void {
  const facts = nameFacts(name);
  const cls = facts.cls;
  if (cls === null) return;
  const { at, closer, bracket } = openValue(text, i);
  const end = closer === null ? null : quotedEnd(text, at, closer);
  if (cls === "authorization") {
    emitAuthorization(text, at, end ?? lineEndWithin(text, at), end !== null, emit);
    return;
  }
  if (cls === "cookie") {
    emitCookies(text, at, end ?? lineEndWithin(text, at), emit);
    return;
  }
  // An object or a list under a secret's name (`"customApiKeyResponses": {"approved": ["…"]}`, a pretty-printed
  // `"keys": [` with its strings on the lines below): every string value in it.
  if (closer === null) {
    const c = text.charCodeAt(at);
    if ((!bracket && c === 0x7b) || (bracket && (at >= text.length || isSpace(c))))
      if (emitNestedStrings(text, bracket ? at - 1 : at, facts.kind, emit)) return;
  }
  let s = at;
  let e = end ?? unquotedEnd(text, at, query, bracket ? "]" : stop);
  // A `;` that no `name=` pair (or the end of the value) follows is the value's own (`p@ss;w0rd`): on to the
  // next `;` that one does.
  if (
    end === null &&
    !bracket &&
    stop !== null &&
    text.charCodeAt(e) === 0x3b &&
    !pairAfterSemicolon(text, e)
  ) {
    const whole = unquotedEnd(text, at, query, null);
    while (e < whole && text.charCodeAt(e) === 0x3b && !pairAfterSemicolon(text, e)) {
      e++;
      while (e < whole && text.charCodeAt(e) !== 0x3b) e++;
    }
  }
  if (end === null && text[at] === "$" && isReference(text, at, e)) return;
  // `token: Bearer abc` and `API_KEY="Bearer abc"`: the scheme word stays.
  const scheme = mayStartWithScheme(text, s)
    ? AUTH_SCHEME.exec(text.slice(s, Math.min(e + 16, s + 64)))
    : null;
  if (scheme && end === null) {
    s += scheme[0].length;
    e = unquotedEnd(text, s, query);
  } else if (scheme && s + scheme[0].length < e) s += scheme[0].length;
  if (e <= s) return;
  // A repeated value is not cut out or judged again: its string and verdicts are reused.
  if (!sameAsLastValue(text, s, e)) {
    lastValue = text.slice(s, e);
    lastMachineMade = null;
    lastWordLike = null;
    lastBenign = isBenignSpan(text, s, e);
    lastPlaceholderNorm = null;
  }
  lastValueText = text;
  lastValueStart = s;
  const value = lastValue;
  if (lastBenign) return;
  if (lastPlaceholderNorm !== facts.norm) {
    lastPlaceholderNorm = facts.norm;
    lastPlaceholder = isPlaceholderValue(facts.norm, value);
  }
  if (lastPlaceholder) return;
  if (end === null && prose) {
    if (lastWordLike === null) lastWordLike = isWordLike(value) || value.length < 6;
    if (lastWordLike) return;
  }
  // A bare `key=` (cache keys, map keys) needs a machine-made value: `key=ticket:81248` stays.
  if (facts.weak) {
    if (lastMachineMade === null)
      lastMachineMade =
        value.length >= 16 &&
        looksRandom(value) &&
        !/^[A-Za-z_]{1,40}[:/]/.test(value) &&
        // `--- PASS: TestStreaming_RetryAfter529` (Go's test output): an identifier, not a password.
        !CAMEL_WORDS.test(value);
    if (!lastMachineMade) return;
  }
  emit(s, e, facts.kind);
}

/** The stretch of `nestedText` the last object read covered: an object inside it was read with it. */
let nestedText = "";
let nestedFrom = -1;
let nestedTo = -1;
let nestedBudget = 0;
/** How far an object under a secret's name is read. */
const NESTED_REACH = 4096;

/**
 * The string values (not the keys) of the object or list opening at `from`, when it closes within reach:
 * whether it did (one read inside the last one's stretch was read with it).
 */
function emitNestedStrings(text: string, from: number, kind: string, emit: Emit): boolean {
  if (text !== nestedText) {
    nestedText = text;
    nestedFrom = -1;
    nestedTo = -1;
    nestedBudget = 2 * text.length + 65536;
  }
  // (Another reader may ask about an object before the last one read: only one inside it was read with it.)
  if (from >= nestedFrom && from < nestedTo) return true;
  // Objects that never close (`"secret": {` repeated) are each read up to the reach: within a budget of twice
  // the text, past which they are read as before (the value as one token), so the reads stay linear.
  const limit = Math.min(text.length, from + NESTED_REACH);
  if (nestedBudget < limit - from) return false;
  const close = nestedClose(text, from, limit);
  nestedBudget -= (close < 0 ? limit : close) - from;
  if (close < 0) return false;
  nestedFrom = from;
  nestedTo = close;
  // The key the strings that follow are values of: one that describes them (`"Expiration"`) keeps them.
  let described = false;
  for (let i = from; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x22 && c !== 0x27) continue;
    const j = stringEnd(text, i, close);
    let k = j + 1;
    while (k < close && isBlankCode(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x3a) described = j - i <= 82 && isDescriptiveName(text.slice(i + 1, j));
    else if (!described && j > i + 1 && !isBenignSpan(text, i + 1, j)) emit(i + 1, j, kind);
    i = j;
  }
  return true;
}

/** The closing quote of the string opening at `i`, or `limit` (a string ends at its line). */
function stringEnd(text: string, i: number, limit: number): number {
  const q = text.charCodeAt(i);
  let j = i + 1;
  while (j < limit && text.charCodeAt(j) !== q && text.charCodeAt(j) !== 10)
    j += text.charCodeAt(j) === 0x5c ? 2 : 1;
  return Math.min(j, limit);
}

/** Just past the bracket that closes the one at `from`, before `limit`, or -1. */
function nestedClose(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
    } else if (c === 0x22 || c === 0x27) {
      i = stringEnd(text, i, limit);
      if (i >= limit || text.charCodeAt(i) !== c) return -1;
    }
  }
  return -1;
}

/**
 * `name = value`, `name: value`, `"name": "value"`, `name => value`, `name := value`, Java `{name=[value]}`:
 * env dumps, YAML, JSON, HTTP headers (curl `>`, HTTP/2 traces), Python kwargs (redaction.md §4). Alignment
 * up to 40 columns wide (`kubectl describe`, aligned YAML). As a regex (NAME_SEP), what `readNameSep` reads:
 * `/([A-Za-z_][\w.-]{0,80})(?:\\?["'])?\]?[ \t]{0,40}(:=|=>|[:=])[ \t]{0,40}/y`.
 */
const BARE_PASSWORD = /^(?:password|passwd|passwort|kennwort)$/i;
/**
 * Where the value starts when text[s, e) is a secret's identifier (with `_`, `-` or `.` in it, or camel case:
 * `X-Api-Key`, `apiKey`) followed by blanks or a table's `|` and a
 * value (no `=` or `:`), or -1.
 */
function spacedValueAt(text: string, s: number, e: number): number {
  if (e - s < 4 || e - s > 81 || !hasIdentifierShape(text, s, e)) return -1;
  let i = e;
  const quote = text.charCodeAt(i);
  if ((quote === 0x22 || quote === 0x27) && text.charCodeAt(s - 1) === quote) i++;
  const blanks = i;
  while (i < text.length && i - blanks <= 40 && isBlankCode(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x7c /* | */) {
    i++;
    while (i < text.length && i - blanks <= 48 && isBlankCode(text.charCodeAt(i))) i++;
  } else if (i === blanks || i - blanks > 40) return -1;
  const c = text.charCodeAt(i);
  // A value starts with a letter, a digit or a quote (not a flag, an operator or punctuation of prose).
  if (!(isNameStart(c) || isDigit(c) || c === 0x22 || c === 0x27)) return -1;
  // A `name=` or `name:` of its own (`<add key="ApiKey" value="…"/>`) is a pair the other readers read.
  let w = i;
  while (w < text.length && w - i <= 81 && isNameChar(text.charCodeAt(w))) w++;
  const after = text.charCodeAt(w);
  if (after === 0x3d || after === 0x3a) return -1;
  // The value is the line's last word (before a `;`, `|` or `}`): a listing's columns (`fly secrets list`'s
  // digest and age, `aws configure list`'s type and location) are no pair.
  let v = i;
  if (c === 0x22 || c === 0x27) {
    v = i + 1;
    while (v < text.length && v - i <= 4096 && text.charCodeAt(v) !== c && text.charCodeAt(v) !== 10) v++;
    v++;
  } else while (v < text.length && v - i <= 4096 && !isSpace(text.charCodeAt(v))) v++;
  while (v < text.length && isBlankCode(text.charCodeAt(v))) v++;
  const next = text.charCodeAt(v);
  if (!(v >= text.length || next === 10 || next === 13 || next === 0x3b || next === 0x7c || next === 0x7d)) {
    // (An unquoted value's own `;` or `}` ends it: `V;` is read to the blank.)
    return -1;
  }
  const name = text.slice(s, e);
  // (`…id.Bearer tok`: the scheme word, which the Bearer rule reads, ends no identifier.)
  if (/bearer$/i.test(name) || nameFacts(name).cls !== "secret") return -1;
  return i;
}

/** Whether text[s, e) has an identifier's shape, read in place (this runs at every secret word a blank follows). */
function hasIdentifierShape(text: string, s: number, e: number): boolean {
  let lower = false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5f || c === 0x2d || c === 0x2e) return true;
    if (lower && c >= 65 && c <= 90) return true;
    lower = c >= 97 && c <= 122;
  }
  return false;
}

/** Whether a quoted string at `i` is followed by a `:` (an object's key). */
function isObjectKeyAt(text: string, i: number): boolean {
  const q = text.charCodeAt(i);
  if (q !== 0x22 && q !== 0x27) return false;
  let j = i + 1;
  while (j < text.length && j - i <= 128 && text.charCodeAt(j) !== q && text.charCodeAt(j) !== 10) j++;
  if (text.charCodeAt(j) !== q) return false;
  j++;
  while (j < text.length && isBlankCode(text.charCodeAt(j))) j++;
  return text.charCodeAt(j) === 0x3a;
}

/** Whether a letters-only identifier that names a secret (`dbPassword`, `API_KEY`) starts at `i`, alone. */
function isSecretIdentifierAt(text: string, i: number): boolean {
  let e = i;
  while (e < text.length && e - i <= 81 && isNameChar(text.charCodeAt(e))) e++;
  if (e === i || e - i > 81 || !(e >= text.length || isSpace(text.charCodeAt(e)))) return false;
  const word = text.slice(i, e);
  return /^(?:[a-z]+(?:[A-Z][a-z]*)+|[A-Z]+(?:_[A-Z]+)+)$/.test(word) && classifyNameCached(word) !== null;
}

/** The operators of a shell parameter's default after `${NAME:`. */
const SHELL_DEFAULT = new Set(["-", "=", "?", "+"]);
/** What may stand before a bare `password` word: a line's start, a blank, a quote, a bracket, a comma, a bar. */
const BARE_BEFORE = new Set([" ", "\t", "\n", "\r", '"', "'", "[", "(", "{", ",", "|"]);
/** `--api-key V`, `--token=V`, `"--api-key", "V"`, `.netrc`'s `password V`: a name then spaces, `=` or `", "`. */
const FLAG_TAIL = /([A-Za-z_][\w.-]{0,80})(?:[ \t]{1,40}|=|["'][ \t]{0,4},[ \t]{0,4})/y;
/**
 * Every word a secret-bearing name contains (see values.ts): the scan starts only where one occurs, walks
 * back to the start of the name, and reads the separator from there, so the many `status=200` pairs of a
 * long log cost nothing beyond this one scan.
 */

const NAME_CHARS = charSet(`${B64URL_CHARS}.`);
function isNameChar(c: number): boolean {
  return c < 128 && NAME_CHARS[c] === 1;
}

/** What `readNameSep` read: where the name ends and whether the separator was a lone `:`. */
const SEP = { nameEnd: 0, colon: false };

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * NAME_SEP at `s`, read by hand (it runs once per secret word of the paste, and a regex match allocates):
 * the name (up to 81 name characters; a longer run is no match, as the regex cannot stop inside it), an
 * optional `\"`/`"`/`'` and `]`, up to 40 blanks, `:=`, `=>`, `:` or `=`, up to 40 blanks. Returns the
 * end of the match, or -1.
 */
function readNameSep(text: string, s: number, runEnd = -1): number {
  const n = text.length;
  if (s >= n || !isNameStart(text.charCodeAt(s))) return -1;
  let i = s + 1;
  // A name is at most 81 characters: a longer run is read no further (a paste of `keykeykey…` is one run, and
  // every `key` in it starts a read). A caller that knows where the run of name characters ends says so.
  if (runEnd > s) i = Math.min(runEnd, s + 82);
  else while (i < n && i - s <= 81 && isNameChar(text.charCodeAt(i))) i++;
  if (i - s > 81) return -1;
  SEP.nameEnd = i;
  let c = text.charCodeAt(i);
  if (c === 0x5c /* \ */ && (text.charCodeAt(i + 1) === 0x22 || text.charCodeAt(i + 1) === 0x27)) i += 2;
  else if (c === 0x22 || c === 0x27) i++;
  if (text.charCodeAt(i) === 0x5d /* ] */) i++;
  const blanks = i;
  while (i < n && isBlankCode(text.charCodeAt(i))) i++;
  if (i - blanks > 40) return -1;
  c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  SEP.colon = false;
  if ((c === 0x3a && d === 0x3d) || (c === 0x3d && d === 0x3e)) i += 2;
  else if (c === 0x3a || c === 0x3d) {
    SEP.colon = c === 0x3a;
    i++;
  } else return -1;
  const after = i;
  while (i < n && i - after < 40 && isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Whether text[s, e) reads `prev`. Short strings: a loop beats `startsWith`'s call here. Longer ones are
 * compared natively: `prev` is a slice of the paste, whose every `charCodeAt` first unwraps it (a hex dump's
 * 30 000 columns compared twice each cost 4 ms that way).
 */
export function sameText(text: string, s: number, e: number, prev: string): boolean {
  if (e - s !== prev.length) return false;
  if (prev.length >= 16) return text.slice(s, e) === prev;
  for (let i = 0; i < prev.length; i++) if (text.charCodeAt(s + i) !== prev.charCodeAt(i)) return false;
  return true;
}

/** A connection string's next pair after the `;` at `i` (`;EndpointSuffix=`, `;User ID=`), or its end. */
const PAIR_AFTER_SEMICOLON = /;(?:[A-Za-z][\w .-]{0,40}=|[\s"']|$)/y;
function pairAfterSemicolon(text: string, i: number): boolean {
  if (i + 1 >= text.length) return true;
  PAIR_AFTER_SEMICOLON.lastIndex = i;
  return PAIR_AFTER_SEMICOLON.test(text);
}

/** The last break (blank, quote, backtick or `=`) `inArnOrUrn` found before `arnTo` in `arnText`, or -1. */
let arnText = "";
let arnTo = 0;
let arnBreak = -1;
/** Whether `arnText` holds `arn:` or `urn:` anywhere. */
let arnAnywhere = false;

function isArnBreak(c: number): boolean {
  return c <= 32 || c === 0x22 || c === 0x27 || c === 0x60 || c === 0x3d;
}

/**
 * Whether `s` lies in an `arn:` or `urn:` id: the run of up to 256 characters before it with no blank, quote,
 * backtick or `=` starts so. Asked left to right, each character is read once (a line of 100 000 names
 * after colons asked it at each).
 */
function inArnOrUrn(text: string, s: number): boolean {
  if (text !== arnText || s < arnTo) {
    // A paste with no `arn:` or `urn:` at all (most of them) reads nothing more.
    if (text !== arnText) arnAnywhere = /[AaUu][Rr][Nn]:/.test(text);
    arnTo = Math.max(0, s - 256);
    arnBreak = -1;
  }
  // This very string from now on: the next comparison is by reference, not by its characters.
  arnText = text;
  if (!arnAnywhere) return false;
  for (let k = Math.max(arnTo, s - 256); k < s; k++) if (isArnBreak(text.charCodeAt(k))) arnBreak = k;
  arnTo = s;
  const t = Math.max(arnBreak + 1, s - 256, 0);
  // `arn:` or `urn:` in any case, read in place (this runs at every name after a colon).
  const a = text.charCodeAt(t) | 0x20;
  return (
    (a === 0x61 || a === 0x75) &&
    (text.charCodeAt(t + 1) | 0x20) === 0x72 &&
    (text.charCodeAt(t + 2) | 0x20) === 0x6e &&
    text.charCodeAt(t + 3) === 0x3a
  );
}

export const namedValues: Detector = (text, emit) => {
  const words = scanText(text).words;
  let lastNameText = "";
  let lastName = -1;
  let skipTo = 0;
  // The run of name characters around the last hit: a hit inside it is not walked again (a paste of
  // `keykeykey…` is one run holding a secret word every third character).
  let runStart = 0;
  let runEnd = -1;
  for (let w = 0; w < words.length; w++) {
    const hit = words[w] ?? 0;
    if (hit < skipTo) continue;
    if (hit >= runEnd) {
      runStart = hit;
      while (runStart > 0 && isNameChar(text.charCodeAt(runStart - 1))) runStart--;
      runEnd = hit;
      while (runEnd < text.length && isNameChar(text.charCodeAt(runEnd))) runEnd++;
    }
    let s = Math.max(runStart, hit - 80);
    while (s < hit && !isNameStart(text.charCodeAt(s))) s++;
    if (s === lastName) continue;
    lastName = s;
    // More than 81 name characters from here: no name the separator or flag readers take (both stop at 81).
    if (runEnd - s > 81) continue;
    const dashes = text[s - 1] === "-" ? (text[s - 2] === "-" ? 2 : 1) : 0;
    const before = text[s - 1 - dashes];
    if (before === "$" || before === "." || (dashes === 0 && before === "-")) continue;
    const sepEnd = dashes === 0 ? readNameSep(text, s, runEnd) : -1;
    if (sepEnd >= 0) {
      // The same name as the last one (a log repeats its names) is not cut out again: its string, hash
      // and cached facts are reused.
      if (!sameText(text, s, SEP.nameEnd, lastNameText)) lastNameText = text.slice(s, SEP.nameEnd);
      const name = lastNameText;
      const next = text[sepEnd];
      // `https://host:443` and `C:\path` are not assignments; `::` is not a separator.
      if (SEP.colon && (next === "/" || next === ":")) continue;
      if (SEP.colon && sepEnd === SEP.nameEnd + 1) {
        // `arn:aws:secretsmanager:…:secret:prod/db`, `urn:…:token-type:jwt`: a field of an ARN or URN.
        if (before === ":" && inArnOrUrn(text, s)) continue;
        // `https://__token__:pypi-…@host`: a URL's userinfo, which the URL rule reads to its last `@`.
        if (before === "/" && text.startsWith("://", s - 3)) continue;
      }
      // A shell default (`${API_KEY:-V}`, `:=`, `:?`, `:+`): the value starts after its operator.
      const operator =
        SEP.colon && before === "{" && text[s - 2] === "$" && SHELL_DEFAULT.has(text[sepEnd] ?? "") ? 1 : 0;
      // A `;`-separated connection string (`…;AccountKey=…;EndpointSuffix=…`): the value ends at `;`.
      emitNamedValue(
        text,
        name,
        sepEnd + operator,
        SEP.colon,
        emit,
        before === "?" || before === "&" || before === "#",
        before === ";" ? ";" : null,
      );
      skipTo = s + name.length;
      continue;
    }
    // A flag (`--api-key`), or the bare words `password`/`passwd` (.netrc, aligned tables). FLAG_TAIL's name
    // is the whole run of name characters (its tails start with none), so a bare word is checked first.
    if (dashes === 0) {
      // A word of its own: not the end of a path or a longer string (`"/prod/db/password", "Type"`).
      if (before !== undefined && !BARE_BEFORE.has(before)) continue;
      // A secret's identifier, blanks (or a table's `|`), then the value: nginx's `proxy_set_header X-Api-Key V;`,
      // `doppler secrets set NAME V`, `| NAME | V |`, `NAME<TAB>V`. Read as prose: a word after it stays.
      const at = s === runStart ? spacedValueAt(text, s, runEnd) : -1;
      if (at >= 0) {
        emitNamedValue(text, text.slice(s, runEnd), at, true, emit);
        skipTo = runEnd;
        continue;
      }
      let r = s;
      while (r < text.length && r - s < 12 && isNameChar(text.charCodeAt(r))) r++;
      if (r - s < 6 || r - s > 8 || isNameChar(text.charCodeAt(r))) continue;
      if (!BARE_PASSWORD.test(text.slice(s, r))) continue;
    }
    FLAG_TAIL.lastIndex = s;
    const flag = FLAG_TAIL.exec(text);
    if (flag === null) continue;
    const name = flag[1] ?? "";
    if (dashes === 0 && !BARE_PASSWORD.test(name)) continue;
    // A flag that takes no value, before a secret's name (`pulumi config set --secret dbPassword V`).
    if (dashes > 0 && isSecretIdentifierAt(text, s + flag[0].length)) continue;
    // `"password", "type": …` is an object's value and its next key, not an argv pair.
    if (isObjectKeyAt(text, s + flag[0].length)) continue;
    emitNamedValue(text, name, s + flag[0].length, dashes === 0, emit);
    skipTo = s + name.length;
  }
};

/**
 * Name and value as two fields of one object: a HAR's `{"name": "x-api-key", "value": "…"}`, Postman's
 * `{"key": …, "value": …}`, AWS's tags `{"Key": …, "Value": …}`, CloudFormation's `{"ParameterKey": …,
 * "ParameterValue": …}`, SSM's `{"Name": "/prod/db/password", "Type": …, "Value": …}`: the value field is the
 * first one after the name field before the object ends (other fields between are passed over).
 */
const NAME_FIELD =
  /(?:"(?:name|key|label|Name|Key|ParameterKey|ParameterName|OptionName)"|\b(?:name|key))[ \t]{0,4}:[ \t]{0,4}(?:"([^"\\\r\n]{1,120})"|'([^'\\\r\n]{1,120})'|([\w.-]{1,120})(?=[ \t]{0,4},))/g;
export const NAME_FIELD_ANCHORS = [
  '"name"',
  '"key"',
  '"label"',
  '"Name"',
  '"Key"',
  "ParameterKey",
  "ParameterName",
  "OptionName",
  "{key:",
  "{name:",
  "{ key:",
  "{ name:",
];
const VALUE_FIELD = /(?:"(?:value|Value|ParameterValue)"|\bvalue)[ \t]{0,4}:[ \t]{0,4}/y;
/** How far past the name field its value field is looked for. */
const FIELD_REACH = 600;
export const fieldPairs: Detector = (text, emit) => {
  // What the last look read: text[readFrom, readTo), outside any string at readTo, and what it found there: the
  // value field (valueAt: its separator's end), the object's end (ended), or neither yet. A name field inside
  // that stretch has the same answer, or reads on from readTo (a paste of `"key":"password",` repeated reads
  // each character once, not 600 per name).
  let readFrom = -1;
  let readTo = -1;
  let valueAt = -1;
  let ended = false;
  for (const m of matches(NAME_FIELD, text)) {
    const name = m[1] ?? m[2] ?? m[3] ?? "";
    if (classifyNameCached(name) === null) continue;
    const from = m.index + m[0].length;
    let i = from;
    if (from >= readFrom && from <= readTo) {
      if (valueAt >= 0) {
        emitNamedValue(text, name, valueAt, false, emit);
        continue;
      }
      if (ended) continue;
      i = readTo;
    } else {
      readFrom = from;
      valueAt = -1;
      ended = false;
    }
    const limit = Math.min(text.length, from + FIELD_REACH);
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x7d) {
        ended = true;
        break;
      }
      // A `"value":` key, or JavaScript's unquoted `value:` (util.inspect's `{ name: 'x', value: 'y' }`).
      if (c === 0x22 || c === 0x76) {
        VALUE_FIELD.lastIndex = i;
        if (VALUE_FIELD.test(text)) {
          valueAt = VALUE_FIELD.lastIndex;
          break;
        }
      }
      if (c !== 0x22 && c !== 0x27) {
        i++;
        continue;
      }
      // Another field's string, passed over whole (a `}` inside it ends nothing); one running past the reach is
      // read again from its quote by the next look.
      let j = i + 1;
      while (j < limit && text.charCodeAt(j) !== c) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (j >= limit) break;
      i = j + 1;
    }
    readTo = i;
    if (valueAt >= 0) emitNamedValue(text, name, valueAt, false, emit);
  }
};

/**
 * A Kubernetes container's (or an ECS task's) environment in YAML: `- name: DB_PASSWORD` and, on the next line,
 * `value: …`.
 */
const YAML_VALUE_LINE = /[ \t]{0,40}value:[ \t]{0,4}/y;
export const yamlNameValueLines: Detector = (text, emit) => {
  for (let at = text.indexOf("name:"); at >= 0; at = text.indexOf("name:", at + 5)) {
    // `name:` first on its line, after the indentation and a list dash.
    let b = at - 1;
    while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
    if (b >= 0 && text.charCodeAt(b) === 0x2d) b--;
    while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
    if (b >= 0 && text.charCodeAt(b) !== 10) continue;
    const nl = text.indexOf("\n", at);
    if (nl < 0 || nl - at > 160) continue;
    const name = text
      .slice(at + 5, nl)
      .trim()
      .replace(/^(["'])(.*)\1$/, "$2");
    if (!/^[\w./-]{1,120}$/.test(name) || classifyNameCached(name) === null) continue;
    YAML_VALUE_LINE.lastIndex = nl + 1;
    if (YAML_VALUE_LINE.test(text)) emitNamedValue(text, name, YAML_VALUE_LINE.lastIndex, false, emit);
  }
};

/**
 * The value before its name: Swift's `request.setValue("V", forHTTPHeaderField: "x-api-key")` (and
 * `addValue`), Objective-C's `[request setValue:@"V" forHTTPHeaderField:@"Authorization"]`.
 */
const HEADER_FIELD_VALUE =
  /\b(?:set|add)Value[(:][ \t]{0,4}@?("(?:[^"\\\r\n]|\\.){0,4096}")[ \t]{0,4},?[ \t]{0,4}forHTTPHeaderField[ \t]{0,4}:[ \t]{0,4}@?"([\w.-]{1,80})"/g;
export const headerFieldValues: Detector = (text, emit) => {
  for (const m of matches(HEADER_FIELD_VALUE, text)) {
    const at = m.index + m[0].indexOf('"');
    emitNamedValue(text, m[2] ?? "", at, false, emit);
  }
};

/** Python `(b'x-api-key', b'…')` pairs. */
const TUPLE_PAIR = /\(b?(["'])([\w.-]{1,80})\1,[ \t]{0,4}/g;
export const tuplePairs: Detector = (text, emit) => {
  for (const m of matches(TUPLE_PAIR, text))
    emitNamedValue(text, m[2] ?? "", m.index + m[0].length, false, emit);
};

/** curl's `-u user:pass` and `-b 'cookies'` (other secret-named flags are read by `namedValues`). */
const FLAG = /(?<![\w-])(-u|--user|--proxy-user|-b|--cookie)(?:[ \t]{1,8}|=)/g;
const FLAG_AT = new RegExp(FLAG.source, "y");
export const flags: Detector = (text, emit) => {
  for (const m of leadMatches(text, LEAD_FLAG, FLAG, FLAG_AT)) {
    const flag = m[1] ?? "";
    const i = m.index + m[0].length;
    if (flag === "-u" || flag === "--user" || flag === "--proxy-user") {
      const { at, closer } = openValue(text, i);
      const e = closer === null ? unquotedEnd(text, at) : quotedEnd(text, at, closer);
      const colon = nextColon(text, at);
      if (colon >= at && colon < e - 1 && !isBenignValue(text.slice(colon + 1, e)))
        emit(colon + 1, e, "password");
      continue;
    }
    const { at, closer } = openValue(text, i);
    const e = closer === null ? lineEndWithin(text, at) : quotedEnd(text, at, closer);
    // (The paste's next `=`, remembered: a line of 50 000 `-b` flags reads to the same line end at each.)
    const eq = nextEquals(text, at);
    if (eq >= 0 && eq < e && !isDistinguishedName(text, at, e)) emitCookies(text, at, e, emit);
  }
};

/**
 * An LDAP name (`-b "ou=people,dc=corp"`, ldapsearch's search base): `attr=value` pairs joined by commas, one of
 * them a `dc=` or `ou=` (a cookie named `uid` is no search base).
 */
const DISTINGUISHED_NAME =
  /^(?:(?:dc|ou|cn|[ocl]|st|uid)=[^,;=\s"']{1,64},[ \t]?)*(?:dc|ou|cn|[ocl]|st|uid)=[^,;=\s"']{1,64}$/i;
function isDistinguishedName(text: string, s: number, e: number): boolean {
  if (e - s > 512) return false;
  const v = text.slice(s, e);
  return DISTINGUISHED_NAME.test(v) && /\b(?:dc|ou)=/i.test(v);
}

/** A `Bearer <token>` anywhere, header name or not: the token after the scheme word. */
const BEARER = /\bBearer[ \t]{1,8}(?=[\w.~+/-]{8})/gi;
export const bearer: Detector = (text, emit) => {
  for (const m of matches(BEARER, text)) {
    const s = m.index + m[0].length;
    const e = unquotedEnd(text, s);
    const v = text.slice(s, e);
    if (!isBenignValue(v) && !isWordLike(v)) emit(s, e, "authorization");
  }
};

/**
 * `scheme://user:password@host`: masks the password (and a token-shaped user), keeps host and port. The
 * authorities are read by `forEachUserinfo` (url.ts): the userinfo ends at the last `@` followed by a host.
 */
export const urlCredentials: Detector = (text, emit) => {
  forEachUserinfo(text, (a, at, colon) => {
    if (colon >= 0) {
      if (colon + 1 < at && !isBenignValue(text.slice(colon + 1, at))) emit(colon + 1, at, "url-credentials");
      if (colon - a >= 16 && looksRandom(text.slice(a, colon))) emit(a, colon, "url-credentials");
    } else if (at - a >= 16) {
      const userinfo = text.slice(a, at);
      // Sentry DSNs and token-as-user remotes carry the secret as the user.
      if (looksRandom(userinfo) || /^[0-9a-f]{16,}$/.test(userinfo)) emit(a, at, "url-credentials");
    }
  });
};

/** Credential query parameters: `?key=`, `&access_token=`, `sig=`, `X-Amz-Signature=`, OAuth `code=`/`state=`. */
const QUERY_PARAM = /[?&;]([A-Za-z][\w.-]{0,60})=/g;
const QUERY_SECRET_NAMES = new Set([
  "key",
  "code",
  "state",
  "sig",
  "sv_sig",
  "x-amz-signature",
  "x-amz-security-token",
  "assertion",
  "client_secret",
  "session",
  "sessionkey",
]);
const QUERY_STOP = charSet(' \t\r\n&#"<>\\');
export const queryCredentials: Detector = (text, emit) => {
  for (const m of matches(QUERY_PARAM, text)) {
    const name = m[1] ?? "";
    if (!QUERY_SECRET_NAMES.has(name.toLowerCase()) && classifyNameCached(name) !== "secret") continue;
    // A session cookie's name (`;jsessionid=` in a path ends at `?`) is the cookie readers' (readers.ts).
    if (isSessionCookieName(name)) continue;
    const s = m.index + m[0].length;
    let e = trimClosers(text, s, queryValueEnd(text, s, Math.min(text.length, s + MAX_VALUE)));
    // After a `;` (a connection string, a path parameter) the value ends at the next `;` that a pair follows.
    if (text.charCodeAt(m.index) === 0x3b)
      for (let k = s; k < e; k++)
        if (text.charCodeAt(k) === 0x3b && pairAfterSemicolon(text, k)) {
          e = k;
          break;
        }
    if (e > s && !isBenignSpan(text, s, e)) emit(s, e, "query-credential");
  }
};

/**
 * What the last query value read found: text[queryFreeFrom, queryFreeTo) of `queryText` holds no QUERY_STOP,
 * and, when `queryStopped`, one is at queryFreeTo. Parameters packed into each other's values read to the
 * same stop once, not up to MAX_VALUE characters each.
 */
let queryText = "";
let queryFreeFrom = 0;
let queryFreeTo = 0;
let queryStopped = false;

/** The first QUERY_STOP character in [from, limit), or `limit`. */
function queryValueEnd(text: string, from: number, limit: number): number {
  if (text !== queryText || from < queryFreeFrom || from > queryFreeTo) {
    queryText = text;
    queryFreeFrom = from;
    queryFreeTo = from;
    queryStopped = false;
  }
  if (!queryStopped && queryFreeTo < limit) {
    let i = queryFreeTo;
    while (i < limit && !inSet(QUERY_STOP, text, i)) i++;
    queryFreeTo = i;
    queryStopped = i < limit;
  }
  return Math.min(queryFreeTo, limit);
}

/**
 * PEM private keys, also with JSON-escaped `\n` line joins, and truncated ones without an END line
 * (masked to the end of the base64 run). END positions are found in one forward pass, so many BEGIN
 * lines without END cost linear time.
 */
const PEM_BEGIN = /-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_BODY = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=:-,. \t\r\n\\");
function isSpaceOrBackslash(c: number): boolean {
  return c === 92 || c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

export const privateKeys: Detector = (text, emit) => {
  // BEGIN lines as start/end pairs in one typed array (a paste of 40 000 of them allocates nothing per line).
  let begins = new Int32Array(64);
  let count = 0;
  PEM_BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PEM_BEGIN.exec(text)) !== null) {
    if (2 * count + 2 > begins.length) {
      const grown = new Int32Array(begins.length * 2);
      grown.set(begins);
      begins = grown;
    }
    begins[2 * count] = m.index;
    begins[2 * count + 1] = m.index + m[0].length;
    count++;
  }
  let nextEnd = -1;
  let noMoreEnds = false;
  let covered = 0;
  for (let k = 0; k < count; k++) {
    const s = begins[2 * k] ?? 0;
    const bodyStart = begins[2 * k + 1] ?? 0;
    if (s < covered) continue;
    if (!noMoreEnds && nextEnd < bodyStart) {
      nextEnd = text.indexOf("-----END", bodyStart);
      if (nextEnd < 0) noMoreEnds = true;
    }
    const nextBegin = k + 1 < count ? (begins[2 * k + 2] ?? 0) : Number.MAX_SAFE_INTEGER;
    let e: number;
    if (!noMoreEnds && nextEnd >= bodyStart && nextEnd < nextBegin && nextEnd - bodyStart <= 20000) {
      const close = text.indexOf("-----", nextEnd + 8);
      e = close >= 0 && close - nextEnd <= 60 ? close + 5 : nextEnd + 8;
    } else {
      e = bodyStart;
      const limit = Math.min(text.length, bodyStart + 20000);
      while (e < limit && inSet(PEM_BODY, text, e) && !text.startsWith("-----", e)) e++;
      while (e > bodyStart && isSpaceOrBackslash(text.charCodeAt(e - 1))) e--;
    }
    emit(s, e);
    covered = e;
  }
};

/**
 * What a forward read of `authorityText` up to authorityTo found last: the last `/[\s"'<>]/`, the last `/`, and
 * the last `/` that ends a `://`. The e-mail rule asks left to right, so each character is read once, not up to
 * 256 characters back from every `@` (a line of 65 000 scp remotes).
 */
let authorityText = "";
let authorityTo = 0;
let lastUrlStop = -1;
let lastSlash = -1;
let lastSchemeEnd = -1;

/** True when `i` sits in the userinfo of a `scheme://` URL (the URL rule owns that text). */
function insideUrlAuthority(text: string, i: number): boolean {
  // As a walk back from `i` over at most 256 characters would find: the nearer of a stop (no) and the end of
  // a `://` (yes, when no `/` follows it before `i`).
  const from = Math.max(0, i - 256);
  if (text !== authorityText || i < authorityTo) {
    authorityText = text;
    authorityTo = from;
    lastUrlStop = lastSlash = lastSchemeEnd = -1;
  }
  // What lies before `from` cannot change the answer (a stop or slash there is below any scheme end that
  // counts), so a far jump from the last `@` skips it: the `@`s of a dense .env are hundreds apart.
  for (let k = Math.max(authorityTo, from); k < i; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || isSpace(c)) lastUrlStop = k;
    else if (c === 0x2f) {
      lastSlash = k;
      if (text.charCodeAt(k - 1) === 0x2f && text.charCodeAt(k - 2) === 0x3a) lastSchemeEnd = k;
    }
  }
  authorityTo = i;
  if (lastSchemeEnd < from || lastUrlStop > lastSchemeEnd) return false;
  return lastSlash <= lastSchemeEnd;
}

/** TLD-like last labels that are really file extensions (`name@file.ts`). */
const FILE_EXTENSIONS = new Set([
  "js",
  "ts",
  "tsx",
  "jsx",
  "mjs",
  "cjs",
  "json",
  "md",
  "txt",
  "yaml",
  "yml",
  "lock",
  "log",
  "map",
  "css",
  "html",
  "vue",
  "svelte",
  "java",
  "kt",
  "go",
  "rs",
  "rb",
  "png",
  "jpg",
  "svg",
]);
const EMAIL_LOCAL_ASCII = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.%+-");
/** EMAIL_LOCAL, `[\w.%+\u00C0-\uFFFF-]`, by character code (one table read: every `@` of a paste asks). */
function isEmailLocal(c: number): boolean {
  return c < 128 ? EMAIL_LOCAL_ASCII[c] === 1 : c >= 0xc0;
}

const DOMAIN_ASCII = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");
/** EMAIL_DOMAIN's label characters, `[A-Za-z0-9\u00C0-\uFFFF-]`, by character code. */
function isDomainCode(c: number): boolean {
  return c < 128 ? DOMAIN_ASCII[c] === 1 : c >= 0xc0;
}

/**
 * What EMAIL_DOMAIN needs at least, read in place before a slice is cut for it (every `@` of the paste asks):
 * a label of 1 to 63 domain characters, a dot, a domain character.
 */
function mayStartDomain(text: string, i: number): boolean {
  const limit = Math.min(text.length, i + 64);
  let j = i;
  while (j < limit && isDomainCode(text.charCodeAt(j))) j++;
  return j > i && text.charCodeAt(j) === 0x2e && isDomainCode(text.charCodeAt(j + 1));
}
const EMAIL_DOMAIN = /^[A-Za-z0-9\u00C0-\uFFFF-]{1,63}(?:\.[A-Za-z0-9\u00C0-\uFFFF-]{1,63}){1,8}/;
/**
 * Email addresses with a real-looking TLD, found from each `@`; skips `pkg@1.2.3`, `model@20250929`, the
 * userinfo end of a URL and scp remotes `git@host:org/repo`.
 */
export const emails: Detector = (text, emit) => {
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    // The domain first: most `@`s of a paste have none (`user:pass@host:port`, `pkg@1.2`), and then the local
    // part need not be read.
    if (!(at > 0 && isEmailLocal(text.charCodeAt(at - 1)) && mayStartDomain(text, at + 1))) continue;
    const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 1 + 256));
    let s = at;
    const floor = Math.max(0, at - 64);
    while (s > floor && isEmailLocal(text.charCodeAt(s - 1))) s--;
    if (domain !== null && (s === 0 || !isEmailLocal(text.charCodeAt(s - 1)))) {
      const value = text.slice(s, at + 1 + domain[0].length);
      const tld = value.slice(value.lastIndexOf(".") + 1);
      const after = text.slice(at + 1 + domain[0].length, at + 3 + domain[0].length);
      const ok =
        /^(?:[A-Za-z]{2,24}|[\u00C0-\uFFFF]{2,24})$/.test(tld) &&
        !FILE_EXTENSIONS.has(tld.toLowerCase()) &&
        // scp-style remotes `git@github.com:org/repo.git`, `deploy@host:~/app`.
        !(after[0] === ":" && /[\w~/]/.test(after[1] ?? "")) &&
        !insideUrlAuthority(text, s) &&
        authorityAround(text, at) === null;
      if (ok) emit(s, s + value.length);
    }
  }
};

function isPublicIPv4(octets: number[]): boolean {
  const [a = 0, b = 0] = octets;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  return true;
}

/**
 * Candidates are found from a literal (`.d.d.` for IPv4, `:h:` for IPv6), which V8 can skip to, and the full
 * shape is checked from the start of the candidate's run: two cheap scans instead of a match try at every
 * character.
 */
const IPV4_HINT = /\.\d{1,3}\.\d{1,3}\./g;
const IPV4_HINT_AT = new RegExp(IPV4_HINT.source, "y");
const IPV4 = /(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/y;
/** Public client IPv4 addresses; keeps loopback, private ranges and server addresses (`ip:port`, `://ip`). */
export const ipv4: Detector = (text, emit) => {
  // Candidates: each `.` before a digit (listed by the shared scan); the cheap checks on the digits before
  // it come first, the hint pattern only then.
  const cursor = new LeadCursor(text, LEAD_DOT, IPV4_HINT);
  let from = 0;
  for (let p = cursor.next(0); p >= 0; p = cursor.next(from)) {
    from = p + 1;
    let start = p;
    while (start > p - 3 && start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    // Not inside a word, a dotted name or a path (`[\w./]` before it).
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    if (start === p || isWordCode(before) || before === 0x2e || before === 0x2f) continue;
    IPV4_HINT_AT.lastIndex = p;
    if (!IPV4_HINT_AT.test(text)) continue;
    IPV4.lastIndex = start;
    const m = IPV4.exec(text);
    if (m === null) continue;
    from = start + m[0].length;
    const octets = m[0].split(".").map(Number);
    if (octets.some((o) => o > 255) || !isPublicIPv4(octets)) continue;
    const end = start + m[0].length;
    if (text[end] === ":" && /\d/.test(text[end + 1] ?? "")) continue;
    if (text.slice(Math.max(0, start - 3), start) === "://" || text[start - 1] === "@") continue;
    emit(start, end);
  }
};

const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/g;
const IPV6_HINT_AT = new RegExp(IPV6_HINT.source, "y");
const IPV6 = /(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/y;
function isHexOrColon(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** Public IPv6 addresses, validated by group count; keeps `::1`, link-local and unique-local ranges. */
export const ipv6: Detector = (text, emit) => {
  // Candidates: each `:` before a hex digit or a colon (listed by the shared scan); the cheap check on the
  // characters before it comes first (every `09:00:00` fails it), the hint pattern only then.
  const cursor = new LeadCursor(text, LEAD_COLON, IPV6_HINT);
  let covered = 0;
  for (let p = cursor.next(0); p >= 0; p = cursor.next(p + 1)) {
    if (p < covered) continue;
    let start = p;
    while (start > p - 5 && start > 0 && isHexOrColon(text.charCodeAt(start - 1))) start--;
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    if (isWordCode(before) || before === 0x3a || before === 0x2e) continue;
    IPV6_HINT_AT.lastIndex = p;
    if (!IPV6_HINT_AT.test(text)) continue;
    IPV6.lastIndex = start;
    const m = IPV6.exec(text);
    if (m === null) continue;
    const v = m[0];
    covered = start + v.length;
    let colons = 0;
    for (let k = 0; k < v.length; k++) if (v.charCodeAt(k) === 0x3a) colons++;
    // Without `::` an address has eight groups: a time of day (`09:13:58`) is settled by its colons.
    if (colons < 2 || (colons !== 7 && !v.includes("::")) || !validIPv6(v)) continue;
    const lower = v.toLowerCase();
    if (lower === "::" || lower === "::1" || /^fe[89ab]/.test(lower) || /^f[cd]/.test(lower)) continue;
    if (!/[a-f]/i.test(v) && !v.includes("::")) continue;
    emit(start, start + v.length);
  }
};

function validIPv6(v: string): boolean {
  const halves = v.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h.length === 0 ? [] : h.split(":")));
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/** `(?<![\w+])\+\d[\d ()./-]{6,20}\d(?!\d)` and `(?<![\w(])\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?!\d)`, in place. */
const PHONE_PLUS_AT = /\+\d[\d ()./-]{6,20}\d(?!\d)/y;
const PHONE_AREA_AT = /\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?!\d)/y;

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Every match of `lead` + `at` (a sticky regex starting with `lead`), left to right without overlap, as a
 * global regex with a lookbehind would find them: the lead character is found by `indexOf` (native, fast
 * where the character is rare) and the lookbehind, not `\w` and not `lead`, checked by hand.
 */
function* ledMatches(text: string, lead: string, at: RegExp): Generator<RegExpExecArray> {
  const leadCode = lead.charCodeAt(0);
  let p = text.indexOf(lead);
  while (p >= 0) {
    const before = p > 0 ? text.charCodeAt(p - 1) : -1;
    let next = p + 1;
    if (!isWordCode(before) && before !== leadCode) {
      at.lastIndex = p;
      const m = at.exec(text);
      if (m !== null) {
        yield m;
        next = p + m[0].length;
      }
    }
    p = text.indexOf(lead, next);
  }
}

/** Phone numbers with a leading `+` or a parenthesised area code (bare digit runs are ids and epochs). */
export const phones: Detector = (text, emit) => {
  for (const m of ledMatches(text, "+", PHONE_PLUS_AT)) {
    const digits = m[0].replace(/\D/g, "").length;
    if (digits >= 8 && digits <= 15 && !/\.\.|--|\/\/|\s\s/.test(m[0])) emit(m.index, m.index + m[0].length);
  }
  for (const m of ledMatches(text, "(", PHONE_AREA_AT)) emit(m.index, m.index + m[0].length);
};

/**
 * CamelCase identifiers with version digits (`AnthropicBedrock2Client…`), also with `_` between words (Go's
 * `TestAnthropicConformance_Integration`), are code, not keys.
 */
const CAMEL_WORDS = /^(?:[A-Z][a-z]{1,24}\d{0,4}_?){3,40}$/;

function isPathLike(value: string): boolean {
  if (!value.includes("/")) return false;
  return value.split("/").every((p) => p.length < 16 || !looksRandom(p));
}

/** The fallback's test: 32+ characters, both letter cases, digits or symbols, high entropy, not code or a path. */
const randomCache = new Map<string, boolean>();
export function isRandomToken(value: string): boolean {
  if (value.length < 32) return false;
  // Memoised: a paste repeats its tokens (a retried request's key, a wrapped block's lines).
  if (value.length > 256) return isRandomTokenUncached(value);
  let random = randomCache.get(value);
  if (random === undefined) {
    random = isRandomTokenUncached(value);
    if (randomCache.size > 4096) randomCache.clear();
    randomCache.set(value, random);
  }
  return random;
}

/** `value` without the `/`s it starts or ends with (a path's separators around an identifier). */
function trimSlashes(value: string): string {
  let s = 0;
  let e = value.length;
  while (s < e && value.charCodeAt(s) === 0x2f) s++;
  while (e > s && value.charCodeAt(e - 1) === 0x2f) e--;
  return s === 0 && e === value.length ? value : value.slice(s, e);
}

function isRandomTokenUncached(value: string): boolean {
  const k = tokenProfile(value);
  if (k.upper === 0 || k.lower === 0 || k.digit + k.symbol === 0) return false;
  if (EVIDENCE_TOKEN_PREFIX.test(value) || isPathLike(value) || CAMEL_WORDS.test(trimSlashes(value)))
    return false;
  return k.entropy >= 3.8;
}

/**
 * Fail-closed fallback: any standalone run of 32+ token characters that mixes letter cases with digits or
 * base64 symbols and has high entropy is treated as a secret, unless it has an evidence shape (§7).
 */
export const highEntropy: Detector = (text, emit) => highEntropyOutside(text, emit, null);

/**
 * `highEntropy`, passing over every run that `covered` says other rules' spans hold whole: the fallback's
 * spans are cut around typed ones afterwards (settleFallback), so such a run's would vanish anyway, and a
 * dense .env or HAR file judged each of its 30 000 values by entropy for nothing.
 */
export function highEntropyOutside(
  text: string,
  emit: Emit,
  covered: ((s: number, e: number) => boolean) | null,
): void {
  const n = text.length;
  const runs = tokenRuns(text);
  for (let r = 0; r < runs.length; r += 2) {
    const s0 = runs[r] ?? 0;
    const e = runs[r + 1] ?? 0;
    if (e - s0 < 32) continue;
    let s = s0;
    // Skip the letters of an escape that precedes the run: `\nAbc…`, `\u0022Abc…`, `%3DAbc…`.
    if (text[s - 1] === "\\") s += text[s] === "u" ? 5 : 1;
    else if (text[s - 1] === "[" && text[s - 2] === "\x1b") {
      // Glued to an ANSI colour code: `ESC[31mAbc…`.
      while (s < e && /[0-9;]/.test(text[s] ?? "")) s++;
      s++;
    } else if (text[s - 1] === "%" && /^[0-9A-Fa-f]{2}/.test(text.slice(s, s + 2))) s += 2;
    let end = e;
    while (end < n && end - e < 2 && text[end] === "=") end++;
    // Everything this run can emit lies in [s0, end).
    if (covered !== null && covered(s0, end)) continue;
    const value = text.slice(s, e);
    // `data:…;base64,`, `h1:`, `sha256-` before the run: a digest or an inline file, not a secret.
    const last = text[s0 - 1];
    if (
      (last === "," || last === ":" || last === "=" || last === "-") &&
      /base64,$|h1:$|sha\d{1,3}[:=-]$/i.test(text.slice(Math.max(0, s0 - 8), s0))
    )
      continue;
    if (value.includes("/") && isPathLikeRun(value)) {
      // A URL path or a SigV4 scope: judge each segment by itself, so ids and words between stay.
      let from = s;
      for (const seg of value.split("/")) {
        if (isRandomToken(seg)) emit(from, from + seg.length);
        from += seg.length + 1;
      }
      continue;
    }
    if (isRandomToken(value)) emit(s, end);
  }
}

/** A `/`-separated run with a word or an id among its segments: a path, not a base64 secret. */
function isPathLikeRun(value: string): boolean {
  return value
    .split("/")
    .some(
      (seg) =>
        (seg.length >= 3 && isWordLike(seg)) || EVIDENCE_TOKEN_PREFIX.test(seg) || /^v\d{1,2}$/.test(seg),
    );
}

function isB64UrlChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

/** `[\w.=-]`: a JWT's parts after the first dot. */
const JWT_TAIL = charSet(`${B64URL_CHARS}.=`);
/** B64URL and JWT_TAIL as sticky regexes, for the rest of a long run (see `runEnd`). */
const B64URL_REST = /[\w-]*/y;
const B64URL_REST_12000 = /[\w-]{0,12000}/y;
const JWT_TAIL_REST = /[\w.=-]{0,12000}/y;

/**
 * JWTs: the matches of `/eyJ[\w-]{8,4000}\.[\w.=-]{2,12000}/g`, found by hand, with each end followed over
 * hard wraps. The regex reads up to 4000 characters from every `eyJ` before failing where no dot follows (a
 * paste of `eyJeyJ…` took five seconds a megabyte); a dot can only follow where the run of `[\w-]` after `eyJ`
 * ends, so every `eyJ` inside one run shares that end and is judged with it.
 */
export function jwtTokens(body: CharSet): Detector {
  return (text, emit) => {
    const n = text.length;
    let headEnd = -1;
    let from = 0;
    for (let p = text.indexOf("eyJ", from); p >= 0; p = text.indexOf("eyJ", from)) {
      const a = p + 3;
      // The end of the run of [\w-] from `a` (the run of an earlier `eyJ` in the same run, when there is one).
      if (a > headEnd) headEnd = runEnd(text, a, B64URL, n - a, B64URL_REST);
      const length = headEnd - a;
      if (text.charCodeAt(headEnd) !== 0x2e || length < 8) {
        // No `eyJ` before the run's end can match: none has a dot after its run, or all have shorter runs.
        from = Math.max(p + 1, headEnd);
        continue;
      }
      if (length > 4000) {
        // Too far from the dot: the first `eyJ` that can reach it starts 4003 characters before it.
        from = Math.max(p + 1, headEnd - 4003);
        continue;
      }
      const e = runEnd(text, headEnd + 1, JWT_TAIL, 12000, JWT_TAIL_REST);
      if (e - headEnd - 1 < 2) {
        from = Math.max(p + 1, headEnd);
        continue;
      }
      emit(p, extendOverWraps(text, p, e, body, undefined));
      from = e;
    }
  };
}

/**
 * A JWT hard-wrapped at its dots (`eyJ….` / `eyJ….` / `sig` on three lines): the parts are followed across
 * the line breaks right after each dot, so no part survives as a bare line.
 */
export const wrappedJwts: Detector = (text, emit) => {
  let i = text.indexOf("eyJ");
  while (i >= 0) {
    let e = i;
    let parts = 0;
    let crossed = false;
    for (;;) {
      const s = e;
      e = runEnd(text, s, B64URL, 12_000, B64URL_REST_12000);
      if (e - s < 2) break;
      parts++;
      if (parts === 3 || text[e] !== ".") break;
      let j = e + 1;
      if (text[j] === "\r") j++;
      if (text[j] !== "\n") {
        e = e + 1;
        continue;
      }
      j++;
      while (j < text.length && j - e < 24 && (text[j] === " " || text[j] === "\t")) j++;
      // A JWS payload is base64url JSON too: after the header's dot comes `eyJ`.
      if (!isB64UrlChar(text.charCodeAt(j)) || (parts === 1 && !text.startsWith("eyJ", j))) break;
      crossed = true;
      e = j;
    }
    if (crossed && parts >= 2) emit(i, e, "jwt");
    i = text.indexOf("eyJ", Math.max(e, i + 3));
  }
};

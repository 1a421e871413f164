import { MAX_INPUT_BYTES } from "@/lib/input";
import { isSpace } from "./chars";
import { resetUrlMemos } from "./url";
import { denseStretches, KeptText } from "./dense";
import { findEncodedSecrets } from "./encoded";
import { IntList, LEAD_PLACEHOLDER, leadMatches, registerAnchors, resetScans, scanText } from "./scan";
import { highEntropyOutside, isRandomToken, resetReadMemos, sameText } from "./detectors";
import { findPromptSpans, promptNote } from "./hide-prompt";
import { hexDumpBlocks, hexDumpViews, type DumpBlock } from "./hexdump";
import { DECODED_KIND_IDS, KIND_PRIORITY, REDACTION_KINDS, type RedactionKind } from "./rules";
import { classifyNameCached, isBenignValue, kindForName } from "./values";
import {
  decodeString,
  decodedView,
  identityView,
  joinedView,
  toOriginal,
  unwrappedView,
  type View,
} from "./views";

/** Where one placeholder sits in the redacted text (UTF-16 offsets, end exclusive). */
export interface RedactedSpan {
  start: number;
  end: number;
}

/** What was removed, by kind: `count` occurrences, each at a span of the *redacted* text. Never a value. */
export interface RedactionFinding {
  kind: string;
  count: number;
  spans: RedactedSpan[];
}

export interface RedactionResult {
  text: string;
  findings: RedactionFinding[];
}

export interface RedactOptions {
  /** Replace `messages[].content` and `system` text of a pasted request payload with a length note. */
  hidePrompt?: boolean;
  /**
   * Withhold stretches dense with secrets whole (dense.ts; the default). `false` reads them piece by
   * piece: what the tests of those paths and the bench's piecewise column use.
   */
  withholdDense?: boolean;
}

/** Past this many characters the text is withheld whole rather than scanned (fail closed). */
export const MAX_REDACT_CHARS = 4 * MAX_INPUT_BYTES;

const PROMPT_KIND = "prompt-content";
const PLACEHOLDER = /\[REDACTED:([a-z0-9-]{1,40})(?:#(\d{1,7}))?\]|\[prompt content hidden: \d{1,9} chars\]/g;
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER.source, "y");

const FALLBACK_KIND = "high-entropy-token";
/** The kinds a rule or a reader finds (the rest only name spans other rules emit). */
const DETECTORS = REDACTION_KINDS.filter((k) => k.detect !== undefined || k.readers !== undefined);
const DECODED_DETECTORS = REDACTION_KINDS.filter(
  (k): k is RedactionKind & { detect: NonNullable<RedactionKind["detect"]> } =>
    k.detect !== undefined && DECODED_KIND_IDS.has(k.id),
);

function priorityOf(kind: string): number {
  return kind === PROMPT_KIND ? -1 : (KIND_PRIORITY.get(kind) ?? KIND_PRIORITY.size);
}

/** Kinds by small number, so a candidate span is three numbers in typed arrays rather than an object. */
const KIND_IDS: string[] = [];
const KIND_PRIORITIES: number[] = [];
const KIND_NUMBERS = new Map<string, number>();
let lastKindName = "";
let lastKindNumber = -1;
function kindNumber(kind: string): number {
  // Rules emit runs of one kind: the last answer first.
  if (kind === lastKindName) return lastKindNumber;
  let k = KIND_NUMBERS.get(kind);
  if (k === undefined) {
    k = KIND_IDS.length;
    KIND_IDS.push(kind);
    KIND_PRIORITIES.push(priorityOf(kind));
    KIND_NUMBERS.set(kind, k);
  }
  lastKindName = kind;
  lastKindNumber = k;
  return k;
}
const PROMPT = kindNumber(PROMPT_KIND);
const FALLBACK = kindNumber(FALLBACK_KIND);
const DENSE = kindNumber("secret-dense-text");
const ECHO_SKIPPED = new Uint8Array(65536);
for (const kind of [PROMPT_KIND, "email", "ip-address", "phone"]) ECHO_SKIPPED[kindNumber(kind)] = 1;

/**
 * Candidate spans of the paste: start, end and kind number in growable typed arrays. A long log or an
 * adversarial paste yields 100 000s of them; as objects they cost more in allocation than in detection.
 */
class Spans {
  start = new Int32Array(64);
  end = new Int32Array(64);
  kind = new Uint16Array(64);
  n = 0;

  push(s: number, e: number, kind: number): void {
    if (this.n === this.start.length) {
      const size = this.n * 2;
      const start = new Int32Array(size);
      const end = new Int32Array(size);
      const k = new Uint16Array(size);
      start.set(this.start);
      end.set(this.end);
      k.set(this.kind);
      this.start = start;
      this.end = end;
      this.kind = k;
    }
    this.start[this.n] = s;
    this.end[this.n] = e;
    this.kind[this.n] = kind;
    this.n++;
  }
}

/** Whether `raw`'s key differs from it: only escapes (\ % & ESC), quotes, `+` and whitespace change one. */
function changesKey(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (
      c === 0x5c ||
      c === 0x25 ||
      c === 0x26 ||
      c === 0x1b ||
      c === 0x22 ||
      c === 0x27 ||
      c === 0x2b ||
      isSpace(c)
    )
      return true;
  }
  return false;
}

/**
 * The same secret seen bare, JSON-escaped, %-encoded or wrapped gets one key, hence one placeholder: a value
 * `changesKey` holds for, decoded and without quotes, `+` or whitespace (any other value is its own key).
 */
function decodedKey(raw: string): string {
  return decodeString(raw).replace(/[\s"'+\\]/g, "");
}

registerAnchors(
  DETECTORS.flatMap((k) => [...(k.anchors ?? []), ...(k.readers ?? []).flatMap((r) => r.anchors ?? [])]),
);

/** The literal prefilter: a rule whose anchor words are all absent from a view does not run on it. */
function shouldRun(anchors: readonly string[] | undefined, present: Set<string>): boolean {
  return anchors === undefined || anchors.some((a) => present.has(a));
}

/** Every view a rule should see: the paste, then only the stretches that need decoding, joining or unwrapping. */
function viewsOf(text: string, dumps: DumpBlock[]): View[] {
  const original = identityView(text);
  const views: View[] = [original];
  const decoded = decodedView(text);
  if (decoded !== null) views.push(decoded);
  for (const base of decoded === null ? [original] : [original, decoded]) {
    const joined = joinedView(base);
    if (joined !== null) views.push(joined);
  }
  const unwrapped = unwrappedView(text, dumps);
  if (unwrapped !== null) {
    views.push(unwrapped);
    const unwrappedDecoded = decodedView(unwrapped.text);
    if (unwrappedDecoded !== null) views.push(compose(unwrapped, unwrappedDecoded));
  }
  views.push(...hexDumpViews(dumps));
  return views;
}

/** A view of a view, mapped straight to the paste. */
function compose(outer: View, inner: View): View {
  const n = inner.text.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const span = toOriginal(
      outer,
      inner.start?.[i] ?? i,
      Math.max(inner.end?.[i] ?? i + 1, (inner.start?.[i] ?? i) + 1),
    );
    start[i] = span?.[0] ?? 0;
    end[i] = span?.[1] ?? 0;
  }
  return { name: `${outer.name}+${inner.name}`, text: inner.text, start, end };
}

/** A dump made right after a command that names a secret (`echo "$DB_PASSWORD" | xxd`) is withheld whole. */
function namedDumps(dumps: DumpBlock[], push: (s: number, e: number, kind: number) => void): void {
  for (const d of dumps) {
    const names = d.before.match(/[A-Za-z_][\w.-]{2,80}/g) ?? [];
    const secret = names.find((n) => classifyNameCached(n) !== null);
    if (secret !== undefined) push(d.start, d.end, kindNumber(kindForName(secret)));
  }
}

function collect(text: string, hidePrompt: boolean, regions: Spans): Spans {
  const out = new Spans();
  const push = (start: number, end: number, kind: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push(s, e, kind);
  };
  const dumps = hexDumpBlocks(text);
  const views = viewsOf(text, dumps);
  for (const view of views) {
    const present = scanText(view.text).present;
    const length = view.text.length;
    const starts = view.start;
    const ends = view.end;
    // A view span maps back to the paste through the view's offset arrays (none for the paste itself).
    const pushView = (s: number, e: number, kind: number) => {
      if (e <= s || s < 0 || e > length) return;
      if (starts === null || ends === null) push(s, e, kind);
      else push(starts[s] ?? 0, ends[e - 1] ?? 0, kind);
    };
    for (const rule of DETECTORS) {
      const own = kindNumber(rule.id);
      const emit = (s: number, e: number, k?: string) =>
        pushView(s, e, k === undefined ? own : kindNumber(k));
      // The fallback runs last, and passes over what the typed spans found so far hold whole.
      if (own === FALLBACK) highEntropyOutside(view.text, emit, typedCoverOf(out, view));
      else if (rule.detect !== undefined && shouldRun(rule.anchors, present)) rule.detect(view.text, emit);
      for (const reader of rule.readers ?? [])
        if (shouldRun(reader.anchors, present)) reader.detect(view.text, emit);
    }
    // Base64 runs are decoded on the paste and on its decoded view (a base64 value inside escaped JSON).
    if (view === views[0] || view.name === "decoded")
      for (const hit of findEncodedSecrets(view.text, DECODED_DETECTORS))
        pushView(hit.start, hit.end, kindNumber(hit.kind));
  }
  namedDumps(dumps, push);
  if (hidePrompt) for (const [s, e] of findPromptSpans(text)) push(s, e, PROMPT);
  return echoes(text, settleFallback(text, out), regions);
}

/**
 * Whether the typed spans among `spans` (paste offsets) hold a stretch of `view` whole, or null where that is
 * not worth asking: no typed span yet, or too few long runs in the view to pay for merging the spans (a view
 * with a few runs and 30 000 spans would merge them all for nothing).
 */
function typedCoverOf(spans: Spans, view: View): ((s: number, e: number) => boolean) | null {
  const runs = scanText(view.text).runs;
  let long = 0;
  for (let r = 0; r < runs.length; r += 2) if ((runs[r + 1] ?? 0) - (runs[r] ?? 0) >= 32) long++;
  if (long * 16 < spans.n) return null;
  let typed = 0;
  for (let c = 0; c < spans.n; c++) if (spans.kind[c] !== FALLBACK) typed++;
  if (typed === 0) return null;
  const cover = new TypedCover(spans);
  const starts = view.start;
  const ends = view.end;
  if (starts === null || ends === null) return (s, e) => cover.holds(s, e);
  return (s, e) => {
    // In the paste, a span of view[s, e) lies within the least start and greatest end there.
    let lo = Infinity;
    let hi = -1;
    for (let i = s; i < e; i++) {
      lo = Math.min(lo, starts[i] ?? 0);
      hi = Math.max(hi, ends[i] ?? 0);
    }
    return hi >= 0 && cover.holds(lo, hi);
  };
}

/**
 * What the typed spans among `spans` hold, merged, made when first asked: whether one piece holds a stretch.
 * (Every piece is a union of typed spans, so a stretch inside one is inside the typed spans' union.)
 */
class TypedCover {
  private pieces: Spans | null = null;
  private at = 0;

  constructor(private readonly spans: Spans) {}

  /** Whether one piece holds [s, e) (s ascending between calls is fastest; any order is right). */
  holds(s: number, e: number): boolean {
    let pieces = this.pieces;
    if (pieces === null) {
      const typed = new Spans();
      const all = this.spans;
      for (let c = 0; c < all.n; c++)
        if (all.kind[c] !== FALLBACK) typed.push(all.start[c] ?? 0, all.end[c] ?? 0, all.kind[c] ?? 0);
      this.pieces = pieces = merge(typed);
    }
    if (pieces.n === 0) return false;
    let p = this.at;
    if (p >= pieces.n || (pieces.start[p] ?? 0) > s) p = 0;
    // The last piece that starts at or before s: ahead by steps from the last answer, else by bisection.
    if ((pieces.end[p] ?? 0) <= s) {
      let lo = p;
      let hi = pieces.n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((pieces.start[mid] ?? 0) <= s) lo = mid;
        else hi = mid - 1;
      }
      p = lo;
    }
    this.at = p;
    return (pieces.start[p] ?? 0) <= s && e <= (pieces.end[p] ?? 0);
  }
}

/**
 * A value just seen and a start where the paste holds it. Where the paste repeats with period `d` from `lo`
 * to `hi` (text[i] === text[i + d]), the value found again `d` further on is checked by comparing only what
 * lies past `hi`: 160 000 spans of 4 KiB, each a period after the last of its value, were compared whole.
 */
class Recent {
  raw = "";
  private at = -1;
  private d = 0;
  private lo = 0;
  private hi = 0;

  set(raw: string, at: number): void {
    this.raw = raw;
    this.at = at;
    this.d = 0;
  }

  /** `sameText(text, s, e, this.raw)`. */
  isAt(text: string, s: number, e: number): boolean {
    const length = this.raw.length;
    const at = this.at;
    if (e - s !== length) return false;
    if (length < 64 || s <= at) return sameText(text, s, e, this.raw);
    // text[s, e) is the value where it is text[at, at + length): where text[i] === text[i + d] for each i there.
    const d = s - at;
    if (d !== this.d || at < this.lo || at > this.hi) {
      this.d = d;
      this.lo = at;
      this.hi = at;
    }
    const end = at + length;
    let i = this.hi;
    while (i < end && text.charCodeAt(i) === text.charCodeAt(i + d)) i++;
    this.hi = i;
    if (i < end) return false;
    this.at = s;
    return true;
  }
}

/**
 * Values seen, each found again without hashing it whole: a long one is filed under its length and a sample
 * of its characters, and compared (natively) with the few filed there. A Set hashes every new string in full,
 * and a hostile line gives 40 000 spans of 4 KiB each, equal or not (a short value is still hashed).
 */
export class SeenValues {
  private readonly short = new Set<string>();
  private readonly long = new Map<number, string[]>();
  private readonly crowded = new Set<string>();

  /** The value equal to `raw` noted before (that string), or null after noting `raw`. */
  note(raw: string): string | null {
    if (raw.length <= 64) {
      if (this.short.has(raw)) return raw;
      this.short.add(raw);
      return null;
    }
    // The sample: the length, the first and last 16 characters and every 64th between, hashed to a number.
    const n = raw.length;
    let key = n;
    const mix = (c: number) => {
      key = Math.imul(key ^ c, 0x01000193);
    };
    for (let i = 0; i < 16; i++) mix(raw.charCodeAt(i));
    for (let i = n - 16; i < n; i++) mix(raw.charCodeAt(i));
    for (let i = 16; i < n - 16; i += 64) mix(raw.charCodeAt(i));
    const filed = this.long.get(key);
    if (filed === undefined) {
      this.long.set(key, [raw]);
      return null;
    }
    for (const other of filed) if (other === raw) return other;
    // Many different values with one sample (a hostile paste): hashed whole from then on.
    if (filed.length >= 8) {
      if (this.crowded.has(raw)) return raw;
      this.crowded.add(raw);
      return null;
    }
    filed.push(raw);
    return null;
  }
}

/** Echo values searched for at most: enough for every secret of a long log, bounded for a hostile one. */
const MAX_ECHO_VALUES = 4096;
/** Up to this many forms are searched with `indexOf` (native, fastest for a few); more in one shared pass. */
const INDEXOF_FORMS = 24;

/**
 * Echo masking: a value masked anywhere is masked wherever else it appears, bare or in its %-, JSON- or
 * HTML-escaped form (a password masked by its name and then printed again in a retry message, a cookie
 * value echoed in a redirect). Values shorter than 6 characters or plain words are not searched for.
 * The values are collected first and all their forms searched together, so 100 000 masked matches cost one
 * look-up each and the paste is read once, not once per value.
 */
function echoes(text: string, spans: Spans, regions: Spans): Spans {
  const values = new Map<string, number>();
  const seen = new SeenValues();
  // Per value: where a span of the value's own kind already holds exactly it, so its echo there adds nothing
  // (a key repeated 80 000 times is not found and merged 80 000 times more).
  const held = new Map<string, IntList>();
  // The last two values held and their lists (runs of one value, or two taking turns, are the common case: no
  // look-ups for them). A value's entry in `values` is settled before it is first held, so a list stays right.
  let heldRaw = "";
  let heldKind = -1;
  let heldList: IntList | null = null;
  let otherRaw = "";
  let otherKind = -1;
  let otherList: IntList | null = null;
  const hold = (raw: string, kind: number, s: number) => {
    if (raw !== heldRaw || kind !== heldKind) {
      const wasRaw = heldRaw;
      const wasKind = heldKind;
      const wasList = heldList;
      if (raw === otherRaw && kind === otherKind) heldList = otherList;
      else {
        heldList = null;
        if (values.get(raw) === kind) {
          heldList = held.get(raw) ?? new IntList();
          held.set(raw, heldList);
        }
      }
      heldRaw = raw;
      heldKind = kind;
      otherRaw = wasRaw;
      otherKind = wasKind;
      otherList = wasList;
    }
    heldList?.push(s);
  };
  // The last few values, replaced in turn: a run of one value, or of a few taking turns (a dump line's hex and
  // text columns; the pairs of three cookie headers read in step), is recognised without slicing and hashing.
  const recent = [new Recent(), new Recent(), new Recent(), new Recent()];
  let replace = 0;
  for (let c = 0; c < spans.n && values.size < MAX_ECHO_VALUES; c++) {
    const kind = spans.kind[c] ?? 0;
    const s = spans.start[c] ?? 0;
    const e = spans.end[c] ?? 0;
    // Decoding never lengthens a value: a span shorter than 6 holds no value to search for.
    if (ECHO_SKIPPED[kind] === 1 || e - s > 4096 || e - s < 6) continue;
    // Each is checked by comparing only what lies past the stretch its last check read (see Recent).
    let held = -1;
    for (let r = 0; r < recent.length && held < 0; r++) if ((recent[r] as Recent).isAt(text, s, e)) held = r;
    if (held >= 0) {
      hold((recent[held] as Recent).raw, kind, s);
      continue;
    }
    const raw = text.slice(s, e);
    (recent[replace] as Recent).set(raw, s);
    replace = (replace + 1) % recent.length;
    const known = seen.note(raw);
    if (known !== null) {
      hold(known, kind, s);
      continue;
    }
    const decoded = decodeString(raw);
    for (const v of decoded === raw ? [raw] : [raw, decoded]) {
      if (
        v.length < 6 ||
        /\s/.test(v) ||
        /^[A-Za-z]+$/.test(v) ||
        isBenignValue(v) ||
        v.startsWith("[REDACTED")
      )
        continue;
      if (!values.has(v)) values.set(v, kind);
    }
    hold(raw, kind, s);
  }
  if (values.size === 0) return spans;
  // Every form once, with the kind that names the placeholder when forms of two values coincide.
  const forms = new Map<string, number>();
  // More values than INDEXOF_FORMS make more forms (each value is one), all for the scanner, where a form the
  // paste cannot hold changes nothing: an escaped form other than its value holds a %, \ or &, so a paste
  // without one is spared building them.
  const scanned = values.size > INDEXOF_FORMS;
  const percent = !scanned || text.includes("%");
  const backslash = !scanned || text.includes("\\");
  const ampersand = !scanned || text.includes("&");
  for (const [v, kind] of values) {
    const uri = percent ? uriEncoded(v) : v;
    const own = [
      v,
      uri,
      percent ? percentAll(v, uri) : v,
      backslash ? JSON.stringify(v).slice(1, -1) : v,
      ampersand ? htmlEscape(v) : v,
    ];
    for (let f = 0; f < own.length; f++) {
      const form = own[f] as string;
      // A form equal to an earlier one of the value is settled (same kind): comparing it is cheaper than hashing
      // it again, and 400 values of 4 KiB mostly have two or three forms alike.
      if (own.indexOf(form) < f) continue;
      const had = forms.get(form);
      if (had === undefined || (KIND_PRIORITIES[kind] ?? 0) < (KIND_PRIORITIES[had] ?? 0))
        forms.set(form, kind);
    }
  }
  const masked = new Cover(text, spans, regions);
  if (forms.size <= INDEXOF_FORMS) {
    for (const [form, kind] of forms) {
      const starts = values.get(form) === kind ? held.get(form) : undefined;
      searchAll(text, form, kind, spans, masked, starts === undefined ? null : starts.ascending());
    }
    return spans;
  }
  const scanner = new FormScanner(forms);
  scanner.scan(text, spans, masked);
  for (const [form, kind] of scanner.singles) searchAll(text, form, kind, spans, masked);
  return spans;
}

/**
 * What the spans before echo masking mask in the end: clipped around the protected regions and merged, each
 * piece with its kind and where that kind was set. An echo inside one piece, of that kind (from there on) or of
 * a kind that loses to it, changes nothing `merge` gives, so it is not pushed, and a position where every form
 * would be such an echo is not compared at all (a paste of names in each other's values matches a 4096-char
 * form at every tenth character, all of it masked already).
 */
class Cover {
  start = new Int32Array(0);
  end = new Int32Array(0);
  kind = new Uint16Array(0);
  /** Where the piece's kind was set: a span of it before that point comes first in `merge` and would name it. */
  from = new Int32Array(0);
  n = 0;
  /** The piece at or after the last position asked about (positions are asked in ascending order). */
  private at = 0;
  /** Built when first asked: a few forms whose matches are all held need none (80 000 keys, 1 ms). */
  private pending: (() => void) | null;

  constructor(text: string, spans: Spans, regions: Spans) {
    const count = spans.n;
    this.pending = () => this.build(text, spans, regions, count);
  }

  ready(): this {
    const pending = this.pending;
    this.pending = null;
    pending?.();
    return this;
  }

  private build(text: string, spans: Spans, regions: Spans, count: number): void {
    // The first `count` spans: those before echo masking (echoes are pushed after them).
    const before = new Spans();
    before.start = spans.start;
    before.end = spans.end;
    before.kind = spans.kind;
    before.n = count;
    // Pieces of a merge of clipped spans lie between regions, so an echo inside one is not cut by `clip`.
    const clipped = clip(text, before, regions);
    const from = new Int32Array(clipped.n);
    const out = merge(clipped, from);
    this.start = out.start;
    this.end = out.end;
    this.kind = out.kind;
    this.from = from;
    this.n = out.n;
  }

  /** The piece that holds position `i`, or -1; `i` never below the one asked before. */
  pieceAt(i: number): number {
    if (this.pending !== null) this.ready();
    let p = this.at;
    while (p < this.n && (this.end[p] as number) <= i) p++;
    this.at = p;
    return p < this.n && (this.start[p] as number) <= i ? p : -1;
  }

  /** Whether an echo [i, i + length) of `kind` would change nothing. */
  holds(i: number, length: number, kind: number): boolean {
    const p = this.pieceAt(i);
    if (p < 0 || i + length > (this.end[p] as number)) return false;
    const own = this.kind[p] as number;
    const a = KIND_PRIORITIES[kind] ?? 0;
    const b = KIND_PRIORITIES[own] ?? 0;
    return a > b || (kind === own && i >= (this.from[p] as number));
  }

  rewind(): void {
    this.at = 0;
  }
}

/** Every occurrence of `form`, but those at `held` (ascending starts of spans equal to it, of its kind). */
function searchAll(
  text: string,
  form: string,
  kind: number,
  spans: Spans,
  masked: Cover,
  held: Int32Array | null = null,
): void {
  let h = 0;
  masked.rewind();
  let i = text.indexOf(form);
  while (i >= 0) {
    if (held !== null) while (h < held.length && (held[h] as number) < i) h++;
    if ((held === null || held[h] !== i) && !masked.holds(i, form.length, kind))
      spans.push(i, i + form.length, kind);
    i = text.indexOf(form, i + form.length);
  }
}

/**
 * Bits of FormScanner's table: a form is keyed on its first four characters, hashed to this many bits. What
 * may be skipped is summed up per group of 16 slots (a group's forms are compared where one of them differs).
 */
const FORM_BITS = 20;
const GROUP_SHIFT = 4;
const FORM_MASK = (1 << 28) - 1;

/** The table slot of four ASCII characters packed seven bits each. */
function formSlot(packed: number): number {
  return Math.imul(packed, 0x9e3779b1) >>> (32 - FORM_BITS);
}

/**
 * Many literal forms found in one pass: a table of every form's first four characters (hashed), so only
 * positions where some form could start are compared (longest form first; a shorter one there is inside it).
 * Two characters were keyed before, and 4 096 random values (a HAR file's) then filled half the table: one
 * position in two was looked at. Forms with a non-ASCII character among their first four, or shorter than
 * four, are left in `singles` for `indexOf`.
 */
class FormScanner {
  /** One bit per slot (128 KiB: a byte per slot, 1 MiB, missed the cache at every position). */
  private readonly slots = new Int32Array(1 << (FORM_BITS - 5));
  private readonly bySlot = new Map<number, Array<[string, number]>>();
  /** Per group of slots: its longest form, lowest priority number and the kind of that (-1 if several have it). */
  private readonly longest = new Int32Array(1 << (FORM_BITS - GROUP_SHIFT));
  private readonly lowest = new Int32Array(1 << (FORM_BITS - GROUP_SHIFT)).fill(0x7fffffff);
  private readonly lowestKind = new Int32Array(1 << (FORM_BITS - GROUP_SHIFT)).fill(-2);
  /** The same over every slot's forms. */
  private longestAll = 0;
  private lowestAll = Infinity;
  private lowestKindAll = -1;
  readonly singles: Array<[string, number]> = [];

  constructor(forms: Map<string, number>) {
    for (const [form, kind] of forms) {
      let packed = 0;
      for (let k = 0; k < 4 && k < form.length; k++) {
        const c = form.charCodeAt(k);
        packed = c > 127 ? -1 : packed < 0 ? -1 : (packed << 7) | c;
      }
      if (form.length < 4 || packed < 0) {
        this.singles.push([form, kind]);
        continue;
      }
      const slot = formSlot(packed);
      this.slots[slot >>> 5] = (this.slots[slot >>> 5] as number) | (1 << (slot & 31));
      const list = this.bySlot.get(slot);
      if (list === undefined) this.bySlot.set(slot, [[form, kind]]);
      else list.push([form, kind]);
    }
    for (const [slot, list] of this.bySlot) {
      list.sort((a, b) => b[0].length - a[0].length);
      const group = slot >>> GROUP_SHIFT;
      this.longest[group] = Math.max(this.longest[group] as number, list[0]?.[0].length ?? 0);
      // -2: no form in the group yet.
      let lowest = this.lowest[group] as number;
      let lowestKind = this.lowestKind[group] as number;
      for (const [, kind] of list) {
        const p = KIND_PRIORITIES[kind] ?? 0;
        if (p < lowest) {
          lowest = p;
          lowestKind = kind;
        } else if (p === lowest && kind !== lowestKind) lowestKind = -1;
      }
      this.lowest[group] = lowest;
      this.lowestKind[group] = lowestKind;
      this.longestAll = Math.max(this.longestAll, this.longest[group] as number);
      if (lowest < this.lowestAll) {
        this.lowestAll = lowest;
        this.lowestKindAll = lowestKind;
      } else if (lowest === this.lowestAll && lowestKind !== this.lowestKindAll) this.lowestKindAll = -1;
    }
  }

  scan(text: string, spans: Spans, masked: Cover): void {
    const n = text.length - 3;
    const slots = this.slots;
    masked.ready();
    const pieceEnd = masked.end;
    const pieceKind = masked.kind;
    const pieceFrom = masked.from;
    masked.rewind();
    // The four characters at i packed in `packed`; `ascii` counts how many of them (from the last) are ASCII.
    let packed = 0;
    let ascii = 0;
    const load = (i: number) => {
      packed = 0;
      ascii = 0;
      for (let k = i; k < i + 3; k++) {
        const c = text.charCodeAt(k);
        packed = ((packed << 7) | (c & 127)) & FORM_MASK;
        ascii = c > 127 ? 0 : ascii + 1;
      }
    };
    load(0);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i + 3);
      packed = ((packed << 7) | (c & 127)) & FORM_MASK;
      ascii = c > 127 ? 0 : ascii + 1;
      if (ascii < 4) continue;
      const slot = formSlot(packed);
      if ((((slots[slot >>> 5] as number) >>> (slot & 31)) & 1) === 0) continue;
      // Where every form of the slot would be an echo that changes nothing, none is compared: the first match
      // is the one pushed, so a position is skipped whole or not at all.
      const p = masked.pieceAt(i);
      const end = p < 0 ? 0 : (pieceEnd[p] as number);
      // A match cannot run past the paste: a piece that reaches its end holds any match starting in it.
      const room = end === text.length ? Infinity : end - i;
      const group = slot >>> GROUP_SHIFT;
      if (p >= 0 && (this.longest[group] as number) <= room) {
        const own = pieceKind[p] as number;
        const priority = KIND_PRIORITIES[own] ?? 0;
        const after = i >= (pieceFrom[p] as number);
        // Where that holds for every form, it holds up to the piece's end less the longest form: jump there.
        const all = this.lowestAll;
        if (
          this.longestAll <= room &&
          (all > priority || (all === priority && this.lowestKindAll === own && after))
        ) {
          i = room === Infinity ? n : end - this.longestAll;
          if (i < n) load(i + 1);
          continue;
        }
        const lowest = this.lowest[group] as number;
        if (lowest > priority || (lowest === priority && this.lowestKind[group] === own && after)) continue;
      }
      for (const [form, kind] of this.bySlot.get(slot) ?? []) {
        // The last and middle characters first: forms of one paste often share long stretches (the tails of a
        // line), and one that differs at its end is then rejected without comparing it whole.
        const last = form.length - 1;
        const mid = last >> 1;
        if (
          i + last >= text.length ||
          text.charCodeAt(i + last) !== form.charCodeAt(last) ||
          text.charCodeAt(i + mid) !== form.charCodeAt(mid)
        )
          continue;
        if (sameText(text, i, i + form.length, form)) {
          if (!masked.holds(i, form.length, kind)) spans.push(i, i + form.length, kind);
          break;
        }
      }
    }
  }
}

/**
 * `encodeURIComponent`, or the value itself when it holds a lone surrogate (which that throws on, and which no
 * %-encoded form can carry): one such value used to withhold the whole paste.
 */
function uriEncoded(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v;
  }
}

/**
 * Every character outside RFC 3986's unreserved set %-encoded (what some clients send). Of ASCII, `uri` (the
 * value by `encodeURIComponent`) leaves only !'()* more unencoded: natively, where a callback per character
 * took 10 ms for 400 values of 4 KiB.
 */
function percentAll(s: string, uri: string): string {
  if (!NON_ASCII.test(s)) {
    if (!SUB_DELIMS.test(uri)) return uri;
    return uri
      .replace(/!/g, "%21")
      .replace(/'/g, "%27")
      .replace(/\(/g, "%28")
      .replace(/\)/g, "%29")
      .replace(/\*/g, "%2A");
  }
  return s.replace(/[^\w.~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const NON_ASCII = /[\u0080-\uffff]/;
const SUB_DELIMS = /[!'()*]/;

function htmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The fallback only claims what no typed rule explains: its runs are cut around typed spans, and a leftover
 * piece stays only if it still passes the fallback's own test (so `31m` before a key or a SigV4 scope after a
 * key id is not swallowed, while a random tail a typed rule stopped short of is).
 */
function settleFallback(text: string, spans: Spans): Spans {
  let fallbacks = 0;
  for (let c = 0; c < spans.n; c++) if (spans.kind[c] === FALLBACK) fallbacks++;
  if (fallbacks === 0 || fallbacks === spans.n) return spans;
  const typed = new Spans();
  const fallback = new Spans();
  for (let c = 0; c < spans.n; c++) {
    const kind = spans.kind[c] ?? 0;
    (kind === FALLBACK ? fallback : typed).push(spans.start[c] ?? 0, spans.end[c] ?? 0, kind);
  }
  if (fallback.n === 0 || typed.n === 0) return spans;
  const kept = clip(text, fallback, merge(typed));
  for (let c = 0; c < kept.n; c++) {
    const s = kept.start[c] ?? 0;
    const e = kept.end[c] ?? 0;
    if (isRandomToken(text.slice(s, e))) typed.push(s, e, kept.kind[c] ?? 0);
  }
  return typed;
}

/** Placeholders already in the text: never re-detected, and their numbers are not reused. */
function protectedRegions(text: string): { regions: Spans; maxIndex: Map<string, number> } {
  const regions = new Spans();
  const maxIndex = new Map<string, number>();
  for (const m of leadMatches(text, LEAD_PLACEHOLDER, PLACEHOLDER, PLACEHOLDER_AT)) {
    regions.push(m.index, m.index + m[0].length, 0);
    if (m[1] !== undefined && m[2] !== undefined)
      maxIndex.set(m[1], Math.max(maxIndex.get(m[1]) ?? 0, Number(m[2])));
  }
  return { regions, maxIndex };
}

function hasAlnum(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/**
 * Cuts spans around regions (sorted, disjoint); keeps only pieces that still hold a letter or digit.
 */
function clip(text: string, spans: Spans, regions: Spans): Spans {
  if (regions.n === 0) return spans;
  const out = new Spans();
  const rStart = regions.start;
  const rEnd = regions.end;
  for (let c = 0; c < spans.n; c++) {
    const s = spans.start[c] ?? 0;
    const e = spans.end[c] ?? 0;
    const kind = spans.kind[c] ?? 0;
    // Binary search the first region that may overlap.
    let lo = 0;
    let hi = regions.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((rEnd[mid] ?? 0) <= s) lo = mid + 1;
      else hi = mid;
    }
    let cursor = s;
    for (let r = lo; r < regions.n && (rStart[r] ?? 0) < e; r++) {
      const rs = rStart[r] ?? 0;
      if (rs > cursor && hasAlnum(text, cursor, rs)) out.push(cursor, rs, kind);
      cursor = Math.max(cursor, rEnd[r] ?? 0);
    }
    if (cursor < e && hasAlnum(text, cursor, e)) out.push(cursor, e, kind);
  }
  return out;
}

/**
 * Span indices in order of start, stable: a two-pass radix sort on 12-bit digits (starts are below 2^24, as
 * MAX_REDACT_CHARS is), linear in the number of spans.
 */
function orderByStart(spans: Spans): Int32Array {
  const n = spans.n;
  const start = spans.start;
  const tmp = new Int32Array(n);
  const order = new Int32Array(n);
  // counts[d] becomes the next slot for digit d: counted at d + 1, then summed.
  const low = new Int32Array(4097);
  const high = new Int32Array(4097);
  for (let c = 0; c < n; c++) {
    const v = start[c] ?? 0;
    const a = (v & 4095) + 1;
    const b = (v >>> 12) + 1;
    low[a] = (low[a] ?? 0) + 1;
    high[b] = (high[b] ?? 0) + 1;
  }
  for (let d = 1; d <= 4096; d++) {
    low[d] = (low[d] ?? 0) + (low[d - 1] ?? 0);
    high[d] = (high[d] ?? 0) + (high[d - 1] ?? 0);
  }
  for (let c = 0; c < n; c++) {
    const d = (start[c] ?? 0) & 4095;
    const slot = low[d] ?? 0;
    tmp[slot] = c;
    low[d] = slot + 1;
  }
  for (let k = 0; k < n; k++) {
    const c = tmp[k] ?? 0;
    const d = (start[c] ?? 0) >>> 12;
    const slot = high[d] ?? 0;
    order[slot] = c;
    high[d] = slot + 1;
  }
  return order;
}

/**
 * Overlapping spans become one, named by the most specific kind among them: ordered by start, one sweep. With
 * `taken`, each merged span's entry there is the start of the span whose kind it took.
 */
function merge(spans: Spans, taken: Int32Array | null = null): Spans {
  const n = spans.n;
  // Rules emit in order, so the spans are often sorted already (one rule, many matches): then no sort.
  let sorted = true;
  for (let c = 1; c < n && sorted; c++) sorted = (spans.start[c - 1] ?? 0) <= (spans.start[c] ?? 0);
  const order = sorted ? null : orderByStart(spans);
  const out = new Spans();
  let last = -1;
  for (let j = 0; j < n; j++) {
    const c = order === null ? j : (order[j] ?? 0);
    const s = spans.start[c] ?? 0;
    const e = spans.end[c] ?? 0;
    const kind = spans.kind[c] ?? 0;
    if (last >= 0 && s < (out.end[last] ?? 0)) {
      if (e > (out.end[last] ?? 0)) out.end[last] = e;
      if ((KIND_PRIORITIES[kind] ?? 0) < (KIND_PRIORITIES[out.kind[last] ?? 0] ?? 0)) {
        out.kind[last] = kind;
        if (taken !== null) taken[last] = s;
      }
    } else {
      out.push(s, e, kind);
      last = out.n - 1;
      if (taken !== null) taken[last] = s;
    }
  }
  return out;
}

/** `[REDACTED:<kind>#`'s code units per kind number, made when first written. */
const PREFIX_UNITS: Array<Uint16Array | undefined> = [];

function prefixUnits(kind: number): Uint16Array {
  let units = PREFIX_UNITS[kind];
  if (units === undefined) {
    const prefix = `[REDACTED:${KIND_IDS[kind] ?? ""}#`;
    units = new Uint16Array(prefix.length);
    for (let i = 0; i < prefix.length; i++) units[i] = prefix.charCodeAt(i);
    PREFIX_UNITS[kind] = units;
  }
  return units;
}

function digitCount(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/**
 * The placeholders of one paste: `[REDACTED:<kind>#<n>]` kept as (kind, n) and written into the output's
 * code units straight from a per-kind prefix and the digits, or a prompt note kept as text. A 1 MiB .env
 * of random values has 27 000 placeholders: made as strings and then copied out character by character,
 * they cost more than choosing them.
 */
class Placeholders {
  private readonly kinds: number[] = [];
  /** The number, or -1 for a note. */
  private readonly numbers: number[] = [];
  private readonly notes: string[] = [];
  private readonly lengths: number[] = [];

  numbered(kind: number, n: number): number {
    this.kinds.push(kind);
    this.numbers.push(n);
    this.notes.push("");
    this.lengths.push(prefixUnits(kind).length + digitCount(n) + 1);
    return this.kinds.length - 1;
  }

  note(text: string): number {
    this.kinds.push(PROMPT);
    this.numbers.push(-1);
    this.notes.push(text);
    this.lengths.push(text.length);
    return this.kinds.length - 1;
  }

  lengthOf(k: number): number {
    return this.lengths[k] as number;
  }

  text(k: number): string {
    const n = this.numbers[k] as number;
    return n < 0 ? (this.notes[k] as string) : `[REDACTED:${KIND_IDS[this.kinds[k] as number] ?? ""}#${n}]`;
  }

  /** Where the last placeholder written was written, and which: a run of one (80 000 alike) is copied. */
  private lastWritten = -1;
  private lastAt = 0;

  /** Writes placeholder `k` into `codes` at `at`, past every placeholder written before. */
  write(codes: Uint16Array, at: number, k: number): void {
    if (k === this.lastWritten) {
      codes.copyWithin(at, this.lastAt, this.lastAt + (this.lengths[k] as number));
      this.lastAt = at;
      return;
    }
    this.lastWritten = k;
    this.lastAt = at;
    let n = this.numbers[k] as number;
    if (n < 0) {
      const note = this.notes[k] as string;
      for (let i = 0; i < note.length; i++) codes[at + i] = note.charCodeAt(i);
      return;
    }
    const prefix = prefixUnits(this.kinds[k] as number);
    // The prefix copied natively: 30 000 placeholders (a dump's two columns per line) cost a millisecond more
    // as a loop.
    codes.set(prefix, at);
    const end = at + (this.lengths[k] as number) - 1;
    codes[end] = 0x5d; // ]
    for (let i = end - 1; i >= at + prefix.length; i--) {
      codes[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
  }
}

function failClosed(kind: string): RedactionResult {
  const text = `[REDACTED:${kind}#1]`;
  return { text, findings: [{ kind, count: 1, spans: [{ start: 0, end: text.length }] }] };
}

/** UTF-16 code units as a string, losslessly: lone surrogates stay as they were (a TextDecoder would replace them). */
function codesToString(codes: Uint16Array): string {
  if (typeof Buffer !== "undefined")
    return Buffer.from(codes.buffer, codes.byteOffset, 2 * codes.length).toString("utf16le");
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192)
    parts.push(String.fromCharCode(...codes.subarray(i, Math.min(codes.length, i + 8192))));
  return parts.join("");
}

/**
 * The paste as one flat string where its rules will read it many times over: a slice of a larger string (or
 * a rope of joined pieces) makes every character read and regex run 10–20% slower, and joining two halves
 * copies it once, natively (2 ms a megabyte). Only a busy paste pays that back: one the scan found a secret
 * word in every 256 characters of (an ordinary log has one in 5 000), whose names the readers read at length.
 */
function flatIfBusy(text: string): string {
  if (text.length < 4096) return text;
  if (scanText(text).words.length <= text.length >> 8) return text;
  const half = text.length >> 1;
  // Equal to the paste, so the scan just made is found again for it.
  return [text.slice(0, half), text.slice(half)].join("");
}

function redactUnchecked(input: string, options: RedactOptions): RedactionResult {
  if (input.length > MAX_REDACT_CHARS) return failClosed("oversize-input");
  const text = flatIfBusy(input);
  // Stretches dense with secret names are withheld whole (dense.ts); the rules read the rest, the paste
  // without them, and their spans are mapped back.
  const stretches = options.withholdDense === false ? [] : denseStretches(text, scanText(text));
  const kept = stretches.length === 0 ? null : new KeptText(text, stretches);
  const read = kept === null ? text : kept.text;
  const { regions, maxIndex } = protectedRegions(read);
  let found = clip(read, collect(read, options.hidePrompt === true, regions), regions);
  if (kept !== null) {
    // The spans in the kept text, mapped to the paste, and the stretches withheld.
    const mapped = new Spans();
    for (let c = 0; c < found.n; c++) {
      const [s, e] = kept.span(found.start[c] as number, found.end[c] as number);
      mapped.push(s, e, found.kind[c] as number);
    }
    for (let k = 0; k < stretches.length; k += 2)
      mapped.push(stretches[k] as number, stretches[k + 1] as number, DENSE);
    found = mapped;
  }
  const spans = merge(found);

  // Per kind: the canonical value's placeholder (an index into `chosen`), so the same secret keeps its number.
  // A (kind, key) pair gets a number no other pair of its kind has, so each placeholder made is new.
  const placeholders = new Map<number, Map<string, number>>();
  // First pass: each span's placeholder (an index into `chosen`), the output's length and the spans per kind.
  const chosen = new Placeholders();
  // Prompt notes, which depend only on a length, by note.
  const notes = new Map<string, number>();
  const which = new Int32Array(spans.n);
  const perKind = new Int32Array(KIND_IDS.length);
  // Kinds in the order they first occur (the findings keep it among kinds of one priority).
  const firstSeen: number[] = [];
  let outLength = text.length;
  // The last kind's map, kept at hand: runs of one kind are the common case.
  let seenKind = -1;
  let seen: Map<string, number> = new Map();
  const keys = new Map<string, string>();
  // The last two raw values and their placeholders: the same value again (and of the same kind) reuses its
  // placeholder, also when two values take turns (a dump line's hex and text columns). A (kind, value) pair
  // keeps its placeholder for the whole paste, so a remembered one is what the maps would give.
  let lastKind = -1;
  let lastRaw = "";
  let lastChoice = -1;
  let olderKind = -1;
  let olderRaw = "";
  let olderChoice = -1;
  // A kind with one span gets its first number whatever its key: a 1 MiB span is not decoded for one.
  const spansOf = new Int32Array(KIND_IDS.length);
  for (let c = 0; c < spans.n; c++) {
    const kind = spans.kind[c] as number;
    spansOf[kind] = (spansOf[kind] as number) + 1;
  }
  for (let c = 0; c < spans.n; c++) {
    const s = spans.start[c] as number;
    const e = spans.end[c] as number;
    const kind = spans.kind[c] as number;
    if (perKind[kind] === 0) firstSeen.push(kind);
    perKind[kind] = (perKind[kind] as number) + 1;
    let choice: number;
    if (kind === lastKind && sameText(text, s, e, lastRaw)) choice = lastChoice;
    else if (kind === olderKind && sameText(text, s, e, olderRaw)) choice = olderChoice;
    else {
      let index: number | undefined;
      if (kind === DENSE) {
        // Each withheld stretch is its own: numbered in turn, never compared.
        if (kind !== seenKind) {
          seenKind = kind;
          seen = placeholders.get(kind) ?? new Map();
          placeholders.set(kind, seen);
        }
        index = chosen.numbered(kind, (maxIndex.get("secret-dense-text") ?? 0) + seen.size + 1);
        seen.set(`#${c}`, index);
      } else if (kind === PROMPT) {
        const note = promptNote(e - s);
        index = notes.get(note);
        if (index === undefined) {
          index = chosen.note(note);
          notes.set(note, index);
        }
      } else {
        if (kind !== seenKind) {
          seenKind = kind;
          const known = placeholders.get(kind);
          if (known === undefined) placeholders.set(kind, (seen = new Map()));
          else seen = known;
        }
        // A value that decoding would change (a repeated line of them) is decoded for its key once.
        const raw = spansOf[kind] === 1 ? "" : text.slice(s, e);
        let key: string | undefined = raw;
        if (changesKey(raw)) {
          key = keys.get(raw);
          if (key === undefined) {
            key = decodedKey(raw);
            if (keys.size > 4096) keys.clear();
            keys.set(raw, key);
          }
        }
        index = seen.get(key);
        if (index === undefined) {
          const id = KIND_IDS[kind] ?? "";
          index = chosen.numbered(kind, (maxIndex.get(id) ?? 0) + seen.size + 1);
          seen.set(key, index);
        }
      }
      choice = index;
      olderKind = lastKind;
      olderRaw = lastRaw;
      olderChoice = lastChoice;
      lastKind = kind;
      lastRaw = e - s <= 64 ? text.slice(s, e) : "";
      lastChoice = choice;
    }
    which[c] = choice;
    outLength += chosen.lengthOf(choice) - (e - s);
  }
  // Second pass: the text. A few placeholders are joined by concatenation (V8 keeps a rope and flattens it
  // once); many are written into one buffer of code units of the exact length, as 200 000 rope nodes cost
  // more in allocation than the copy.
  const lists = new Map<number, RedactedSpan[]>();
  const listOf: RedactedSpan[][] = [];
  const fillOf = new Int32Array(KIND_IDS.length);
  for (const k of firstSeen) {
    const list = new Array<RedactedSpan>(perKind[k] as number);
    listOf[k] = list;
    lists.set(k, list);
  }
  let out = "";
  let codes: Uint16Array | null = null;
  let source: Uint16Array = new Uint16Array(0);
  if (spans.n >= 256) {
    source = scanText(text).codes;
    codes = new Uint16Array(outLength);
  }
  let cursor = 0;
  let at = 0;
  for (let c = 0; c < spans.n; c++) {
    const s = spans.start[c] as number;
    const e = spans.end[c] as number;
    const kind = spans.kind[c] as number;
    const choice = which[c] as number;
    if (codes === null) {
      out += text.slice(cursor, s) + chosen.text(choice);
      at += s - cursor;
    } else {
      // The text between spans from the scan's code units (a typed array reads faster than charCodeAt).
      if (s - cursor > 32) {
        codes.set(source.subarray(cursor, s), at);
        at += s - cursor;
      } else for (let i = cursor; i < s; i++) codes[at++] = source[i] as number;
      chosen.write(codes, at, choice);
    }
    const length = chosen.lengthOf(choice);
    const list = listOf[kind] as RedactedSpan[];
    list[(fillOf[kind] as number)++] = { start: at, end: at + length };
    at += length;
    cursor = e;
  }
  if (codes === null) out += text.slice(cursor);
  else {
    codes.set(source.subarray(cursor, text.length), at);
    out = codesToString(codes);
  }
  const byKind = lists;
  const findings = [...byKind.entries()]
    .sort((a, b) => (KIND_PRIORITIES[a[0]] ?? 0) - (KIND_PRIORITIES[b[0]] ?? 0))
    .map(([kind, list]) => ({ kind: KIND_IDS[kind] ?? "", count: list.length, spans: list }));
  return { text: out, findings };
}

/**
 * Replaces every secret and piece of personal data in `text` with `[REDACTED:<kind>#<n>]` (the same secret
 * keeps its number throughout the paste) and, with `hidePrompt`, prompt text with a length note.
 * Linear in the input, idempotent, never throws; on any internal failure it withholds the whole text.
 */
export function redact(text: string, options: RedactOptions = {}): RedactionResult {
  try {
    resetScans();
    resetReadMemos();
    resetUrlMemos();
    return redactUnchecked(typeof text === "string" ? text : String(text ?? ""), options ?? {});
  } catch {
    return failClosed("redaction-failed");
  } finally {
    resetScans();
    resetReadMemos();
    resetUrlMemos();
  }
}

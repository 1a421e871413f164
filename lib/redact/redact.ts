import { MAX_INPUT_BYTES } from "@/lib/input";
import { findEncodedSecrets } from "./encoded";
import { registerAnchors, scanText } from "./scan";
import { isRandomToken } from "./detectors";
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
}

/** Past this many characters the text is withheld whole rather than scanned (fail closed). */
export const MAX_REDACT_CHARS = 4 * MAX_INPUT_BYTES;

const PROMPT_KIND = "prompt-content";
const PLACEHOLDER = /\[REDACTED:([a-z0-9-]{1,40})(?:#(\d{1,7}))?\]|\[prompt content hidden: \d{1,9} chars\]/g;

interface Candidate {
  start: number;
  end: number;
  kind: string;
  priority: number;
}

const FALLBACK_KIND = "high-entropy-token";
const DETECTORS = REDACTION_KINDS.filter(
  (k): k is RedactionKind & { detect: NonNullable<RedactionKind["detect"]> } => k.detect !== undefined,
);
const DECODED_DETECTORS = DETECTORS.filter((d) => DECODED_KIND_IDS.has(d.id));

function priorityOf(kind: string): number {
  return kind === PROMPT_KIND ? -1 : (KIND_PRIORITY.get(kind) ?? KIND_PRIORITY.size);
}

/** The same secret seen bare, JSON-escaped, %-encoded or wrapped gets one key, hence one placeholder. */
function canonical(raw: string): string {
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
  const unwrapped = unwrappedView(text);
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
function namedDumps(dumps: DumpBlock[], push: (s: number, e: number, kind: string) => void): void {
  for (const d of dumps) {
    const names = d.before.match(/[A-Za-z_][\w.-]{2,80}/g) ?? [];
    const secret = names.find((n) => classifyNameCached(n) !== null);
    if (secret !== undefined) push(d.start, d.end, kindForName(secret));
  }
}

function collect(text: string, hidePrompt: boolean): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, end: number, kind: string) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) out.push({ start: s, end: e, kind, priority: priorityOf(kind) });
  };
  const dumps = hexDumpBlocks(text);
  const views = viewsOf(text, dumps);
  for (const view of views) {
    const present = scanText(view.text).present;
    for (const kind of DETECTORS) {
      const emit = (s: number, e: number, k?: string) => {
        const span = toOriginal(view, s, e);
        if (span) push(span[0], span[1], k ?? kind.id);
      };
      if (shouldRun(kind.anchors, present)) kind.detect(view.text, emit);
      for (const reader of kind.readers ?? [])
        if (shouldRun(reader.anchors, present)) reader.detect(view.text, emit);
    }
    // Base64 runs are decoded on the paste and on its decoded view (a base64 value inside escaped JSON).
    if (view === views[0] || view.name === "decoded")
      for (const hit of findEncodedSecrets(view.text, DECODED_DETECTORS)) {
        const span = toOriginal(view, hit.start, hit.end);
        if (span) push(span[0], span[1], hit.kind);
      }
  }
  namedDumps(dumps, push);
  if (hidePrompt) for (const [s, e] of findPromptSpans(text)) push(s, e, PROMPT_KIND);
  return echoes(text, settleFallback(text, out));
}

const ECHO_KINDS_SKIPPED = new Set([PROMPT_KIND, "email", "ip-address", "phone"]);

/**
 * Echo masking: a value masked anywhere is masked wherever else it appears, bare or in its %-, JSON- or
 * HTML-escaped form (a password masked by its name and then printed again in a retry message, a cookie
 * value echoed in a redirect). Values shorter than 6 characters or plain words are not searched for.
 */
function echoes(text: string, candidates: Candidate[]): Candidate[] {
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (const c of candidates) {
    if (ECHO_KINDS_SKIPPED.has(c.kind) || c.end - c.start > 4096) continue;
    const raw = text.slice(c.start, c.end);
    if (seen.has(raw)) continue;
    seen.add(raw);
    for (const v of new Set([raw, decodeString(raw)])) {
      if (
        v.length < 6 ||
        /\s/.test(v) ||
        /^[A-Za-z]+$/.test(v) ||
        isBenignValue(v) ||
        v.startsWith("[REDACTED")
      )
        continue;
      if (!values.has(v)) values.set(v, c.kind);
      if (values.size >= 256) break;
    }
  }
  if (values.size === 0) return candidates;
  const out = [...candidates];
  for (const [v, kind] of values) {
    const forms = new Set([
      v,
      encodeURIComponent(v),
      percentAll(v),
      JSON.stringify(v).slice(1, -1),
      htmlEscape(v),
    ]);
    for (const form of forms) {
      let i = text.indexOf(form);
      let guard = 0;
      while (i >= 0 && guard++ < 10_000) {
        out.push({ start: i, end: i + form.length, kind, priority: priorityOf(kind) });
        i = text.indexOf(form, i + form.length);
      }
    }
  }
  return out;
}

/** Every character outside RFC 3986's unreserved set %-encoded (what some clients send). */
function percentAll(s: string): string {
  return s.replace(/[^\w.~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The fallback only claims what no typed rule explains: its runs are cut around typed spans, and a leftover
 * piece stays only if it still passes the fallback's own test (so `31m` before a key or a SigV4 scope after a
 * key id is not swallowed, while a random tail a typed rule stopped short of is).
 */
function settleFallback(text: string, candidates: Candidate[]): Candidate[] {
  const typed = candidates.filter((c) => c.kind !== FALLBACK_KIND);
  const fallback = candidates.filter((c) => c.kind === FALLBACK_KIND);
  if (fallback.length === 0 || typed.length === 0) return candidates;
  const covered = merge(typed).map((c) => [c.start, c.end] as [number, number]);
  const kept = clip(text, fallback, covered).filter((c) => isRandomToken(text.slice(c.start, c.end)));
  return [...typed, ...kept];
}

/** Placeholders already in the text: never re-detected, and their numbers are not reused. */
function protectedRegions(text: string): { regions: Array<[number, number]>; maxIndex: Map<string, number> } {
  const regions: Array<[number, number]> = [];
  const maxIndex = new Map<string, number>();
  PLACEHOLDER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACEHOLDER.exec(text)) !== null) {
    regions.push([m.index, m.index + m[0].length]);
    if (m[1] !== undefined && m[2] !== undefined)
      maxIndex.set(m[1], Math.max(maxIndex.get(m[1]) ?? 0, Number(m[2])));
  }
  return { regions, maxIndex };
}

/** Cuts candidates around protected regions; keeps only pieces that still hold a letter or digit. */
function clip(text: string, candidates: Candidate[], regions: Array<[number, number]>): Candidate[] {
  if (regions.length === 0) return candidates;
  const out: Candidate[] = [];
  for (const c of candidates) {
    let pieces: Array<[number, number]> = [[c.start, c.end]];
    // Regions are sorted; binary search the first that may overlap.
    let lo = 0;
    let hi = regions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((regions[mid]?.[1] ?? 0) <= c.start) lo = mid + 1;
      else hi = mid;
    }
    for (let r = lo; r < regions.length && (regions[r]?.[0] ?? 0) < c.end; r++) {
      const [rs, re] = regions[r] ?? [0, 0];
      pieces = pieces.flatMap(([s, e]) => {
        if (re <= s || rs >= e) return [[s, e] as [number, number]];
        const left: Array<[number, number]> = rs > s ? [[s, rs]] : [];
        const right: Array<[number, number]> = re < e ? [[re, e]] : [];
        return [...left, ...right];
      });
    }
    for (const [s, e] of pieces)
      if (/[A-Za-z0-9]/.test(text.slice(s, e))) out.push({ ...c, start: s, end: e });
  }
  return out;
}

function merge(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && c.start < last.end) {
      if (c.end > last.end) last.end = c.end;
      if (c.priority < last.priority) {
        last.priority = c.priority;
        last.kind = c.kind;
      }
    } else out.push({ ...c });
  }
  return out;
}

function failClosed(kind: string): RedactionResult {
  const text = `[REDACTED:${kind}#1]`;
  return { text, findings: [{ kind, count: 1, spans: [{ start: 0, end: text.length }] }] };
}

function redactUnchecked(text: string, options: RedactOptions): RedactionResult {
  if (text.length > MAX_REDACT_CHARS) return failClosed("oversize-input");
  const { regions, maxIndex } = protectedRegions(text);
  const spans = merge(clip(text, collect(text, options.hidePrompt === true), regions));

  const numbers = new Map<string, Map<string, number>>();
  const parts: string[] = [];
  const byKind = new Map<string, RedactedSpan[]>();
  let cursor = 0;
  let outLength = 0;
  for (const span of spans) {
    const before = text.slice(cursor, span.start);
    parts.push(before);
    outLength += before.length;
    let placeholder: string;
    if (span.kind === PROMPT_KIND) placeholder = promptNote(span.end - span.start);
    else {
      let seen = numbers.get(span.kind);
      if (seen === undefined) numbers.set(span.kind, (seen = new Map()));
      const key = canonical(text.slice(span.start, span.end));
      let n = seen.get(key);
      if (n === undefined) {
        n = (maxIndex.get(span.kind) ?? 0) + seen.size + 1;
        seen.set(key, n);
      }
      placeholder = `[REDACTED:${span.kind}#${n}]`;
    }
    parts.push(placeholder);
    const list = byKind.get(span.kind) ?? [];
    list.push({ start: outLength, end: outLength + placeholder.length });
    byKind.set(span.kind, list);
    outLength += placeholder.length;
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  const findings = [...byKind.entries()]
    .sort((a, b) => priorityOf(a[0]) - priorityOf(b[0]))
    .map(([kind, list]) => ({ kind, count: list.length, spans: list }));
  return { text: parts.join(""), findings };
}

/**
 * Replaces every secret and piece of personal data in `text` with `[REDACTED:<kind>#<n>]` (the same secret
 * keeps its number throughout the paste) and, with `hidePrompt`, prompt text with a length note.
 * Linear in the input, idempotent, never throws; on any internal failure it withholds the whole text.
 */
export function redact(text: string, options: RedactOptions = {}): RedactionResult {
  try {
    return redactUnchecked(typeof text === "string" ? text : String(text ?? ""), options ?? {});
  } catch {
    return failClosed("redaction-failed");
  }
}

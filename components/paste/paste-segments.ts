import type { Signal } from "@/lib/diagnosis";

/**
 * One run of the paste as shown: plain text, a highlighted signal, an omitted stretch of a long paste, or a
 * secret. A masked secret carries no text at all (`text: null`), so nothing downstream can render it.
 */
export type PasteSegment =
  | { kind: "text"; start: number; text: string }
  | { kind: "mark"; start: number; text: string; labels: string[] }
  | { kind: "gap"; start: number; omittedChars: number; omittedLines: number }
  | { kind: "secret"; start: number; text: string | null; label: string; n: number };

/** A secret's place in the paste, as lib/paste-secrets finds it. */
export type SecretSpan = { start: number; end: number; label: string; n: number };

export type SegmentOptions = {
  /** Pastes up to this many UTF-16 units are shown whole. */
  showWholeBelow?: number;
  /** In longer pastes, how many units around each signal stay visible (snapped out to whole lines). */
  context?: number;
  /** Spans to show as secrets: masked (one placeholder, no text) unless `revealSecrets`. */
  secrets?: readonly SecretSpan[];
  revealSecrets?: boolean;
};

const DEFAULT_SHOW_WHOLE_BELOW = 24_000;
const DEFAULT_CONTEXT = 600;
// A line break found further than this from a window edge is ignored, so one 1 MiB line stays an excerpt.
const LINE_SNAP_LIMIT = 400;

type Span = { start: number; end: number };

function clampSignals(text: string, signals: readonly Signal[]): Signal[] {
  return signals
    .map((s) => ({ ...s, start: Math.min(s.start, text.length), end: Math.min(s.end, text.length) }))
    .filter((s) => s.start < s.end);
}

function snapToLines(text: string, span: Span): Span {
  const before = text.lastIndexOf("\n", span.start - 1);
  const start = before >= 0 && span.start - before <= LINE_SNAP_LIMIT ? before + 1 : span.start;
  const after = text.indexOf("\n", span.end);
  const end = after >= 0 && after - span.end <= LINE_SNAP_LIMIT ? after : span.end;
  return { start, end };
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The stretches of a long paste worth showing: around each signal, or its tail when nothing was found. */
function visibleWindows(text: string, signals: readonly Signal[], context: number): Span[] {
  const seeds: Span[] =
    signals.length > 0
      ? signals.map((s) => ({
          start: Math.max(0, s.start - context),
          end: Math.min(text.length, s.end + context),
        }))
      : [{ start: Math.max(0, text.length - context * 4), end: text.length }];
  return mergeSpans(seeds.map((span) => snapToLines(text, span)));
}

function countLines(text: string, start: number, end: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n", start); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) lines += 1;
  return lines;
}

/**
 * Splits `text` into runs for display. Signal offsets are UTF-16 offsets into `text`; overlapping signals
 * produce one mark carrying every label that covers it. Long pastes keep only windows around the signals.
 */
export function segmentPaste(
  text: string,
  signals: readonly Signal[],
  options: SegmentOptions = {},
): PasteSegment[] {
  const showWholeBelow = options.showWholeBelow ?? DEFAULT_SHOW_WHOLE_BELOW;
  const context = options.context ?? DEFAULT_CONTEXT;
  const spans = clampSignals(text, signals);
  const secrets = (options.secrets ?? [])
    .map((s) => ({ ...s, start: Math.min(s.start, text.length), end: Math.min(s.end, text.length) }))
    .filter((s) => s.start < s.end);
  const secretSignals = secrets.map((s) => ({ id: "secret", label: s.label, start: s.start, end: s.end }));
  const windows: Span[] =
    text.length <= showWholeBelow
      ? [{ start: 0, end: text.length }]
      : visibleWindows(text, [...spans, ...secretSignals], context);

  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const s of secrets) cuts.add(s.start).add(s.end);
  for (const w of windows) cuts.add(w.start).add(w.end);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: PasteSegment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const visible = windows.some((w) => w.start <= start && end <= w.end);
    const last = segments.at(-1);
    if (!visible) {
      if (last?.kind === "gap") {
        last.omittedChars += end - start;
        last.omittedLines += countLines(text, start, end);
      } else {
        segments.push({
          kind: "gap",
          start,
          omittedChars: end - start,
          omittedLines: countLines(text, start, end),
        });
      }
      continue;
    }
    const secret = secrets.find((s) => s.start <= start && end <= s.end);
    if (secret !== undefined) {
      const piece = options.revealSecrets === true ? text.slice(start, end) : null;
      if (
        last?.kind === "secret" &&
        last.n === secret.n &&
        last.label === secret.label &&
        last.start >= secret.start
      ) {
        if (last.text !== null && piece !== null) last.text += piece;
      } else segments.push({ kind: "secret", start, text: piece, label: secret.label, n: secret.n });
      continue;
    }
    const piece = text.slice(start, end);
    const labels = spans.filter((s) => s.start <= start && end <= s.end).map((s) => s.label);
    const uniqueLabels = [...new Set(labels)];
    if (uniqueLabels.length > 0) segments.push({ kind: "mark", start, text: piece, labels: uniqueLabels });
    else if (last?.kind === "text") last.text += piece;
    else segments.push({ kind: "text", start, text: piece });
  }
  return segments;
}

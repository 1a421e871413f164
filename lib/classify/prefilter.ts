import type { RepairedView } from "./repair";

/**
 * The literal prefilter: one combined scan for the anchor words of API errors finds candidate regions of a
 * large paste, and everything else (repair, records, signatures) runs only there. A service log of a
 * megabyte with four real errors in it becomes a few kilobytes of candidate text.
 *
 * Small pastes (below PREFILTER_MIN) are read whole: the corpus and everything a person pastes by hand
 * take the full path, so the prefilter can only change answers on inputs of tens of kilobytes and more.
 * On those, a budget keeps the first and the last candidate regions (the headline error is the last one),
 * as the scan already kept only the first and last hits of each signature.
 */
export const PREFILTER_MIN = 48 * 1024;
const LINES_BEFORE = 3;
const LINES_AFTER = 8;
const MAX_BEFORE = 2048;
const MAX_AFTER = 4096;
/** Candidate bytes kept from the start and from the end of a large paste. */
const HEAD_BUDGET = 8 * 1024;
const TAIL_BUDGET = 16 * 1024;
/** A region grows by merging neighbours up to this size, then a new one starts. */
const MAX_WINDOW = 8 * 1024;
/** The tail is looked for in the last this many bytes first. */
const TAIL_SCAN = 64 * 1024;
/** Anchors closer than this to the end of the current region are looked at again (they may extend it). */
const RESCAN = 512;

// Words that every API error shape carries at least one of: types and classes, statuses with their
// keywords, transport codes, platform and gateway names, Claude's own words. A bare "error" is not one:
// service logs are full of unrelated ERROR lines and stack traces.
const ANCHOR_WORDS: readonly string[] = [
  String.raw`anthropic`,
  String.raw`claude`,
  String.raw`req_`,
  String.raw`api\s?error`,
  String.raw`error\scode`,
  String.raw`_error`,
  String.raw`errorName`,
  String.raw`overload`,
  String.raw`rate[\s_-]?limit`,
  String.raw`too\smany`,
  String.raw`throttl`,
  String.raw`quota`,
  String.raw`exhausted`,
  String.raw`credit`,
  String.raw`billing`,
  String.raw`usage`,
  String.raw`limit\sreached`,
  String.raw`hit\syour`,
  String.raw`resets?\s`,
  String.raw`context`,
  String.raw`too\s(?:long|large|big)`,
  String.raw`PayloadTooLarge`,
  String.raw`timeout`,
  String.raw`timed\sout`,
  String.raw`deadline`,
  String.raw`took\stoo`,
  String.raw`E(?:CONN|NOTFOUND|TIMEDOUT|AI_AGAIN|PIPE|HOSTUNREACH|NETUNREACH)`,
  String.raw`UND_ERR`,
  String.raw`socket`,
  String.raw`fetch\sfailed`,
  String.raw`connection\s(?:error|closed|reset|refused)`,
  String.raw`certificat`,
  String.raw`ssl`,
  String.raw`tls`,
  String.raw`proxy`,
  String.raw`gateway`,
  String.raw`relay`,
  String.raw`bedrock`,
  String.raw`vertex`,
  String.raw`litellm`,
  String.raw`openrouter`,
  String.raw`amazonaws`,
  String.raw`googleapis`,
  String.raw`exception`,
  String.raw`denied`,
  String.raw`forbidden`,
  String.raw`unauthori[sz]ed`,
  String.raw`authenticat`,
  String.raw`api[\s_-]?key`,
  String.raw`token`,
  String.raw`not\sfound`,
  String.raw`invalid`,
  String.raw`permission`,
  String.raw`region`,
  String.raw`capacity`,
  String.raw`unavailable`,
  String.raw`status[\s_]?code`,
  String.raw`"status"`,
  String.raw`'status'`,
  String.raw`status:`,
  String.raw`HTTP\/`,
  String.raw`[45][0-2]\d\b`,
];

/**
 * The anchor words as one alternation, factored by first letter (`c(?:laude|redit|…)`): irregexp then
 * tries one branch per position instead of every word, which makes the scan as fast as a plain literal
 * alternation of fewer words. Every word starts with a literal letter or digit class.
 */
function factored(words: readonly string[]): RegExp {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const first = (w[0] ?? "").toLowerCase();
    const key = /[a-z]/.test(first) ? first : w;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const parts = [...groups].map(([key, ws]) =>
    key.length === 1 && ws.length > 1 ? `${key}(?:${ws.map((w) => w.slice(1)).join("|")})` : ws.join("|"),
  );
  return new RegExp(parts.join("|"), "gi");
}

const ANCHORS = factored(ANCHOR_WORDS);

// Checked on the hit, not in the pattern: a class at the start of an alternative would make the scan try
// every position. A status number needs a separator before it (not `duration_ms=423` or `09:45:12.404`),
// and "exception" must be part of a class name (`ValidationException`, not "unhandled exception").
const STATUS_BEFORE = new Set([" ", "\t", "\n", ":", '"', "'", "(", "[", "`", "|"]);
const LETTER = /[A-Za-z]/;
function isAnchor(text: string, at: number, word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57)
    return at > 0 && STATUS_BEFORE.has(text[at - 1] ?? "") && text[at + 3] !== ".";
  if (word.length === 9 && word.toLowerCase() === "exception")
    return at > 0 && LETTER.test(text[at - 1] ?? "");
  return true;
}

type Window = { start: number; end: number };

function lineStartBefore(text: string, at: number, lines: number, maxBack: number): number {
  // Searches a bounded slice only: a megabyte without line breaks costs maxBack, not the whole text.
  const floor = Math.max(0, at - maxBack);
  const slice = text.slice(floor, at);
  let i = slice.length;
  for (let n = 0; n <= lines; n++) {
    const nl = slice.lastIndexOf("\n", i - 1);
    if (nl === -1) return floor;
    i = nl;
  }
  return floor + i + 1;
}

function lineEndAfter(text: string, at: number, lines: number, maxAhead: number): number {
  const ceiling = Math.min(text.length, at + maxAhead);
  const slice = text.slice(at, ceiling);
  let i = 0;
  for (let n = 0; n <= lines; n++) {
    const nl = slice.indexOf("\n", i);
    if (nl === -1) return ceiling;
    i = nl + 1;
  }
  return at + i;
}

/**
 * Merged windows around the anchor words of `text[from, to)`, in order, handed to `take` until it returns
 * false. A window never starts before `from`.
 */
function windowsIn(text: string, from: number, to: number, take: (w: Window) => boolean): void {
  let last = null as Window | null;
  ANCHORS.lastIndex = from;
  for (let m = ANCHORS.exec(text); m !== null && m.index < to; m = ANCHORS.exec(text)) {
    const at = m.index;
    if (!isAnchor(text, at, m[0])) continue;
    const end = Math.min(to, lineEndAfter(text, at + m[0].length, LINES_AFTER, MAX_AFTER));
    const start = Math.max(from, lineStartBefore(text, at, LINES_BEFORE, MAX_BEFORE));
    const current: Window | null = last;
    if (current && start <= current.end && current.end - current.start < MAX_WINDOW) {
      // Overlaps or touches the current window: one region.
      current.end = Math.max(current.end, end);
    } else {
      if (current && !take(current)) return;
      last = { start: Math.max(start, current?.end ?? from), end };
    }
    // Anchors inside the window are not looked at one by one: the next one that matters starts after it.
    ANCHORS.lastIndex = Math.max(ANCHORS.lastIndex, (last?.end ?? 0) - RESCAN);
  }
  if (last) take(last);
}

/** The last windows of `windows` whose bytes reach `budget` (whole windows, dropped from the front). */
function lastWithin(windows: Window[], budget: number): Window[] {
  let bytes = 0;
  let k = windows.length;
  while (k > 0 && bytes < budget) {
    k--;
    const w = windows[k] as Window;
    bytes += w.end - w.start;
  }
  return windows.slice(k);
}

const bytesOf = (windows: Window[]): number => windows.reduce((sum, w) => sum + w.end - w.start, 0);

/**
 * Candidate regions of `text`: merged windows around anchor words, the first and last within budget. The
 * head is read forwards until its budget is spent; the tail is first read from the last TAIL_SCAN bytes
 * only, and from the end of the head on when those do not fill its budget. A megabyte of anchors on every
 * line then costs the head and the last TAIL_SCAN bytes, not a window per line all the way through.
 */
export function candidateWindows(text: string): Window[] {
  const head: Window[] = [];
  let headBytes = 0;
  let headEnd = 0;
  windowsIn(text, 0, text.length, (w) => {
    if (headBytes >= HEAD_BUDGET) return false;
    head.push(w);
    headBytes += w.end - w.start;
    headEnd = w.end;
    return true;
  });
  if (headBytes < HEAD_BUDGET) return head;
  const collect = (from: number): Window[] => {
    const out: Window[] = [];
    windowsIn(text, from, text.length, (w) => {
      out.push(w);
      return true;
    });
    return out;
  };
  const recent = text.length - TAIL_SCAN > headEnd ? collect(text.length - TAIL_SCAN) : null;
  const tail = recent && bytesOf(recent) >= TAIL_BUDGET ? recent : collect(headEnd);
  return [...head, ...lastWithin(tail, TAIL_BUDGET)];
}

/** A view of `text` keeping only `windows` (sorted, disjoint), offsets mapped back. */
export function windowView(text: string, windows: Window[]): RepairedView {
  const viewStarts: number[] = [];
  let v = 0;
  for (const w of windows) {
    viewStarts.push(v);
    v += w.end - w.start;
  }
  const segmentOf = (i: number): number => {
    let lo = 0;
    let hi = viewStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((viewStarts[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const origin = (i: number): number => {
    if (windows.length === 0) return i;
    const k = segmentOf(i);
    return (windows[k] as Window).start + (i - (viewStarts[k] ?? 0));
  };
  const pasteStarts = windows.map((w) => w.start);
  return {
    text: windows.map((w) => text.slice(w.start, w.end)).join(""),
    origin,
    originEnd: (end) => (end <= 0 ? (windows[0]?.start ?? 0) : origin(end - 1) + 1),
    toView: (o) => {
      let lo = 0;
      let hi = pasteStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((pasteStarts[mid] ?? 0) <= o) lo = mid;
        else hi = mid - 1;
      }
      const w = windows[lo];
      if (!w) return 0;
      return (viewStarts[lo] ?? 0) + Math.min(Math.max(0, o - w.start), w.end - w.start);
    },
  };
}

/** The candidate view of a large paste, or null for a small one (read whole). */
export function prefilterView(text: string): RepairedView | null {
  if (text.length < PREFILTER_MIN) return null;
  return windowView(text, candidateWindows(text));
}

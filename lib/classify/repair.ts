import { MEANINGS } from "./meanings";
import { countAtMost, unwrapHardWraps, type UnwrappedView } from "./unwrap";

/**
 * The repaired view of a paste, with every offset mapped back: the classifier reads this view and reports
 * spans of what the user pasted. Three repairs, in the reverse order of how pastes get mangled:
 *
 * 1. Terminal hard wraps are removed (unwrap.ts).
 * 2. JSON escaping is undone, every level at once: a run of backslashes before `n`, `t` or `r` becomes a
 *    line break or a space, before a quote or slash it goes; a body escaped one to three times inside log
 *    lines or `/bug` arrays reads like the original, line by line.
 * 3. Spaces and indented line breaks inserted inside a token are removed when the joined token is a known
 *    error type, exception or status name, a known key, or a whole request id.
 */
export type RepairedView = UnwrappedView;

/** A view of `text` without the characters at `removed` (sorted, unique), with `replaced` swapped in. */
export function removalView(
  text: string,
  removed: number[],
  replaced: ReadonlyMap<number, string> = new Map(),
): RepairedView {
  // One pass over both sorted lists of edits: slices between edits, one character per edit.
  const swaps = [...replaced.keys()].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  let r = 0;
  let w = 0;
  while (r < removed.length || w < swaps.length) {
    const nextRemoved = removed[r] ?? Number.POSITIVE_INFINITY;
    const nextSwap = swaps[w] ?? Number.POSITIVE_INFINITY;
    if (nextRemoved <= nextSwap) {
      parts.push(text.slice(from, nextRemoved));
      from = nextRemoved + 1;
      r++;
      if (nextSwap === nextRemoved) w++;
    } else {
      parts.push(text.slice(from, nextSwap), replaced.get(nextSwap) ?? "");
      from = nextSwap + 1;
      w++;
    }
  }
  parts.push(text.slice(from));
  const viewBreaks = removed.map((at, k) => at - k);
  const origin = (i: number): number => i + countAtMost(viewBreaks, i);
  return {
    text: parts.join(""),
    origin,
    originEnd: (end) => (end <= 0 ? 0 : origin(end - 1) + 1),
    toView: (o) => o - countAtMost(removed, o - 1),
  };
}

/** `outer` read through `inner`: offsets of the inner view map to the outer view, then to the paste. */
export function compose(outer: RepairedView | null, inner: RepairedView | null): RepairedView | null {
  if (!outer) return inner;
  if (!inner) return outer;
  return {
    text: inner.text,
    origin: (i) => outer.origin(inner.origin(i)),
    originEnd: (end) => outer.originEnd(inner.originEnd(end)),
    toView: (o) => inner.toView(outer.toView(o)),
  };
}

const ESCAPED = /\\{1,8}["nt]/;

/** The text with its JSON escaping undone (all levels), or null when it shows none. */
export function unescapeView(text: string): RepairedView | null {
  if (!ESCAPED.test(text)) return null;
  const removed: number[] = [];
  const replaced = new Map<number, string>();
  for (let i = text.indexOf("\\"); i !== -1;) {
    let j = i;
    while (text[j] === "\\") j++;
    const next = text[j];
    if (next === "n" || next === "t" || next === "r") {
      for (let k = i; k < j; k++) removed.push(k);
      replaced.set(j, next === "n" ? "\n" : " ");
    } else if (next === '"' || next === "'" || next === "/") {
      for (let k = i; k < j; k++) removed.push(k);
    } else if (next !== "u" && j - i > 1) {
      // A literal backslash escaped at several levels (a Windows path): keep one.
      for (let k = i + 1; k < j; k++) removed.push(k);
    }
    i = text.indexOf("\\", j);
  }
  if (removed.length === 0 && replaced.size === 0) return null;
  // The replacements sit on kept characters only: a removed index is never replaced.
  return removalView(text, removed, replaced);
}

/** Tokens a terminal or tracker may split with spaces; rejoined only when the whole is one of these. */
export const KNOWN_TOKENS: ReadonlySet<string> = new Set([
  "invalid_request_error",
  "authentication_error",
  "billing_error",
  "permission_error",
  "not_found_error",
  "rate_limit_error",
  "timeout_error",
  "overloaded_error",
  "api_error",
  "request_too_large",
  "request_id",
  "error_type",
  "ThrottlingException",
  "ServiceQuotaExceededException",
  "ServiceUnavailableException",
  "ModelNotReadyException",
  "ValidationException",
  "AccessDeniedException",
  "ResourceNotFoundException",
  "ModelTimeoutException",
  "ModelErrorException",
  "ModelStreamErrorException",
  "InternalServerException",
  "UnrecognizedClientException",
  "ExpiredTokenException",
  "RESOURCE_EXHAUSTED",
  "PERMISSION_DENIED",
  "INVALID_ARGUMENT",
  "FAILED_PRECONDITION",
  "DEADLINE_EXCEEDED",
  "UNAUTHENTICATED",
  "OverloadedError",
  "RateLimitError",
  "InternalServerError",
  "APIConnectionError",
  "APITimeoutError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "context_length_exceeded",
  "enforced_spend_limit_reached",
  // Every exception name of the (route, status, type) table.
  ...MEANINGS.flatMap((m) => (m.type ? [m.type] : [])),
]);

const REQUEST_ID = /^req_(?:vrtx_|bdrk_)?[A-Za-z0-9]{24}$/;
const TOKEN = /\w{1,60}/g;
// Between two halves of a token: a run of spaces (a terminal reflow pads a cut line out to its width), or a
// line break and the indentation of a soft wrap.
const SPLIT = /^(?: {1,16}|\n[ \t]{0,16})$/;
const MAX_PARTS = 3;

const isWhole = (s: string): boolean => KNOWN_TOKENS.has(s) || REQUEST_ID.test(s);

/** The text with spaces inside known tokens removed, or null when there are none. */
export function joinSplitTokens(text: string): RepairedView | null {
  const tokens: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ start: m.index, end: m.index + m[0].length });
  const removed: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    let joined = text.slice(tokens[t]!.start, tokens[t]!.end);
    if (isWhole(joined)) continue;
    for (let k = 1; k < MAX_PARTS && t + k < tokens.length; k++) {
      const prev = tokens[t + k - 1]!;
      const next = tokens[t + k]!;
      if (!SPLIT.test(text.slice(prev.end, next.start))) break;
      joined += text.slice(next.start, next.end);
      if (isWhole(joined)) {
        for (let j = t; j < t + k; j++) {
          for (let r = tokens[j]!.end; r < tokens[j + 1]!.start; r++) removed.push(r);
        }
        t += k;
        break;
      }
    }
  }
  return removed.length === 0 ? null : removalView(text, removed);
}

/** The repaired view of a normalised paste, or null when nothing needed repair. */
export function repairView(norm: string): RepairedView | null {
  const unwrapped = unwrapHardWraps(norm);
  const unescaped = compose(unwrapped, unescapeView(unwrapped?.text ?? norm));
  return compose(unescaped, joinSplitTokens(unescaped?.text ?? norm));
}

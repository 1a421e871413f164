/**
 * Evidence extractors: facts read from the normalised paste that are not votes for a branch.
 * Every regex here is bounded; each runs once over the paste.
 */

export type Located<T> = { value: T; start: number; end: number };

// ---------------------------------------------------------------------------------------------------
// Request ids
// ---------------------------------------------------------------------------------------------------
// `req_` + an optional platform tag (`vrtx_` on Vertex) + a base62 body.
const REQ_ID = /\breq_((?:vrtx_|bdrk_)?[A-Za-z0-9]{1,40})/g;
const REQ_ID_LENGTH = 24; // `req_` + 24 alphanumerics in every example (claude-errors.md §7)
const CONTINUATION = /^[ \t]{0,40}([A-Za-z0-9]{1,40})/;

/**
 * Every `req_…` id in order of appearance. A terminal that wrapped an id across lines is re-joined when
 * the two halves make exactly one full id; a truncated or placeholder id is never completed or invented.
 */
export function findRequestIds(text: string, partial: Located<string>[] = []): Located<string>[] {
  const out: Located<string>[] = [];
  for (const m of text.matchAll(REQ_ID)) {
    const tagged = m[1] ?? "";
    const body = tagged.replace(/^(?:vrtx|bdrk)_/, "");
    const start = m.index;
    const end = start + m[0].length;
    if (body.length >= 20) {
      out.push({ value: m[0], start, end });
      continue;
    }
    // Wrapped: the id runs to the end of its line and the next line starts with the rest.
    if (text[end] !== "\n") {
      // Visibly cut or masked (`req_011CX…`, `req_vrtx_011xxxx`): reported as it is, flagged, never completed.
      if (/^0\d{2}[A-Za-z0-9]{3}/.test(body)) partial.push({ value: m[0], start, end });
      continue;
    }
    const next = CONTINUATION.exec(text.slice(end + 1, end + 1 + 80));
    const rest = next?.[1];
    if (rest && body.length + rest.length === REQ_ID_LENGTH) {
      out.push({ value: `req_${body}${rest}`, start, end: end + 1 + (next?.[0].length ?? 0) });
    }
  }
  return out;
}

// AWS and Google request ids are UUIDs printed next to a request-id label.
const GATEWAY_ID =
  /(?:request[-_ ]?id|x-amzn-requestid|x-amz-request-id|x-amzn-request-id)\\{0,3}["']?\s?[:=]\s?\\{0,3}["']?\s?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/gi;
// A relay's or a compatible backend's own id in a request-id field or after a request-id label, whatever its
// shape (`"request_id":"202510091744123546de24396949b8"`); `req_…` ids are Anthropic's and read above.
const LABELLED_ID =
  /(?:request[-_ ]?id|x-request-id|x-oneapi-request-id)\\{0,3}["']?\s?[:=]\s?\\{0,3}["']?\s?(?!req_)([a-z0-9][\w-]{7,63})(?![\w-])/gi;
// one-api / new-api relay logs (Go's GIN): `[GIN] 2025/06/08 - 10:34:46 | <request id> | 500 |` and the same id
// after the level tag of their own log lines.
const RELAY_LOG_ID =
  /\[(?:GIN|SYS|INFO|WARN|ERR|ERROR)\][ \t]{1,4}\d{4}\/\d\d\/\d\d[ \t]{1,4}-[ \t]{1,4}\d\d:\d\d:\d\d[ \t]{1,4}\|[ \t]{1,4}([A-Za-z0-9]{16,64})[ \t]{1,4}\|/g;

/** A value with no digit, or one character repeated (`xxxxxxxx`), is a placeholder or a word, not an id. */
const looksLikeId = (value: string): boolean => /\d/.test(value) && !/^(.)\1*$/.test(value);

/** Gateway, platform and relay request ids, in order of appearance, each once. */
export function findGatewayRequestIds(text: string): Located<string>[] {
  const found: Located<string>[] = [];
  for (const re of [GATEWAY_ID, LABELLED_ID, RELAY_LOG_ID]) {
    for (const m of text.matchAll(re)) {
      const value = m[1] ?? "";
      if (!looksLikeId(value)) continue;
      const end = m.index + m[0].length;
      const start = re === RELAY_LOG_ID ? m.index + m[0].lastIndexOf(value) : end - value.length;
      found.push({ value, start, end: start + value.length });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return found.filter((r) => !seen.has(r.value) && seen.add(r.value));
}

// ---------------------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------------------
const TRAILING = new Set([".", ",", ";", ":", ")", "`", "'", '"', "\\"]);
/** Drops sentence punctuation and quotes glued to the end of an id. */
const trimModel = (s: string): string => {
  let end = s.length;
  while (end > 0 && TRAILING.has(s[end - 1] ?? "")) end--;
  return s.slice(0, end);
};

// In order of trust: the model named by the error message itself, then a JSON field, then a label.
const MODEL_IN_MESSAGE: RegExp[] = [
  /Publisher\s{1,12}Model\s{1,12}`?projects\/[^\s`'"]{0,300}?\/models\/([\w.@:-]{1,100})/g,
  /base\s{1,12}model:\s{1,12}([\w.@-]{1,100})/g,
  /model\s{1,12}ID\s{1,12}([\w.:/-]{1,100})/g,
  /\bmodel:\s{1,12}(claude[\w.@:-]{1,80})/g,
  /selected\s{1,12}model\s{1,12}\(([^)\n]{1,100})\)/g,
];
const MODEL_FIELD = /\\{0,3}["']model(?:Id|_id)?\\{0,3}["']\s?:\s?\\{0,3}["']([\w./@:-]{2,100})\\{0,3}["']/g;
const MODEL_LABEL = /^[ \t]{0,20}(?:Main\s)?[Mm]odel:[ \t]{1,12}([^\n]{1,120})$/gm;
// Product names that look like model ids (claude-code in paths, claude-ai, the quickstarts repo) are not models.
const MODEL_TOKEN =
  /\b(?:[a-z_]{1,20}\/)?(?:[a-z]{2}\.)?(?:anthropic[.-])?claude-(?!code\b|cli\b|ai\b|quickstarts\b|desktop\b)[\w.@:-]{1,80}/g;
const ID_LIKE = /^[\w./@:-]{2,100}$/;

function firstMatch(text: string, re: RegExp): string | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m?.[1] ? trimModel(m[1]) : null;
}

export function findModel(text: string): string | null {
  for (const re of MODEL_IN_MESSAGE) {
    const found = firstMatch(text, re);
    if (found) return found;
  }
  const field = firstMatch(text, MODEL_FIELD);
  if (field) return field;
  MODEL_LABEL.lastIndex = 0;
  const label = MODEL_LABEL.exec(text)?.[1]?.trim();
  if (label) {
    const token = label.split(/\s/, 1)[0] ?? "";
    return ID_LIKE.test(token) && /[-/@.]/.test(token) ? trimModel(token) : label;
  }
  MODEL_TOKEN.lastIndex = 0;
  const token = MODEL_TOKEN.exec(text)?.[0];
  return token ? trimModel(token) : null;
}

// ---------------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------------
const ISO_TIME = /\b(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?(?!\d)/g;
const HTTP_DATE =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s\d{4}\s\d{2}:\d{2}:\d{2}\sGMT/g;

/** Timestamps in the paste as ISO strings. Log times without a zone are read as UTC. */
export function findTimestamps(text: string): Located<string>[] {
  const out: Located<string>[] = [];
  for (const m of text.matchAll(ISO_TIME)) {
    const frac = (m[3] ?? "0").slice(0, 3).padEnd(3, "0");
    let zone = m[4] ?? "Z";
    if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const date = new Date(`${m[1]}T${m[2]}.${frac}${zone}`);
    if (!Number.isNaN(date.getTime()))
      out.push({ value: date.toISOString(), start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(HTTP_DATE)) {
    const date = new Date(m[0]);
    if (!Number.isNaN(date.getTime()))
      out.push({ value: date.toISOString(), start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------
// Headers and retry facts
// ---------------------------------------------------------------------------------------------------
// `name: value`, `'name': 'value'`, `"name":"value"`, `< name: value` (curl), escaped JSON.
const header = (name: string): RegExp =>
  new RegExp(`\\b${name}\\\\{0,3}["']?\\s?[:=]\\s?\\\\{0,3}["']?\\s?([^\\s"'\\\\,}]{1,64})`, "gi");

const RETRY_AFTER_MS = header("retry-after-ms");
const RETRY_AFTER = header("retry-after");
const CF_RETRY_AFTER = /\\{0,3}["']retry_after\\{0,3}["']\s?:\s?(\d{1,7})/g;
const SHOULD_RETRY = header("x-should-retry");
const RATE_LIMIT =
  /\b(anthropic-(?:ratelimit|priority)-[a-z-]{1,60})\\{0,3}["']?\s?[:=]\s?\\{0,3}["']?\s?([^\s"'\\,}]{1,64})/gi;

function lastCapture(text: string, re: RegExp): string | null {
  let value: string | null = null;
  for (const m of text.matchAll(re)) value = m[1] ?? value;
  return value;
}

/** retry-after-ms, retry-after (seconds; an HTTP date is read against `reference`), Cloudflare retry_after. */
export function findRetryAfterMs(text: string, reference: string | null): number | null {
  const ms = lastCapture(text, RETRY_AFTER_MS);
  if (ms !== null && /^\d{1,9}(?:\.\d{1,6})?$/.test(ms)) return Math.round(Number(ms));
  const ra = lastCapture(text, RETRY_AFTER);
  if (ra !== null && /^\d{1,9}(?:\.\d{1,6})?$/.test(ra)) return Math.round(Number(ra) * 1000);
  if (ra !== null && reference) {
    // An HTTP-date retry-after: the header captured only its first token, so read the full date after it.
    const at = text.search(/retry-after\\{0,3}["']?\s?:\s?\\{0,3}["']?\s?[a-z]{3},/i);
    const date = at >= 0 ? HTTP_DATE_AT.exec(text.slice(at, at + 80))?.[0] : undefined;
    if (date) {
      const delta = new Date(date).getTime() - new Date(reference).getTime();
      if (Number.isFinite(delta)) return Math.max(0, delta);
    }
  }
  const cf = lastCapture(text, CF_RETRY_AFTER);
  return cf !== null ? Number(cf) * 1000 : null;
}
const HTTP_DATE_AT = /[A-Z][a-z]{2},\s\d{1,2}\s[A-Z][a-z]{2}\s\d{4}\s\d{2}:\d{2}:\d{2}\sGMT/;

export function findShouldRetry(text: string): boolean | null {
  const v = lastCapture(text, SHOULD_RETRY)?.toLowerCase();
  return v === "true" ? true : v === "false" ? false : null;
}

export function findRateLimitHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(RATE_LIMIT)) {
    if (m[1] && m[2]) out[m[1].toLowerCase()] = m[2];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Attempts already made
// ---------------------------------------------------------------------------------------------------
const ATTEMPT_OF = /\battempt\s{1,12}#?(\d{1,3})\s{0,4}\/\s{0,4}(\d{1,3})\b/gi;
const ATTEMPT_HASH = /\bAttempt\s{1,12}#(\d{1,3})\b/g;
// Vercel AI SDK: "AI_RetryError: Failed after 3 attempts. Last error: Overloaded".
const FAILED_AFTER = /Failed\s{1,12}after\s{1,12}(\d{1,3})\s{1,12}attempts/g;
const MAX_RETRIES = /reached\s{1,12}max\s{1,12}retries:\s{1,12}(\d{1,3})/g;
const AWS_ATTEMPTS = /\\{0,3}["']?attempts\\{0,3}["']?\s?:\s?(\d{1,3})\b/g;
// The Python SDK logs each of its own retries (PY _base_client.py: "Retrying request to %s in %f seconds").
const PY_RETRY_LOG =
  /Retrying\s{1,12}request\s{1,12}to\s{1,12}\S{1,200}\s{1,12}in\s{1,12}\d{1,6}(?:\.\d{1,9})?\s{1,12}seconds/g;

export function findAttempts(text: string): { seen: number; of: number | null } | null {
  let seen = 0;
  let of: number | null = null;
  for (const m of text.matchAll(ATTEMPT_OF)) {
    const n = Number(m[1]);
    if (n >= seen) {
      seen = n;
      of = Number(m[2]) || null;
    }
  }
  for (const m of text.matchAll(ATTEMPT_HASH)) seen = Math.max(seen, Number(m[1]));
  for (const m of text.matchAll(FAILED_AFTER)) {
    const n = Number(m[1]);
    if (n >= seen) {
      seen = n;
      of = n;
    }
  }
  for (const m of text.matchAll(MAX_RETRIES)) {
    const n = Number(m[1]) + 1;
    if (n >= seen) {
      seen = n;
      of = n;
    }
  }
  for (const m of text.matchAll(AWS_ATTEMPTS)) seen = Math.max(seen, Number(m[1]));
  const pyRetries = [...text.matchAll(PY_RETRY_LOG)].length;
  if (pyRetries > 0) seen = Math.max(seen, pyRetries + 1);
  return seen > 0 ? { seen, of } : null;
}

// ---------------------------------------------------------------------------------------------------
// SDK name and version, endpoint
// ---------------------------------------------------------------------------------------------------
const SDK_PATTERNS: Array<[RegExp, string]> = [
  [/@anthropic-ai\/claude-code@(\d{1,3}\.\d{1,3}\.\d{1,4})/g, "claude-code"],
  [/\bClaude\s{1,12}Code\s{1,12}v?(\d{1,3}\.\d{1,3}\.\d{1,4})/g, "claude-code"],
  [/\bclaude-cli\/(\d{1,3}\.\d{1,3}\.\d{1,4})/g, "claude-code"],
  [/\banthropic[=@ ]={0,2}(\d{1,3}\.\d{1,3}\.\d{1,4})\b/g, "anthropic (python)"],
  [/Anthropic\/Python\s(\d{1,3}\.\d{1,3}\.\d{1,4})/g, "anthropic (python)"],
  [
    /@anthropic-ai\/sdk\\{0,3}["']?\s?[@:]\s?\\{0,3}["']?[\^~]?(\d{1,3}\.\d{1,3}\.\d{1,4})/g,
    "@anthropic-ai/sdk",
  ],
  [/Anthropic\/JS\s(\d{1,3}\.\d{1,3}\.\d{1,4})/g, "@anthropic-ai/sdk"],
  [
    /x-stainless-package-version\\{0,3}["']?\s?:\s?\\{0,3}["']?\s?(\d{1,3}\.\d{1,3}\.\d{1,4})/gi,
    "anthropic sdk",
  ],
  [/\blitellm(?:==|@|\s{1,12}version\s{1,12})(\d{1,3}\.\d{1,3}\.\d{1,4})/gi, "litellm"],
];

export function findSdk(text: string): { name: string; version: string | null } | null {
  for (const [re, name] of SDK_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m?.[1]) return { name, version: m[1] };
  }
  return null;
}

const ENDPOINT =
  /(?:https?:\/\/[\w.-]{1,100}(?::\d{1,5})?)?(\/v1\/(?:messages(?:\/(?:count_tokens|batches))?|complete|models|files)|\/api\/claude_code\/[\w/-]{1,60}|\/v1\/projects\/[^\s"'`]{1,200}?:(?:streamRawPredict|rawPredict))\b/g;
const BEDROCK_OPERATION = /\b(InvokeModelWithResponseStream|InvokeModel|ConverseStream|Converse)\b/g;

export function findEndpoint(text: string): string | null {
  ENDPOINT.lastIndex = 0;
  const m = ENDPOINT.exec(text);
  if (m?.[1]) return m[1];
  BEDROCK_OPERATION.lastIndex = 0;
  return BEDROCK_OPERATION.exec(text)?.[1] ?? null;
}

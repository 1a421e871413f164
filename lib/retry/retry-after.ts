// How long the server asked us to wait, read the way both SDKs read it: `retry-after-ms` first, then
// `retry-after` as seconds or as an HTTP date (anthropic-sdk-python `_base_client.py`, anthropic-sdk-typescript
// `client.ts`); Cloudflare's RFC 9457 JSON error bodies carry `"retry_after": <seconds>` (claude-code#67341).

const SECONDS = /^\d{1,10}(?:\.\d{1,6})?/;
// IMF-fixdate, the HTTP date form: "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110 §5.6.7).
const HTTP_DATE = /^[a-z]{3}, \d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT/i;

/** A `retry-after` value (seconds or HTTP date) in milliseconds after `reference`; null when unreadable. */
export function parseRetryAfterValue(value: string, reference: Date): number | null {
  const text = value.trim();
  const seconds = SECONDS.exec(text);
  if (seconds) return Math.round(Number(seconds[0]) * 1000);
  const date = HTTP_DATE.exec(text);
  if (!date) return null;
  const at = Date.parse(date[0]);
  return Number.isFinite(at) ? Math.max(0, at - reference.getTime()) : null;
}

/** From response headers (any letter case): `retry-after-ms`, else `retry-after`. */
export function retryAfterMsFromHeaders(
  headers: Readonly<Record<string, string>>,
  reference: Date,
): number | null {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const ms = byName.get("retry-after-ms");
  if (ms !== undefined) {
    const value = SECONDS.exec(ms.trim());
    if (value) return Math.round(Number(value[0]));
  }
  const after = byName.get("retry-after");
  return after === undefined ? null : parseRetryAfterValue(after, reference);
}

// A header line, a JSON or Python-dict header map, or Cloudflare's body field; the value stops at a quote,
// a line end or a closing bracket, and is at most 40 characters.
const RETRY_AFTER_IN_TEXT =
  /(?<![\w-])["']?(retry-after-ms|retry-after|retry_after)["']? {0,3}[:=] {0,3}["']?([^"'\r\n}\]]{1,40})/gi;

/** The wait a pasted text asks for, preferring `retry-after-ms`, then `retry-after`, then `retry_after`; last one wins. */
export function findRetryAfterMs(text: string, reference: Date): number | null {
  const found = new Map<string, string>();
  for (const match of text.matchAll(RETRY_AFTER_IN_TEXT)) {
    const name = match[1]?.toLowerCase();
    const value = match[2];
    if (name !== undefined && value !== undefined) found.set(name, value);
  }
  const ms = found.get("retry-after-ms");
  if (ms !== undefined) {
    const value = SECONDS.exec(ms.trim());
    if (value) return Math.round(Number(value[0]));
  }
  for (const name of ["retry-after", "retry_after"]) {
    const value = found.get(name);
    const parsed = value === undefined ? null : parseRetryAfterValue(value, reference);
    if (parsed !== null) return parsed;
  }
  return null;
}

/**
 * "Hide prompt content": in a pasted request payload, the string values of `content`, `text` and `system`
 * (JSON, JSON escaped inside a log string, or Python repr) are replaced by a length note. Content blocks
 * (`"content": [{"type": "text", "text": "…"}]`) are reached through their `text` keys.
 */

export const PROMPT_NOTE = /^\[prompt content hidden: \d{1,9} chars\]$/;

export function promptNote(length: number): string {
  return `[prompt content hidden: ${length} chars]`;
}

const PROMPT_KEY = /(\\?["'])(?:content|text|system)\1[ \t]{0,8}:[ \t]{0,8}/g;
const MAX_STRING = 2 * 1024 * 1024;

/** End (exclusive, at the closing quote) of a string value opened just before `at`, or -1. */
function stringEnd(text: string, at: number, quote: string): number {
  const limit = Math.min(text.length, at + MAX_STRING);
  let i = at;
  if (quote === '\\"') {
    // A JSON document escaped inside a JSON string: `\\` is an inner backslash, `\"` an inner quote.
    let innerEscape = false;
    while (i < limit) {
      if (text[i] === "\\" && text[i + 1] === "\\") {
        innerEscape = !innerEscape;
        i += 2;
      } else if (text[i] === "\\" && text[i + 1] === '"') {
        if (!innerEscape) return i;
        innerEscape = false;
        i += 2;
      } else {
        innerEscape = false;
        i++;
      }
    }
    return -1;
  }
  while (i < limit) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === quote) return i;
    else if (c === "\n") return -1;
    else i++;
  }
  return -1;
}

/** Spans [start, end) of prompt text to hide; empty when the paste holds no request payload. */
export function findPromptSpans(text: string): Array<[number, number]> {
  if (!/messages|system/.test(text)) return [];
  const spans: Array<[number, number]> = [];
  PROMPT_KEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROMPT_KEY.exec(text)) !== null) {
    const quote = m[1] ?? '"';
    const at = m.index + m[0].length;
    if (!text.startsWith(quote, at)) continue;
    const s = at + quote.length;
    const e = stringEnd(text, s, quote);
    if (e <= s) continue;
    if (
      PROMPT_NOTE.test(text.slice(s, e)) ||
      (text.startsWith("[REDACTED:", s) && text[e - 1] === "]" && e - s < 60)
    )
      continue;
    spans.push([s, e]);
    PROMPT_KEY.lastIndex = e;
  }
  return spans;
}

import type { BranchId } from "../diagnosis";
import { TIER, type Signature } from "./signatures";

/**
 * Concept families over normalised tokens. The same concept is printed as words ("access denied"), as a
 * class or exception name (`AccessDeniedException`), as a SCREAMING_SNAKE code (`ACCESS_DENIED`), as a
 * snake key (`access_denied`) or in the plural ("models not found"). Each is split into lower-case word
 * tokens with plurals stemmed, and a family matches when one of its heads and one of its qualifiers stand
 * within a few tokens of each other in one sentence, in either order.
 *
 * Only the lines that hold a head word (one case-insensitive literal scan) are tokenised, so the cost
 * follows the candidate lines, not the paste.
 */
export type TokenFamily = {
  id: string;
  branch: BranchId;
  label: string;
  source: string;
  variant?: string;
  /** Stemmed tokens; a family matches a head and a qualifier at most `window` tokens apart. */
  heads: readonly string[];
  qualifiers: readonly string[];
  window: number;
  /** Tokens that, anywhere in the sentence, mean the family does not apply. */
  unless?: readonly string[];
  /**
   * False when the words written as a type or class name (`RateLimitError`, `rate_limit_error`,
   * `AccessDeniedException`) do not count: those are read as types and classes, at their own strength.
   */
  names?: false;
};

export const TOKEN_FAMILIES: readonly TokenFamily[] = [
  {
    id: "rate_limited",
    branch: "rate_limit",
    label: "rate limit exceeded",
    source: "RATE_LIMIT_EXCEEDED codes; RateLimitExceeded exceptions; 'rate limited'",
    heads: ["rate"],
    qualifiers: ["limit", "limited"],
    window: 1,
    unless: ["header", "remaining", "reset"],
    names: false,
  },
  {
    id: "quota_exceeded",
    branch: "rate_limit",
    label: "quota exceeded",
    source: "Google 'Quota exceeded'; QuotaExceeded / QUOTA_EXCEEDED codes",
    variant: "cloud_quota",
    heads: ["quota"],
    qualifiers: ["exceeded", "exhausted", "reached"],
    window: 2,
    unless: ["insufficient", "billing", "credit", "balance"],
    names: false,
  },
  {
    id: "access_denied",
    branch: "permission",
    label: "access or permission denied",
    source: "AccessDenied / ACCESS_DENIED / PermissionDenied / 'permission denied for model'",
    heads: ["access", "permission"],
    qualifiers: ["denied", "forbidden"],
    window: 2,
    // A local file-system or shell refusal is not the API's.
    unless: ["eacces", "errno", "file", "directory", "mkdir", "publickey", "sudo", "bash", "zsh", "chmod"],
    names: false,
  },
  {
    id: "model_not_found",
    branch: "not_found",
    label: "model not found",
    source: "ModelNotFound / MODEL_NOT_FOUND / model_not_found / 'models not found'",
    variant: "model",
    heads: ["model"],
    qualifiers: ["notfound", "nonexistent"],
    window: 3,
  },
  {
    id: "context_exceeded",
    branch: "context_window",
    label: "context length exceeded",
    source: "context_length_exceeded; ContextWindowExceeded; CONTEXT_LENGTH_EXCEEDED",
    variant: "prompt",
    heads: ["context"],
    qualifiers: ["exceeded", "overflow"],
    window: 2,
  },
  {
    id: "payload_too_large",
    branch: "request_too_large",
    label: "payload too large",
    source: "PayloadTooLarge / PAYLOAD_TOO_LARGE / RequestEntityTooLarge / 'body too large'",
    heads: ["payload", "entity", "body"],
    qualifiers: ["toolarge"],
    window: 2,
  },
  {
    id: "credits_insufficient",
    branch: "billing",
    label: "insufficient credits or balance",
    source: "INSUFFICIENT_BALANCE / InsufficientCredits / 'credits exhausted' / 'balance insufficient'",
    variant: "credits",
    heads: ["credit", "balance", "fund"],
    qualifiers: ["insufficient", "exhausted", "depleted", "notenough"],
    window: 2,
  },
  {
    id: "api_key_invalid",
    branch: "authentication",
    label: "API key invalid",
    source: "INVALID_API_KEY / InvalidApiKey / 'api keys invalid' / 'api key expired'",
    heads: ["apikey"],
    qualifiers: ["invalid", "expired", "revoked", "incorrect"],
    window: 3,
  },
  {
    id: "connection_refused",
    branch: "connection",
    label: "connection refused or reset",
    source: "ConnectionRefused / CONNECTION_RESET / ConnectionResetError / 'connection aborted'",
    heads: ["connection"],
    qualifiers: ["refused", "reset", "aborted"],
    window: 1,
  },
];

/** Multi-word qualifiers, matched as one token after joining: "not found" → `notfound`. */
const JOINED: ReadonlyArray<[string, string, string]> = [
  ["not", "found", "notfound"],
  ["too", "large", "toolarge"],
  ["too", "big", "toolarge"],
  ["not", "enough", "notenough"],
  ["does", "notexist", "nonexistent"],
  ["not", "exist", "notexist"],
  ["api", "key", "apikey"],
];

/** Plural and simple verb endings off: `models` → `model`, `credits` → `credit`, `funds` → `fund`. */
const NOT_PLURAL = new Set(["does", "was", "has", "this", "its", "yes", "plus", "always", "perhaps", "news"]);

export function stem(word: string): string {
  if (NOT_PLURAL.has(word)) return word;
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A token, with the index of the word it came from (`rate_limit_error` is one word; windows count words). */
export type Token = { text: string; start: number; end: number; word: number };

// A word: a run of letters and digits; camelCase and acronym boundaries split it further below.
const WORD = /[A-Za-z0-9]{1,60}/g;
const CAMEL = /[A-Z]{2,60}(?=[A-Z][a-z])|[A-Z]?[a-z]{1,60}|[A-Z]{1,60}|\d{1,60}/g;
// What joins the parts of one word: `rate_limit`, `claude-3-5-sonnet`, `anthropic.RateLimitError`.
const JOINERS = /^[_.-]{0,3}$/;
const SENTENCE_END = /[.!?;]\s|\n\s*\n/;
// URLs and paths name pages, not what happened (".../api/rate-limits"): blanked before reading.
const URL_OR_PATH = /\b(?:https?:\/\/|www\.)\S{1,300}|(?:^|\s)\/?[\w.-]{1,60}(?:\/[\w.-]{1,60}){2,20}/g;

/** Lower-cased, plural-stemmed word tokens of `text` with their offsets (relative to `base`). */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  const clean = text.replace(URL_OR_PATH, (m) => " ".repeat(m.length));
  let word = 0;
  let lastEnd = -1;
  for (const w of clean.matchAll(WORD)) {
    // The parts of one word (`claude-3-5-sonnet`, `rate_limit`) share an index.
    if (lastEnd === -1 || !JOINERS.test(clean.slice(lastEnd, w.index))) word++;
    lastEnd = w.index + w[0].length;
    for (const p of w[0].matchAll(CAMEL)) {
      const start = base + w.index + p.index;
      out.push({ text: stem(p[0].toLowerCase()), start, end: start + p[0].length, word });
    }
  }
  // Multi-word qualifiers become one token (keeping the span of both words).
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i] as Token;
      const b = out[i + 1] as Token;
      const joined = JOINED.find(([x, y]) => a.text === x && b.text === y);
      if (joined) out.splice(i, 2, { text: joined[2], start: a.start, end: b.end, word: a.word });
    }
  }
  return out;
}

const HEAD_WORDS = [...new Set(TOKEN_FAMILIES.flatMap((f) => f.heads))];
// One literal scan for every head (case-insensitive: it finds `Access` inside `AccessDeniedException` too).
const HEAD_SCAN = new RegExp(HEAD_WORDS.map((h) => (h === "apikey" ? "api[\\s_-]?key" : h)).join("|"), "gi");
/** Characters read on each side of a head word, within its line: a family's words stand close together. */
const MAX_LINE = 160;
const MAX_LINES = 64;
const SEAM = 48;

/** A match; `identifier` when head and qualifier are parts of one word (a code, type or class name). */
export type TokenHit = { family: TokenFamily; start: number; end: number; identifier: boolean };

/** Every family match in the candidate lines of `text` (offsets in `text`). */
export function tokenFamilyHits(text: string): TokenHit[] {
  // The candidate lines (each cut to MAX_LINE characters on both sides of its head word), the first and the
  // last ones when there are many: the error a paste ends with matters most.
  const ranges: Array<[number, number]> = [];
  let lastEnd = -1;
  for (const m of text.matchAll(HEAD_SCAN)) {
    if (m.index < lastEnd) continue;
    const back = text.slice(Math.max(0, m.index - MAX_LINE), m.index);
    // Ranges of one long line overlap a little, so a family's words are never cut apart at their seam.
    const from = Math.max(lastEnd - SEAM, m.index - back.length + back.lastIndexOf("\n") + 1);
    const ahead = text.slice(m.index, m.index + MAX_LINE);
    const nl = ahead.indexOf("\n");
    const to = m.index + (nl === -1 ? ahead.length : nl);
    ranges.push([from, to]);
    lastEnd = to;
  }
  const kept =
    ranges.length <= MAX_LINES
      ? ranges
      : [...ranges.slice(0, MAX_LINES / 2), ...ranges.slice(-MAX_LINES / 2)];
  const hits: TokenHit[] = [];
  const seen = new Set<string>();
  for (const [from, to] of kept) {
    const line = text.slice(from, to);
    // Sentences of the line: a family never joins words across a sentence end.
    let offset = 0;
    for (const sentence of line.split(SENTENCE_END)) {
      const at = line.indexOf(sentence, offset);
      offset = at + sentence.length;
      const found: TokenHit[] = [];
      matchSentence(tokenize(sentence, from + at), found);
      for (const h of found) {
        const key = `${h.family.id}@${h.start}`;
        if (!seen.has(key)) hits.push(h);
        seen.add(key);
      }
    }
  }
  return hits;
}

const NAME_ENDS = new Set(["error", "exception"]);
/** Every head word, for one look-up per token before any family is tried. */
const ANY_HEAD = new Set(TOKEN_FAMILIES.flatMap((f) => f.heads));

function matchSentence(tokens: Token[], hits: TokenHit[]): void {
  if (tokens.length < 2 || !tokens.some((t) => ANY_HEAD.has(t.text))) return;
  const words = new Set(tokens.map((t) => t.text));
  // The words (by index) that are type or class names: one pass, not one per candidate.
  const named = new Set(tokens.filter((t) => NAME_ENDS.has(t.text)).map((t) => t.word));
  for (const family of TOKEN_FAMILIES) {
    if (family.unless?.some((u) => words.has(u))) continue;
    if (!family.heads.some((h) => words.has(h)) || !family.qualifiers.some((q) => words.has(q))) continue;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (!family.heads.includes(t.text)) continue;
      for (let j = Math.max(0, i - 8); j < Math.min(tokens.length, i + 9); j++) {
        const q = tokens[j] as Token;
        if (j === i || !family.qualifiers.includes(q.text) || Math.abs(q.word - t.word) > family.window)
          continue;
        // Written as a type or class name: a word of the match ends in `error` / `exception`.
        if (family.names === false && (named.has(t.word) || named.has(q.word))) continue;
        hits.push({
          family,
          start: Math.min(t.start, q.start),
          end: Math.max(t.end, q.end),
          identifier: t.word === q.word,
        });
        break;
      }
    }
  }
}

const asSignature = (f: TokenFamily, identifier: boolean): Signature => ({
  id: `tok.${f.id}`,
  label: f.label,
  // Read by tokenFamilyHits: these signatures are never in the regex scan, so the pattern is only a name.
  pattern: new RegExp(`tok\\.${f.id}`, "g"),
  branch: f.branch,
  variant: f.variant,
  // Words in a sentence say what happened (message strength); one identifier (`RATE_LIMIT_EXCEEDED`,
  // `ModelNotFound`) is a code or a type name, read at type strength.
  tier: identifier ? TIER.type : TIER.message,
  // Evidence where no anchor speaks: an exact phrase or type of the same strength outweighs it.
  weight: 0.5,
  source: f.source,
  example: { text: "", branch: f.branch },
});

/** The families as signatures, so their hits are weighed like every other shape: key `id` or `id#name`. */
export const TOKEN_SIGNATURES: ReadonlyMap<string, Signature> = new Map(
  TOKEN_FAMILIES.flatMap((f) => [
    [f.id, asSignature(f, false)],
    [`${f.id}#name`, asSignature(f, true)],
  ]),
);

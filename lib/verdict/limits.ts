import type { Evidence } from "../diagnosis";
import type { VerdictLimit } from "./schema";

// Which rate limit a 429 names, from its message ("... of 50,000 input tokens per minute") or from the
// anthropic-ratelimit-* headers the paste shows (the one with nothing remaining, and its reset time).

const MESSAGE_LIMIT =
  /\bof ([\d,]{1,15}) (input tokens|output tokens|tokens|requests) per (minute|hour|day)\b/i;
// Vertex AI names the quota instead: online_prediction_input_tokens_per_minute_per_base_model.
const VERTEX_QUOTA = /online_prediction_(input_tokens|output_tokens|requests)_per_(minute|day)/i;
const HEADER = /^anthropic-ratelimit-(requests|input-tokens|output-tokens|tokens)-(limit|remaining|reset)$/i;

const KIND_FROM_WORDS: Record<string, VerdictLimit["kind"]> = {
  "input tokens": "input-tokens",
  "output tokens": "output-tokens",
  tokens: "tokens",
  requests: "requests",
  input_tokens: "input-tokens",
  output_tokens: "output-tokens",
};

/** The per-minute limits reset continuously; a full window is this long. */
export const WINDOW_MS: Record<VerdictLimit["per"], number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

function fromHeaders(headers: Record<string, string>): VerdictLimit | null {
  const byKind = new Map<VerdictLimit["kind"], { limit?: number; remaining?: number; reset?: string }>();
  for (const [name, value] of Object.entries(headers)) {
    const m = HEADER.exec(name.trim());
    if (!m?.[1] || !m[2]) continue;
    const kind = m[1].toLowerCase() as VerdictLimit["kind"];
    const entry = byKind.get(kind) ?? {};
    const field = m[2].toLowerCase();
    if (field === "reset") entry.reset = value.trim();
    else {
      const n = Number(value.replaceAll(",", "").trim());
      if (Number.isFinite(n)) entry[field as "limit" | "remaining"] = n;
    }
    byKind.set(kind, entry);
  }
  // The limit with nothing left is the one hit; else the one with the least left.
  let best: {
    kind: VerdictLimit["kind"];
    entry: { limit?: number; remaining?: number; reset?: string };
  } | null = null;
  for (const [kind, entry] of byKind) {
    if (entry.remaining === undefined) continue;
    if (best === null || entry.remaining < (best.entry.remaining ?? Infinity)) best = { kind, entry };
  }
  if (best === null) return null;
  const reset = best.entry.reset === undefined ? Number.NaN : Date.parse(best.entry.reset);
  return {
    kind: best.kind,
    value: best.entry.limit ?? null,
    per: "minute",
    resetAt: Number.isFinite(reset) ? new Date(reset).toISOString() : null,
    source: "headers",
  };
}

/** The limit a rate-limit error names, or null when the paste does not say. */
export function readLimit(evidence: Pick<Evidence, "message" | "rateLimit">): VerdictLimit | null {
  const headers = fromHeaders(evidence.rateLimit);
  const message = evidence.message ?? "";
  const named = MESSAGE_LIMIT.exec(message);
  if (named?.[1] && named[2] && named[3]) {
    return {
      kind: KIND_FROM_WORDS[named[2].toLowerCase()] ?? "tokens",
      value: Number(named[1].replaceAll(",", "")),
      per: named[3].toLowerCase() as VerdictLimit["per"],
      resetAt: headers?.resetAt ?? null,
      source: "message",
    };
  }
  if (headers !== null) return headers;
  const quota = VERTEX_QUOTA.exec(message);
  if (quota?.[1] && quota[2]) {
    return {
      kind: KIND_FROM_WORDS[quota[1].toLowerCase()] ?? "tokens",
      value: null,
      per: quota[2].toLowerCase() as VerdictLimit["per"],
      resetAt: null,
      source: "message",
    };
  }
  return null;
}

/** "20,000 input tokens per minute", "a requests-per-minute limit" when the value is unknown. */
export function describeLimit(limit: VerdictLimit): string {
  const what = limit.kind.replace("-", " ");
  return limit.value === null
    ? `its ${what} per ${limit.per} quota`
    : `its limit of ${limit.value.toLocaleString("en-US")} ${what} per ${limit.per}`;
}

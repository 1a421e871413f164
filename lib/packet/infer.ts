import type { Route } from "@/lib/diagnosis";
import type { AuthKind } from "./schema";

/**
 * Facts the packet reads from the redacted paste itself: auth kind (from header names, variable names,
 * placeholder kinds and messages — never from a value), runtime, the error body and the reproduction excerpt.
 */

const AUTH_CLUES: Array<{ kind: AuthKind; label: string; pattern: RegExp }> = [
  {
    kind: "cloud-credentials",
    label: "AWS SigV4 signature",
    pattern:
      /AWS4-HMAC-SHA256|X-Amz-(?:Date|Security-Token|Signature)|aws-(?:access-key-id|session-token|signature)#/i,
  },
  {
    kind: "cloud-credentials",
    label: "Bedrock API key",
    pattern: /AWS_BEARER_TOKEN_BEDROCK|bedrock-api-key#/,
  },
  {
    kind: "cloud-credentials",
    label: "Google OAuth token (Vertex)",
    pattern: /google-oauth-token#|gcloud auth print-access-token|GOOGLE_APPLICATION_CREDENTIALS/,
  },
  {
    kind: "oauth",
    label: "Claude OAuth token",
    pattern: /anthropic-(?:oauth|refresh)-token#|CLAUDE_CODE_OAUTH_TOKEN|oauth-2025-04-20/,
  },
  {
    kind: "oauth",
    label: "OAuth error message",
    pattern: /OAuth (?:token|authentication)|\/login\b|claude\.ai subscription/i,
  },
  { kind: "api-key", label: "x-api-key header", pattern: /x-api-key/i },
  { kind: "api-key", label: "Anthropic API key", pattern: /anthropic-(?:api|admin)-key#|ANTHROPIC_API_KEY/ },
];

const ROUTE_AUTH: Partial<Record<Route, { kind: AuthKind; label: string }>> = {
  bedrock: { kind: "cloud-credentials", label: "Bedrock route" },
  vertex: { kind: "cloud-credentials", label: "Vertex route" },
};

/** The strongest auth clue wins: cloud credentials, then OAuth, then API key. */
export function inferAuth(redactedText: string, route: Route): { kind: AuthKind; basis: string[] } {
  const basis: string[] = [];
  const kinds = new Set<AuthKind>();
  const byRoute = ROUTE_AUTH[route];
  if (byRoute) {
    basis.push(byRoute.label);
    kinds.add(byRoute.kind);
  }
  for (const clue of AUTH_CLUES) {
    if (clue.pattern.test(redactedText)) {
      basis.push(clue.label);
      kinds.add(clue.kind);
    }
  }
  const kind: AuthKind = kinds.has("cloud-credentials")
    ? "cloud-credentials"
    : kinds.has("oauth")
      ? "oauth"
      : kinds.has("api-key")
        ? "api-key"
        : "unknown";
  return { kind, basis };
}

const RUNTIMES: RegExp[] = [
  /x-stainless-runtime:[ \t]{0,4}(\w{1,20})[\s\S]{0,200}?x-stainless-runtime-version:[ \t]{0,4}(v?\d{1,3}(?:\.\d{1,4}){0,3})/i,
  /\b(Node(?:\.js)?)[ \t/]{1,2}(v?\d{1,3}\.\d{1,4}\.\d{1,4})/,
  /\b(node)[ \t]{1,2}(v\d{1,3}\.\d{1,4}\.\d{1,4})/,
  /\b(Python|CPython)[ \t/]{1,2}(\d\.\d{1,3}(?:\.\d{1,3})?)/,
  /\b(Bun|Deno)[ \t/]{1,2}(v?\d{1,3}\.\d{1,4}(?:\.\d{1,4})?)/,
];

/** `node v22.11.0`, `Python 3.11.4`, `x-stainless-runtime: node` + version, when the paste shows one. */
export function inferRuntime(text: string): string | null {
  for (const pattern of RUNTIMES) {
    const m = pattern.exec(text);
    if (m) return `${m[1]} ${m[2]}`;
  }
  return null;
}

/** The balanced `{…}` around the first Claude error body (`"type": "error"`), capped; strings respected. */
export function findErrorBody(text: string, maxChars = 4000): string | null {
  const marker =
    /["']type["'][ \t]{0,4}:[ \t]{0,4}["']error["']|\{[ \t]{0,4}["']error["'][ \t]{0,4}:[ \t]{0,4}\{/.exec(
      text,
    );
  if (!marker) return null;
  let start = -1;
  for (let i = marker.index, depth = 0; i >= Math.max(0, marker.index - 200); i--) {
    const c = text[i];
    if (c === "}") depth++;
    else if (c === "{") {
      if (depth === 0) {
        start = i;
        break;
      }
      depth--;
    }
  }
  if (start < 0) return null;
  let depth = 0;
  let quote: string | null = null;
  const limit = Math.min(text.length, start + maxChars);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start, limit);
}

/**
 * The lines around the last line holding an anchor (request id, error type, status), at most `context` lines
 * either side and `maxChars` in all; long lines are cut.
 */
export function excerptAround(
  text: string,
  anchors: string[],
  context = 3,
  maxChars = 3000,
): { excerpt: string; truncated: boolean } | null {
  const lines = text.split(/\r?\n/);
  let at = -1;
  for (const anchor of anchors) {
    if (anchor.length === 0) continue;
    for (let i = lines.length - 1; i >= 0; i--) {
      if (lines[i]?.includes(anchor)) {
        at = i;
        break;
      }
    }
    if (at >= 0) break;
  }
  if (at < 0) {
    if (text.trim().length === 0) return null;
    at = lines.length - 1;
  }
  const from = Math.max(0, at - context);
  const to = Math.min(lines.length, at + context + 1);
  let truncated = from > 0 || to < lines.length;
  const picked = lines.slice(from, to).map((l) => {
    if (l.length <= 400) return l;
    truncated = true;
    return `${l.slice(0, 400)}…`;
  });
  let excerpt = picked.join("\n");
  if (excerpt.length > maxChars) {
    excerpt = `${excerpt.slice(0, maxChars)}…`;
    truncated = true;
  }
  return { excerpt, truncated };
}

/**
 * The ways real pastes get re-rendered on their way to us: wrapped by terminals, escaped into logs and
 * reports, wrapped in gateway envelopes, framed by a tool's own report. Each function keeps what the paste
 * says (its error, status, type and request id) and changes only how it is written; the perturbation suite
 * (perturb.test.ts) checks that the classifier reads the same facts through every one.
 */

const lines = (t: string): string[] => t.split("\n");

/** Hard wrap: every line cut at `width` columns (a terminal's copy). */
export function hardWrap(text: string, width: number): string {
  return lines(text)
    .map((line) => {
      const parts: string[] = [];
      for (let i = 0; i < line.length; i += width) parts.push(line.slice(i, i + width));
      return parts.length === 0 ? "" : parts.join("\n");
    })
    .join("\n");
}

/** Soft wrap: lines broken at the last space before `width`, continuations indented (Claude Code's TUI). */
export function softWrap(text: string, width: number, indent = "     "): string {
  return lines(text)
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(" ", width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join(`\n${indent}`);
    })
    .join("\n");
}

/** JSON-escaped `levels` times (a body inside a string inside a log line…), without the outer quotes. */
export function escaped(text: string, levels: number): string {
  let out = text;
  for (let i = 0; i < levels; i++) out = JSON.stringify(out).slice(1, -1);
  return out;
}

/** Printed as a Python repr of a dict holding the text (single quotes, escaped newlines). */
export function pythonRepr(text: string): string {
  const body = text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n");
  return `{'error': {'message': '${body}', 'type': None}}`;
}

/** Every JSON object in the text re-printed with two-space indentation. */
export function prettyPrinted(text: string): string {
  return text.replace(/\{"type":"error".{0,4000}\}(?=\s|$)/g, (m) => {
    try {
      return JSON.stringify(JSON.parse(m), null, 2);
    } catch {
      return m;
    }
  });
}

/** The tail cut off, as trackers and terminals do: closing brackets and quotes go. */
export function truncated(text: string): string {
  return text.replace(/[\s"'}\]]{1,8}$/, "");
}

/** Relayed by a LiteLLM proxy: its `litellm.<Class>` prefix and str(None) envelope around the body. */
export function liteLlmEnvelope(text: string): string {
  return `litellm.APIError: AnthropicException - ${text}\nReceived Model Group=claude-sonnet-4\nAvailable Model Group Fallbacks=None`;
}

/** Relayed by OpenRouter: its own error object with the provider's raw body in metadata. */
export function openRouterEnvelope(text: string): string {
  return `OpenRouter error: {"error":{"message":"Provider returned error","metadata":{"raw":${JSON.stringify(text)},"provider_name":"Anthropic"}}}`;
}

/** Relayed by a generic gateway that logs the upstream body under its own prefix. */
export function relayEnvelope(text: string): string {
  return `[relay] upstream anthropic responded; body follows\n${text}\n[relay] request finished`;
}

/** Under a Claude Code `/bug` report: the text as the headline, an older unrelated error in the log. */
export function claudeCodeBanner(text: string): string {
  const older = JSON.stringify([
    {
      error:
        "Error: EPERM: operation not permitted, open '/Users/dev/.claude/todos/a.json'\n    at Object.openSync (node:fs:573:3)",
      timestamp: "2026-11-21T09:00:00.000Z",
    },
  ]);
  return `${text}\n\n**Environment Info**\n- Platform: darwin\n- Version: 2.0.14\n\n**Errors**\n\`\`\`json\n${older}\n\`\`\``;
}

/** Under an IDE's error report header (Continue's template). */
export function ideReport(text: string): string {
  return `**Error Details**\n\nModel: Claude Sonnet 4\nProvider: anthropic\n\n**Error Output**\n\`\`\`\n${text}\n\`\`\``;
}

/** Between access-log lines of a server that saw nothing wrong. */
export function betweenAccessLogs(text: string): string {
  return `127.0.0.1 - - [22/Nov/2026:10:00:00 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"\n${text}\n127.0.0.1 - - [22/Nov/2026:10:00:09 +0000] "GET /metrics HTTP/1.1" 200 512 "-" "prometheus/2.51"`;
}

/** Spaces inserted inside long tokens (error types, request ids), as some terminals and trackers do. */
export function spacesInTokens(text: string): string {
  return text.replace(/\b(?:[a-z]{2,30}_){1,4}error\b|\breq_[A-Za-z0-9]{20,40}\b/g, (token) => {
    const at = Math.floor(token.length / 2);
    return `${token.slice(0, at)} ${token.slice(at)}`;
  });
}

export type Perturbation = { name: string; apply: (text: string) => string };

export const PERTURBATIONS: readonly Perturbation[] = [
  { name: "hard-wrapped at 60 columns", apply: (t) => hardWrap(t, 60) },
  { name: "hard-wrapped at 80 columns", apply: (t) => hardWrap(t, 80) },
  { name: "hard-wrapped at 100 columns", apply: (t) => hardWrap(t, 100) },
  { name: "soft-wrapped at 70 columns", apply: (t) => softWrap(t, 70) },
  { name: "soft-wrapped at 100 columns", apply: (t) => softWrap(t, 100) },
  { name: "spaces inserted in tokens", apply: spacesInTokens },
  { name: "escaped once", apply: (t) => escaped(t, 1) },
  { name: "escaped twice", apply: (t) => escaped(t, 2) },
  { name: "escaped three times", apply: (t) => escaped(t, 3) },
  { name: "as a Python repr", apply: pythonRepr },
  { name: "pretty-printed", apply: prettyPrinted },
  { name: "truncated", apply: truncated },
  { name: "inside a LiteLLM envelope", apply: liteLlmEnvelope },
  { name: "inside an OpenRouter envelope", apply: openRouterEnvelope },
  { name: "inside a generic relay's log", apply: relayEnvelope },
  { name: "under a Claude Code banner with an older error in its log", apply: claudeCodeBanner },
  { name: "under an IDE report header", apply: ideReport },
  { name: "between access-log lines", apply: betweenAccessLogs },
];

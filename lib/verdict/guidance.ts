import type { BranchId, Route, Surface } from "../diagnosis";
import type { StatusPageLink, VerdictIncident, VerdictRetry } from "./schema";

// Knobs per client. Claude Code facts: ../shared/reference/claude-errors.md §4.1 (10 attempts,
// CLAUDE_CODE_MAX_RETRIES, API_TIMEOUT_MS) and Claude Code's docs (slash commands, --fallback-model in
// print mode, the retry watchdog for unattended runs).

export type GuidanceInput = {
  branch: BranchId;
  variant: string | null;
  surface: Surface;
  route: Route;
  retry: VerdictRetry;
  serverSide: boolean;
  /** The branch card's first move: the fallback when no client-specific advice fits. */
  firstMove: string;
};

function claudeCode(input: GuidanceInput): string[] {
  const { branch, retry, serverSide } = input;
  if (serverSide) {
    const out = [
      retry === "later"
        ? "Pause the session and send the prompt again once the incident clears; Claude Code's own retries (CLAUDE_CODE_MAX_RETRIES, 10 by default) cannot outlast it."
        : "Claude Code already retries this error (CLAUDE_CODE_MAX_RETRIES, 10 by default): let it finish, then send the prompt again; do not wrap it in another retry loop.",
      "Switch model with /model if one model is overloaded; in print mode (claude -p) pass --fallback-model for the same effect.",
    ];
    if (branch === "timeout")
      out.push("For long generations, raise API_TIMEOUT_MS (default 600000 ms) rather than retrying more.");
    else
      out.push(
        "For unattended runs, CLAUDE_CODE_RETRY_WATCHDOG=1 waits out 429/529 errors instead of failing; bound it with CLAUDE_CODE_RETRY_WATCHDOG_MAX_WAIT_MS.",
      );
    return out;
  }
  switch (branch) {
    case "authentication":
      return [
        "Run /login to sign in again, then /status to check which account and credential the session uses.",
      ];
    case "subscription_limit":
      return [
        "Run /status to see the plan limit and when it resets; wait for the reset, turn on extra usage, or /login with an API key.",
      ];
    case "rate_limit":
      return [
        "Claude Code already honours retry-after for 429s: lower parallel work (fewer subagents), or wait for the limit's window to pass.",
      ];
    case "not_found":
    case "permission":
      return ["Run /model to pick a model this account can use, and /status to check the account."];
    case "context_window":
      return ["Run /compact (or /clear) to shrink the conversation, then send the prompt again."];
    default:
      return [];
  }
}

function python(serverSide: boolean): string[] {
  return serverSide
    ? [
        "The Python SDK retries 2 times by default: raise it with anthropic.Anthropic(max_retries=5, timeout=60.0) rather than wrapping calls in your own loop.",
      ]
    : [];
}

function typescript(serverSide: boolean): string[] {
  return serverSide
    ? [
        "The TypeScript SDK retries 2 times by default: raise it with new Anthropic({ maxRetries: 5, timeout: 60_000 }) rather than wrapping calls in your own loop.",
      ]
    : [];
}

function otherSdk(serverSide: boolean): string[] {
  return serverSide
    ? [
        "Raise your SDK's max-retries and timeout settings (its default is a few retries with backoff) rather than wrapping calls in your own loop.",
      ]
    : [];
}

function gateway(route: Route, serverSide: boolean): string[] {
  if (!serverSide) return [];
  switch (route) {
    case "litellm":
      return [
        "In LiteLLM, set num_retries and fallbacks (another deployment or model) on the router or model entry; check the proxy's own logs, it is self-hosted.",
      ];
    case "openrouter":
      return [
        "In OpenRouter, allow fallback providers for the model (provider routing: allow_fallbacks, order) or pass a models list to fall back to.",
      ];
    case "other-gateway":
      return ["Check the gateway's retry and fallback settings and its own logs for this request id."];
    case "bedrock":
      return [
        "On Bedrock, check the AWS Health Dashboard for your region, use a cross-region inference profile, and ask for a quota increase if it is throttling.",
      ];
    case "vertex":
      return [
        "On Vertex AI, check Google Cloud Service Health for your region, try another region or the global endpoint, and check your quota.",
      ];
    default:
      return [];
  }
}

/**
 * What to do, in the words of the client the error came from: Claude Code's knobs for Claude Code (never
 * SDK code), the SDK's settings for SDK users, the gateway's or platform's settings for those routes.
 */
export function clientGuidance(input: GuidanceInput): string[] {
  const { surface, route, serverSide, firstMove } = input;
  const own =
    surface === "claude-code"
      ? claudeCode(input)
      : surface === "sdk-python"
        ? python(serverSide)
        : surface === "sdk-typescript"
          ? typescript(serverSide)
          : surface.startsWith("sdk-")
            ? otherSdk(serverSide)
            : [];
  const path = gateway(route, serverSide);
  const first = surface === "claude-code" && own.length > 0 ? [] : [firstMove];
  return [...first, ...own, ...path];
}

/** Which page to watch for a server-side failure. */
export function watchAdvice(route: Route, pages: StatusPageLink[], incident: VerdictIncident | null): string {
  if (incident !== null) return `Follow "${incident.name}" at ${incident.url} for its updates.`;
  const primary = pages.filter((p) => p.role === "primary").map((p) => `${p.name} (${p.url})`);
  return route === "litellm"
    ? `Watch ${primary.join(" and ")}; LiteLLM is self-hosted, so its own logs and /health answer for the proxy.`
    : `Watch ${primary.join(" and ")}.`;
}

import type { BranchId, Evidence } from "../diagnosis";

type HeadlineInput = {
  branch: BranchId;
  variant: string | null;
  evidence: Evidence;
  /** Classified from generic words only: nothing in the paste ties it to Claude. */
  untied: boolean;
  foreign: boolean;
  empty: boolean;
};

const ROUTE_NAME: Partial<Record<Evidence["route"], string>> = {
  bedrock: "Amazon Bedrock",
  vertex: "Vertex AI",
  openrouter: "OpenRouter",
  litellm: "LiteLLM",
  "other-gateway": "the gateway",
};

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

function sentence({ branch, variant, evidence }: HeadlineInput): string {
  const cloud = ROUTE_NAME[evidence.route];
  switch (branch) {
    case "api_error":
      if (variant === "edge_proxy")
        return "an edge proxy answered with its own error page instead of the API. Retry with backoff; if the page names a third-party host, its operator has to act.";
      if (variant === "overloaded_message")
        return "a server error inside Anthropic whose message says Overloaded. Back off and retry; nothing is wrong with your key or request.";
      return "a server error inside Anthropic. Retry with backoff and check the status page; nothing is wrong with your key or request.";
    case "overloaded":
      if (variant === "in_stream")
        return "Claude was overloaded and the error arrived mid-stream. Back off, then resume from the partial output; SDK retries do not cover this.";
      return "Claude is overloaded right now, for everyone (not your quota or key). Back off, lower concurrency and retry; switch models deliberately if it persists.";
    case "rate_limit": {
      const wait = evidence.retryAfterMs !== null ? ` (retry-after: ${seconds(evidence.retryAfterMs)})` : "";
      if (variant === "server_throttle")
        return `Anthropic is briefly throttling requests (not your usage limit). Retry after a short wait${wait}.`;
      if (variant === "cloud_quota")
        return `the ${cloud ?? "cloud"} quota for this model is exhausted. Back off${wait}; if it never clears, request a quota increase.`;
      return `your organisation hit a rate limit${wait}. Wait for retry-after, then lower concurrency, prompt size or max_tokens.`;
    }
    case "subscription_limit":
      return "your Claude plan's usage limit is reached. Wait for the reset or add extra usage; retries cannot help before then.";
    case "billing":
      if (variant === "tier_cap")
        return "your usage tier's monthly spend cap is reached. Do not retry: access returns on the date in the message, or with a higher tier.";
      if (variant === "spend_limit")
        return "a spend limit set on the organisation or workspace is reached. Raise it in Console or wait for the date in the message; do not retry.";
      return `the ${cloud && cloud !== "Amazon Bedrock" && cloud !== "Vertex AI" ? `${cloud} account` : "organisation"} is out of credits. Add credits in billing; retrying will not help.`;
    case "timeout":
      if (variant === "edge")
        return "the edge timed out waiting for the API. Retry with backoff; for long generations use streaming.";
      return "the request timed out. Use streaming for long outputs or raise the client timeout, then retry.";
    case "connection":
      if (variant === "tls")
        return "no response: TLS interception (a proxy or antivirus certificate) broke the connection. Install its CA for the client; retrying will not help.";
      if (variant === "dns")
        return "no response: the host name did not resolve. Fix the base URL, or set the region on Bedrock/Vertex.";
      if (variant === "stream_dropped")
        return "the connection dropped mid-stream. Resume from the partial output; check proxies that cut long responses.";
      if (variant === "proxy")
        return "no response: the proxy refused the connection. Fix the proxy settings or credentials.";
      return "no HTTP response came back (network, DNS, proxy or firewall). Check connectivity from the same machine; your key is not the problem.";
    case "invalid_request":
      if (variant === "model_id_form")
        return "Bedrock refuses this model id on on-demand throughput. Use an inference profile id (us., eu., global.) instead.";
      return "the request was rejected as invalid. Fix what the message names; retrying it unchanged will fail again.";
    case "context_window":
      return "the prompt is over the model's context window. Trim or compact the history, or lower max_tokens.";
    case "request_too_large":
      return "the request body is over the size limit. Remove or shrink attachments; retries resend the same oversize body.";
    case "authentication":
      if (variant === "oauth_expired")
        return "the OAuth login has expired or was revoked. Log in again (/login in Claude Code).";
      if (variant === "oauth_unsupported")
        return "a subscription (OAuth) token was sent where only API keys are accepted. Use an API key for this call.";
      if (variant === "cors")
        return "the organisation blocks direct browser (CORS) calls. Call the API from your backend.";
      if (variant === "missing_credentials")
        return "no credential was configured. Set ANTHROPIC_API_KEY (or log in) for the process that calls the API.";
      return "the credential was rejected. Check which key or login the client actually sends, then re-create it or log in again.";
    case "permission":
      if (variant === "org_disabled")
        return "the organisation behind this credential is disabled. Check for a stale ANTHROPIC_API_KEY, then contact support.";
      if (variant === "model_access")
        return `this account or project has no access to the model${cloud ? ` on ${cloud}` : ""}. Enable model access for it.`;
      if (variant === "account_state")
        return "the account or organisation itself is switched off or not allowed here (disabled, suspended, banned or an unsupported region), not the request. Check which account the credential belongs to, then contact support.";
      if (variant === "oauth_org_not_allowed")
        return "the organisation does not allow subscription (OAuth) access here. Use an API key, or ask an admin to allow it.";
      return "the credential is valid but not allowed here. Check organisation, workspace and model access.";
    case "not_found":
      return "the model or endpoint does not exist on this route. Check the model id form and the base URL.";
    case "unknown":
      return "";
  }
}

/** The one sentence a developer reads first: what happened and who has to act. */
export function headlineFor(input: HeadlineInput): string {
  if (input.branch === "unknown") {
    if (input.foreign)
      return "This does not look like a Claude error: the paste names another provider or service.";
    if (input.variant === "other_model")
      return "This does not look like a Claude error: the paste names another model and no Claude one.";
    if (input.variant === "no_provider")
      return "The gateway had no provider configured for this model: the request never reached Claude. Configure the route or model mapping on the gateway.";
    if (input.variant === "unrelated_service")
      return "This is another tool's error (a package registry, git or a container daemon), not an answer from Claude's API. Fix it where that tool points.";
    if (input.variant === "local_failure")
      return "The program failed locally before (or instead of) a request: this is not an answer from Claude. Fix the local error first.";
    if (input.variant === "unattributed")
      return "A generic HTTP client reports only a status, and nothing in the paste ties the call to Claude. Paste the response body and the URL it called.";
    if (input.empty)
      return "No Claude error found in the paste. Paste the full error line with its status code and body.";
    return "Not enough signal to say what failed. Paste the full error with its status code, body and request id.";
  }
  const { status, errorType } = input.evidence;
  const prefix =
    status !== null ? `${status}${errorType ? ` ${errorType}` : ""}: ` : errorType ? `${errorType}: ` : "";
  const body = sentence(input);
  const text = `${prefix}${prefix ? body : body.charAt(0).toUpperCase() + body.slice(1)}`;
  return input.untied ? `${text} (Nothing in the paste ties it to Claude, so treat this as a guess.)` : text;
}

import type { BranchCard, BranchId } from "../diagnosis";

/**
 * What to do about each branch, in our own words. `satisfies` makes a new branch fail to compile until it
 * has every field. Sources for the facts: ../shared/reference/claude-errors.md §1, §4, §9.
 */
export const BRANCH_CATALOGUE = {
  api_error: {
    title: "Server error (500 api_error)",
    treatAs:
      "A failure inside Anthropic's systems or the edge in front of them. Your request and key are fine.",
    firstMove:
      "Retry the same request with capped, jittered backoff, and check status.claude.com for an incident on the Claude API.",
    verify:
      "Send one small request on the same path (same key, base URL, model, SDK): a success means the failure was transient.",
    switchWhen:
      "If every request on the path fails for more than a few minutes with no incident posted, escalate to support with the request ids. If a third-party base URL answers with its own page, treat it as the gateway's failure.",
    whoActs: ["anthropic"],
    doNot: [
      "Do not rotate or regenerate your API key: a 500 says nothing about your credentials.",
      "Do not change your request payload to make it go away; the same request is valid.",
      "Do not retry in a tight loop without backoff.",
    ],
    retry: "yes",
  },
  overloaded: {
    title: "Overloaded (529)",
    treatAs:
      "Anthropic is short of capacity for this model right now, across all users. Not your quota, not your key.",
    firstMove:
      "Back off and retry with jitter; lower your concurrency. If it persists, deliberately fall back to another model.",
    verify:
      "Retry one request on the same path after the backoff window; compare with a small request to another model to confirm it is model-specific.",
    switchWhen:
      "If a 429 replaces the 529, you are now rate limited: switch to the rate-limit branch. If it lasts beyond 15 minutes, check status.claude.com and escalate with request ids.",
    whoActs: ["anthropic"],
    doNot: [
      "Do not rotate your API key or change billing: overload is not an account problem.",
      "Do not raise concurrency or hammer retries; that deepens the overload for everyone, you included.",
    ],
    retry: "yes",
  },
  rate_limit: {
    title: "Rate limited (429)",
    treatAs:
      "Your organisation (or the cloud project) sent more requests or tokens per minute than its limit allows.",
    firstMove:
      "Wait for retry-after, then retry; reduce concurrency, prompt size or max_tokens. Read the anthropic-ratelimit-* headers to see which limit is exhausted.",
    verify:
      "After the retry-after window, one request on the same key should succeed; the remaining counters in the response headers show the headroom.",
    switchWhen:
      "If the message names a monthly spend threshold or enforced_spend_limit_reached, it is billing; if it is a Claude plan quota, it is the plan-limit branch. If it never clears, raise the limit (Console tier, Bedrock/Vertex quota request).",
    whoActs: ["your-account"],
    doNot: [
      "Do not retry before retry-after: earlier retries fail and count against you.",
      "Do not rotate keys to dodge the limit; limits are per organisation, not per key.",
    ],
    retry: "yes",
  },
  subscription_limit: {
    title: "Claude plan limit reached",
    treatAs:
      "A Claude Pro, Max or Team plan quota (session, weekly, or extra usage) is used up for this account.",
    firstMove:
      "Wait for the reset time shown, or add extra usage / switch to an API key with its own billing for urgent work.",
    verify: "After the reset time, run the same command once; /status in Claude Code shows the plan usage.",
    switchWhen:
      "If you are using an API key (not a subscription login), this is the API rate-limit or billing branch instead.",
    whoActs: ["your-account"],
    doNot: [
      "Do not loop retries before the reset: they cannot succeed and keep the session busy.",
      "Do not rotate keys; the plan quota belongs to the account.",
    ],
    retry: "after-reset",
  },
  billing: {
    title: "Billing: credits or spend limit",
    treatAs:
      "The organisation is out of prepaid credits or has hit a spend limit. The request itself is fine.",
    firstMove:
      "Open Console → Billing: add credits, or raise the spend limit (yours, the workspace's, or the tier's monthly cap).",
    verify:
      "After the change, send one small request on the same key; the error should stop at once. A tier cap only lifts at the date in the message or with a tier upgrade.",
    switchWhen:
      "If credits are available and the limit is raised but it persists, check that the key belongs to the organisation you topped up.",
    whoActs: ["your-account"],
    doNot: [
      "Do not retry: spend caps and empty balances do not recover by waiting (the SDKs retry a tier-cap 429 anyway — turn that off).",
      "Do not treat it as a bad request and change your payload.",
    ],
    retry: "no",
  },
  timeout: {
    title: "Timed out",
    treatAs:
      "The request took longer than a timeout allowed: Anthropic's (504), the edge's (524), or your client's.",
    firstMove:
      "Use streaming for long generations, lower max_tokens, or raise the client timeout; then retry with backoff.",
    verify:
      "Send the same request with streaming on the same path: tokens arriving steadily mean the non-streaming call simply outran a timeout.",
    switchWhen:
      "If short requests time out too, treat it as a connection or server problem on the path; a 504 page from a third-party host is the gateway's.",
    whoActs: ["you", "anthropic"],
    doNot: [
      "Do not rotate keys or change billing.",
      "Do not resend a long non-streaming request unchanged in a loop.",
    ],
    retry: "yes",
  },
  connection: {
    title: "No response: connection failed",
    treatAs:
      "The request never got an HTTP answer: DNS, a refused or reset connection, TLS interception, or a proxy.",
    firstMove:
      "From the same machine, run `curl -sS -o /dev/null -w '%{http_code}\\n' https://api.anthropic.com/v1/messages` (expect 405 or 401); check proxy, VPN and DNS settings.",
    verify:
      "The curl above from the same host, network and proxy settings as the failing client; for TLS errors, `openssl s_client -connect api.anthropic.com:443` shows who signed the certificate.",
    switchWhen:
      "If curl gets an HTTP status, the network is fine: look at the client's base URL and environment. If the stream died after output started, resume from the partial output.",
    whoActs: ["your-network"],
    doNot: [
      "Do not rotate your API key: no server ever saw it.",
      "Do not disable TLS verification (NODE_TLS_REJECT_UNAUTHORIZED=0); install the corporate CA with NODE_EXTRA_CA_CERTS instead.",
    ],
    retry: "yes",
  },
  invalid_request: {
    title: "Invalid request (400)",
    treatAs: "The request itself is malformed or asks for something this model or endpoint does not support.",
    firstMove:
      "Read the field path in the message and fix the payload (roles, tool ids, parameters, beta headers, model id form).",
    verify: "Send the corrected request once on the same path; an unchanged request will fail the same way.",
    switchWhen:
      "If the message is about credits or spend limits it is billing; about prompt length it is the context-window branch; about a disabled organisation it is permission.",
    whoActs: ["your-request"],
    doNot: ["Do not retry the same payload.", "Do not rotate keys."],
    retry: "no",
  },
  context_window: {
    title: "Context window exceeded",
    treatAs: "The prompt (or prompt plus max_tokens) is longer than the model's context window.",
    firstMove:
      "Trim or summarise history (/compact in Claude Code), count tokens before sending, or lower max_tokens.",
    verify:
      "Count tokens for the same request (the token-counting endpoint) and confirm it fits with max_tokens.",
    switchWhen:
      "If the message is about bytes (413, 32 MB) rather than tokens, it is the request-too-large branch.",
    whoActs: ["your-request"],
    doNot: ["Do not retry unchanged: the same prompt is too long every time.", "Do not rotate keys."],
    retry: "no",
  },
  request_too_large: {
    title: "Request too large (413)",
    treatAs:
      "The HTTP body is over the byte limit (Messages API: 32 MB), usually images, PDFs or a huge history.",
    firstMove:
      "Shrink the payload: resize or drop images/PDFs, use the Files API, or start a fresh conversation.",
    verify: "Measure the request body size before sending; it must be under the endpoint's limit.",
    switchWhen: "If the message counts tokens rather than bytes, it is the context-window branch.",
    whoActs: ["your-request"],
    doNot: [
      "Do not retry with the same attachments: the oversize content stays in history and every retry fails.",
    ],
    retry: "no",
  },
  authentication: {
    title: "Authentication failed (401)",
    treatAs:
      "The credential sent was missing, malformed, revoked or expired, or the wrong kind for this endpoint.",
    firstMove:
      "Check which credential the client actually sends (ANTHROPIC_API_KEY, an OAuth login, a gateway key), then re-create the key or log in again.",
    verify:
      "Call the same base URL with the same credential: `curl https://api.anthropic.com/v1/models -H \"x-api-key: $ANTHROPIC_API_KEY\" -H 'anthropic-version: 2023-06-01'` should return 200.",
    switchWhen:
      "A 403 after fixing the key means the key works but lacks access: switch to permission. A CORS message means call from a backend.",
    whoActs: ["your-account"],
    doNot: [
      "Do not retry with the same credential.",
      "Do not paste the key into tickets or chats to get help.",
    ],
    retry: "no",
  },
  permission: {
    title: "Permission denied (403)",
    treatAs:
      "The credential is valid but not allowed: organisation, workspace, region, model or cloud IAM access.",
    firstMove:
      "Check organisation and workspace access in Console, or IAM / model access (Bedrock) and Model Garden enablement (Vertex) for this model and region.",
    verify: "Make the same call with a model or workspace you know is enabled, on the same credential.",
    switchWhen:
      "If a different credential works, check that the failing one belongs to the right organisation.",
    whoActs: ["your-account"],
    doNot: [
      "Do not retry: access does not change by waiting.",
      "Do not rotate keys; a new key inherits the same permissions.",
    ],
    retry: "no",
  },
  not_found: {
    title: "Not found (404)",
    treatAs: "The model id, endpoint path or resource does not exist where the request was sent.",
    firstMove:
      "Check the model id spelling and form for the route (Vertex uses `@` dates and publishers/anthropic; Bedrock uses anthropic.… ids or inference profiles) and the base URL path.",
    verify:
      "List available models on the same path (GET /v1/models, or the cloud console) and retry with an id from that list.",
    switchWhen: "If the model exists but the call is refused, it is permission.",
    whoActs: ["your-request"],
    doNot: ["Do not retry unchanged.", "Do not rotate keys."],
    retry: "no",
  },
  unknown: {
    title: "Not recognised as a Claude error",
    treatAs: "The paste does not carry enough signal to say what failed, or the error is not from Claude.",
    firstMove:
      "Paste more: the full error line with its status code and body, and the request-id header if there is one.",
    verify:
      "Reproduce once with the SDK's debug logging on (ANTHROPIC_LOG=debug) to capture status, headers and body.",
    switchWhen: "Once the status and error.type are visible, the matching branch applies.",
    whoActs: ["you"],
    doNot: ["Do not rotate keys or change billing on a guess."],
    retry: "no",
  },
} satisfies Record<BranchId, BranchCard>;

/** Variant-specific replacements for parts of a card, where the variant changes what to do. */
export const VARIANT_OVERRIDES: Partial<Record<string, Partial<BranchCard>>> = {
  "connection/tls": {
    firstMove:
      "A proxy or antivirus is intercepting TLS. Install its root CA for the client (Node: NODE_EXTRA_CA_CERTS=/path/ca.pem; Python: SSL_CERT_FILE or REQUESTS_CA_BUNDLE).",
    retry: "no",
  },
  "connection/dns": {
    firstMove:
      "The host name did not resolve. Check the base URL and, on Bedrock/Vertex, that the region is set (a host like bedrock-runtime.undefined.amazonaws.com means no region).",
    retry: "no",
  },
  "connection/stream_dropped": {
    treatAs:
      "The connection dropped after the response had started: a mid-stream interruption, not a refused request.",
    firstMove:
      "Resume from the partial output (continue the assistant turn) rather than resending the whole request.",
  },
  "billing/tier_cap": {
    treatAs:
      "The organisation crossed its usage tier's monthly spend threshold. Access returns on the date in the message.",
    firstMove:
      "Wait for the date in the message or move to a higher tier in Console → Billing; stop all retry loops now.",
  },
  "billing/spend_limit": {
    treatAs:
      "The organisation or workspace reached a spend limit that someone set. Access returns on the date in the message.",
    firstMove:
      "Raise or remove the limit in Console → Limits (organisation or workspace), or wait for the date in the message.",
  },
  "permission/org_disabled": {
    treatAs: "The organisation that owns this key is disabled.",
    firstMove:
      "Check for a stale ANTHROPIC_API_KEY from an old organisation (unset it and retry with your current credential); otherwise contact support.",
  },
  "authentication/oauth_unsupported": {
    firstMove:
      "A subscription (OAuth) token was sent where only API keys are accepted. Use an API key for this endpoint, or update the client that sent the token.",
  },
  "authentication/cors": {
    treatAs: "The organisation blocks direct browser calls (CORS).",
    firstMove:
      "Call the API from your backend, or enable direct browser access for the organisation if that is intended.",
  },
  "api_error/edge_proxy": {
    treatAs:
      "An edge or proxy in front of the API answered with its own error page; the origin may not have seen the request.",
    switchWhen:
      "If the page names a host other than api.anthropic.com, the failure is at that gateway or relay: contact its operator.",
  },
  "rate_limit/quota_zero": {
    firstMove:
      "The cloud quota for this model is too low (often 0 by default): request a quota increase for the base model and region.",
  },
  // `unknown` from positive evidence: the request never reached Claude, or nothing ties it to Claude.
  "unknown/other_provider": {
    title: "Another provider's error",
    treatAs:
      "The paste names another model provider or service as the one that failed; Claude was not asked.",
    firstMove:
      "Read the error where that provider documents it (its status page and error codes), or switch the app's provider or model back to Claude if that was not intended.",
    verify: "Check which provider and base URL the app is configured with for this call.",
    switchWhen: "If the same call fails while pointed at Claude, paste that error instead.",
    whoActs: ["you"],
  },
  "unknown/other_model": {
    title: "Not a Claude model",
    treatAs:
      "The paste names another model and no Claude one: an Anthropic-compatible backend serving another model answered.",
    firstMove:
      "Check the model and base URL the client sends (ANTHROPIC_BASE_URL, ANTHROPIC_MODEL, the gateway's model mapping): the backend is not Claude's API.",
    verify: "Send one request straight to api.anthropic.com with a Claude model id and compare.",
    switchWhen: "If the error persists against Claude's own API, paste that error.",
    whoActs: ["you", "gateway"],
  },
  "unknown/no_provider": {
    title: "Gateway has no provider for this model",
    treatAs:
      "The gateway or router had no provider or deployment configured for the model: Claude was never called.",
    firstMove:
      "Add or fix the route for this model on the gateway (its model list, deployment or provider mapping), or use a model name it serves.",
    verify: "List the gateway's configured models or deployments and find the name the client sent.",
    switchWhen: "If the gateway does route the model and Claude answered with an error, paste that error.",
    whoActs: ["gateway", "you"],
  },
  "unknown/local_failure": {
    title: "Local failure before any request",
    treatAs:
      "The program failed on this machine (start-up, configuration, a crash) before a request reached Claude.",
    firstMove:
      "Fix the local error the paste shows first (the first stack frame in your code or the tool's own message).",
    verify: "Run the same command with its debug or verbose flag and confirm whether any request is sent.",
    switchWhen: "If a request does go out and an API status comes back, paste that response.",
    whoActs: ["you"],
  },
  "unknown/unrelated_service": {
    title: "Another tool's error",
    treatAs:
      "A package registry, git or a container daemon failed on its own; it is not an answer from Claude's API.",
    firstMove: "Fix it where that tool points (its registry, credentials, network or daemon), then rerun.",
    verify: "Run that tool's command alone, without the AI client, and see it fail the same way.",
    switchWhen: "If the tool succeeds alone and only the Claude call fails, paste the Claude call's error.",
    whoActs: ["you"],
  },
  "unknown/unattributed": {
    title: "A bare status, not tied to Claude",
    treatAs:
      "A generic HTTP client reports only a status, and nothing in the paste says the call went to Claude's API.",
    firstMove:
      "Log the response body and the URL the client called; the body's error.type decides the branch.",
    verify:
      "Reproduce once with the HTTP client's debug logging on (or the SDK's ANTHROPIC_LOG=debug) to capture URL, status and body.",
    switchWhen: "Once the URL and body show Claude's error.type, the matching branch applies.",
    whoActs: ["you"],
  },
  "overloaded/in_stream": {
    firstMove:
      "The overload arrived inside a stream after output began: resume from the partial output after a backoff instead of resending blindly; SDK max_retries does not cover this.",
  },
};

/** The card for a branch, with the variant's replacements applied. */
export function cardFor(branch: BranchId, variant: string | null): BranchCard {
  const base: BranchCard = BRANCH_CATALOGUE[branch];
  const override = variant ? VARIANT_OVERRIDES[`${branch}/${variant}`] : undefined;
  return override ? { ...base, ...override } : base;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnosisSchema, type BranchId } from "../diagnosis";
import { cardFor } from "../branches";
import { classify } from "./classify";

type Case = { name: string; text: string; branch: BranchId; variant?: string | null; status?: number | null };

// Shapes from ../shared/reference/claude-errors.md, one per line of its tables, written as users paste them.
const SHAPES: Case[] = [
  // Claude Code (§4.2)
  {
    name: "CC old retry line 529",
    text: `API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 1 seconds… (attempt 1/10)`,
    branch: "overloaded",
    status: 529,
  },
  {
    name: "CC repeated 529",
    text: "API Error: Repeated 529 Overloaded errors · check status.claude.com",
    branch: "overloaded",
  },
  {
    name: "CC friendly 500",
    text: "API Error: 500 Internal server error. This is a server-side issue, usually temporary — try again in a moment. If it persists, check status.claude.com.",
    branch: "api_error",
    status: 500,
  },
  {
    name: "CC timeout retry",
    text: "  ⎿  API Error (Request timed out.) · Retrying in 1 seconds… (attempt 1/10)",
    branch: "timeout",
  },
  {
    name: "CC Cloudflare 522 JSON",
    text: `API Error: 522 {"type":"https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/","title":"Error 522: Connection timed out","status":522,"error_name":"connection_timeout","retryable":true,"retry_after":120,"zone":"api.anthropic.com","cloudflare_error":true}`,
    branch: "api_error",
    variant: "edge_proxy",
    status: 522,
  },
  {
    name: "CC 520 page",
    text: "API Error (520 <!DOCTYPE html>\n<title>api.anthropic.com | 520: Web server is returning an unknown error</title>",
    branch: "api_error",
    variant: "edge_proxy",
    status: 520,
  },
  {
    name: "CC org rate limit",
    text: "API Error: Request rejected (429) · This request would exceed your organization's rate limit of 30,000 input tokens per minute (org: 00000000-0000-4000-8000-000000000000, model: claude-sonnet-4-6). For details, refer to: https://docs.claude.com/en/api/rate-limits.",
    branch: "rate_limit",
    variant: "per_minute",
    status: 429,
  },
  {
    name: "CC capacity 429",
    text: "API Error: Request rejected (429) · this may be a temporary capacity issue",
    branch: "rate_limit",
    variant: "server_throttle",
  },
  {
    name: "CC server throttle",
    text: "API Error: Server is temporarily limiting requests (not your usage limit) · Rate limited",
    branch: "rate_limit",
    variant: "server_throttle",
  },
  {
    name: "CC usage limit reset",
    text: "Claude usage limit reached. Your limit will reset at 3pm (America/Santiago).",
    branch: "subscription_limit",
  },
  { name: "CC 5-hour limit", text: "5-hour limit reached ∙ resets 2am", branch: "subscription_limit" },
  {
    name: "CC session limit",
    text: "You've hit your session limit · resets 3:45pm",
    branch: "subscription_limit",
  },
  {
    name: "CC extra usage",
    text: "You're out of extra usage · resets 1pm (America/Los_Angeles)",
    branch: "subscription_limit",
  },
  {
    name: "CC account rate limit raw",
    text: `API Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account's rate limit. Please try again later."}}`,
    branch: "subscription_limit",
    status: 429,
  },
  {
    name: "CC credit balance",
    text: "Credit balance too low · Add funds: https://console.anthropic.com/settings/billing",
    branch: "billing",
    variant: "credits",
  },
  {
    name: "CC spend limit",
    text: `API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"You have reached your specified API usage limits. You will regain access on 2025-07-01 at 00:00 UTC."}}`,
    branch: "billing",
    variant: "spend_limit",
    status: 400,
  },
  { name: "CC invalid key", text: "Invalid API key · Please run /login", branch: "authentication" },
  { name: "CC not logged in", text: "Not logged in · Please run /login", branch: "authentication" },
  {
    name: "CC OAuth revoked",
    text: "OAuth token revoked · Please run /login",
    branch: "authentication",
    variant: "oauth_expired",
  },
  {
    name: "CC org disabled short",
    text: "API Error: 400 This organization has been disabled.",
    branch: "permission",
    variant: "org_disabled",
    status: 400,
  },
  {
    name: "CC disabled org key",
    text: "Your ANTHROPIC_API_KEY belongs to a disabled organization · Unset the environment variable to use your other credentials",
    branch: "permission",
    variant: "org_disabled",
  },
  {
    name: "CC subscription disabled",
    text: "Your organization has disabled Claude subscription access for Claude Code · Use an Anthropic API key instead, or ask your admin to enable access",
    branch: "permission",
  },
  {
    name: "CC request too large",
    text: "Request too large (max 30 MB). Double press esc to go back and remove or shrink the attached content.",
    branch: "request_too_large",
  },
  { name: "CC prompt too long", text: "Prompt is too long", branch: "context_window" },
  {
    name: "CC compaction",
    text: "Error during compaction: Error: Conversation too long. Press esc twice to go up a few messages and try again.",
    branch: "context_window",
  },
  {
    name: "CC unable to connect",
    text: "API Error: Unable to connect to API. Check your internet connection",
    branch: "connection",
  },
  {
    name: "CC bun socket closed",
    text: "API Error: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()",
    branch: "connection",
    variant: "stream_dropped",
  },
  {
    name: "CC issuer certificate",
    text: "API Error: Error: unable to get issuer certificate",
    branch: "connection",
    variant: "tls",
  },
  {
    name: "CC high load",
    text: "Opus is experiencing high load, please use /model to switch to Sonnet",
    branch: "overloaded",
  },
  {
    name: "CC selected model",
    text: "There's an issue with the selected model (claude-opus-5-fake). It may not exist or you may not have access to it. Run /model to select a different one.",
    branch: "not_found",
  },
  {
    name: "CC long context credits",
    text: "API Error: Usage credits required for 1M context · run /usage-credits to turn them on, or /model to switch to standard context",
    branch: "subscription_limit",
  },
  // Python SDK (§3.1)
  {
    name: "PY 500",
    text: `anthropic.InternalServerError: Error code: 500 - {'type': 'error', 'error': {'type': 'api_error', 'message': 'Internal server error'}, 'request_id': 'req_011CXmPxB18vUhfiqmh7azmx'}`,
    branch: "api_error",
    status: 500,
  },
  {
    name: "PY old 529 as InternalServerError",
    text: `anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`,
    branch: "overloaded",
    status: 529,
  },
  {
    name: "PY timeout",
    text: "anthropic.APITimeoutError: Request timed out or interrupted. This could be due to a network timeout, dropped connection, or request cancellation.",
    branch: "timeout",
  },
  {
    name: "PY connection",
    text: "httpx.ConnectError: [Errno 111] Connection refused\n\nThe above exception was the direct cause of the following exception:\n\nanthropic.APIConnectionError: Connection error.",
    branch: "connection",
  },
  {
    name: "PY TLS",
    text: "httpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:992)\nanthropic.APIConnectionError: Connection error.",
    branch: "connection",
    variant: "tls",
  },
  {
    name: "PY no credentials",
    text: `TypeError: "Could not resolve authentication method. Expected one of api_key, auth_token, or credentials to be set. Or for one of the \`X-Api-Key\` or \`Authorization\` headers to be explicitly omitted"`,
    branch: "authentication",
    variant: "missing_credentials",
  },
  {
    name: "PY streaming required",
    text: "ValueError: Streaming is required for operations that may take longer than 10 minutes. See https://github.com/anthropics/anthropic-sdk-python#long-requests for more details",
    branch: "invalid_request",
  },
  {
    name: "PY tier spend cap",
    text: `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': "You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization's API tier. You will regain access on 2026-09-01 at 00:00 UTC.", 'details': {'error_code': 'enforced_spend_limit_reached'}}}`,
    branch: "billing",
    variant: "tier_cap",
    status: 429,
  },
  {
    name: "PY 402 billing_error",
    text: `anthropic.APIStatusError: Error code: 402 - {'type': 'error', 'error': {'type': 'billing_error', 'message': 'Billing error'}}`,
    branch: "billing",
    status: 402,
  },
  {
    name: "PY not found",
    text: `anthropic.NotFoundError: Error code: 404 - {'type': 'error', 'error': {'type': 'not_found_error', 'message': 'model: claude-3-opus-latest'}}`,
    branch: "not_found",
    status: 404,
  },
  {
    name: "PY roles",
    text: `anthropic.BadRequestError: Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'message': 'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row'}}`,
    branch: "invalid_request",
    status: 400,
  },
  // TypeScript SDK (§3.2)
  {
    name: "TS 529",
    text: `InternalServerError: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n    at APIError.generate (node_modules/@anthropic-ai/sdk/core/error.js:61:20)`,
    branch: "overloaded",
    status: 529,
  },
  {
    name: "TS timeout",
    text: "APIConnectionTimeoutError: Request timed out.\n    at Anthropic.makeRequest (node_modules/@anthropic-ai/sdk/client.js:400:15)",
    branch: "timeout",
  },
  {
    name: "TS no body",
    text: "InternalServerError: 502 status code (no body)\n    at APIError.generate (node_modules/@anthropic-ai/sdk/core/error.js:61:20)",
    branch: "api_error",
    status: 502,
  },
  {
    name: "TS per-minute",
    text: `RateLimitError: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response headers for current usage."}}`,
    branch: "rate_limit",
    variant: "per_minute",
    status: 429,
  },
  {
    name: "TS fetch failed",
    text: "APIConnectionError: Connection error.\n    at Anthropic.makeRequest (node_modules/@anthropic-ai/sdk/client.js:300:13) {\n  cause: TypeError: fetch failed",
    branch: "connection",
  },
  // Streams (§2)
  {
    name: "SSE overloaded",
    text: `event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}`,
    branch: "overloaded",
    variant: "in_stream",
  },
  // Gateways (§5)
  {
    name: "Bedrock unavailable",
    text: "botocore.errorfactory.ServiceUnavailableException: An error occurred (ServiceUnavailableException) when calling the InvokeModel operation: Bedrock is unable to process your request.",
    branch: "overloaded",
  },
  {
    name: "Bedrock model timeout",
    text: "botocore.errorfactory.ModelTimeoutException: An error occurred (ModelTimeoutException) when calling the InvokeModel operation: Model has timed out in processing the request.",
    branch: "timeout",
  },
  {
    name: "Bedrock access denied",
    text: "botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID.",
    branch: "permission",
  },
  {
    name: "Bedrock prompt too long",
    text: "An error occurred (ValidationException) when calling the Converse operation: The model returned the following errors: prompt is too long: 200049 tokens > 200000 maximum",
    branch: "context_window",
  },
  {
    name: "Vertex overloaded in Anthropic format",
    text: "[vertex_ai] Error: {'type': 'error', 'error': {'details': None, 'type': 'overloaded_error', 'message': 'Overloaded'}}",
    branch: "overloaded",
  },
  {
    name: "OpenRouter 402",
    text: `{"error":{"code":402,"message":"Insufficient credits. This account never purchased credits.","metadata":{"provider_name":"Anthropic"}},"model":"anthropic/claude-sonnet-4"}`,
    branch: "billing",
    status: 402,
  },
  {
    name: "OpenRouter provider 429",
    text: `{"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"anthropic/claude-3.5-sonnet is temporarily rate-limited upstream","provider_name":"Anthropic"}}}`,
    branch: "rate_limit",
    status: 429,
  },
  {
    name: "LiteLLM overloaded",
    text: "litellm.InternalServerError: AnthropicException - Overloaded. Handle with `litellm.InternalServerError`.",
    branch: "overloaded",
  },
  {
    name: "LiteLLM overloaded body",
    text: `litellm.exceptions.InternalServerError: litellm.InternalServerError: AnthropicError - {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`,
    branch: "overloaded",
  },
  {
    name: "LiteLLM context",
    text: `litellm.BadRequestError: litellm.ContextWindowExceededError: AnthropicError - {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210543 tokens > 200000 maximum"}}`,
    branch: "context_window",
  },
  { name: "Relay text", text: "API Error: 500 terminated", branch: "api_error", status: 500 },
  {
    name: "Relay context",
    text: `{"detail":"Prompt too long: 32799 tokens exceeds max context window of 32768 tokens"}`,
    branch: "context_window",
  },
  {
    name: "CORS",
    text: `Error: 401 {"type":"error","error":{"type":"authentication_error","message":"CORS requests are not allowed for this Organization because of its settings."}}`,
    branch: "authentication",
    variant: "cors",
  },
  {
    name: "Policy refusal",
    text: "API Error: Claude Code is unable to respond to this request, which appears to violate our Usage Policy (https://www.anthropic.com/legal/aup). Request ID: req_011CSHoEeqs5C35K2UUqR7Fy",
    branch: "invalid_request",
    variant: "policy_refusal",
  },
  // Shapes seen around the reference's routes (wrappers, proxies, other SDKs)
  {
    name: "PY async 413 as APIStatusError",
    text: `anthropic.APIStatusError: Error code: 413 - {'error': {'type': 'request_too_large', 'message': 'Request exceeds the maximum size'}}`,
    branch: "request_too_large",
    status: 413,
  },
  {
    name: "LiteLLM Bedrock throttle",
    text: `litellm.RateLimitError: BedrockException - {"message":"Too many requests, please wait before trying again."}`,
    branch: "rate_limit",
    variant: "cloud_quota",
  },
  {
    name: "Vertex 503 via the Python SDK",
    text: `anthropic.InternalServerError: Error code: 503 - {'error': {'code': 503, 'message': 'The service is currently unavailable.', 'status': 'UNAVAILABLE'}}\nAnthropicVertex client, model claude-sonnet-4@20250514`,
    branch: "overloaded",
    status: 503,
  },
  {
    name: "Go SDK status error",
    text: `POST "https://api.anthropic.com/v1/messages": 529 Overloaded {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CZAau32QzxDkriovTaFCB"}`,
    branch: "overloaded",
    status: 529,
  },
  {
    name: "Bedrock tool_result validation",
    text: "botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the Converse operation: messages.1.content.0.tool_result: unexpected tool_use_id found",
    branch: "invalid_request",
  },
  {
    name: "httpx read timeout",
    text: "httpx.ReadTimeout: The read operation timed out\n\nThe above exception was the direct cause of the following exception:\n\nanthropic.APITimeoutError: Request timed out.",
    branch: "timeout",
  },
  {
    name: "Bedrock bad AWS credentials",
    text: "botocore.exceptions.ClientError: An error occurred (UnrecognizedClientException) when calling the InvokeModel operation: The security token included in the request is invalid.",
    branch: "authentication",
  },
  {
    name: "Envoy reset before headers",
    text: "anthropic.InternalServerError: Error code: 503 - upstream connect error or disconnect/reset before headers. reset reason: connection termination",
    branch: "api_error",
    variant: "edge_proxy",
    status: 503,
  },
  {
    name: "DNS EAI_AGAIN",
    text: "Error: getaddrinfo EAI_AGAIN api.anthropic.com",
    branch: "connection",
    variant: "dns",
  },
  {
    name: "TS stream ended early",
    text: "Error: Stream ended without producing a Message with role=assistant\n at node_modules/@anthropic-ai/sdk/lib/MessageStream.js:240:19",
    branch: "connection",
    variant: "stream_dropped",
  },
  {
    name: "OpenRouter free-tier limit",
    text: `{"error":{"message":"Rate limit exceeded: free-models-per-day. ","code":429,"metadata":{"provider_name":null}}} model anthropic/claude-3.5-haiku`,
    branch: "rate_limit",
    status: 429,
  },
  {
    name: "Cloudflare challenge",
    text: "API Error: 403 <!DOCTYPE html><html><head><title>Just a moment...</title></head>",
    branch: "permission",
    status: 403,
  },
  // Other clients' wording
  {
    name: "Vertex resource exhausted",
    text: "429 Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details. (claude-sonnet-4@20250514)",
    branch: "rate_limit",
    variant: "cloud_quota",
    status: 429,
  },
  {
    name: "google-api-core permission",
    text: "google.api_core.exceptions.PermissionDenied: 403 Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4'",
    branch: "permission",
    status: 403,
  },
  {
    name: "streaming error wrapper",
    text: `Streaming error: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`,
    branch: "overloaded",
    variant: "in_stream",
  },
  {
    name: "n8n too many requests",
    text: "NodeApiError: The service is receiving too many requests from you (Anthropic Chat Model, claude-sonnet-4)",
    branch: "rate_limit",
  },
  {
    name: "axios status code",
    text: "AxiosError: Request failed with status code 529 calling api.anthropic.com/v1/messages",
    branch: "overloaded",
    status: 529,
  },
  {
    name: "requests HTTPError",
    text: "requests.exceptions.HTTPError: 529 Server Error: unknown for url: https://api.anthropic.com/v1/messages",
    branch: "overloaded",
    status: 529,
  },
  {
    name: "Vercel AI SDK retry error",
    text: `AI_RetryError: Failed after 3 attempts. Last error: Overloaded\n  statusCode: 529,\n  responseBody: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',\n  url: 'https://api.anthropic.com/v1/messages'`,
    branch: "overloaded",
    status: 529,
  },
  {
    name: "Java SDK 429",
    text: `com.anthropic.errors.RateLimitException: 429: {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}`,
    branch: "rate_limit",
    status: 429,
  },
  {
    name: "Java SDK I/O",
    text: "com.anthropic.errors.AnthropicIoException: Request failed\nCaused by: java.net.SocketException: Connection reset",
    branch: "connection",
  },
  {
    name: "Cloudflare 1015",
    text: "API Error: 429 Error 1015 You are being rate limited api.anthropic.com",
    branch: "rate_limit",
    variant: "edge",
    status: 429,
  },
  {
    name: "bare connect timeout is no response",
    text: "ConnectTimeoutError: Connect Timeout Error (attempted address: api.anthropic.com:443, timeout: 10000ms)",
    branch: "connection",
    variant: "connect_timeout",
  },
  {
    name: "SDK-wrapped connect timeout stays a timeout",
    text: "httpx.ConnectTimeout: timed out\n\nThe above exception was the direct cause of the following exception:\n\nanthropic.APITimeoutError: Request timed out.",
    branch: "timeout",
  },
  {
    name: "Vercel cannot connect",
    text: "AI_APICallError: Cannot connect to API: read ETIMEDOUT (api.anthropic.com)",
    branch: "connection",
  },
  {
    name: "Output cap",
    text: "API Error: Claude's response exceeded the 32000 output token maximum. To configure this behavior, set the CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable.",
    branch: "invalid_request",
    variant: "output_limit",
  },
];

// Look-alikes that are not Claude errors: they must stay `unknown`.
const NEAR_MISSES: Array<{ name: string; text: string }> = [
  {
    name: "an OpenAI 500",
    text: `openai.InternalServerError: Error code: 500 - {'error': {'message': 'The server had an error while processing your request. Sorry about that!', 'type': 'server_error', 'param': None, 'code': None}}`,
  },
  {
    name: "an OpenAI 429 quota",
    text: `openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}`,
  },
  {
    name: "a tracing backend's 413 (OpenTelemetry)",
    text: "WARNING:opentelemetry.exporter.otlp.proto.http.trace_exporter:Failed to export batch code: 413, reason: Payload Too Large",
  },
  {
    name: "a tracing backend's 413 (LangSmith)",
    text: "langsmith.utils.LangSmithError: Failed to POST https://api.smith.langchain.com/runs/multipart in LangSmith API. HTTPError('413 Client Error: Payload Too Large for url: https://api.smith.langchain.com/runs/multipart')",
  },
  {
    name: "an unrelated Python traceback",
    text: `Traceback (most recent call last):\n  File "/srv/app/main.py", line 12, in <module>\n    main()\n  File "/srv/app/main.py", line 8, in main\n    print(config["model"])\nKeyError: 'model'`,
  },
  {
    name: "a Gemini overload",
    text: "google.genai.errors.ServerError: 503 UNAVAILABLE. {'error': {'code': 503, 'message': 'The model is overloaded. Please try again later.', 'status': 'UNAVAILABLE'}}",
  },
  {
    name: "an OpenAI context-length error",
    text: `openai.BadRequestError: Error code: 400 - {'error': {'message': "This model's maximum context length is 128000 tokens.", 'type': 'invalid_request_error', 'param': 'messages', 'code': 'context_length_exceeded'}}`,
  },
  { name: "plain prose", text: "hello, I think something broke in our deploy yesterday" },
];

describe("message shapes from the reference", () => {
  it.each(SHAPES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const d = classify(c.text);
    expect(d.branch).toBe(c.branch);
    if (c.variant !== undefined) expect(d.variant).toBe(c.variant);
    if (c.status !== undefined) expect(d.evidence.status).toBe(c.status);
    expect(d.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe("near-miss negatives stay unknown", () => {
  it.each(NEAR_MISSES.map((c) => [c.name, c.text] as const))("%s", (_name, text) => {
    const d = classify(text);
    expect(d.branch).toBe("unknown");
    // The card is the unknown branch's, or the one for the reason it gives (another provider, a local failure…).
    expect(d.card).toEqual(cardFor("unknown", d.variant));
    expect(d.card.retry).toBe("no");
  });
});

describe("a status code alone never decides", () => {
  it("reads a 429 as rate_limit, subscription_limit or billing by its message", () => {
    const body = (m: string) =>
      `Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"${m}"}}`;
    expect(classify(body("Number of request tokens has exceeded your per-minute rate limit")).branch).toBe(
      "rate_limit",
    );
    expect(
      classify(body("This request would exceed your account's rate limit. Please try again later.")).branch,
    ).toBe("subscription_limit");
    expect(classify(body("monthly API usage threshold reached")).branch).toBe("billing");
  });
  it("reads a 400 as billing, context_window or permission by its message", () => {
    const body = (m: string) =>
      `Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"${m}"}}`;
    expect(classify(body("Your credit balance is too low to access the Anthropic API.")).branch).toBe(
      "billing",
    );
    expect(classify(body("prompt is too long: 250000 tokens > 200000 maximum")).branch).toBe(
      "context_window",
    );
    expect(classify(body("This organization has been disabled.")).branch).toBe("permission");
    expect(classify(body("max_tokens: Field required")).branch).toBe("invalid_request");
  });
  it("never lets the TypeScript class name InternalServerError turn a 529 into api_error", () => {
    expect(
      classify(
        `InternalServerError: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`,
      ).branch,
    ).toBe("overloaded");
  });
});

describe("what the user ended with is the primary diagnosis", () => {
  const paste = [
    "12:00:01 ERROR anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}, 'request_id': 'req_011CSHoEeqs5C35K2UUqR7Fy'}",
    "",
    "12:03:09 ERROR anthropic.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CZAau32QzxDkriovTaFCB'}",
  ].join("\n");
  const d = classify(paste);

  it("diagnoses the last error and lists every one in order", () => {
    expect(d.branch).toBe("overloaded");
    expect(d.occurrences.map((o) => o.branch)).toEqual(["rate_limit", "overloaded"]);
    expect(d.occurrences.map((o) => o.requestId)).toEqual([
      "req_011CSHoEeqs5C35K2UUqR7Fy",
      "req_011CZAau32QzxDkriovTaFCB",
    ]);
    expect(d.occurrences[0]!.start).toBeLessThan(d.occurrences[1]!.start);
  });
  it("keeps every request id in paste order", () => {
    expect(d.evidence.requestIds).toEqual(["req_011CSHoEeqs5C35K2UUqR7Fy", "req_011CZAau32QzxDkriovTaFCB"]);
  });
  it("does not let a trailing access-log echo replace the real error", () => {
    const withEcho = `${paste}\nINFO:     10.0.0.2:35400 - "POST /v1/chat/completions HTTP/1.1" 400 Bad Request`;
    expect(classify(withEcho).branch).toBe("overloaded");
  });
});

describe("messy pastes", () => {
  it("reads through ANSI colour codes and keeps spans on the original text", () => {
    const text =
      '\u001b[31m\u001b[1mAPI Error: 529\u001b[0m {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';
    const d = classify(text);
    expect(d.branch).toBe("overloaded");
    expect(d.evidence.status).toBe(529);
    const typeSignal = d.signals.find((s) => s.id === "type.overloaded_error");
    expect(typeSignal).toBeDefined();
    expect(text.slice(typeSignal!.start, typeSignal!.end)).toContain("overloaded_error");
  });

  it("reads a CRLF curl transcript with headers", () => {
    const text = [
      "> POST /v1/messages HTTP/2",
      "> Host: api.anthropic.com",
      ">",
      "< HTTP/2 429",
      "< date: Fri, 22 Nov 2024 13:44:10 GMT",
      "< retry-after: 17",
      "< anthropic-ratelimit-requests-limit: 50",
      "< anthropic-ratelimit-requests-remaining: 0",
      "< anthropic-ratelimit-requests-reset: 2024-11-22T13:44:27Z",
      "< request-id: req_018EeWyXxfu5pfWkrYcMdjWG",
      "< x-should-retry: true",
      "<",
      `{"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your per-minute rate limit"}}`,
    ].join("\r\n");
    const d = classify(text);
    expect(d.branch).toBe("rate_limit");
    expect(d.evidence).toMatchObject({
      status: 429,
      surface: "curl",
      route: "anthropic",
      endpoint: "/v1/messages",
      retryAfterMs: 17_000,
      shouldRetry: true,
      occurredAt: "2024-11-22T13:44:10.000Z",
      requestIds: ["req_018EeWyXxfu5pfWkrYcMdjWG"],
    });
    expect(d.evidence.rateLimit["anthropic-ratelimit-requests-remaining"]).toBe("0");
    expect(Object.keys(d.evidence.rateLimit)).toHaveLength(3);
  });

  it("prefers retry-after-ms to retry-after", () => {
    const d = classify(
      'HTTP/1.1 429 Too Many Requests\nretry-after-ms: 1500\nretry-after: 2\n\n{"type":"error","error":{"type":"rate_limit_error","message":"x"}}',
    );
    expect(d.evidence.retryAfterMs).toBe(1500);
  });

  it("reads x-should-retry: false", () => {
    const d = classify(
      '  headers: { \'x-should-retry\': \'false\' },\n  InternalServerError: 500 {"type":"error","error":{"type":"api_error","message":"Internal server error"}}',
    );
    expect(d.evidence.shouldRetry).toBe(false);
  });

  it("re-joins a request id that a terminal wrapped across lines", () => {
    const d = classify(
      `API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_011CSHa1FurUZ\n    v2Lu8mxQdXf"}`,
    );
    expect(d.evidence.requestIds).toEqual(["req_011CSHa1FurUZv2Lu8mxQdXf"]);
  });

  it("never completes a truncated or placeholder request id", () => {
    expect(
      classify(
        `API Error: 500 {"type":"error","error":{"type":"api_error","message":"x"},"request_id":"req_011`,
      ).evidence.requestIds,
    ).toEqual([]);
    expect(classify(`API Error: 500 {"request_id":"req_..."} <REQUEST_ID>`).evidence.requestIds).toEqual([]);
  });

  it("reads a message wrapped by the terminal with box-drawing glyphs", () => {
    const d = classify(
      '│ API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth token has \n│     expired. Please obtain a new token or refresh your existing token."}} │',
    );
    expect(d.branch).toBe("authentication");
    expect(d.variant).toBe("oauth_expired");
  });

  it("reads escaped JSON in a Claude Code /bug errors array, with its timestamp", () => {
    const text = `[{"error":"Error: 529 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"overloaded_error\\",\\"message\\":\\"Overloaded\\"},\\"request_id\\":\\"req_011CZAau32QzxDkriovTaFCB\\"}\\n    at generate (/$bunfs/root/src/entrypoints/cli.js:11:65735)","timestamp":"2026-06-08T18:16:16.295Z"}]`;
    const d = classify(text);
    expect(d.branch).toBe("overloaded");
    expect(d.evidence).toMatchObject({
      status: 529,
      surface: "claude-code",
      occurredAt: "2026-06-08T18:16:16.295Z",
      message: "Overloaded",
    });
    expect(d.occurrences[0]?.at).toBe("2026-06-08T18:16:16.295Z");
  });

  it("takes the user's occurredAt over times read from the paste", () => {
    const d = classify(`[{"error":"Error: 500 {}","timestamp":"2026-06-08T18:16:16.295Z"}]`, {
      occurredAt: "2026-06-09T00:00:00.000Z",
    });
    expect(d.evidence.occurredAt).toBe("2026-06-09T00:00:00.000Z");
  });

  it("keeps AWS request ids apart from Anthropic's", () => {
    const d = classify(
      "Type: ValidationException\nDetails: The model returned the following errors: prompt is too long: 200049 tokens > 200000 maximum\nRequest ID: 9251f066-a420-483b-b3ae-7485084f6dc6",
    );
    expect(d.evidence.requestIds).toEqual([]);
    expect(d.evidence.gatewayRequestIds).toEqual(["9251f066-a420-483b-b3ae-7485084f6dc6"]);
    expect(d.evidence.route).toBe("bedrock");
  });

  it("counts attempts already made", () => {
    expect(classify("✻ 529 Overloaded · Retrying in 24s · attempt 10/10").evidence.attempts).toEqual({
      seen: 10,
      of: 10,
    });
    expect(
      classify(
        "botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again.",
      ).evidence.attempts,
    ).toEqual({ seen: 5, of: 5 });
  });

  it("counts the Python SDK's own logged retries", () => {
    const log = [
      "INFO anthropic._base_client: Retrying request to /v1/messages in 0.452000 seconds",
      "INFO anthropic._base_client: Retrying request to /v1/messages in 0.871000 seconds",
      "anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'x'}}",
    ].join("\n");
    expect(classify(log).evidence.attempts).toEqual({ seen: 3, of: null });
  });

  it("marks one error.type signal per body, not a generic one beside the specific one", () => {
    const d = classify(
      `Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`,
    );
    expect(d.signals.map((s) => s.id)).toContain("type.overloaded_error");
    expect(d.signals.map((s) => s.id)).not.toContain("type.unknown_error_type");
  });

  it("reads attempts from the Vercel AI SDK's retry error", () => {
    expect(
      classify("AI_RetryError: Failed after 3 attempts. Last error: Overloaded (claude-sonnet-4)").evidence
        .attempts,
    ).toEqual({ seen: 3, of: 3 });
  });

  it("reads the SDK and its version when the paste names them", () => {
    expect(
      classify(
        `npm ls: @anthropic-ai/sdk@0.50.3\nInternalServerError: 500 {"type":"error","error":{"type":"api_error","message":"Internal server error"}}`,
      ).evidence.sdk,
    ).toEqual({ name: "@anthropic-ai/sdk", version: "0.50.3" });
    expect(classify("anthropic==0.40.0\nanthropic.APITimeoutError: Request timed out.").evidence.sdk).toEqual(
      { name: "anthropic (python)", version: "0.40.0" },
    );
  });

  it("lowers confidence and says so when nothing ties a generic error to Claude", () => {
    const d = classify("Error: read ECONNRESET");
    expect(d.branch).toBe("connection");
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.headline).toMatch(/guess/);
  });

  it("answers empty and whitespace-only input with unknown", () => {
    for (const text of ["", "   \n\t  "]) {
      const d = classify(text);
      expect(d.branch).toBe("unknown");
      expect(d.occurrences).toEqual([]);
    }
  });
});

describe("never throws, always returns a valid Diagnosis", () => {
  it("on arbitrary unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const d = classify(text);
        diagnosisSchema.parse(d);
        for (const s of [...d.signals, ...d.occurrences]) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on fragments of real error shapes glued together", () => {
    const pieces = SHAPES.map((c) => c.text).concat(NEAR_MISSES.map((c) => c.text));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 }),
        (parts, cuts) => {
          const text = parts.map((p, i) => p.slice(0, cuts[i] ?? p.length)).join("\n");
          diagnosisSchema.parse(classify(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("on a 1 MiB paste of one repeated error, with occurrences capped", () => {
    const line = `API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 1 seconds… (attempt 1/10)\n`;
    const text = line.repeat(Math.floor((1024 * 1024) / line.length));
    const d = classify(text);
    expect(d.branch).toBe("overloaded");
    expect(d.occurrences.length).toBeLessThanOrEqual(1000);
    expect(d.occurrences.at(-1)!.end).toBeGreaterThan(text.length - line.length);
  });
});

describe("a statement belongs to the line it is read on", () => {
  it("reads an indented Claude Code error after a blank line as one error, not a nameless one before it", () => {
    const body = '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';
    const text = [
      "> refactor the exporter",
      "",
      `  ⎿  API Error (529 ${body}) · Retrying in 1 seconds… (attempt 1/10)`,
      `  ⎿  API Error: 529 ${body}`,
    ].join("\n");
    const d = classify(text);
    expect(d.occurrences.map((o) => o.branch)).toEqual(["overloaded", "overloaded"]);
    for (const o of d.occurrences) expect(text.slice(o.start, o.end)).toMatch(/^API Error/);
  });
});

describe("a headline that only names the kind, and the same error in the log with a specific message", () => {
  const entry = (status: number, type: string, message: string, id: string): string =>
    `[{"error":"Error: ${status} {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"${type}\\",\\"message\\":\\"${message}\\"},\\"request_id\\":\\"${id}\\"}\\n    at x.generate (cli.js:1:2)","timestamp":"2026-01-01T10:00:00Z"}]`;

  it.each([
    [
      "API Error: Rate limit reached",
      entry(
        429,
        "rate_limit_error",
        "Extra usage is required for long context requests.",
        "req_011CZ323ZjUdVuFSo5tpENcA",
      ),
      "subscription_limit",
      429,
    ],
    [
      "API Error: Rate limit reached · try again later",
      entry(
        429,
        "rate_limit_error",
        "Your weekly usage limit has been reached.",
        "req_011CZ323ZjUdVuFSo5tpENcB",
      ),
      "subscription_limit",
      429,
    ],
    [
      "  ⎿  API Error: Rate limited",
      entry(
        429,
        "rate_limit_error",
        "You have reached your specified API usage limits. You will regain access on 2026-02-01 at 00:00 UTC.",
        "req_011CZ323ZjUdVuFSo5tpENcC",
      ),
      "billing",
      429,
    ],
  ])("the entry's message decides and its facts merge: %s", (headline, log, branch, status) => {
    const d = classify(`${headline}\n\n**Errors**\n\`\`\`json\n${log}\n\`\`\``);
    expect(d.branch).toBe(branch);
    expect(d.evidence.status).toBe(status);
    expect(d.evidence.errorType).toBe("rate_limit_error");
  });

  it("a different error in the log still does not overrule the headline", () => {
    const log = entry(
      400,
      "invalid_request_error",
      "prompt is too long: 210000 tokens > 200000 maximum",
      "req_011CZ323ZjUdVuFSo5tpENcD",
    );
    const d = classify(`API Error: Rate limit reached\n\n**Errors**\n\`\`\`json\n${log}\n\`\`\``);
    expect(d.branch).toBe("rate_limit");
    expect(d.evidence.status).toBeNull();
  });

  it("a headline with its own specific message keeps it", () => {
    const log = entry(
      429,
      "rate_limit_error",
      "Extra usage is required for long context requests.",
      "req_011CZ323ZjUdVuFSo5tpENcE",
    );
    const d = classify(`API Error: Credit balance is too low\n\n**Errors**\n\`\`\`json\n${log}\n\`\`\``);
    expect(d.branch).toBe("billing");
  });
});

describe("a terminal reflow that pads runs of spaces into a token", () => {
  it.each([
    [
      'API Error: 429 {"type":"error","error":{"type":"rate_limit_e        rror","message":"slow"},"request_id":"req_011CXyZ      abcdefghijklmnopq"}',
      "rate_limit_error",
      "req_011CXyZabcdefghijklmnopq",
    ],
    [
      'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"x"},"request_id":"req_011C           Rt5XyZabcdefghijklmn"}',
      "invalid_request_error",
      "req_011CRt5XyZabcdefghijklmn",
    ],
    [
      'status 500 {"type":"error","error":{"type":"api_e      rror","message":"Internal server error"}}',
      "api_error",
      null,
    ],
  ])("rejoins the type and the id: %s", (text, type, id) => {
    const d = classify(text);
    expect(d.evidence.errorType).toBe(type);
    expect(d.evidence.requestIds).toEqual(id ? [id] : []);
  });

  it("never joins halves that do not make a known token or a whole id", () => {
    const d = classify(
      'API Error: 500 {"type":"error","error":{"type":"api_error","message":"see req_011C      abc"},"request_id":"req_011CXyZ      abcdefghij"}',
    );
    expect(d.evidence.requestIds).toEqual([]);
    expect(d.evidence.errorType).toBe("api_error");
  });
});

describe("Claude Code's lower-case banner from its bug report", () => {
  it.each([
    'API error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    '  API error: 500 {"type":"error","error":{"type":"api_error","message":"Internal server error"}}',
    '> API error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}',
  ])("is read as Claude Code's: %s", (text) => {
    expect(classify(text).evidence.surface).toBe("claude-code");
  });

  it("is not read from an SDK error printed mid-sentence", () => {
    const d = classify(
      'my script logged: API error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    );
    expect(d.evidence.surface).not.toBe("claude-code");
  });
});

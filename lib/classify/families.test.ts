import { describe, expect, it } from "vitest";
import type { BranchId } from "../diagnosis";
import { classify } from "./classify";
import { PERTURBATIONS } from "./perturb";

/**
 * Each concept family with at least three phrasings from different sources (platforms, gateways, clients,
 * docs), written here from the reference (../shared/reference/claude-errors.md) and public documentation,
 * not copied from one corpus file. Each must be read by the family itself (its signal is among the ones
 * that voted) and give the family's branch.
 */
const FAMILIES: Record<string, { branch: BranchId; phrasings: Array<[source: string, text: string]> }> = {
  context_overflow: {
    branch: "context_window",
    phrasings: [
      [
        "OpenAI-compatible backends",
        "This model's maximum context length is 200000 tokens. However, your messages resulted in 210000 tokens.",
      ],
      ["Amazon Bedrock Converse", "ValidationException: Input is too long for requested model."],
      ["llama.cpp server", "the request exceeds the available context size, try increasing it"],
      [
        "Gemini-style gateways",
        "The input token count (1200000) exceeds the maximum number of tokens allowed (1000000).",
      ],
      ["agent frameworks", "Context window exceeded: 230k tokens, compact the conversation"],
    ],
  },
  timeout_noun: {
    branch: "timeout",
    phrasings: [
      [
        "botocore",
        'ReadTimeoutError: Read timeout on endpoint URL: "https://bedrock-runtime.us-east-1.amazonaws.com/model/x/invoke"',
      ],
      ["gRPC / Vertex clients", "google.api_core.exceptions: Deadline Exceeded while calling the model"],
      ["Claude Code stream watchdog", "API Error: Stream idle timeout - partial response received"],
      ["gateways", "upstream error: the model took too long to respond"],
      [
        "undici",
        "HeadersTimeoutError: Headers Timeout Error { code: 'UND_ERR_HEADERS_TIMEOUT' } (api.anthropic.com)",
      ],
      ["AbortSignal.timeout", "TimeoutError: The operation was aborted due to timeout (claude request)"],
      [
        "AWS SDK for JavaScript v2, socket timeout",
        "TimeoutError: Connection timed out after 120000ms (InvokeModel)",
      ],
      [
        "AWS SDK for JavaScript v3 (smithy), socket timeout",
        "TimeoutError: Connection timed out after 300000 ms at InvokeModelWithResponseStreamCommand",
      ],
    ],
  },
  payload_size: {
    branch: "request_too_large",
    phrasings: [
      ["nginx", "client intended to send too large body: 41943040 bytes"],
      ["Express body-parser", "PayloadTooLargeError: request entity too large"],
      ["relays", "Request exceeds the maximum allowed size of 32 MB"],
      ["upload gateways", "attachment rejected: file exceeds 30 MB"],
    ],
  },
  credits_exhausted: {
    branch: "billing",
    phrasings: [
      ["hosted IDE proxies", "You have no credits remaining on your account."],
      [
        "OpenRouter",
        "This request requires more credits. You requested up to 8192 tokens, but can only afford 1200.",
      ],
      ["resellers", "Your account has run out of credits, please add funds to continue"],
      ["agent apps", "anthropic returned a billing error, check your account"],
    ],
  },
  plan_window: {
    branch: "subscription_limit",
    phrasings: [
      ["Claude Code", "You've hit your limit · resets 11pm (Europe/Paris)"],
      ["Claude Code, weekly", "Weekly limit reached · resets Mon 12:00am"],
      ["claude.ai", "Claude usage limit reached. Your limit will reset at 3pm."],
      [
        "long-context extra usage",
        'Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Extra usage is required for long context requests."}}',
      ],
      ["Claude Code, extra usage", "Extra usage exhausted · resets Nov 1 · /upgrade to continue"],
      ["Claude Code, per model", "Opus limit reached · now using Sonnet 4"],
      ["resellers' plan quotas", "Your Claude Max weekly quota is used up; it resets on Monday"],
      [
        "wrappers naming the plan",
        "claude: usage limit exceeded for your Pro plan, try again after the reset",
      ],
    ],
  },
  plan_window_localised: {
    branch: "subscription_limit",
    phrasings: [
      ["Italian", "Hai raggiunto il limite settimanale di Claude. Si ripristina lunedì alle 9:00."],
      ["Spanish", "Alcanzaste tu límite semanal de Claude Code; se restablece el lunes."],
      ["French", "Vous avez atteint votre limite hebdomadaire d'utilisation de Claude."],
      ["German", "Du hast dein Wochenlimit für Claude erreicht. Zurückgesetzt am Montag."],
      ["Chinese", "你已达到 Claude 的每周使用限额，将于周一重置。"],
      ["Japanese", "Claude の週間利用上限に達しました。月曜日にリセットされます。"],
    ],
  },
  invalid_model: {
    branch: "not_found",
    phrasings: [
      ["Amazon Bedrock", "ValidationException: The provided model identifier is invalid."],
      [
        "OpenAI-compatible relays",
        "The model `claude-3-opus-latest` does not exist or you do not have access to it.",
      ],
      [
        "Vertex AI",
        "Publisher Model `projects/p/locations/us-east5/publishers/anthropic/models/claude-x@2025` was not found",
      ],
      ["LiteLLM", "BadRequestError: Invalid model name passed in model=claude-sonet-4"],
      ["retired models", 'Error: 404 {"error":{"message":"The model claude-2.1 has been retired."}}'],
      ["deprecations", "the model claude-3-sonnet-20240229 has been deprecated and is no longer available"],
    ],
  },
  wrong_endpoint: {
    branch: "not_found",
    phrasings: [
      [
        "one-api / new-api relays",
        '{"error":{"message":"Invalid URL (POST /v1/messages)","type":"invalid_request_error"}}',
      ],
      ["Express servers", "<pre>Cannot POST /anthropic/v1/messages</pre>"],
      ["Go net/http", "404 page not found"],
    ],
  },
  credentials_rejected: {
    branch: "authentication",
    phrasings: [
      ["AWS STS", "UnrecognizedClient: The security token included in the request is invalid."],
      ["AWS SigV4", "The request signature we calculated does not match the signature you provided."],
      ["OAuth clients", "Failed to authenticate: auth token expired"],
      ["API key checks", "Error: Invalid API key · Please run /login"],
    ],
  },
  access_denied: {
    branch: "permission",
    phrasings: [
      [
        "AWS IAM",
        "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: bedrock:InvokeModel",
      ],
      ["regional availability", "This service is not available in your region."],
      ["Anthropic edge", "Country, region, or territory not supported"],
      ["gateways", "Access denied for this model"],
      ["workspace policies", "Your organization does not have access to Claude Opus 4. Contact your admin."],
    ],
  },
  field_constraint: {
    branch: "invalid_request",
    phrasings: [
      ["Anthropic validation", "messages.3.content.0.tool_result: tool_use_id must match a tool_use block"],
      [
        "AWS validation",
        "1 validation error detected: Value at 'inferenceConfig.maxTokens' failed to satisfy constraint",
      ],
      ["pydantic-based gateways", "temperature_x: Extra inputs are not permitted"],
    ],
  },
  capacity: {
    branch: "overloaded",
    phrasings: [
      ["opencode", "Provider is overloaded, try again later"],
      ["model hosts", "The model is at capacity right now"],
      ["cloud platforms", "InsufficientCapacity: insufficient capacity for the requested model"],
    ],
  },
  stream_closed: {
    branch: "connection",
    phrasings: [
      ["Bun fetch", "The socket connection was closed unexpectedly."],
      ["undici", "SocketError: other side closed"],
      ["node-fetch", "FetchError: Invalid response body: Premature close"],
      ["SSE clients", "stream ended without any events"],
    ],
  },
  account_state: {
    branch: "permission",
    phrasings: [
      [
        "relays and resellers",
        'Error: 400 {"error":{"type":"invalid_request_error","message":"Your account has been suspended due to a policy violation."}}',
      ],
      [
        "OpenAI-compatible gateways",
        '400 {"error":{"message":"This workspace is deactivated. Contact your administrator.","type":"invalid_request_error","code":null}}',
      ],
      [
        "Anthropic, reworded",
        'API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Your organization has been permanently banned for violating the usage policy."}}',
      ],
      [
        "regional gates",
        "Error code: 400 - {'error': {'message': 'Unsupported country or region for this service', 'type': 'invalid_request_error'}}",
      ],
      ["multi-account routers", "router: account acct-3 is banned, skipping it for claude-sonnet-4"],
    ],
  },
  no_response: {
    branch: "connection",
    phrasings: [
      [
        "IDE report templates",
        "Model: claude-sonnet-4 (Bedrock)\nStatus Code: N/A\nError: the provider call failed",
      ],
      [
        "botocore",
        'botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1:0/invoke"',
      ],
      ["Node HTTP/2", "Error [ERR_HTTP2_STREAM_ERROR]: Stream closed with error code NGHTTP2_REFUSED_STREAM"],
      [
        "AWS SDK for JavaScript v3",
        "InvokeModelCommand failed: no response was received ($metadata.httpStatusCode: undefined)",
      ],
      ["curl", "curl: (52) Empty reply from server"],
      [
        "AWS SDK for JavaScript v2, connect timeout",
        "TimeoutError: Socket timed out without establishing a connection (bedrock-runtime.us-east-1.amazonaws.com)",
      ],
      [
        "Winsock (WSAETIMEDOUT)",
        "An attempt to connect timed out without establishing a connection. (api.anthropic.com:443)",
      ],
    ],
  },
  aws_transport_wrapper: {
    branch: "connection",
    phrasings: [
      ["AWS SDK for JavaScript v2", "NetworkingError: write EPROTO while calling bedrock-runtime"],
      ["aws-sdk-ruby", "Seahorse::Client::NetworkingError: execution expired"],
      [
        "AWS SDK for Java",
        "com.amazonaws.SdkClientException: Unable to execute HTTP request: bedrock-runtime.us-east-1.amazonaws.com",
      ],
    ],
  },
  throttled: {
    branch: "rate_limit",
    phrasings: [
      ["Azure-style gateways", "Request was throttled. Expected available in 5 seconds. (claude-3-haiku)"],
      ["AWS APIs", "Rate exceeded (Service: BedrockRuntime; Status Code: 400)"],
      ["relays", "your calls have been throttled by the upstream claude pool"],
    ],
  },
  output_limit: {
    branch: "invalid_request",
    phrasings: [
      [
        "Anthropic",
        "max_tokens: 64000 > 32000, which is the maximum allowed number of output tokens for claude-opus-4-20250514",
      ],
      ["OpenAI-compatible relays", "Error: 400 max_tokens is too large: 128000 (claude-sonnet-4 via relay)"],
      ["Bedrock", "ValidationException: max_tokens exceeds model limit of 8192 for claude-3-haiku"],
    ],
  },
  tls_handshake: {
    branch: "connection",
    phrasings: [
      [
        "Node",
        "Error: Client network socket disconnected before secure TLS connection was established (api.anthropic.com)",
      ],
      [
        "Python ssl",
        "ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:2427) calling api.anthropic.com",
      ],
      [
        "OpenSSL through a proxy",
        "SSL routines:ssl3_get_record:wrong version number (anthropic base URL on port 80)",
      ],
      [
        "Node TLS codes",
        "Error: write EPROTO ERR_SSL_PACKET_LENGTH_TOO_LONG connecting to api.anthropic.com",
      ],
    ],
  },
  image_limit: {
    branch: "invalid_request",
    phrasings: [
      [
        "Anthropic",
        'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"messages.0.content.1.image.source.base64: image exceeds 5 MB maximum: 7340032 bytes > 5242880 bytes"}}',
      ],
      [
        "Anthropic, dimensions",
        "messages.3.content.0.image.source.base64.data: At least one of the image dimensions exceed max allowed size: 8000 pixels",
      ],
      ["gateways", "Upload rejected: image is too large (12 MB) for claude-sonnet-4"],
    ],
  },
};

describe.each(Object.entries(FAMILIES))("concept family %s", (family, { branch, phrasings }) => {
  it("has at least three phrasings from different sources", () => {
    expect(new Set(phrasings.map(([source]) => source)).size).toBeGreaterThanOrEqual(3);
  });
  it.each(phrasings)(`reads the phrasing of %s as ${branch}`, (_source, text) => {
    const d = classify(text);
    expect(d.branch).toBe(branch);
    expect(d.signals.map((s) => s.id)).toContain(`fam.${family}`);
  });
});

describe("every family phrasing re-rendered (wrapped, escaped, enveloped, framed) keeps its branch", () => {
  const all = Object.values(FAMILIES).flatMap(({ branch, phrasings }) =>
    phrasings.map(([, text]) => [text, branch] as const),
  );
  it.each(PERTURBATIONS.map((p) => [p.name, p] as const))("%s", (_name, p) => {
    const changed = all.filter(([text, branch]) => classify(p.apply(text)).branch !== branch).map(([t]) => t);
    expect(changed).toEqual([]);
  });
});

describe("surface and route prints", () => {
  it.each([
    [
      "the OpenAI Python client",
      `openai.BadRequestError: Error code: 400 - {'error': {'message': 'litellm.BadRequestError: AnthropicException - prompt is too long', 'type': None, 'code': '400'}}`,
    ],
    [
      "a JS client",
      'Error: 429 {"error":{"message":"litellm.RateLimitError: BedrockException - Too many requests","type":"throttling_error"}}',
    ],
    [
      "an escaped log line",
      '{"level":"error","msg":"{\\"error\\":{\\"message\\":\\"litellm.InternalServerError: AnthropicException - Overloaded\\"}}"}',
    ],
  ])("a litellm exception sent as an error body's message is the LiteLLM proxy's (%s)", (_name, text) => {
    expect(classify(text).evidence.route).toBe("litellm");
  });

  it.each([
    [
      'Error: 413 {"error":{"type":"request_too_large","message":"Request exceeds the maximum size"}} (claude)',
    ],
    ['  [Error: 529 {"error":{"type":"overloaded_error","message":"Overloaded"}}] anthropic'],
    [
      'agent failed: Error: 400 {"error":{"type":"invalid_request_error","message":"messages: at least one message is required"}} claude-sonnet-4',
    ],
  ])("a JS Error with a status and a compact JSON body is the TypeScript SDK's: %s", (text) => {
    expect(classify(text).evidence.surface).toBe("sdk-typescript");
  });

  it("Claude Code's API Error line stays Claude Code's", () => {
    const d = classify(
      'API Error: 413 {"error":{"type":"request_too_large","message":"Request exceeds the maximum size"}}',
    );
    expect(d.evidence.surface).toBe("claude-code");
  });
});

describe("records: a long body keeps its lines together", () => {
  it("reads a status, a message and a code of a body wrapped over many lines as one occurrence", () => {
    const text = [
      'proxy: upstream status code: 413, body: {"error":{"message":"Request too large for claude-sonnet-4:',
      "     the conversation you sent is above what this deployment accepts in one",
      "     request; trim the history or the attachments and send it again, or ask",
      "     the operator of this proxy to raise its limit for your team and",
      '     project","type":"invalid_request_error","code":"request_too_large"}}',
    ].join("\n");
    const d = classify(text);
    expect(d.occurrences).toHaveLength(1);
    expect(d).toMatchObject({ branch: "request_too_large" });
    expect(d.evidence.status).toBe(413);
  });

  it("still ends a record at a blank line, inside an envelope or not", () => {
    const text =
      '{"log": "API Error: 529 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"overloaded_error\\"}}\\n\\nAPI Error: 401 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"authentication_error\\"}}"}';
    expect(classify(text).occurrences.length).toBe(2);
  });
});

describe("the status grammar reads .NET's EnsureSuccessStatusCode message", () => {
  it.each([
    [
      "System.Net.Http.HttpRequestException: Response status code does not indicate success: 529 (). (claude)",
      529,
      "overloaded",
    ],
    [
      "HttpRequestException: Response status code does not indicate success: 401 (Unauthorized). anthropic",
      401,
      "authentication",
    ],
    [
      "Response status code does not indicate success: 429 (Too Many Requests). calling claude-3-haiku",
      429,
      "rate_limit",
    ],
  ])("%s", (text, status, branch) => {
    const d = classify(text);
    expect(d.evidence.status).toBe(status);
    expect(d.branch).toBe(branch);
  });
});

describe("near-miss negatives stay unknown and say why", () => {
  it.each([
    [
      "another provider named (OpenAI quota)",
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota', 'type': 'insufficient_quota'}}",
      "other_provider",
    ],
    [
      "a tracing backend's export failing",
      "opentelemetry exporter: Failed to export spans. Server responded with 429 Too Many Requests",
      "other_provider",
    ],
    [
      "an Anthropic-compatible backend serving another model",
      "API Error: 404 The model llama-3.3-70b-versatile does not exist",
      "other_model",
    ],
    [
      "a gateway routing to another model",
      "litellm.RateLimitError: 429 rate limit exceeded for model qwen3-coder-plus",
      "other_model",
    ],
  ])("%s", (_name, text, variant) => {
    const d = classify(text);
    expect(d.branch).toBe("unknown");
    expect(d.variant).toBe(variant);
  });

  it.each([
    [
      "Faraday (Ruby)",
      "faraday-2.9.0/lib/faraday/response/raise_error.rb:30:in `on_complete': the server responded with status 429 (Faraday::TooManyRequestsError)",
      "rate_limit",
    ],
    [
      "requests (Python)",
      "requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://llm.internal.example/v1/chat",
      "invalid_request",
    ],
    ["axios (Node)", "AxiosError: Request failed with status code 401", "authentication"],
  ])(
    "a generic HTTP client's bare status with nothing tying it to Claude (%s) is unattributed",
    (_name, text, wouldBe) => {
      const d = classify(text);
      expect(d).toMatchObject({ branch: "unknown", variant: "unattributed" });
      expect(d.alternatives?.[0]?.branch).toBe(wouldBe);
    },
  );

  it("the same generic client calling the Anthropic API keeps the status's branch", () => {
    const d = classify(
      "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.anthropic.com/v1/messages",
    );
    expect(d.branch).toBe("rate_limit");
  });

  it.each([
    [
      "Node",
      "TypeError: Cannot read properties of undefined (reading 'content')\n    at parseReply (app.js:10:5)",
    ],
    ["Python", "ModuleNotFoundError: No module named 'anthropic'"],
    [
      "a CLI launcher",
      "Error: spawn claude ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)",
    ],
  ])("a local failure before any request (%s) is unknown, variant local_failure", (_name, text) => {
    expect(classify(text)).toMatchObject({ branch: "unknown", variant: "local_failure" });
  });

  it("a local failure beside only a class name keeps that class's branch as the candidate", () => {
    const d = classify(
      "AttributeError: 'NoneType' object has no attribute 'content' (while handling RateLimitError)",
    );
    expect(d).toMatchObject({ branch: "unknown", variant: "local_failure" });
    expect(d.alternatives?.[0]?.branch).toBe("rate_limit");
  });

  it.each([
    [
      "one-api / new-api",
      '{"error":{"message":"no available channel for model claude-sonnet-4 under group default","type":"new_api_error"}}',
    ],
    ["a self-hosted router", "Error: 503 No provider configured for model claude-3-5-sonnet"],
    ["an API gateway", "HTTP 502: upstream not configured for route /v1/messages"],
    [
      "LiteLLM without a provider prefix",
      "litellm.exceptions.BadRequestError: litellm.BadRequestError: LLM Provider NOT provided. Pass in the LLM provider you are trying to call. You passed model=claude-sonnet-4-5",
    ],
    ["a model router", "400 Bad Request: no route found for model 'claude-opus-4-1'"],
  ])("a gateway with no provider configured (%s) is unknown, variant no_provider", (_name, text) => {
    expect(classify(text)).toMatchObject({ branch: "unknown", variant: "no_provider" });
  });

  it.each([
    [
      "OpenAI's key page",
      "Error: 401 Incorrect API key provided: sk-proj-****abcd. See https://platform.openai.com/account/api-keys.",
    ],
    [
      "Groq's SDK",
      "groq.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached', 'type': 'tokens'}}",
    ],
    ["a local Ollama server", "Error: connect ECONNREFUSED 127.0.0.1:11434 (ollama serve not running)"],
  ])(
    "another provider named by its host, SDK module or local server (%s) is other_provider",
    (_name, text) => {
      expect(classify(text)).toMatchObject({ branch: "unknown", variant: "other_provider" });
    },
  );

  it.each([
    [
      "npm",
      "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/@anthropic-ai%2fclaude-codee - Not found",
    ],
    [
      "git",
      "fatal: unable to access 'https://github.com/anthropics/claude-code.git/': The requested URL returned error: 403",
    ],
    [
      "docker",
      "docker: Error response from daemon: pull access denied for claude-proxy, repository does not exist or may require 'docker login'",
    ],
  ])("another tool failing on its own service (%s) is unknown, variant unrelated_service", (_name, text) => {
    const d = classify(text);
    expect(d).toMatchObject({ branch: "unknown", variant: "unrelated_service" });
    expect(d.alternatives?.length).toBeGreaterThan(0);
  });

  it("keeps the would-be branch as an alternative", () => {
    const d = classify("API Error: 404 The model llama-3.3-70b-versatile does not exist");
    expect(d.alternatives?.[0]?.branch).toBe("not_found");
  });

  it("names no Claude branch for a paste with nothing in it", () => {
    const d = classify("it stopped working again today, any idea?");
    expect(d).toMatchObject({ branch: "unknown", variant: null, alternatives: [] });
  });
});

describe("alternatives", () => {
  it("come with a weak answer", () => {
    // A bare status and a generic word that disagree: the status decides, the word is the runner-up.
    const d = classify("request failed: HTTP 500, timed out");
    expect(d.confidence).toBeLessThan(0.9);
    expect(d.alternatives?.map((a) => a.branch)).toContain("timeout");
  });
  it("are empty for a strong one", () => {
    const d = classify(
      'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CZAau32QzxDkriovTaFCB"}',
    );
    expect(d.confidence).toBeGreaterThanOrEqual(0.9);
    expect(d.alternatives).toEqual([]);
  });
});

describe("the status grammar tells a status that came back from prose about statuses", () => {
  it.each([
    [
      'Retries are not attempted on HTTP 502, 503 or 504; the run stops with {"type":"api_error","message":"server failed"}',
    ],
    ['Our proxy maps HTTP 500/502 to {"type":"error","error":{"type":"api_error","message":"Internal"}}'],
    ['When the status code 529 or 503 arrives the tool prints {"type":"api_error","message":"try later"}'],
    ['On any error 500, 502 the agent shows {"type":"api_error","message":"upstream failed"}'],
  ])("reads no status from a list of them: %s", (text) => {
    const d = classify(text);
    expect(d.branch).toBe("api_error");
    expect(d.evidence.status).toBeNull();
  });

  it("still reads one status after the same keyword", () => {
    const d = classify('The run stopped on HTTP 503 with {"type":"api_error","message":"server failed"}');
    expect(d.evidence.status).toBe(503);
  });

  it.each([
    ["API Error on Vertex AI (429) for every request, quota exceeded", 429, "rate_limit"],
    ["Authentication error (401) when the desktop app calls the model", 401, "authentication"],
    ["The claude request failed (503): upstream connect error or disconnect/reset", 503, null],
    ["Exception raised by the anthropic client (404) model: claude-foo-9 not_found_error", 404, "not_found"],
  ])("reads a status in parentheses after the words of an error: %s", (text, status, branch) => {
    const d = classify(text);
    expect(d.evidence.status).toBe(status);
    if (branch) expect(d.branch).toBe(branch);
  });

  it("reads no status from a number in parentheses after other words", () => {
    const d = classify("Claude wrote 12 files (404) and the session limit reached, resets at 5pm");
    expect(d.evidence.status).toBeNull();
  });

  it.each([
    ['```401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}```', 401],
    ['Log:\n```529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n```', 529],
    ['`429 {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}`', 429],
  ])("reads a status glued to a code fence: %s", (text, status) => {
    expect(classify(text).evidence.status).toBe(status);
  });
});

describe("messages that name no type", () => {
  it.each([
    "Failed to connect to api.anthropic.com: UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "claude: request to https://api.anthropic.com/v1/messages failed, reason: UNABLE_TO_GET_ISSUER_CERT",
    "Unable to reach Claude. SSL certificate error while connecting to api.anthropic.com, check your proxy",
    "TLS certificate verification failed for api.anthropic.com behind the corporate firewall",
  ])("a TLS interception is connection/tls: %s", (text) => {
    expect(classify(text)).toMatchObject({ branch: "connection", variant: "tls" });
  });

  it.each([
    "You’ve hit your limit for Claude messages. Limits will reset at 9:30 AM.",
    "Claude Pro: your message limits will reset at 14:00, please come back later",
    "You've reached the limit for Claude. Limits reset at 6 PM",
  ])("a plan limit that resets at a time is subscription_limit: %s", (text) => {
    expect(classify(text).branch).toBe("subscription_limit");
  });

  it.each([
    "InternalServerException: The system encountered an unexpected error during processing. Try your request again.",
    'Bedrock says "The system encountered an unexpected error during processing." for claude-3-sonnet',
    "bedrock-runtime invoke_model: The system  encountered an unexpected error\nduring processing. Try your request again.",
  ])("Bedrock's internal-error wording is api_error on Bedrock: %s", (text) => {
    const d = classify(text);
    expect(d.branch).toBe("api_error");
    expect(d.evidence.route).toBe("bedrock");
  });
});

describe("more surface and route prints", () => {
  it.each([
    "Unable to connect to Anthropic services\nFailed to connect to api.anthropic.com: ECONNREFUSED",
    "**Failed to connect to api.anthropic.com: ETIMEDOUT**\nPlease check your internet connection",
    "$ claude\nUnable to connect to Anthropic services\nSSL certificate error (SELF_SIGNED_CERT_IN_CHAIN)",
  ])("Claude Code's start-up connection check is Claude Code's: %s", (text) => {
    const d = classify(text);
    expect(d.evidence.surface).toBe("claude-code");
    expect(d.branch).toBe("connection");
  });

  it.each([
    'Error: Could not resolve authentication method. Expected either apiKey or authToken to be set. Or for one of the "X-Api-Key" or "Authorization" headers to be explicitly omitted',
    "anthropic call failed: Could not resolve authentication method. Expected either apiKey or authToken to be set.",
    "[agent] Expected either apiKey or authToken to be set (check your .env) - Could not resolve authentication method",
  ])("the camelCase credentials check is the TypeScript SDK's: %s", (text) => {
    const d = classify(text);
    expect(d.evidence.surface).toBe("sdk-typescript");
    expect(d.branch).toBe("authentication");
  });

  it.each([
    "The model claude-sonnet-4-5@20250929 is not available on your vertex deployment. Try /model to switch.",
    "claude-opus-4-1 is not available on your Vertex deployment; ask your admin to enable this model",
    "Model not found: claude-3-7-sonnet is not enabled on your  vertex  deployment",
  ])("a model missing on the user's Vertex deployment is the Vertex route: %s", (text) => {
    expect(classify(text).evidence.route).toBe("vertex");
  });
});

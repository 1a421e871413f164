import { describe, expect, it } from "vitest";
import type { BranchId } from "../diagnosis";
import { classify } from "./classify";

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

import type { BranchId, Route, Surface } from "../diagnosis";
import { typedMeanings } from "./meanings";

/**
 * The signature table: one record per message shape. The algorithm in classify.ts weighs them; this file
 * is data. Adding a shape is one entry here: its `example` is run as a test case (signatures.test.ts), so
 * every record carries its own one-case test.
 *
 * Sources: keys such as CCI #N, PY, TS, DOC-ERR refer to ../shared/reference/claude-errors.md.
 *
 * Tiers decide which signal wins inside one occurrence: a specific message beats a typed field
 * (error.type, an AWS exception name), which beats a bare HTTP status, which beats an SDK class name,
 * which beats a generic transport word. Within a tier, weights add up.
 *
 * Regex rules: every quantifier that scans pasted text is bounded; a quote may arrive bare, JSON-escaped
 * (\") or as a Python repr quote ('), so quotes are written `\\{0,3}["']`.
 */
export const TIER = { message: 5, type: 4, status: 3, class: 2, generic: 1 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

export type HitFields = {
  status?: number;
  errorType?: string;
  message?: string;
};

export type Signature = {
  id: string;
  label: string;
  pattern: RegExp;
  /** The branch this shape votes for; absent for shapes that only carry facts. */
  branch?: BranchId;
  variant?: string;
  tier?: Tier;
  weight?: number;
  /** False for shapes that carry a status but vote for nothing (a 2xx before the failure). */
  votes?: false;
  /** Ties the paste to Claude (an Anthropic-specific shape). */
  claude?: boolean;
  /** Ties the paste to another provider or service (OpenAI, a tracing backend…). */
  foreign?: boolean;
  surface?: Surface;
  route?: Route;
  streaming?: boolean;
  /** Starts a new error statement: a second head in the same cluster opens a new occurrence. */
  head?: boolean;
  /** An echo of an error (an access-log line), not the error itself: never chosen as primary if anything else is there. */
  incidental?: boolean;
  fields?: (m: RegExpExecArray) => HitFields;
  source: string;
  /** A real or reference-derived paste this signature must fire on, with the branch it must produce. */
  example: { text: string; branch: BranchId };
};

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
/** The status from whichever alternative of a pattern matched (each alternative captures its own). */
const firstStatus = (m: RegExpExecArray): HitFields => {
  const status = num(m.slice(1).find((g) => g !== undefined));
  return status === undefined ? {} : { status };
};

// ---------------------------------------------------------------------------------------------------
// Messages (tier 5): the words that say what happened, whatever the status and type claim.
// ---------------------------------------------------------------------------------------------------
const MESSAGES: Signature[] = [
  {
    id: "msg.credit_balance",
    label: "credit balance too low",
    pattern: /credit\s{1,12}balance\s{1,12}(?:is\s{1,12})?too\s{1,12}low/gi,
    branch: "billing",
    variant: "credits",
    tier: TIER.message,
    claude: true,
    source: "CCI #4684, #66314; claude-quickstarts#229",
    example: {
      text: `Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}`,
      branch: "billing",
    },
  },
  {
    id: "msg.spend_limit",
    label: "spend limit reached",
    pattern:
      /reached\s{1,12}your\s{1,12}specified\s{1,12}(?:workspace\s{1,12})?API\s{1,12}usage\s{1,12}limits/gi,
    branch: "billing",
    variant: "spend_limit",
    tier: TIER.message,
    claude: true,
    source: "CCI #2127; DOC-ERR",
    example: {
      text: `API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"You have reached your specified API usage limits. You will regain access on 2025-07-01 at 00:00 UTC."}}`,
      branch: "billing",
    },
  },
  {
    id: "msg.tier_cap",
    label: "tier monthly spend cap",
    pattern: /enforced_spend_limit_reached|monthly\s{1,12}API\s{1,12}usage\s{1,12}threshold/gi,
    branch: "billing",
    variant: "tier_cap",
    tier: TIER.message,
    weight: 2,
    claude: true,
    source: "DOC-RL",
    example: {
      text: `429 {"type":"error","error":{"type":"rate_limit_error","message":"You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization's API tier. You will regain access on 2026-09-01 at 00:00 UTC.","details":{"error_code":"enforced_spend_limit_reached"}}}`,
      branch: "billing",
    },
  },
  {
    id: "msg.cc_monthly_spend",
    label: "monthly spend limit",
    pattern: /hit\s{1,12}your\s{1,12}monthly\s{1,12}spend\s{1,12}limit/gi,
    branch: "billing",
    variant: "spend_limit",
    tier: TIER.message,
    claude: true,
    surface: "claude-code",
    source: "CCI #67939",
    example: {
      text: "You've hit your monthly spend limit · raise it at claude.ai/settings/usage",
      branch: "billing",
    },
  },
  {
    id: "msg.insufficient_credits",
    label: "insufficient credits (gateway)",
    pattern: /insufficient\s{1,12}credits|more\s{1,12}credits\s{1,12}are\s{1,12}required/gi,
    branch: "billing",
    variant: "credits",
    tier: TIER.message,
    source: "OR-ERR (OpenRouter 402)",
    example: {
      text: `OpenRouter error 402 {"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/settings/credits"}} model anthropic/claude-sonnet-4`,
      branch: "billing",
    },
  },
  {
    id: "msg.account_rate_limit",
    label: "subscription quota (account rate limit)",
    pattern: /exceed\s{1,12}your\s{1,12}account's\s{1,12}rate\s{1,12}limit/gi,
    branch: "subscription_limit",
    tier: TIER.message,
    claude: true,
    source: "CCI #2087, #7157, #11429",
    example: {
      text: `API Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account's rate limit. Please try again later."}}`,
      branch: "subscription_limit",
    },
  },
  {
    id: "msg.usage_limit_reached",
    label: "Claude usage limit reached",
    pattern:
      /Claude(?:\s{1,12}AI)?\s{1,12}usage\s{1,12}limit\s{1,12}reached|\d{1,2}-hour\s{1,12}limit\s{1,12}reached/gi,
    branch: "subscription_limit",
    tier: TIER.message,
    claude: true,
    surface: "claude-code",
    source: "CCI #9236, #7157; CC-ERR",
    example: { text: "Claude AI usage limit reached|1762952400", branch: "subscription_limit" },
  },
  {
    id: "msg.session_weekly_limit",
    label: "session or weekly plan limit",
    pattern:
      /hit\s{1,12}your\s{1,12}(?:session|weekly|daily|opus|5-hour)\s{1,12}limit|out\s{1,12}of\s{1,12}extra\s{1,12}usage/gi,
    branch: "subscription_limit",
    tier: TIER.message,
    claude: true,
    surface: "claude-code",
    source: "CCI #39937; CC-ERR",
    example: { text: "You've hit your weekly limit · resets Mon 12:00am", branch: "subscription_limit" },
  },
  {
    id: "msg.usage_credits_required",
    label: "usage credits required (long context)",
    pattern: /usage\s{1,12}credits\s{1,12}(?:are\s{1,12})?required/gi,
    branch: "subscription_limit",
    variant: "extra_usage_required",
    tier: TIER.message,
    claude: true,
    source: "CCI #61808, #63688",
    example: {
      text: "API Error: Usage credits required for 1M context · run /usage-credits to turn them on, or /model to switch to standard context",
      branch: "subscription_limit",
    },
  },
  {
    id: "msg.per_minute",
    label: "per-minute rate limit",
    pattern:
      /exceeded\s{1,12}your\s{1,12}per-minute\s{1,12}rate\s{1,12}limit|exceed\s{1,12}(?:the\s{1,12}rate\s{1,12}limit\s{1,12}for\s{1,12}your\s{1,12}organization|your\s{1,12}organization's\s{1,12}rate\s{1,12}limit)/gi,
    branch: "rate_limit",
    variant: "per_minute",
    tier: TIER.message,
    claude: true,
    source: "cline/cline#42; OpenHands#9259; CCI #55132",
    example: {
      text: `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': "This request would exceed your organization's rate limit of 30,000 input tokens per minute (org: 00000000-0000-4000-8000-000000000000, model: claude-sonnet-4-6)."}}`,
      branch: "rate_limit",
    },
  },
  {
    id: "msg.acceleration",
    label: "acceleration limit",
    pattern: /acceleration\s{1,12}limit/gi,
    branch: "rate_limit",
    variant: "acceleration",
    tier: TIER.message,
    claude: true,
    source: "DOC-RL",
    example: {
      text: `Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Your usage increased too quickly (acceleration limit). Ramp up gradually.'}}`,
      branch: "rate_limit",
    },
  },
  {
    id: "msg.server_throttle",
    label: "server is temporarily limiting requests",
    pattern:
      /temporarily\s{1,12}limiting\s{1,12}requests|message\\{0,3}["']\s?:\s?\\{0,3}["']Rate\s{1,12}limited\\{0,3}["']|Request\s{1,12}rejected\s{1,12}\(429\)\s{1,12}·\s{1,12}this\s{1,12}may\s{1,12}be\s{1,12}a\s{1,12}temporary\s{1,12}capacity/gi,
    branch: "rate_limit",
    variant: "server_throttle",
    tier: TIER.message,
    claude: true,
    source: "CCI #80342, #68502; CC-ERR",
    example: {
      text: "API Error: Server is temporarily limiting requests (not your usage limit) · Rate limited",
      branch: "rate_limit",
    },
  },
  {
    id: "msg.cc_request_rejected_429",
    label: "request rejected (429)",
    pattern: /Request\s{1,12}rejected\s{1,12}\(429\)/g,
    branch: "rate_limit",
    tier: TIER.message,
    claude: true,
    surface: "claude-code",
    head: true,
    fields: () => ({ status: 429 }),
    source: "CCI #55132; CC-ERR",
    example: { text: "API Error: Request rejected (429) · slow down", branch: "rate_limit" },
  },
  {
    id: "msg.edge_rate_limit",
    label: "edge rate limit (Cloudflare 1015)",
    pattern: /Error\s{1,12}1015\b|You\s{1,12}are\s{1,12}being\s{1,12}rate\s{1,12}limited/gi,
    branch: "rate_limit",
    variant: "edge",
    tier: TIER.message,
    source: "Cloudflare error 1015 pages in front of APIs and relays",
    example: {
      text: "API Error: 429 <title>Access denied | api.anthropic.com used Cloudflare to restrict access</title> Error 1015 You are being rate limited",
      branch: "rate_limit",
    },
  },
  {
    id: "msg.vertex_quota",
    label: "Vertex AI quota exceeded",
    pattern: /Quota\s{1,12}exceeded\s{1,12}for\s{1,12}(?:aiplatform|quota\s{1,12}metric)/gi,
    branch: "rate_limit",
    variant: "cloud_quota",
    tier: TIER.message,
    claude: true,
    route: "vertex",
    source: "cline/cline#651; CCI #1440; PYI #963",
    example: {
      text: `429 [{"error":{"code":429,"message":"Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model with base model: anthropic-claude-3-5-sonnet-v2. Please submit a quota increase request.","status":"RESOURCE_EXHAUSTED"}}]`,
      branch: "rate_limit",
    },
  },
  {
    id: "msg.vertex_resource_exhausted",
    label: "Vertex AI resource exhausted",
    pattern:
      /\b(429)\s{1,12}Resource\s{1,12}exhausted|\bResource\s{1,12}exhausted\.\s{1,12}Please\s{1,12}try\s{1,12}again/gi,
    branch: "rate_limit",
    variant: "cloud_quota",
    tier: TIER.message,
    claude: true,
    route: "vertex",
    fields: firstStatus,
    source: "Vertex AI error-code-429 (shared capacity or quota), as printed by its clients",
    example: {
      text: "429 Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.",
      branch: "rate_limit",
    },
  },
  {
    id: "msg.wrapper_too_many_requests",
    label: "too many requests (workflow tool wording)",
    pattern: /receiving\s{1,12}too\s{1,12}many\s{1,12}requests\s{1,12}from\s{1,12}you/gi,
    branch: "rate_limit",
    tier: TIER.message,
    source: "n8n NodeApiError wording for an upstream 429",
    example: {
      text: "NodeApiError: The service is receiving too many requests from you (Anthropic Chat Model, claude-sonnet-4)",
      branch: "rate_limit",
    },
  },
  {
    id: "msg.bedrock_throttle",
    label: "Bedrock throttling message",
    pattern:
      /Too\s{1,12}many\s{1,12}(?:requests|tokens),\s{1,12}please\s{1,12}wait\s{1,12}before\s{1,12}trying\s{1,12}again|request\s{1,12}rate\s{1,12}is\s{1,12}too\s{1,12}high/gi,
    branch: "rate_limit",
    variant: "cloud_quota",
    tier: TIER.message,
    route: "bedrock",
    source: "AWS re:Post bedrock-throttling-error; i-dot-ai/caddy-chatbot#97",
    example: {
      text: "botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again.",
      branch: "rate_limit",
    },
  },
  {
    // Bedrock's InternalServerException message, often quoted without the exception name.
    id: "msg.bedrock_internal",
    label: "Bedrock internal server error message",
    pattern:
      /The\s{1,12}system\s{1,12}encountered\s{1,12}an\s{1,12}unexpected\s{1,12}error\s{1,12}during\s{1,12}processing/gi,
    branch: "api_error",
    tier: TIER.message,
    route: "bedrock",
    source: "AWS Bedrock InternalServerException (langchain-ai/langchainjs reports)",
    example: {
      text: "InternalServerException: The system encountered an unexpected error during processing. Try your request again.",
      branch: "api_error",
    },
  },
  {
    id: "msg.prompt_too_long",
    label: "prompt is too long",
    pattern: /prompt\s{1,12}(?:is\s{1,12})?too\s{1,12}long|Conversation\s{1,12}too\s{1,12}long/gi,
    branch: "context_window",
    tier: TIER.message,
    claude: true,
    source: "bolt.new#1748; CCI #46348, #26317",
    example: { text: "prompt is too long: 202128 tokens > 200000 maximum", branch: "context_window" },
  },
  {
    id: "msg.context_limit",
    label: "input length and max_tokens exceed context limit",
    pattern:
      /exceed\s{1,12}context\s{1,12}limit|exceeds\s{1,12}(?:the\s{1,12})?(?:model(?:'s)?\s{1,12})?(?:max(?:imum)?\s{1,12})?context\s{1,12}(?:window|length)|context_length_exceeded|ContextWindowExceeded/gi,
    branch: "context_window",
    tier: TIER.message,
    source: "continuedev/continue#6080; CCI #6380; OpenHands#4894",
    example: {
      text: `Error in server: {"type":"error","error":{"type":"invalid_request_error","message":"input length and \`max_tokens\` exceed context limit: 199759 + 8192 > 200000, decrease input length or \`max_tokens\` and try again"}}`,
      branch: "context_window",
    },
  },
  {
    id: "msg.request_too_large",
    label: "request exceeds the maximum size",
    pattern:
      /Request\s{1,12}exceeds\s{1,12}the\s{1,12}maximum\s{1,12}size|Request\s{1,12}too\s{1,12}large\s{1,12}\(max/gi,
    branch: "request_too_large",
    tier: TIER.message,
    claude: true,
    source: "CCI #14567; PYI #938; CC-ERR",
    example: {
      text: `API Error: 413 {"error":{"type":"request_too_large","message":"Request exceeds the maximum size"}}`,
      branch: "request_too_large",
    },
  },
  {
    id: "msg.invalid_key",
    label: "invalid API key",
    pattern:
      /invalid\s{1,12}x-api-key|Invalid\s{1,12}API\s{1,12}key|Missing\s{1,12}API\s{1,12}key|Not\s{1,12}logged\s{1,12}in\s{1,12}·|Invalid\s{1,12}(?:authentication\s{1,12}credentials|bearer\s{1,12}token)/gi,
    branch: "authentication",
    variant: "invalid_key",
    tier: TIER.message,
    claude: true,
    source: "cline/cline#12; CCI #8367, #6893; CC-ERR",
    example: {
      text: `API request failed: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`,
      branch: "authentication",
    },
  },
  {
    id: "msg.oauth_expired",
    label: "OAuth token expired or revoked",
    pattern: /OAuth\s{1,12}(?:access\s{1,12})?token\s{1,12}(?:has\s{1,12})?(?:expired|revoked)/gi,
    branch: "authentication",
    variant: "oauth_expired",
    tier: TIER.message,
    claude: true,
    source: "CCI #6459, #11014; CC-ERR",
    example: {
      text: `API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth token has expired. Please obtain a new token or refresh your existing token."}} · Please run /login`,
      branch: "authentication",
    },
  },
  {
    id: "msg.oauth_unsupported",
    label: "OAuth not supported here",
    pattern: /OAuth\s{1,12}authentication\s{1,12}is\s{1,12}currently\s{1,12}not\s{1,12}supported/gi,
    branch: "authentication",
    variant: "oauth_unsupported",
    tier: TIER.message,
    claude: true,
    source: "CCI #6131; MamoWorks/cc-bridge#15",
    example: {
      text: `API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth authentication is currently not supported."}}`,
      branch: "authentication",
    },
  },
  {
    id: "msg.no_credentials",
    label: "no credentials configured",
    pattern:
      /Could\s{1,12}not\s{1,12}resolve\s{1,12}authentication\s{1,12}method|Expected\s{1,12}either\s{1,12}apiKey\s{1,12}or\s{1,12}authToken/gi,
    branch: "authentication",
    variant: "missing_credentials",
    tier: TIER.message,
    claude: true,
    source: "PY _client.py; TS client.ts; CCI #6893",
    example: {
      text: `TypeError: "Could not resolve authentication method. Expected one of api_key, auth_token, or credentials to be set."`,
      branch: "authentication",
    },
  },
  {
    id: "msg.cors",
    label: "CORS blocked for this organization",
    pattern: /CORS\s{1,12}requests\s{1,12}are\s{1,12}not\s{1,12}allowed/gi,
    branch: "authentication",
    variant: "cors",
    tier: TIER.message,
    claude: true,
    surface: "browser",
    source: "DOC-ERR",
    example: {
      text: `401 {"type":"error","error":{"type":"authentication_error","message":"CORS requests are not allowed for this Organization because of its settings."}}`,
      branch: "authentication",
    },
  },
  {
    id: "msg.org_disabled",
    label: "organization disabled",
    pattern:
      /organization\s{1,12}has\s{1,12}been\s{1,12}disabled|belongs\s{1,12}to\s{1,12}a\s{1,12}disabled\s{1,12}organization/gi,
    branch: "permission",
    variant: "org_disabled",
    tier: TIER.message,
    weight: 2,
    claude: true,
    source: "CCI #19028, #72457; CC-ERR",
    example: {
      text: `API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"This organization has been disabled."}}`,
      branch: "permission",
    },
  },
  {
    id: "msg.oauth_not_allowed",
    label: "subscription access not allowed for the organization",
    pattern:
      /OAuth\s{1,12}authentication\s{1,12}is\s{1,12}currently\s{1,12}not\s{1,12}allowed|oauth_org_not_allowed|disabled\s{1,12}Claude\s{1,12}subscription\s{1,12}access/gi,
    branch: "permission",
    variant: "oauth_org_not_allowed",
    tier: TIER.message,
    weight: 2,
    claude: true,
    source: "CCI #6312, #61869, #65044",
    example: {
      text: `API Error: 403 {"type":"error","error":{"type":"permission_error","message":"OAuth authentication is currently not allowed for this organization."}}`,
      branch: "permission",
    },
  },
  {
    id: "msg.request_not_allowed",
    label: "request not allowed",
    pattern: /\\{0,3}["']Request\s{1,12}not\s{1,12}allowed\\{0,3}["']/gi,
    branch: "permission",
    variant: "edge_block",
    tier: TIER.message,
    source: "CCI #50411",
    example: {
      text: `Please run /login · API Error: 403 {"error":{"type":"forbidden","message":"Request not allowed"}}`,
      branch: "permission",
    },
  },
  {
    id: "msg.vertex_not_allowed",
    label: "project not allowed to use the model",
    pattern: /is\s{1,12}not\s{1,12}allowed\s{1,12}to\s{1,12}use\s{1,12}Publisher\s{1,12}Model/gi,
    branch: "permission",
    variant: "model_access",
    tier: TIER.message,
    claude: true,
    route: "vertex",
    source: "yym68686/uni-api#41",
    example: {
      text: `Error 400: [{'error': {'code': 400, 'message': 'Project \`p\` is not allowed to use Publisher Model \`projects/p/locations/us-east5/publishers/anthropic/models/claude-3-sonnet@20240229\`', 'status': 'FAILED_PRECONDITION'}}]`,
      branch: "permission",
    },
  },
  {
    id: "msg.bedrock_access",
    label: "no access to the model (Bedrock)",
    pattern:
      /You\s{1,12}don't\s{1,12}have\s{1,12}access\s{1,12}to\s{1,12}the\s{1,12}model|Model\s{1,12}use\s{1,12}case\s{1,12}details\s{1,12}have\s{1,12}not\s{1,12}been\s{1,12}submitted/gi,
    branch: "permission",
    variant: "model_access",
    tier: TIER.message,
    route: "bedrock",
    source: "AWS-TS (AccessDeniedException, FTUFormNotFilled)",
    example: {
      text: "botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID.",
      branch: "permission",
    },
  },
  {
    id: "msg.publisher_model_not_found",
    label: "model not found",
    pattern:
      /Publisher\s{1,12}Model\s{1,12}`?projects\/[^\s`'"]{1,300}\s{1,12}(?:was\s{1,12})?not\s{1,12}found|selected\s{1,12}model\s{1,12}\([^)\n]{1,120}\)\.\s{1,12}It\s{1,12}may\s{1,12}not\s{1,12}exist/gi,
    branch: "not_found",
    variant: "model",
    tier: TIER.message,
    claude: true,
    source: "567-labs/instructor#1849; CC-ERR",
    example: {
      text: "There's an issue with the selected model (claude-sonet-4). It may not exist or you may not have access to it. Run /model to select a different one.",
      branch: "not_found",
    },
  },
  {
    id: "msg.model_not_found",
    label: "model not found",
    pattern:
      /\bmodel:\s{1,12}[\w.@:/-]{1,100}\\{0,3}["']\s?\}|requested\s{1,12}resource\s{1,12}could\s{1,12}not\s{1,12}be\s{1,12}found/gi,
    branch: "not_found",
    tier: TIER.message,
    claude: true,
    source: "DOC-ERR",
    example: {
      text: `anthropic.NotFoundError: Error code: 404 - {'type': 'error', 'error': {'type': 'not_found_error', 'message': 'model: claude-3-opus-latest'}}`,
      branch: "not_found",
    },
  },
  {
    id: "msg.bedrock_inference_profile",
    label: "on-demand throughput not supported (needs an inference profile)",
    pattern: /with\s{1,12}on-demand\s{1,12}throughput\s{1,12}isn.t\s{1,12}supported/gi,
    branch: "invalid_request",
    variant: "model_id_form",
    tier: TIER.message,
    claude: true,
    route: "bedrock",
    source: "CCI #110, #1466; terricain/aioboto3#352",
    example: {
      text: "API Error: 400 Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
      branch: "invalid_request",
    },
  },
  {
    id: "msg.request_shape",
    label: "request structure rejected",
    pattern:
      /roles\s{1,12}must\s{1,12}alternate|ids\s{1,12}were\s{1,12}found\s{1,12}without\s{1,12}`?tool_result|unexpected\s{1,12}`?tool_use_id|Extra\s{1,12}inputs\s{1,12}are\s{1,12}not\s{1,12}permitted|must\s{1,12}be\s{1,12}greater\s{1,12}than\s{1,12}thinking\.budget_tokens|is\s{1,12}not\s{1,12}supported\s{1,12}for\s{1,12}this\s{1,12}model|Unexpected\s{1,12}value\(s\)\s{1,12}for\s{1,12}the\s{1,12}`?anthropic-beta|text\s{1,12}content\s{1,12}blocks\s{1,12}must\s{1,12}be\s{1,12}non-empty|image\s{1,12}dimensions\s{1,12}exceed|Field\s{1,12}required|anthropic-workspace-id\s{1,12}(?:is\s{1,12}required|header\s{1,12}must)/gi,
    branch: "invalid_request",
    tier: TIER.message,
    claude: true,
    source: "CC-ERR; anthropic claude-api skill error-codes; anomalyco/opencode#22364",
    example: {
      text: `Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"messages: roles must alternate between \\"user\\" and \\"assistant\\", but found multiple \\"user\\" roles in a row"}}`,
      branch: "invalid_request",
    },
  },
  {
    id: "msg.output_limit",
    label: "response exceeded the output token maximum",
    pattern: /response\s{1,12}exceeded\s{1,12}the\s{1,12}\d{1,7}\s{1,12}output\s{1,12}token\s{1,12}maximum/gi,
    branch: "invalid_request",
    variant: "output_limit",
    tier: TIER.message,
    claude: true,
    surface: "claude-code",
    source: "CCI #6158, #18373",
    example: {
      text: "API Error: Claude's response exceeded the 32000 output token maximum. To configure this behavior, set the CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable.",
      branch: "invalid_request",
    },
  },
  {
    id: "msg.policy_refusal",
    label: "usage policy refusal",
    pattern: /appears\s{1,12}to\s{1,12}violate\s{1,12}our\s{1,12}Usage\s{1,12}Policy/gi,
    branch: "invalid_request",
    variant: "policy_refusal",
    tier: TIER.message,
    claude: true,
    source: "CCI #61645",
    example: {
      text: "API Error: Claude Code is unable to respond to this request, which appears to violate our Usage Policy (https://www.anthropic.com/legal/aup). Request ID: req_011CSHoEeqs5C35K2UUqR7Fy",
      branch: "invalid_request",
    },
  },
  {
    id: "msg.streaming_required",
    label: "streaming required for long requests",
    pattern:
      /Streaming\s{1,12}is\s{1,12}(?:strongly\s{1,12}recommended|required)\s{1,12}for\s{1,12}operations\s{1,12}that\s{1,12}may\s{1,12}take\s{1,12}longer\s{1,12}than\s{1,12}10\s{1,12}minutes/gi,
    branch: "invalid_request",
    variant: "streaming_required",
    tier: TIER.message,
    claude: true,
    source: "PY _base_client.py (non-streaming call expected to exceed 10 minutes)",
    example: {
      text: "ValueError: Streaming is required for operations that may take longer than 10 minutes. See https://github.com/anthropics/anthropic-sdk-python#long-requests for more details",
      branch: "invalid_request",
    },
  },
  {
    id: "msg.no_permission",
    label: "key lacks permission",
    pattern:
      /does\s{1,12}not\s{1,12}have\s{1,12}permission\s{1,12}to\s{1,12}use|not\s{1,12}authorized\s{1,12}to\s{1,12}perform:\s{1,12}bedrock:|Just\s{1,12}a\s{1,12}moment\.\.\.<\/title>/gi,
    branch: "permission",
    tier: TIER.message,
    source: "DOC-ERR (permission_error); AWS-TS (AccessDenied IAM text); CCI #30437 (Cloudflare challenge)",
    example: {
      text: `anthropic.PermissionDeniedError: Error code: 403 - {'type': 'error', 'error': {'type': 'permission_error', 'message': 'Your API key does not have permission to use the specified resource.'}}`,
      branch: "permission",
    },
  },
  {
    id: "msg.missing_key_header",
    label: "API key header missing",
    pattern:
      /x-api-key\s{1,12}header\s{1,12}is\s{1,12}required|security\s{1,12}token\s{1,12}included\s{1,12}in\s{1,12}the\s{1,12}request\s{1,12}is\s{1,12}(?:invalid|expired)/gi,
    branch: "authentication",
    variant: "invalid_key",
    tier: TIER.message,
    source: "DOC-ERR (401); AWS STS UnrecognizedClient/ExpiredToken texts",
    example: {
      text: `Error: 401 {"type":"error","error":{"type":"authentication_error","message":"x-api-key header is required"}}`,
      branch: "authentication",
    },
  },
  {
    id: "msg.model_does_not_exist",
    label: "model does not exist",
    pattern:
      /\bmodel\b[^\n]{0,120}?\s(?:does\s{1,12}not\s{1,12}exist|is\s{1,12}not\s{1,12}a\s{1,12}valid\s{1,12}model)/gi,
    branch: "not_found",
    variant: "model",
    tier: TIER.message,
    source: "OpenAI-compatible gateways (OpenRouter, LiteLLM proxy) naming an unknown Claude model",
    example: {
      text: `Error code: 404 - {'error': {'message': 'The model anthropic/claude-opus-9 does not exist', 'code': 404}}`,
      branch: "not_found",
    },
  },
  {
    id: "msg.envoy_reset",
    label: "upstream reset before headers",
    pattern:
      /upstream\s{1,12}connect\s{1,12}error\s{1,12}or\s{1,12}disconnect\/reset\s{1,12}before\s{1,12}headers|no\s{1,12}healthy\s{1,12}upstream/gi,
    branch: "api_error",
    variant: "edge_proxy",
    tier: TIER.message,
    source:
      "Envoy proxy replies (via: 1.1 google / x-envoy headers on api.anthropic.com, claude-errors.md §1.4)",
    example: {
      text: "anthropic.InternalServerError: Error code: 503 - upstream connect error or disconnect/reset before headers. reset reason: connection termination",
      branch: "api_error",
    },
  },
  {
    id: "msg.overloaded_friendly",
    label: "Overloaded (Claude Code wording)",
    pattern:
      /\b529\s{1,12}Overloaded|Repeated\s{1,12}529|experiencing\s{1,12}high\s{1,12}load|Bedrock\s{1,12}is\s{1,12}unable\s{1,12}to\s{1,12}process\s{1,12}your\s{1,12}request/gi,
    branch: "overloaded",
    tier: TIER.message,
    fields: (m) => (/529/.test(m[0]) ? { status: 529 } : {}),
    source: "CCI #61365, #91817; CC-ERR; darko-mesaros/bedrust#47",
    example: {
      text: "API Error: 529 Overloaded. This is a server-side issue, usually temporary — try again in a moment. If it persists, check status.claude.com.",
      branch: "overloaded",
    },
  },
  {
    id: "msg.internal_server_error",
    label: "Internal server error",
    pattern:
      /\\{0,3}["']Internal\s{1,12}server\s{1,12}error\\{0,3}["']|\b500\s{1,12}Internal\s{1,12}server\s{1,12}error\.\s{1,12}This\s{1,12}is\s{1,12}a\s{1,12}server-side/gi,
    branch: "api_error",
    tier: TIER.message,
    source: "CCI #24820, #59744",
    example: {
      text: `API Error: 500 {"type":"error","error":{"type":"api_error","message":"Internal server error"},"request_id":"req_011CXmPxB18vUhfiqmh7azmx"}`,
      branch: "api_error",
    },
  },
  {
    id: "msg.cloudflare_5xx",
    label: "edge error page",
    pattern:
      /\|\s{1,12}(5(?:0[23]|2[0-37])):\s{1,12}[A-Z][\w -]{1,60}|<title>\s{0,12}(50[23])\s{1,12}Bad\s{1,12}Gateway|<center>cloudflare<\/center>|Cloudflare\s{1,12}encountered\s{1,12}an\s{1,12}error|\\{0,3}["']cloudflare_error\\{0,3}["']\s?:\s?true|Error\s{1,12}(52[0-3]):/gi,
    branch: "api_error",
    variant: "edge_proxy",
    tier: TIER.message,
    fields: firstStatus,
    source: "CCI #70128, #3919, #3197, #6341, #67341",
    example: {
      text: "API Error (502 <html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>)",
      branch: "api_error",
    },
  },
  {
    id: "msg.edge_timeout",
    label: "edge timeout page",
    pattern:
      /\|\s{1,12}(504|524):\s{1,12}(?:Gateway\s{1,12}time-?out|A\s{1,12}timeout\s{1,12}occurred)|<title>\s{0,12}(504)\s{1,12}Gateway\s{1,12}Time-?out|Error\s{1,12}(52[24]):\s{1,12}A\s{1,12}timeout/gi,
    branch: "timeout",
    variant: "edge",
    tier: TIER.message,
    fields: firstStatus,
    source: "CCI #6781, #16737",
    example: {
      text: "API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 5 seconds… (attempt 4/10)",
      branch: "timeout",
    },
  },
  {
    id: "msg.request_timed_out",
    label: "request timed out",
    pattern:
      /Request\s{1,12}timed\s{1,12}out|timed\s{1,12}out\s{1,12}or\s{1,12}interrupted|\\{0,3}["']Request\s{1,12}timeout\\{0,3}["']/gi,
    branch: "timeout",
    variant: "client",
    tier: TIER.message,
    source: "PY _exceptions.py; TS core/error.ts; CCI #2728, #5954",
    example: { text: "API Error: Request timed out.", branch: "timeout" },
  },
  {
    id: "msg.unable_to_connect",
    label: "unable to connect to the API",
    pattern:
      /(?:Unable|Cannot)\s{1,12}to\s{1,12}connect\s{1,12}to\s{1,12}API|Cannot\s{1,12}connect\s{1,12}to\s{1,12}API|Connection\s{1,12}error\.|APIConnectionError:\s{1,12}Connection\s{1,12}error/gi,
    branch: "connection",
    tier: TIER.message,
    claude: true,
    source: "CC-ERR; CCI #4574, #42949; PY/TS APIConnectionError",
    example: { text: "API Error: Unable to connect to API (ECONNRESET)", branch: "connection" },
  },
  {
    id: "msg.tls",
    label: "TLS certificate problem",
    pattern:
      /self[-\s]signed\s{1,12}certificate|SELF_SIGNED_CERT_IN_CHAIN|CERTIFICATE_VERIFY_FAILED|unable\s{1,12}to\s{1,12}get\s{1,12}(?:local\s{1,12})?issuer\s{1,12}certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable\s{1,12}to\s{1,12}verify\s{1,12}the\s{1,12}first\s{1,12}certificate|CERT_HAS_EXPIRED|certificate\s{1,12}has\s{1,12}expired/gi,
    branch: "connection",
    variant: "tls",
    tier: TIER.message,
    weight: 2,
    source: "CCI #8054, #74369, #20194; langchain-ai/open_deep_research#136",
    example: {
      text: "API Error (Connection error.) · Retrying in 4 seconds… (attempt 4/10)\n    ⎿  Error (self signed certificate in certificate chain) (SELF_SIGNED_CERT_IN_CHAIN)",
      branch: "connection",
    },
  },
  {
    // Kept apart from msg.tls: one alternation with both costs several times the two scans.
    id: "msg.tls_code",
    label: "TLS certificate problem (error code)",
    pattern:
      /UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?\b|(?:SSL|TLS)\s{1,12}certificate\s{1,12}(?:error|problem|verification\s{1,12}failed)/gi,
    branch: "connection",
    variant: "tls",
    tier: TIER.message,
    weight: 2,
    source: "Node/Bun TLS error codes; Claude Code's start-up check ('SSL certificate error (…)')",
    example: {
      text: "Failed to connect to api.anthropic.com: UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      branch: "connection",
    },
  },
  {
    id: "msg.stream_dropped",
    label: "connection closed mid-stream",
    pattern:
      /peer\s{1,12}closed\s{1,12}connection\s{1,12}without\s{1,12}sending\s{1,12}complete\s{1,12}message\s{1,12}body|socket\s{1,12}connection\s{1,12}was\s{1,12}closed\s{1,12}unexpectedly|TypeError:\s{1,12}terminated|incomplete\s{1,12}chunked\s{1,12}read|stream\s{1,12}ended\s{1,12}without\s{1,12}producing/gi,
    branch: "connection",
    variant: "stream_dropped",
    tier: TIER.message,
    source: "jakobdylanc/llmcord#46; CCI #68918; TSI #774",
    example: {
      text: "litellm.APIConnectionError: AnthropicException - peer closed connection without sending complete message body (incomplete chunked read)",
      branch: "connection",
    },
  },
  {
    id: "msg.proxy_auth",
    label: "proxy authentication required",
    pattern:
      /407\s{1,12}Proxy\s{1,12}Authentication\s{1,12}Required|tunneling\s{1,12}socket\s{1,12}could\s{1,12}not\s{1,12}be\s{1,12}established/gi,
    branch: "connection",
    variant: "proxy",
    tier: TIER.message,
    source: "claude-errors.md §6 (proxy auth, expected shape)",
    example: {
      text: "API Error (Connection error.) · Retrying in 1 seconds… (attempt 1/10)\n  ⎿  Error (tunneling socket could not be established, statusCode=407)",
      branch: "connection",
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// Typed fields (tier 4): error.type values, AWS exception names, Google status strings, specific classes.
// ---------------------------------------------------------------------------------------------------
const TYPE_BRANCH: Record<string, BranchId> = {
  invalid_request_error: "invalid_request",
  authentication_error: "authentication",
  billing_error: "billing",
  permission_error: "permission",
  not_found_error: "not_found",
  rate_limit_error: "rate_limit",
  timeout_error: "timeout",
  overloaded_error: "overloaded",
  api_error: "api_error",
  request_too_large: "request_too_large",
  forbidden: "permission",
};

const SHARED_TYPE_NAMES = new Set([
  "invalid_request_error",
  "authentication_error",
  "api_error",
  "forbidden",
]);

const typeSignature = (errorType: string, branch: BranchId): Signature => ({
  id: `type.${errorType}`,
  label: `error.type ${errorType}`,
  // `type` key, any quoting (JSON, escaped JSON, Python repr, JS object literal), then the value.
  // Any white space after the colon: a wrapped or pretty-printed body breaks the line there.
  pattern: new RegExp(`\\btype\\\\{0,3}["']?\\s?:\\s{0,16}\\\\{0,3}["']${errorType}\\\\{0,3}["']`, "g"),
  branch,
  tier: TIER.type,
  // OpenAI and OpenAI-compatible gateways use some of the same type names: only Anthropic's own tie a paste to Claude.
  claude: !SHARED_TYPE_NAMES.has(errorType),
  fields: () => ({ errorType }),
  source: "DOC-ERR §1.1; DOC-SHARED",
  example: {
    text: `Error: ${branch === "overloaded" ? 529 : 400} {"type":"error","error":{"type":"${errorType}","message":"x"}}`,
    branch: errorType === "invalid_request_error" ? "invalid_request" : branch,
  },
});

// AWS exception names and the protocol's own errors: rows of the (route, status, type) table.
const AWS_EXCEPTIONS: Array<[string, BranchId, string | undefined]> = typedMeanings("bedrock").map((m) => [
  m.type as string,
  m.branch,
  m.variant,
]);

const awsSignature = ([name, branch, variant]: [string, BranchId, string | undefined]): Signature => {
  const first = name[0] ?? "";
  const rest = name.slice(1);
  return {
    id: `aws.${name}`,
    label: `AWS ${name}`,
    // botocore event streams write the name lower-camel (throttlingException): accept either first letter.
    pattern: new RegExp(`\\b[${first}${first.toLowerCase()}]${rest}\\b`, "g"),
    branch,
    variant,
    tier: TIER.type,
    route: "bedrock",
    fields: (m) => ({ errorType: m[0] }),
    source: "AWS-TS; aws-sdk-bedrockruntime Error enum",
    example: {
      text: `botocore.errorfactory.${name}: An error occurred (${name}) when calling the InvokeModel operation: failed`,
      branch,
    },
  };
};

const GOOGLE_STATUS: Array<[string, BranchId]> = [
  ["RESOURCE_EXHAUSTED", "rate_limit"],
  ["NOT_FOUND", "not_found"],
  ["PERMISSION_DENIED", "permission"],
  ["UNAUTHENTICATED", "authentication"],
  ["INVALID_ARGUMENT", "invalid_request"],
  ["FAILED_PRECONDITION", "invalid_request"],
  ["UNAVAILABLE", "overloaded"],
  ["DEADLINE_EXCEEDED", "timeout"],
];

/** `RESOURCE_EXHAUSTED` → `ResourceExhausted`. */
const camel = (name: string): string =>
  name
    .split("_")
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join("");

const googleSignature = ([name, branch]: [string, BranchId]): Signature => ({
  id: `google.${name}`,
  label: `Google status ${name}`,
  // `"status": "RESOURCE_EXHAUSTED"` in the body, or `404 NOT_FOUND.` printed by google-api-core.
  // Also the token forms other printers use: `with code RESOURCE_EXHAUSTED`, grpc-python's
  // `StatusCode.RESOURCE_EXHAUSTED`, grpc-go's `code = ResourceExhausted` (the name camel-cased).
  pattern: new RegExp(
    `status\\\\{0,3}["']\\s?:\\s{0,16}\\\\{0,3}["']${name}\\b|\\b\\d{3}\\s${name}\\b|\\b(?:code|status)\\s${name}\\b|\\bStatusCode\\.${name}\\b|\\bcode\\s=\\s${camel(name)}\\b`,
    "g",
  ),
  branch,
  tier: TIER.type,
  route: "vertex",
  fields: () => ({ errorType: name }),
  source: "cline/cline#651; 567-labs/instructor#1849; yym68686/uni-api#41",
  example: {
    text: `Vertex error for claude-sonnet-4@20250514: {"error":{"code":400,"message":"x","status":"${name}"}}`,
    branch,
  },
});

const TYPES: Signature[] = [
  ...Object.entries(TYPE_BRANCH).map(([t, b]) => typeSignature(t, b)),
  ...AWS_EXCEPTIONS.map(awsSignature),
  ...GOOGLE_STATUS.map(googleSignature),
  {
    id: "type.unknown_error_type",
    label: "error.type",
    // A future or gateway-specific `*_error` type: recorded as evidence, votes for nothing.
    pattern:
      /\\{0,3}["']error\\{0,3}["']\s?:\s?\{\s?(?:\\{0,3}["']details\\{0,3}["']\s?:\s?(?:null|None)\s?,\s?)?\\{0,3}["']type\\{0,3}["']\s?:\s?\\{0,3}["']([a-z_]{2,40})\\{0,3}["']/g,
    fields: (m) => ({ errorType: m[1] }),
    source: "DOC-ERR: the set of types may grow",
    example: {
      text: `{"type":"error","error":{"type":"teapot_error","message":"x"}} from claude-sonnet-4`,
      branch: "unknown",
    },
  },
  {
    id: "class.overloaded_error",
    label: "OverloadedError",
    pattern: /\bOverloadedError\b/g,
    branch: "overloaded",
    tier: TIER.type,
    claude: true,
    head: true,
    source: "PY _exceptions.py (≥0.47.0)",
    example: { text: "anthropic.OverloadedError: Error code: 529", branch: "overloaded" },
  },
  {
    id: "class.request_too_large",
    label: "RequestTooLargeError",
    pattern: /\bRequestTooLargeError\b/g,
    branch: "request_too_large",
    tier: TIER.type,
    claude: true,
    head: true,
    source: "PY _exceptions.py (≥0.47.0)",
    example: {
      text: "anthropic._exceptions.RequestTooLargeError: Error code: 413",
      branch: "request_too_large",
    },
  },
  {
    id: "class.timeout",
    label: "SDK timeout error",
    pattern: /\b(?:APITimeoutError|APIConnectionTimeoutError|ReadTimeout|DeadlineExceededError)\b/g,
    branch: "timeout",
    variant: "client",
    tier: TIER.type,
    head: true,
    source: "PY _exceptions.py; TS core/error.ts; undici",
    example: { text: "anthropic.APITimeoutError: Request timed out.", branch: "timeout" },
  },
  {
    id: "class.connect_timeout",
    label: "connect timeout",
    // The connection never opened, so no HTTP response came back: a connection failure, not a slow answer.
    // (Wrapped by the SDK as APITimeoutError "Request timed out", the documented timeout branch wins.)
    pattern: /\b(?:ConnectTimeoutError|ConnectTimeout|UND_ERR_CONNECT_TIMEOUT)\b|connect\s{1,12}ETIMEDOUT/g,
    branch: "connection",
    variant: "connect_timeout",
    tier: TIER.type,
    source: "httpx ConnectTimeout; undici ConnectTimeoutError (TS client.ts comment)",
    example: {
      text: "ConnectTimeoutError: Connect Timeout Error (attempted address: api.anthropic.com:443, timeout: 10000ms)",
      branch: "connection",
    },
  },
  {
    id: "class.context_window_exceeded",
    label: "ContextWindowExceededError",
    pattern: /\bContextWindowExceededError\b/g,
    branch: "context_window",
    tier: TIER.type,
    source: "OpenHands/OpenHands#4894 (LiteLLM)",
    example: {
      text: "litellm.BadRequestError: litellm.ContextWindowExceededError: AnthropicError - too long",
      branch: "context_window",
    },
  },
  {
    id: "msg.overloaded_bare",
    label: "message: Overloaded",
    // The bare word is weak on its own: a 500 typed api_error whose message says Overloaded stays api_error.
    pattern:
      /message\\{0,3}["']?\s?:\s?\\{0,3}["']Overloaded\\{0,3}["']|Exception\s{1,12}-\s{1,12}Overloaded\b|\(Overloaded\)/g,
    branch: "overloaded",
    tier: TIER.status,
    claude: true,
    source: "CCI #4248, #8118; Aider-AI/aider#957",
    example: {
      text: "litellm.InternalServerError: AnthropicException - Overloaded. Handle with `litellm.InternalServerError`.",
      branch: "overloaded",
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// Statuses (tier 3): the number alone; the branch comes from STATUS_BRANCH in classify.ts.
// ---------------------------------------------------------------------------------------------------
const statusField = (m: RegExpExecArray): HitFields => ({ status: num(m[1]) });

const STATUSES: Signature[] = [
  {
    id: "status.claude_code",
    label: "API Error status",
    pattern: /API\s{1,12}Error:?\s{0,12}\(?\s{0,12}([45]\d\d)\b/g,
    tier: TIER.status,
    claude: true,
    surface: "claude-code",
    head: true,
    fields: statusField,
    source: "CCI #5184, #35792, #61365",
    example: { text: "API Error: 529 something odd happened", branch: "overloaded" },
  },
  {
    // Claude Code's banner as its /bug template renders it: lower-case, opening the line, the SDK's body after.
    id: "status.claude_code_bug",
    label: "API error status (bug report)",
    pattern: /^[ \t>*-]{0,8}API\s{1,12}error:\s{1,12}([45]\d\d)\s{1,4}\{\s{0,4}"type"\s?:\s?"error"/gm,
    tier: TIER.status,
    claude: true,
    surface: "claude-code",
    head: true,
    fields: statusField,
    source: "Claude Code /bug report template",
    example: {
      text: 'API error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      branch: "overloaded",
    },
  },
  {
    id: "status.python_sdk",
    label: "Error code",
    pattern: /Error\s{1,12}code:\s{1,12}([45]\d\d)\b/g,
    tier: TIER.status,
    head: true,
    fields: statusField,
    source: "PY _base_client.py",
    example: {
      text: "anthropic.InternalServerError: Error code: 500 - {'type': 'error', 'error': {'type': 'api_error', 'message': 'x'}}",
      branch: "api_error",
    },
  },
  {
    id: "status.with_body",
    label: "status with error body",
    // TS SDK `${status} ${JSON}` or `${status} status code (no body)`, Claude Code `/bug` arrays, Vertex
    // `429 [{"error":…`, the Java SDK's `529: {…}`, axios' `Request failed with status code 529`, and the
    // same glued to a Markdown code fence (```` ```401 {…} ````).
    pattern:
      /(?:^|[\s:"'(`])([45]\d\d):?\s{1,16}(?:\[?\{\s{0,16}\\{0,3}["']?(?:type|error)\b|status\scode\s\(no\sbody\))|\bstatus\scode\s([45]\d\d)\b(?!,\s?[45]\d\d|\s?\/\s?[45]\d\d|\s(?:or|and)\s[45]\d\d)/gm,
    tier: TIER.status,
    head: true,
    fields: firstStatus,
    source: "TS core/error.ts makeMessage; CCI #35792",
    example: {
      text: `Error: 401 {"type":"error","error":{"type":"authentication_error","message":"x"}}`,
      branch: "authentication",
    },
  },
  {
    id: "status.field",
    label: "status field",
    pattern:
      /\b(?:status|statusCode|status_code|httpStatusCode|code)\\{0,3}["']?\s?[:=]\s{0,16}\\{0,3}["']?([45]\d\d)\b/g,
    tier: TIER.status,
    fields: statusField,
    source: "TSI #616 (status: 529); posit-dev/positron#7844 (httpStatusCode); Vertex error.code",
    example: {
      text: `{"name":"ThrottlingException","$metadata":{"httpStatusCode":429}}`,
      branch: "rate_limit",
    },
  },
  {
    id: "status.http_line",
    label: "HTTP status line",
    pattern: /^[<\s]{0,4}HTTP\/[12](?:\.[01])?\s([45]\d\d)\b/gm,
    tier: TIER.status,
    surface: "curl",
    head: true,
    fields: statusField,
    source: "curl -i / -v transcripts",
    example: {
      text: '< HTTP/2 529\n< request-id: req_011CZAau32QzxDkriovTaFCB\n\n{"type":"error"}',
      branch: "overloaded",
    },
  },
  {
    id: "status.reason_phrase",
    label: "status with reason phrase",
    pattern:
      /\b([45]\d\d)\s{1,16}(?:Bad\s{1,16}Request|Unauthorized|Payment\s{1,16}Required|Forbidden|Not\s{1,16}Found|Request\s{1,16}Timeout|Conflict|Payload\s{1,16}Too\s{1,16}Large|Content\s{1,16}Too\s{1,16}Large|Request\s{1,16}Entity\s{1,16}Too\s{1,16}Large|Unprocessable\s{1,16}Entity|Too\s{1,16}Many\s{1,16}Requests|Internal\s{1,16}Server\s{1,16}Error|Bad\s{1,16}Gateway|Service\s{1,16}Unavailable|Gateway\s{1,16}Time-?out|(?:Server|Client)\s{1,16}Error)\b/gi,
    tier: TIER.status,
    fields: statusField,
    source: "RFC 9110 reason phrases, as proxies and gateways print them",
    example: { text: "claude-opus-4 via api.anthropic.com → 401 Unauthorized", branch: "authentication" },
  },
  {
    id: "status.google_api_core",
    label: "Google API exception",
    // google-api-core prints `google.api_core.exceptions.<Class>: <status> <message>` (Vertex AI clients).
    pattern: /google\.api_core\.exceptions\.([A-Z]\w{2,40}):\s([45]\d\d)\b/g,
    tier: TIER.status,
    claude: true,
    route: "vertex",
    head: true,
    fields: (m) => ({ status: num(m[2]), errorType: m[1] }),
    source: "google-api-core exceptions (Vertex AI Python clients)",
    example: {
      text: "google.api_core.exceptions.PermissionDenied: 403 Permission 'aiplatform.endpoints.predict' denied on resource (or it may not exist).",
      branch: "permission",
    },
  },
  {
    id: "status.access_log",
    label: "access-log status",
    pattern: /"(?:POST|GET|PUT|DELETE)\s[^"\n]{1,200}HTTP\/[\d.]{1,3}"\s([45]\d\d)\b/g,
    tier: TIER.status,
    incidental: true,
    fields: statusField,
    source: "uvicorn/nginx access logs around gateway errors (yym68686/uni-api#41)",
    example: {
      text: `INFO: 10.0.0.2:35400 - "POST /v1/messages HTTP/1.1" 429 Too Many Requests for claude-sonnet-4`,
      branch: "rate_limit",
    },
  },
  {
    id: "status.error_nnn",
    label: "Error status",
    pattern: /\bError\s([45]\d\d)\b/g,
    tier: TIER.status,
    fields: statusField,
    source: "gateway log lines (yym68686/uni-api#41)",
    example: { text: "Error 403 with provider anthropic: claude-sonnet-4 refused", branch: "permission" },
  },
];

// ---------------------------------------------------------------------------------------------------
// SDK and gateway class names (tier 2): they mirror a status, so a more specific signal overrides them.
// ---------------------------------------------------------------------------------------------------
const classSignature = (name: string, branch: BranchId, source: string): Signature => ({
  id: `class.${name}`,
  label: name,
  pattern: new RegExp(`\\b${name}\\b`, "g"),
  branch,
  tier: TIER.class,
  head: true,
  source,
  example: { text: `anthropic.${name}: something failed`, branch },
});

const CLASSES: Signature[] = [
  classSignature("BadRequestError", "invalid_request", "PY/TS _exceptions"),
  classSignature("AuthenticationError", "authentication", "PY/TS _exceptions"),
  classSignature("PermissionDeniedError", "permission", "PY/TS _exceptions"),
  classSignature("NotFoundError", "not_found", "PY/TS _exceptions"),
  classSignature("UnprocessableEntityError", "invalid_request", "PY/TS _exceptions"),
  classSignature("RateLimitError", "rate_limit", "PY/TS _exceptions; LiteLLM"),
  classSignature("InternalServerError", "api_error", "PY/TS _exceptions (TS also for 529)"),
  classSignature("ServiceUnavailableError", "overloaded", "PY lib/bedrock, lib/vertex"),
  classSignature("APIConnectionError", "connection", "PY/TS _exceptions"),
  // The Java SDK names its classes *Exception (com.anthropic.errors).
  classSignature("UnauthorizedException", "authentication", "anthropic-sdk-java com.anthropic.errors"),
  classSignature("PermissionDeniedException", "permission", "anthropic-sdk-java com.anthropic.errors"),
  classSignature("NotFoundException", "not_found", "anthropic-sdk-java com.anthropic.errors"),
  classSignature("BadRequestException", "invalid_request", "anthropic-sdk-java com.anthropic.errors"),
  classSignature("RateLimitException", "rate_limit", "anthropic-sdk-java com.anthropic.errors"),
  classSignature("InternalServerException", "api_error", "anthropic-sdk-java com.anthropic.errors"),
  classSignature("AnthropicIoException", "connection", "anthropic-sdk-java com.anthropic.errors"),
];

// ---------------------------------------------------------------------------------------------------
// Generic transport words (tier 1): only decide when nothing better is there.
// ---------------------------------------------------------------------------------------------------
const GENERIC: Signature[] = [
  {
    id: "net.dns",
    label: "DNS lookup failed",
    pattern:
      /\b(?:ENOTFOUND|EAI_AGAIN)\b|getaddrinfo\s{1,12}failed|Name\s{1,12}or\s{1,12}service\s{1,12}not\s{1,12}known|nodename\s{1,12}nor\s{1,12}servname/g,
    branch: "connection",
    variant: "dns",
    tier: TIER.generic,
    weight: 2,
    source: "continuedev/continue#12791; Node errno",
    example: {
      text: "Provider: bedrock\nThe pending stream has been canceled (caused by: getaddrinfo ENOTFOUND bedrock-runtime.undefined.amazonaws.com)",
      branch: "connection",
    },
  },
  {
    id: "net.errno",
    label: "connection refused or reset",
    pattern:
      /\b(?:ECONNRESET|ECONNREFUSED|EPIPE|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET|ECONNABORTED)\b|Connection\s{1,12}(?:refused|reset\s{1,12}by\s{1,12}peer)|RemoteProtocolError|fetch\s{1,12}failed|ConnectError|Network\s{1,12}is\s{1,12}unreachable|socket\s{1,12}hang\s{1,12}up|UND_ERR_CONNECT_TIMEOUT|Server\s{1,12}disconnected\s{1,12}without\s{1,12}sending/g,
    branch: "connection",
    tier: TIER.generic,
    source: "Node errno; httpx; undici (CC-ERR, CCI #4574)",
    example: {
      text: "anthropic.APIConnectionError: Connection refused by api.anthropic.com",
      branch: "connection",
    },
  },
  {
    id: "net.timeout_errno",
    label: "connection timed out",
    pattern: /\bETIMEDOUT\b/g,
    branch: "connection",
    tier: TIER.generic,
    source: "Node errno (CC-ERR: Unable to connect to API (ETIMEDOUT))",
    example: { text: "API Error: Unable to connect to API (ETIMEDOUT)", branch: "connection" },
  },
  {
    id: "word.overloaded",
    label: "overloaded",
    pattern: /\boverloaded\b/gi,
    branch: "overloaded",
    tier: TIER.generic,
    source: "free-text overload reports from wrappers that drop the status (claude-errors.md §9)",
    example: { text: "ChatAnthropic error: Anthropic API is overloaded, giving up", branch: "overloaded" },
  },
  {
    id: "word.rate_limit_exceeded",
    label: "rate limit exceeded",
    pattern: /\brate[\s_-]limit(?:ed|\s{1,12}exceeded|\s{1,12}reached)\b/gi,
    branch: "rate_limit",
    tier: TIER.generic,
    source: "gateway and wrapper wording (OpenRouter, LiteLLM proxy)",
    example: {
      text: "OpenRouter: Rate limit exceeded: free-models-per-min for anthropic/claude-3-haiku",
      branch: "rate_limit",
    },
  },
  {
    id: "net.timed_out",
    label: "timed out",
    pattern: /\btimed\s{1,12}out\b/gi,
    branch: "timeout",
    tier: TIER.generic,
    source: "TS client.ts treats /timed? ?out/i as a timeout",
    example: { text: "claude-sonnet-4 call via api.anthropic.com: read timed out", branch: "timeout" },
  },
];

// ---------------------------------------------------------------------------------------------------
// Facts: surface, route, streaming, Claude or foreign context. They vote for no branch.
// ---------------------------------------------------------------------------------------------------
const fact = (s: Omit<Signature, "example"> & { example?: Signature["example"] }): Signature => ({
  example: s.example ?? { text: "", branch: "unknown" },
  ...s,
});

const FACTS: Signature[] = [
  // Claude Code
  fact({
    id: "cc.retry_line",
    label: "Claude Code retry line",
    pattern: /Retrying\s{1,12}in\s{1,12}\d{1,4}\s{0,12}(?:s\b|seconds)/g,
    claude: true,
    surface: "claude-code",
    head: true,
    source: "CCI #5184, #91817",
  }),
  fact({
    id: "cc.api_error",
    label: "Claude Code API Error",
    // Claude Code's banner opens its line ("API Error: 529 …", "⎿ API Error (…)"); an app's own
    // "Finance API Error:" does not.
    pattern: /(?:^[\s>*`-]{0,16}|\\n\s{0,8}|["'`[(]|:\s)API\s{1,12}Error\b/gm,
    claude: true,
    surface: "claude-code",
    head: true,
    source: "CC-ERR",
  }),
  fact({
    id: "cc.bug_array",
    label: "Claude Code /bug errors array",
    pattern:
      /\[\{\s?"error"\s?:\s?"Error:|\$bunfs\/root|@anthropic-ai\/claude-code|\.claude\/local|\bclaude-code\b|Please\s{1,12}run\s{1,12}\/login|CLAUDE_CODE_[A-Z_]{1,40}|status\.claude\.com/g,
    claude: true,
    surface: "claude-code",
    source: "CCI #4684, #8118, #66314",
  }),
  // Python SDK
  fact({
    id: "py.class",
    label: "Anthropic Python SDK exception",
    pattern:
      /\banthropic\.(?:_exceptions\.)?[A-Z]\w{1,40}(?:Error|Exception)\b|site-packages\/anthropic\/|\bfrom\s{1,12}anthropic\s{1,12}import\b|AnthropicVertex|AnthropicBedrock/g,
    claude: true,
    surface: "sdk-python",
    source: "PY _exceptions.py, __init__.py",
  }),
  fact({
    id: "py.dict_repr",
    label: "Python dict repr of an error body",
    pattern: /\{'type':\s?'error',\s?'error':|\{'error':\s?\{'(?:type|code)'|'type':\s?'[a-z_]{2,40}_error'/g,
    surface: "sdk-python",
    source: "PY _base_client.py (f-string of the parsed body)",
  }),
  fact({
    id: "py.status_error_from_response",
    label: "non-streaming HTTP error (Python)",
    pattern: /_make_status_error_from_response/g,
    claude: true,
    surface: "sdk-python",
    streaming: false,
    source: "PY _base_client.py",
  }),
  fact({
    id: "py.bare_status_error",
    label: "APIStatusError raised inside a stream",
    pattern: /APIStatusError:\s{1,12}\{'type':\s?'error'/g,
    claude: true,
    surface: "sdk-python",
    streaming: true,
    head: true,
    source: "PY _streaming.py; PYI #1918",
  }),
  // TypeScript SDK
  fact({
    id: "ts.sdk",
    label: "Anthropic TypeScript SDK",
    pattern: /@anthropic-ai\/sdk|APIError\.generate|makeStatusError/g,
    claude: true,
    surface: "sdk-typescript",
    source: "TS core/error.ts",
  }),
  fact({
    id: "ts.compact_body",
    label: "compact JSON error body",
    pattern: /\{"type":"error","error":\{/g,
    claude: true,
    surface: "sdk-typescript",
    source: "TS makeMessage (JSON.stringify)",
  }),
  fact({
    id: "ts.compact_error_line",
    label: "a JavaScript Error carrying a status and a compact JSON body",
    // `Error: 413 {"error":{…}}`: the TypeScript SDK's APIError message (`${status} ${JSON}`) as a JS Error
    // prints it. Weakest surface evidence, like the compact body itself; ties nothing to Claude.
    pattern: /(?:^|[\s[(`])Error:\s[45]\d\d\s\{"/gm,
    surface: "sdk-typescript",
    source: "TS core/error.ts makeMessage; JS Error.prototype.toString",
  }),
  fact({
    id: "ts.headers_dump",
    label: "response headers dump",
    pattern: /^\s{0,8}status:\s[45]\d\d,\s{0,4}$/gm,
    surface: "sdk-typescript",
    streaming: false,
    source: "TSI #616",
  }),
  // Go SDK: compact JSON too, but not the TypeScript SDK.
  fact({
    id: "go.status",
    label: "Go SDK status error",
    pattern: /(?:POST|GET)\s"https?:\/\/[^"\s]{1,200}":\s([45]\d\d)\b/g,
    claude: true,
    surface: "sdk-go",
    head: true,
    fields: (m) => ({ status: Number(m[1]) }),
    source: "anthropics/anthropic-sdk-go error format",
  }),
  fact({
    id: "go.stream",
    label: "Go SDK stream error",
    pattern: /received\s{1,12}error\s{1,12}while\s{1,12}streaming/g,
    claude: true,
    surface: "sdk-go",
    streaming: true,
    head: true,
    source: "anthropics/anthropic-sdk-go#200",
  }),
  // curl
  fact({
    id: "curl.verbose",
    label: "curl transcript",
    pattern: /^[<>*]\s(?:HTTP\/|POST\s|GET\s|Connected\sto|Trying\s)|\bcurl:\s\(\d{1,3}\)/gm,
    surface: "curl",
    source: "curl -v",
  }),
  // Browser
  fact({
    id: "browser.fetch",
    label: "browser console",
    pattern: /blocked\s{1,12}by\s{1,12}CORS\s{1,12}policy|Failed\s{1,12}to\s{1,12}load\s{1,12}resource/g,
    surface: "browser",
    source: "browser devtools",
  }),
  // Streaming
  fact({
    id: "stream.sse",
    label: "SSE error event",
    pattern:
      /event:\s?error\b|SSE\s{1,12}Error|EventStreamError|:exception-type|streamed_data|\b[Ss]tream(?:ing)?\s{1,12}[Ee]rror:/g,
    streaming: true,
    head: true,
    source: "DOC-STREAM; TSI #346; aws-genai-llm-chatbot#220; wrappers' 'Streaming error:' prefix",
  }),
  fact({
    id: "stream.bedrock_nonstream_op",
    label: "non-streaming Bedrock operation",
    pattern:
      /when\s{1,12}calling\s{1,12}the\s{1,12}(?:InvokeModel|Converse)\s{1,12}operation|botocore\.errorfactory\./g,
    streaming: false,
    route: "bedrock",
    source: "i-dot-ai/caddy-chatbot#97; terricain/aioboto3#352",
  }),
  // Routes
  fact({
    id: "route.anthropic",
    label: "api.anthropic.com",
    pattern: /api\.anthropic\.com/g,
    claude: true,
    route: "anthropic",
    source: "DOC-ERR",
  }),
  // Bedrock and Vertex are routes to Claude this tool serves: their shapes count as Claude context.
  fact({
    id: "route.bedrock",
    label: "Amazon Bedrock",
    claude: true,
    pattern: /bedrock|botocore|\$metadata|\$fault|InvokeModel|\banthropic\.claude-[\w.-]{1,60}-v\d:\d/gi,
    route: "bedrock",
    source: "AWS-TS; posit-dev/positron#7844",
  }),
  fact({
    id: "route.vertex",
    label: "Google Vertex AI",
    claude: true,
    pattern:
      /aiplatform\.googleapis\.com|vertex_?ai|publishers\/anthropic|Publisher\s{1,12}Model|\bprovider:\s{1,12}vertex\b|\bvertex-claude\b|\bon\s{1,12}your\s{1,12}vertex\s{1,12}deployment\b/gi,
    route: "vertex",
    source: "cline/cline#651; Aider-AI/aider#1912",
  }),
  fact({
    id: "route.openrouter",
    label: "OpenRouter",
    pattern: /openrouter|\\{0,3}["']provider_name\\{0,3}["']/gi,
    route: "openrouter",
    source: "OR-ERR",
  }),
  fact({ id: "route.litellm", label: "LiteLLM", pattern: /litellm/gi, route: "litellm", source: "§5.4" }),
  fact({
    id: "route.litellm_anthropic",
    label: "LiteLLM Anthropic provider",
    pattern: /Anthropic(?:Exception|Error)\s{1,12}-/g,
    claude: true,
    route: "litellm",
    source: "§5.4",
  }),
  fact({
    id: "route.gateway",
    label: "gateway or relay",
    pattern:
      /\b[a-z_]{0,40}(?:gateway|proxy|relay)[a-z_]{0,40}::|helicone|streamed_data|portkey|gateway\.ai\.cloudflare\.com|one-api|new-api/gi,
    route: "other-gateway",
    source: "MamoWorks/cc-bridge#15; Helicone/helicone#4678",
  }),
  fact({
    id: "route.relay_edge_page",
    label: "third-party host on an edge error page",
    pattern: /<title>\s{0,12}(?!api\.anthropic\.com)[a-z0-9-]{1,60}(?:\.[a-z0-9-]{1,60}){1,5}\s\|\s5\d\d:/gi,
    route: "other-gateway",
    source: "CCI #16737",
  }),
  // Claude context and foreign context
  fact({
    id: "ctx.claude",
    label: "Claude",
    pattern: /\bclaude[-.\w]{0,60}|\banthropic\b|\b(?:Opus|Sonnet|Haiku)\b|\breq_[a-z0-9]{20,40}\b/gi,
    claude: true,
    source: "model ids and names, request ids",
  }),
  fact({
    id: "ctx.foreign",
    label: "another provider or service",
    pattern:
      /\bopenai\.[A-Z]\w{1,40}Error\b|OpenAIException|api\.openai\.com|\binsufficient_quota\b|\\{0,3}["']type\\{0,3}["']\s?:\s?\\{0,3}["']server_error\\{0,3}["']|generativelanguage\.googleapis\.com|google\.genai|\bgemini-[\w.-]{1,40}|opentelemetry|\botlp\b|Failed\s{1,12}to\s{1,12}export|langfuse|smith\.langchain\.com|sentry\.io|datadoghq|mistral\.ai|api\.cohere|api\.groq\.com|platform\.openai\.com|\bgroq\.\w{0,40}(?:Error|Exception)\b|GroqException|\bollama\b|:11434\b|api\.deepseek\.com|api\.together\.(?:xyz|ai)|api\.fireworks\.ai|api\.x\.ai|api\.perplexity\.ai/gi,
    foreign: true,
    source:
      "near-miss negatives: other providers (their hosts, SDK modules, local model servers) and tracing backends",
  }),
];

export const SIGNATURES: readonly Signature[] = [
  ...MESSAGES,
  ...TYPES,
  ...STATUSES,
  ...CLASSES,
  ...GENERIC,
  ...FACTS,
];

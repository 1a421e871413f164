import type { BranchId } from "../../diagnosis";
import type { StopFailureError } from "../payload";

// One realistic failed turn per StopFailure `error` value: the text Claude Code renders
// (`last_assistant_message`, worded as in https://code.claude.com/docs/en/errors), the API's response body as its
// retry records keep it, the status, and the request id the body carries. `branch` is the recovery branch the
// hook must name for it.

/** A planted secret: it appears in the inputs and must appear in no output. */
export const PLANTED_KEY = `sk-ant-api03-${"Zq4Wt7Ue2Ri9Ty6Ui3Op8As5Df1Gh0Jk".repeat(3).slice(0, 93)}AA`;

export type Scenario = {
  error: StopFailureError;
  rendered: string;
  details: string;
  body: string;
  status: number | null;
  requestId: string | null;
  branch: BranchId;
};

const body = (type: string, message: string, requestId: string | null) =>
  JSON.stringify({
    type: "error",
    error: { type, message },
    ...(requestId ? { request_id: requestId } : {}),
  });

export const SCENARIOS: Scenario[] = [
  {
    error: "rate_limit",
    rendered:
      "API Error: Request rejected (429) · this may be a temporary capacity issue. If it persists, check https://status.claude.com.",
    details: "429 Too Many Requests",
    body: body(
      "rate_limit_error",
      "This request would exceed the rate limit for your organization (5f0c3e1a-0b7d-4c55-9a61-3c1f2b7e9d40) of 30,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.",
      "req_011CVhRx5yGm8Q2pT9wLkN3e",
    ),
    status: 429,
    requestId: "req_011CVhRx5yGm8Q2pT9wLkN3e",
    branch: "rate_limit",
  },
  {
    error: "overloaded",
    rendered:
      "API Error: Repeated 529 Overloaded errors. The API is at capacity — this is usually temporary. Try again in a moment. If it persists, check https://status.claude.com.",
    details: "529 Overloaded",
    body: body("overloaded_error", "Overloaded", "req_011CVhS2bq7Pn4XkW8dJf6Ta"),
    status: 529,
    requestId: "req_011CVhS2bq7Pn4XkW8dJf6Ta",
    branch: "overloaded",
  },
  {
    error: "authentication_failed",
    rendered: `Please run /login · API Error: 401 ${body("authentication_error", "invalid x-api-key", "req_011CVhS9gT3mQ8vYc2LpR5Hw")}`,
    details: `401 Unauthorized (x-api-key: ${PLANTED_KEY})`,
    body: body("authentication_error", "invalid x-api-key", "req_011CVhS9gT3mQ8vYc2LpR5Hw"),
    status: 401,
    requestId: "req_011CVhS9gT3mQ8vYc2LpR5Hw",
    branch: "authentication",
  },
  {
    error: "oauth_org_not_allowed",
    rendered: `API Error: 403 ${body("permission_error", "OAuth authentication is currently not allowed for this organization.", "req_011CVhSFk2Vn7RbXe4QzT8Ym")}`,
    details: "403 Forbidden",
    body: body(
      "permission_error",
      "OAuth authentication is currently not allowed for this organization.",
      "req_011CVhSFk2Vn7RbXe4QzT8Ym",
    ),
    status: 403,
    requestId: "req_011CVhSFk2Vn7RbXe4QzT8Ym",
    branch: "permission",
  },
  {
    error: "billing_error",
    rendered: "Credit balance is too low",
    details: body(
      "invalid_request_error",
      "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.",
      "req_011CVhSMq8Wd3TyFh6NcA2Jk",
    ),
    body: body(
      "invalid_request_error",
      "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.",
      "req_011CVhSMq8Wd3TyFh6NcA2Jk",
    ),
    status: 400,
    requestId: "req_011CVhSMq8Wd3TyFh6NcA2Jk",
    branch: "billing",
  },
  {
    error: "invalid_request",
    rendered: `API Error: 400 ${body("invalid_request_error", "messages.3.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_01A9xQ. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.", "req_011CVhSTx4Ze9UgJm2PdB7Lq")}`,
    details: "400 Bad Request",
    body: body(
      "invalid_request_error",
      "messages.3.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_01A9xQ. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.",
      "req_011CVhSTx4Ze9UgJm2PdB7Lq",
    ),
    status: 400,
    requestId: "req_011CVhSTx4Ze9UgJm2PdB7Lq",
    branch: "invalid_request",
  },
  {
    error: "model_not_found",
    rendered: `API Error: 404 ${body("not_found_error", "model: claude-opus-4-9", "req_011CVhSZc6Af2VhKn8QeC3Mr")}`,
    details: "404 Not Found",
    body: body("not_found_error", "model: claude-opus-4-9", "req_011CVhSZc6Af2VhKn8QeC3Mr"),
    status: 404,
    requestId: "req_011CVhSZc6Af2VhKn8QeC3Mr",
    branch: "not_found",
  },
  {
    error: "server_error",
    rendered:
      "API Error: 500 Internal server error. This is a server-side issue, usually temporary — try again in a moment. If it persists, check https://status.claude.com.",
    details: "500 Internal Server Error",
    body: body("api_error", "Internal server error", "req_011CVhSgH8Bg5WjLp3RfD9Ns"),
    status: 500,
    requestId: "req_011CVhSgH8Bg5WjLp3RfD9Ns",
    branch: "api_error",
  },
  {
    error: "max_output_tokens",
    rendered:
      "API Error: Claude's response exceeded the 32000 output token maximum. To configure this behavior, set the CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable.",
    details: "max_tokens",
    body: "",
    status: null,
    requestId: null,
    // The classifier reads an output-token overflow as a request to change, not an unknown error.
    branch: "invalid_request",
  },
  {
    error: "unknown",
    rendered: "API Error: Connection error.",
    details: "fetch failed: connect ECONNREFUSED 127.0.0.1:443",
    body: "Connection error.",
    status: null,
    requestId: null,
    branch: "connection",
  },
];

const SESSION = "5b6a8d3e-2c4f-4e1a-9b7d-0f3e6c2a1d84";
const CWD = "/home/dev/projects/checkout";

function base(uuid: string, parent: string | null, timestamp: string) {
  return {
    parentUuid: parent,
    isSidechain: false,
    userType: "external",
    cwd: CWD,
    sessionId: SESSION,
    version: "2.1.240",
    gitBranch: "main",
    uuid,
    timestamp,
  };
}

/**
 * A session transcript as Claude Code writes it (JSON Lines): a prompt, a normal reply with its request id, a
 * second prompt, one `system`/`api_error` record per retry carrying the API's response, and the final synthetic
 * assistant record with `isApiErrorMessage`. `filler` earlier turns make it long.
 */
export function transcriptFor(scenario: Scenario, options: { fillerTurns?: number } = {}): string {
  const lines: unknown[] = [];
  let parent: string | null = null;
  let clock = Date.parse("2026-11-20T09:20:00.000Z");
  const at = () => new Date((clock += 1_000)).toISOString();
  const turn = (i: number) => {
    const user = `u-${i}`;
    const reply = `a-${i}`;
    lines.push({
      ...base(user, parent, at()),
      type: "user",
      message: { role: "user", content: `Refactor step ${i}: tidy the checkout summariser.` },
    });
    lines.push({
      ...base(reply, user, at()),
      type: "assistant",
      requestId: `req_011CVh${String(i).padStart(6, "0")}AbCdEfGhJk`,
      message: {
        id: `msg_01${String(i).padStart(6, "0")}XyZ`,
        type: "message",
        role: "assistant",
        model: "claude-sonnet-4-5-20250929",
        content: [
          {
            type: "text",
            text: `Done with step ${i}. ${"The summariser now streams its output. ".repeat(8)}`,
          },
        ],
        stop_reason: "end_turn",
        usage: { input_tokens: 1200 + i, output_tokens: 300 },
      },
    });
    parent = reply;
  };
  const fillers = options.fillerTurns ?? 2;
  for (let i = 1; i <= fillers; i += 1) turn(i);

  const prompt = "u-final";
  lines.push({
    ...base(prompt, parent, at()),
    type: "user",
    message: { role: "user", content: `Deploy it. The key is ${PLANTED_KEY}` },
  });
  parent = prompt;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const id = `s-retry-${attempt}`;
    lines.push({
      ...base(id, parent, at()),
      type: "system",
      subtype: "api_error",
      level: "error",
      error: {
        status: scenario.status,
        message: scenario.status === null ? scenario.body : `${scenario.status} ${scenario.body}`,
        ...(scenario.requestId === null ? {} : { requestID: scenario.requestId }),
      },
      retryInMs: 500 * 2 ** attempt,
      retryAttempt: attempt,
      maxRetries: 10,
    });
    parent = id;
  }
  lines.push({
    ...base("a-error", parent, at()),
    type: "assistant",
    isApiErrorMessage: true,
    error: scenario.error,
    ...(scenario.status === null ? {} : { apiErrorStatus: scenario.status }),
    message: {
      id: "msg_synthetic",
      type: "message",
      role: "assistant",
      model: "<synthetic>",
      content: [{ type: "text", text: scenario.rendered }],
      stop_reason: "stop_sequence",
      usage: { input_tokens: 0, output_tokens: 0 },
    },
  });
  return `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;
}

/** The StopFailure payload Claude Code sends for the scenario. */
export function payloadFor(scenario: Scenario, transcriptPath: string | null): Record<string, unknown> {
  return {
    session_id: SESSION,
    ...(transcriptPath === null ? {} : { transcript_path: transcriptPath }),
    cwd: CWD,
    permission_mode: "default",
    hook_event_name: "StopFailure",
    error: scenario.error,
    error_details: scenario.details,
    last_assistant_message: scenario.rendered,
  };
}

import type { BranchId } from "./diagnosis";

/** A realistic paste offered on the page as "Try an example"; `expects` is the branch it must classify to. */
export type Example = {
  id: string;
  label: string;
  text: string;
  expects: BranchId;
};

// Message shapes follow /work/shared/reference/claude-errors.md (section noted per example); request ids,
// org ids and paths are invented in the documented formats.
export const EXAMPLES = [
  {
    // §4.2 rows 1 and 2: Claude Code retry lines, then the final error once retries are exhausted.
    id: "claude-code-529",
    label: "Claude Code 529 overloaded",
    expects: "overloaded",
    text: [
      "> refactor the invoice exporter to stream rows",
      "",
      '  ⎿  API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 1 seconds… (attempt 1/10)',
      '  ⎿  API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 2 seconds… (attempt 2/10)',
      '  ⎿  API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 5 seconds… (attempt 3/10)',
      '  ⎿  API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CVrcPAB5yvrn5wcYocknr"}',
    ].join("\n"),
  },
  {
    // §3.1: httpx log lines, the SDK's retry log, then `Error code: 429 - {dict repr}`; §1.3 2026 message.
    id: "python-rate-limit",
    label: "Python SDK RateLimitError",
    expects: "rate_limit",
    text: [
      '2026-11-21 14:03:11,902 INFO httpx: HTTP Request: POST https://api.anthropic.com/v1/messages "HTTP/1.1 429 Too Many Requests"',
      "2026-11-21 14:03:11,903 INFO anthropic._base_client: Retrying request to /v1/messages in 0.452000 seconds",
      '2026-11-21 14:03:12,611 INFO httpx: HTTP Request: POST https://api.anthropic.com/v1/messages "HTTP/1.1 429 Too Many Requests"',
      "2026-11-21 14:03:12,612 INFO anthropic._base_client: Retrying request to /v1/messages in 0.871000 seconds",
      '2026-11-21 14:03:13,740 INFO httpx: HTTP Request: POST https://api.anthropic.com/v1/messages "HTTP/1.1 429 Too Many Requests"',
      "Traceback (most recent call last):",
      '  File "/srv/summariser/worker.py", line 58, in <module>',
      "    response = client.messages.create(",
      "               ^^^^^^^^^^^^^^^^^^^^^^^",
      '  File "/srv/summariser/.venv/lib/python3.12/site-packages/anthropic/_utils/_utils.py", line 283, in wrapper',
      "    return func(*args, **kwargs)",
      '  File "/srv/summariser/.venv/lib/python3.12/site-packages/anthropic/resources/messages/messages.py", line 1012, in create',
      "    return self._post(",
      '  File "/srv/summariser/.venv/lib/python3.12/site-packages/anthropic/_base_client.py", line 1331, in post',
      "    return cast(ResponseT, self.request(cast_to, opts, stream=stream, stream_cls=stream_cls))",
      '  File "/srv/summariser/.venv/lib/python3.12/site-packages/anthropic/_base_client.py", line 1109, in request',
      "    raise self._make_status_error_from_response(err.response) from None",
      `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': "This request would exceed your organization's rate limit of 30,000 input tokens per minute (org: 5f1c2a9e-7d3b-4e61-9a0c-2b8f4d6e1a37, model: claude-sonnet-4-6). For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later."}, 'request_id': 'req_011C85iXAj8UAx4W7rPCVHtH'}`,
    ].join("\n"),
  },
  {
    // §3.2: TS SDK prints `${status} ${JSON body}`; §1.3 context-window message.
    id: "typescript-context-window",
    label: "TS SDK 400 prompt is too long",
    expects: "context_window",
    text: [
      'BadRequestError: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 211304 tokens > 200000 maximum"},"request_id":"req_011CEP9bv1z9A3asbBXikW6z"}',
      "    at APIError.generate (file:///app/node_modules/@anthropic-ai/sdk/core/error.mjs:41:20)",
      "    at Anthropic.makeStatusError (file:///app/node_modules/@anthropic-ai/sdk/client.mjs:312:32)",
      "    at Anthropic.makeRequest (file:///app/node_modules/@anthropic-ai/sdk/client.mjs:468:30)",
      "    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)",
      "    at async answerWithContext (file:///app/dist/rag/answer.js:74:22) {",
      "  status: 400,",
      "  requestID: 'req_011CEP9bv1z9A3asbBXikW6z',",
      "  error: {",
      "    type: 'error',",
      "    error: {",
      "      type: 'invalid_request_error',",
      "      message: 'prompt is too long: 211304 tokens > 200000 maximum'",
      "    },",
      "    request_id: 'req_011CEP9bv1z9A3asbBXikW6z'",
      "  }",
      "}",
    ].join("\n"),
  },
  {
    // §1.2 body shape, §1.3 `invalid x-api-key`, §1.4 headers; the key is a shell variable, never a value.
    id: "curl-401",
    label: "curl -i 401 invalid x-api-key",
    expects: "authentication",
    text: [
      "$ curl -i https://api.anthropic.com/v1/messages \\",
      '    -H "x-api-key: $ANTHROPIC_API_KEY" \\',
      '    -H "anthropic-version: 2023-06-01" \\',
      '    -H "content-type: application/json" \\',
      `    -d '{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"ping"}]}'`,
      "HTTP/2 401",
      "date: Sat, 21 Nov 2026 14:03:12 GMT",
      "content-type: application/json",
      "content-length: 130",
      "request-id: req_011CmuzTW6YXj8aYgBn7nXkn",
      "x-should-retry: false",
      "server: cloudflare",
      "cf-ray: 8f2a1c3b5d6e7f80-AMS",
      "",
      '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_011CmuzTW6YXj8aYgBn7nXkn"}',
    ].join("\n"),
  },
  {
    // §5.1: botocore's ThrottlingException wording after its own retries.
    id: "bedrock-throttling",
    label: "Bedrock ThrottlingException",
    expects: "rate_limit",
    text: [
      "Traceback (most recent call last):",
      '  File "/opt/app/handlers/chat.py", line 31, in handle',
      "    response = bedrock.invoke_model(",
      '        modelId="us.anthropic.claude-sonnet-4-20250514-v1:0",',
      "        body=json.dumps(payload),",
      "    )",
      '  File "/opt/app/.venv/lib/python3.12/site-packages/botocore/client.py", line 569, in _api_call',
      "    return self._make_api_call(operation_name, kwargs)",
      '  File "/opt/app/.venv/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
      "    raise error_class(parsed_response, operation_name)",
      "botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again. You have sent too many requests.  Wait before trying again.",
    ].join("\n"),
  },
  {
    // §5.5: Cloudflare's branded 504 page, printed by the TS SDK as `${status} <raw body>`.
    id: "cloudflare-504",
    label: "Cloudflare 504 page",
    expects: "timeout",
    text: [
      "InternalServerError: 504 <!DOCTYPE html>",
      '<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->',
      '<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->',
      "<head>",
      "<title>api.anthropic.com | 504: Gateway time-out</title>",
      '<meta charset="UTF-8" />',
      "</head>",
      "<body>",
      '<div id="cf-wrapper">',
      '  <h1><span class="inline-block">Gateway time-out</span> <span class="code-label">Error code 504</span></h1>',
      '  <div class="clearfix">Visit <a href="https://www.cloudflare.com/5xx-error-landing">cloudflare.com</a> for more information.</div>',
      '  <div class="cf-error-footer">Cloudflare Ray ID: <strong class="font-semibold">8f2a1c3b5d6e7f81</strong> • 2026-11-21 14:05:40 UTC</div>',
      "</div>",
      "</body>",
      "</html>",
      "    at APIError.generate (file:///app/node_modules/@anthropic-ai/sdk/core/error.mjs:63:20)",
    ].join("\n"),
  },
  {
    // §4.2 row 26: Claude Code's wording for a reset TCP connection.
    id: "claude-code-econnreset",
    label: "Claude Code ECONNRESET",
    expects: "connection",
    text: [
      "> run the migration tests again",
      "",
      "  ⎿  API Error (Connection error.) · Retrying in 1 seconds… (attempt 1/10)",
      "    ⎿  TypeError (fetch failed)",
      "  ⎿  API Error (Connection error.) · Retrying in 2 seconds… (attempt 2/10)",
      "  ⎿  API Error: Unable to connect to API (ECONNRESET)",
    ].join("\n"),
  },
] as const satisfies readonly Example[];

/** The id of one of the bundled examples. */
export type ExampleId = (typeof EXAMPLES)[number]["id"];

import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { MEANINGS } from "./meanings";

// The (route, status, type) table, read through every shape AWS prints its errors in, and the bare statuses
// it gives a meaning on platform routes.
const typed = MEANINGS.filter((m) => m.type !== null);
const bare = MEANINGS.filter((m) => m.type === null);

describe("the (route, status, type) table", () => {
  it.each(typed.map((m) => [m.type, m.branch] as const))(
    "%s in a raw Coral/JSON body (`__type`) means %s",
    (type, branch) => {
      const d = classify(
        `{\n  "Output": {\n    "__type": "com.amazon.coral.service#${type}"\n  },\n  "Version": "1.0"\n}`,
      );
      expect(d.branch).toBe(branch);
      expect(d.evidence.errorType).toBe(type);
      expect(d.evidence.route).toBe("bedrock");
    },
  );

  it.each(typed.map((m) => [m.type, m.branch] as const))(
    "%s named by the x-amzn-ErrorType header means %s",
    (type, branch) => {
      const d = classify(
        `< HTTP/1.1 400\n< x-amzn-ErrorType: ${type}:http://internal.amazon.com/coral/com.amazon.coral.service/\n< x-amzn-RequestId: 0f3c9a7e-1111-4222-8333-944455556666`,
      );
      expect(d.branch).toBe(branch);
    },
  );

  it.each(typed.map((m) => [m.type, m.branch] as const))(
    "%s from the AWS SDK for JavaScript v3 means %s",
    (type, branch) => {
      const d = classify(
        `{"name":"${type}","$fault":"client","$metadata":{"attempts":1}} during InvokeModel`,
      );
      expect(d.branch).toBe(branch);
    },
  );

  it.each(bare.map((m) => [m.route, m.status, m.branch] as const))(
    "a bare status on the %s route: %d means %s",
    (route, status, branch) => {
      const where = {
        bedrock:
          "POST https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-haiku-20241022-v1:0/invoke",
        vertex:
          "POST https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict",
        openrouter: "POST https://openrouter.ai/api/v1/chat/completions (anthropic/claude-sonnet-4)",
      }[route as string];
      const d = classify(`${where}\nrequest failed: HTTP ${status}`);
      expect(d.evidence.route).toBe(route);
      expect(d.evidence.status).toBe(status);
      expect(d.branch).toBe(branch);
    },
  );

  it("leaves a bare status on the direct route to its own meaning", () => {
    const d = classify("POST https://api.anthropic.com/v1/messages\nrequest failed: HTTP 503");
    expect(d.branch).toBe("api_error");
  });

  it("never lets a bare status override what a type says", () => {
    const d = classify(
      'POST https://bedrock-runtime.us-east-1.amazonaws.com/model/x/invoke\nHTTP 503 {"__type":"com.amazon.coral.service#InternalServerException"}',
    );
    expect(d.branch).toBe("api_error");
  });
});

describe("Google status strings in the forms other printers use", () => {
  it.each([
    [
      "a gateway's sentence",
      "the service reports an error with code RESOURCE_EXHAUSTED for claude-sonnet-4@20250514",
    ],
    [
      "grpc-python",
      "grpc._channel._InactiveRpcError: status = StatusCode.RESOURCE_EXHAUSTED (claude on Vertex)",
    ],
    ["grpc-go", "rpc error: code = ResourceExhausted desc = quota exceeded for claude-sonnet-4"],
  ])("%s", (_name, text) => {
    const d = classify(text);
    expect(d.branch).toBe("rate_limit");
    expect(d.evidence.errorType).toBe("RESOURCE_EXHAUSTED");
  });
});

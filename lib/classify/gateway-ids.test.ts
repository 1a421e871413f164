import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { findGatewayRequestIds } from "./extract";

const ids = (text: string) => findGatewayRequestIds(text).map((r) => r.value);

describe("relay, gateway and compatible-backend request ids", () => {
  it("reads a non-Anthropic id in a request_id field or after a request-id label, whatever its shape", () => {
    expect(
      ids(`{"type":"error","error":{"type":"1301","message":"busy"},"request_id":"20251009174412abc9de24"}`),
    ).toEqual(["20251009174412abc9de24"]);
    expect(ids(`upstream error (request id: 7f3k29sl1q0z8x)`)).toEqual(["7f3k29sl1q0z8x"]);
    expect(ids(`X-Request-Id: gw-01HZX5Q3M8T6V2`)).toEqual(["gw-01HZX5Q3M8T6V2"]);
    expect(ids(`{\\"request_id\\": \\"c0ffee1234abcd\\"}`)).toEqual(["c0ffee1234abcd"]);
  });

  it("reads the id column of a one-api / new-api relay log", () => {
    const log = [
      "[GIN] 2025/06/08 - 10:34:46 | 20250608103446446821 | 500 |   54.7ms |  198.51.100.6 |  POST /v1/messages",
      "[ERROR] 2025/06/08 - 10:34:46 | 20250608103446446821 | relay/controller/text.go:94 respErr is not nil",
      "[SYS] 2025/06/08 - 10:35:01 | 2025060810350112ab34cd | channel 3 disabled",
    ].join("\n");
    expect(ids(log)).toEqual(["20250608103446446821", "2025060810350112ab34cd"]);
  });

  it("keeps the order of appearance: a relay's own id before its upstream's", () => {
    const text = `[GIN] 2025/06/08 - 10:34:46 | 2025060810344644682133 | 500 | 5ms | 10.0.0.1 | POST /v1/chat/completions\nhttps response error StatusCode: 400, RequestID: 4471a513-b52c-4d02-812c-7d5378447673, ValidationException`;
    expect(ids(text)).toEqual(["2025060810344644682133", "4471a513-b52c-4d02-812c-7d5378447673"]);
  });

  it("never takes an Anthropic id, a placeholder or a word for a gateway id", () => {
    expect(ids(`"request_id":"req_011CX8hJ3kR5mN2pQ7sT9vWy"`)).toEqual([]);
    expect(ids(`request_id=None`)).toEqual([]);
    expect(ids(`request_id: xxxxxxxxxxxx`)).toEqual([]);
    expect(ids(`request id: undefined`)).toEqual([]);
    expect(ids(`"request_id": "<your-request-id>"`)).toEqual([]);
  });

  it("reports an Anthropic-shaped envelope's foreign id as a gateway id, not as Anthropic's", () => {
    const d = classify(
      `API Error: 429 {"type":"error","error":{"type":"1113","message":"Insufficient balance"},"request_id":"2025100917441235aa46de2439"}`,
    );
    expect(d.evidence.requestIds).toEqual([]);
    expect(d.evidence.gatewayRequestIds).toEqual(["2025100917441235aa46de2439"]);
  });

  it("answers on a megabyte of labels with nothing after them (a backtracking pattern would hang here)", () => {
    const text = "request_id: \\\\\\'".repeat(70_000) + "[GIN] 2025/06/08 - 10:34:46 | ".repeat(10_000);
    expect(ids(text)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { packetFromPaste, packetSchema, renderPacketMarkdown } from "@/lib/packet";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// The route reads the status page through the server singleton: point it at the in-process mock.
let server: MockStatusServer;
let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  server = await startMockStatusServer({ scenario: "minor-incident", port: 0 });
  process.env.STATUS_PAGE_URL = server.url;
  ({ POST } = await import("./route"));
});
afterAll(async () => {
  await server.close();
});

const REQ = "req_011CSHoEeqs5C35K2UUqR7Fy";
const KEY = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;
const PASTE = [
  `x-api-key: ${KEY}`,
  `request-id: ${REQ}`,
  'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
].join("\n");

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/packet", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

const errorEnvelope = (type: string) => ({ error: { type, message: expect.any(String) } });

describe("POST /api/packet", () => {
  it("answers the packet as JSON, redacted, with the status page reading", async () => {
    const response = await POST(post(JSON.stringify({ text: PASTE })));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("vary")).toBe("Accept");
    const raw = await response.text();
    expect(raw).not.toContain(KEY.slice(20, 60));
    const packet = packetSchema.parse(JSON.parse(raw));
    expect(packet.diagnosis.branch).toBe("overloaded");
    expect(packet.requests.map((r) => r.id)).toEqual([REQ]);
    expect(packet.redaction.kinds).toEqual([
      { kind: "anthropic-api-key", label: expect.any(String), count: 1 },
    ]);
    expect(packet.statusPage).toMatchObject({ source: "live" });
  });

  it("carries impact, checklist and hidePrompt", async () => {
    const text = `{"model":"claude-opus-4-6","system":"You are Heron, the private assistant"}\n${PASTE}`;
    const response = await POST(
      post(
        JSON.stringify({
          text,
          impact: "All checkout summaries fail",
          checklist: { samePathRetried: true },
          hidePrompt: true,
        }),
      ),
    );
    const packet = packetSchema.parse(await response.json());
    expect(packet.impact).toBe("All checkout summaries fail");
    expect(packet.checklist.samePathRetried).toBe(true);
    expect(packet.checklist.statusChecked).toBe(false);
    expect(JSON.stringify(packet)).not.toContain("Heron");
  });

  it.each([
    ["text/markdown", true],
    ["text/markdown, application/json;q=0.5", true],
    ["application/json, text/markdown;q=0.9", false],
    ["text/markdown;q=0", false],
    ["*/*", false],
  ])("with Accept %s answers Markdown: %s", async (accept, markdown) => {
    const response = await POST(post(JSON.stringify({ text: PASTE }), { accept }));
    expect(response.status).toBe(200);
    const body = await response.text();
    if (markdown) {
      expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
      expect(body.startsWith("# Claude API support packet\n")).toBe(true);
      expect(body).toContain(REQ);
    } else {
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(packetSchema.safeParse(JSON.parse(body)).success).toBe(true);
    }
    expect(body).not.toContain(KEY.slice(20, 60));
  });

  it("renders the same Markdown the library does, apart from the time and the status reading", async () => {
    const response = await POST(
      post(JSON.stringify({ text: PASTE, impact: "x" }), { accept: "text/markdown" }),
    );
    const body = await response.text();
    const local = packetFromPaste(PASTE, { impact: "x" }, { now: new Date() }).packet;
    const section = (md: string) => md.slice(md.indexOf("## Error"), md.indexOf("## Status page"));
    expect(section(body)).toBe(section(renderPacketMarkdown(local)));
  });

  it.each([
    ["bad JSON", "{text:"],
    ["a wrong shape", '{"text": ["a"]}'],
    ["an empty text", '{"text": ""}'],
    ["a checklist tick that is not a boolean", '{"text": "x", "checklist": {"statusChecked": "yes"}}'],
    ["an unknown checklist item", '{"text": "x", "checklist": {"rebooted": true}}'],
    ["a misspelt field", '{"text": "x", "hidePromt": true}'],
    ["an occurredAt that is not ISO", '{"text": "x", "occurredAt": "yesterday"}'],
  ])("answers 400 invalid_request for %s", async (_name, body) => {
    const response = await POST(post(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(errorEnvelope("invalid_request"));
  });

  it("answers 413 request_too_large for a text over MAX_INPUT_BYTES", async () => {
    const response = await POST(post(JSON.stringify({ text: "a".repeat(MAX_INPUT_BYTES + 1) })));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(errorEnvelope("request_too_large"));
  });

  it("answers 415 for a form post", async () => {
    const response = await POST(post("text=x", { "content-type": "application/x-www-form-urlencoded" }));
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual(errorEnvelope("unsupported_media_type"));
  });
});

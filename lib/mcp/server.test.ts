import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";
import { packetSchema } from "../packet";
import { diagnosisReportSchema } from "../report";
import { statusReadingSchema } from "../status/reading";
import { PLANTED_KEY } from "../hook/testing/scenarios";

// The server as an MCP client meets it: the real command (`claude-error-triage mcp`, spawned from the bin
// script), driven over stdio by the SDK's own Client, with the status page served by the local mock.

const BIN = fileURLToPath(new URL("../../bin/claude-error-triage.mjs", import.meta.url));
const PASTE = `anthropic.RateLimitError: Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}
Authorization: Bearer ${PLANTED_KEY}`;

let mock: MockStatusServer;
let client: Client;

beforeAll(async () => {
  mock = await startMockStatusServer({ scenario: "major-outage" });
  client = new Client({ name: "triage-test", version: "1.0.0" });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "mcp"],
      env: { PATH: process.env.PATH ?? "", STATUS_PAGE_URL: mock.url, HOME: process.env.HOME ?? "" },
      stderr: "pipe",
    }),
  );
}, 60_000);

afterAll(async () => {
  await client?.close();
  await mock?.close();
});

type TextBlock = { type: string; text?: string };
const texts = (content: unknown) => (content as TextBlock[]).map((block) => block.text ?? "").join("\n");

describe("claude-error-triage mcp", () => {
  it("names itself and lists the four tools, each with input and output schemas", async () => {
    expect(client.getServerVersion()?.name).toBe("claude-error-triage");
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      "claude_status",
      "diagnose_error",
      "redact_text",
      "support_packet",
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.description?.length).toBeGreaterThan(40);
    }
    const diagnoseTool = tools.find((tool) => tool.name === "diagnose_error")!;
    expect(diagnoseTool.inputSchema.required).toEqual(["text"]);
  });

  it("diagnose_error: a report with the branch, live status and no secret", async () => {
    const result = await client.callTool({
      name: "diagnose_error",
      arguments: { text: PASTE, occurred_at: "2026-11-20T09:30:00Z" },
    });
    expect(result.isError).toBeFalsy();
    const report = diagnosisReportSchema.parse(result.structuredContent);
    expect(report.branch).toBe("rate_limit");
    expect(report.evidence.requestIds).toContain("req_011CSHoEeqs5C35K2UUqR7Fy");
    expect(report.statusContext?.source).toBe("live");
    expect(report.statusContext?.correlatedIncidents.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain(PLANTED_KEY.slice(0, 30));
    expect(texts(result.content)).toContain("rate_limit");
  });

  it("redact_text: the text with typed placeholders and the findings", async () => {
    const result = await client.callTool({ name: "redact_text", arguments: { text: PASTE } });
    const structured = result.structuredContent as { redacted: string; findings: Array<{ kind: string }> };
    expect(structured.redacted).toContain("[REDACTED:anthropic-api-key#1]");
    expect(structured.redacted).toContain("req_011CSHoEeqs5C35K2UUqR7Fy");
    expect(structured.findings.map((f) => f.kind)).toContain("anthropic-api-key");
    expect(JSON.stringify(result)).not.toContain(PLANTED_KEY.slice(0, 30));
  });

  it("support_packet: the packet as JSON and Markdown, with the impact and the status reading", async () => {
    const result = await client.callTool({
      name: "support_packet",
      arguments: {
        text: PASTE,
        impact: "checkout summaries fail",
        ruled_out: ["network"],
        occurred_at: "2026-11-20T09:30:00Z",
      },
    });
    const structured = result.structuredContent as { packet: unknown; markdown: string };
    const packet = packetSchema.parse(structured.packet);
    expect(packet.impact).toBe("checkout summaries fail");
    expect(packet.checklist.networkChecked).toBe(true);
    expect(structured.markdown).toContain("req_011CSHoEeqs5C35K2UUqR7Fy");
    expect(structured.markdown).toContain("Claude API unavailable and elevated errors on Claude Code");
    expect(JSON.stringify(result)).not.toContain(PLANTED_KEY.slice(0, 30));
  });

  it("claude_status: the page's reading", async () => {
    const result = await client.callTool({ name: "claude_status", arguments: {} });
    const reading = statusReadingSchema.parse(result.structuredContent);
    expect(reading.indicator).toBe("major");
    expect(reading.activeIncidents.length).toBeGreaterThan(0);
    expect(texts(result.content)).toContain("Claude API unavailable");
  });

  it("refuses empty and binary text with the reason, as every face does", async () => {
    const empty = await client.callTool({ name: "diagnose_error", arguments: { text: "   " } });
    expect(empty.isError).toBe(true);
    expect(texts(empty.content)).toContain("the text is empty");
    const binary = await client.callTool({ name: "redact_text", arguments: { text: "a\u0000b" } });
    expect(binary.isError).toBe(true);
    expect(texts(binary.content)).toContain("binary");
  });

  it("rejects arguments that do not match the input schema", async () => {
    const result = await client.callTool({ name: "diagnose_error", arguments: { text: 42 } });
    expect(result.isError).toBe(true);
  });
});

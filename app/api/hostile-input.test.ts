import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// Hostile and oversized input through every route that takes a paste (issue 7): each gets a clear
// answer in the one error envelope, or a diagnosis; never a 500, never a thrown handler.

type Handler = (request: Request) => Promise<Response>;
const routes: Record<string, Handler> = {};
let server: MockStatusServer;
let dataDir: string;

beforeAll(async () => {
  server = await startMockStatusServer({ scenario: "operational", port: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), "triage-hostile-"));
  Object.assign(process.env, {
    STATUS_PAGE_URL: server.url,
    DATA_DIR: dataDir,
    PERMALINK_RATE_LIMIT: "100000/60s",
  });
  delete process.env.DATABASE_URL;
  routes["/api/diagnose"] = (await import("./diagnose/route")).POST;
  routes["/api/packet"] = (await import("./packet/route")).POST;
  routes["/api/permalinks"] = (await import("./permalinks/route")).POST;
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (url: string, body: BodyInit, contentType = "application/json"): Request =>
  new Request(`http://localhost${url}`, { method: "POST", headers: { "content-type": contentType }, body });

const deep = (depth: number): string => "[".repeat(depth) + "]".repeat(depth);
const ERROR_LINE = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;

// name, body, the statuses a clear answer may have
const CASES: Array<[string, () => BodyInit, number[]]> = [
  [
    "invalid UTF-8 bytes",
    () => new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    [400],
  ],
  ["a NUL byte in the text", () => JSON.stringify({ text: `${ERROR_LINE}\u0000tail` }), [400]],
  [
    "100k lines (under the limit)",
    () => JSON.stringify({ text: `${"x\n".repeat(100_000)}${ERROR_LINE}` }),
    [200, 201],
  ],
  ["a 10 MB single line", () => JSON.stringify({ text: "a".repeat(10 * 1024 * 1024) }), [413]],
  ["a text one byte over the limit", () => JSON.stringify({ text: "a".repeat(MAX_INPUT_BYTES + 1) }), [413]],
  ["10k-deep nested JSON as the body", () => `{"text":"x","extra":${deep(10_000)}}`, [400]],
  [
    "10k-deep nested JSON as the text",
    () => JSON.stringify({ text: `${deep(10_000)}\n${ERROR_LINE}` }),
    [200, 201],
  ],
  [
    "ANSI codes and CRLF",
    () => JSON.stringify({ text: `\u001b[31m${ERROR_LINE}\u001b[0m\r\n\r\n` }),
    [200, 201],
  ],
  ["an empty body", () => "", [400]],
  ["JSON that is not an object", () => "[1,2,3]", [400]],
];

describe.each(["/api/diagnose", "/api/packet", "/api/permalinks"])("%s under hostile input", (url) => {
  it.each(CASES)("answers %s clearly", async (_name, body, expected) => {
    const response = await routes[url]!(post(url, body()));
    expect(expected).toContain(response.status);
    const payload = (await response.json()) as { error?: { type: string; message: string } };
    if (response.status >= 400) {
      expect(payload.error?.type).toMatch(/^(invalid_request|request_too_large|unsupported_media_type)$/);
      expect(payload.error?.message.length).toBeGreaterThan(10);
    }
  });
});

import { describe, expect, it } from "vitest";
import { packetSchema } from "../lib/packet";
import { runCli } from "./main";
import { testIo } from "./test-io";

const REQ = "req_011CSHoEeqs5C35K2UUqR7Fy";
const KEY = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;
const PASTE = `x-api-key: ${KEY}\nrequest-id: ${REQ}\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
const NOW = new Date("2026-11-21T10:20:00.000Z");

/** Runs the CLI in-process with `stdin` as standard input, collecting what it prints. */
async function run(argv: string[], stdin = PASTE) {
  let stdout = "";
  let stderr = "";
  const io = testIo({
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: async function* () {
      yield stdin;
    },
    now: () => NOW,
  });
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}

describe("claude-error-triage redact", () => {
  it("prints the text with the key replaced and the evidence kept", async () => {
    const { status, stdout } = await run(["redact"]);
    expect(status).toBe(0);
    expect(stdout).toBe(
      `x-api-key: [REDACTED:anthropic-api-key#1]\nrequest-id: ${REQ}\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n`,
    );
  });

  it("prints one {file, redacted, findings} line with --json", async () => {
    const { stdout } = await run(["redact", "--json"]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { file: string; redacted: string; findings: unknown[] };
    expect(Object.keys(line)).toEqual(["file", "redacted", "findings"]);
    expect(line.file).toBe("-");
    expect(line.redacted).toContain("[REDACTED:anthropic-api-key#1]");
    expect(line.findings).toEqual([{ kind: "anthropic-api-key", count: 1, spans: [{ start: 11, end: 41 }] }]);
    expect(stdout).not.toContain(KEY.slice(20, 40));
  });

  it("exits 1 and names the input it could not read, going on with the rest", async () => {
    const { status, stdout, stderr } = await run(["redact", "/nonexistent/x.log", "-"]);
    expect(status).toBe(1);
    expect(stderr).toContain("/nonexistent/x.log: no such file.");
    expect(stdout).toContain("==> - <==\n");
  });
});

describe("claude-error-triage packet", () => {
  it("prints the Markdown packet by default, without the key", async () => {
    const { status, stdout } = await run(["packet", "--impact", "checkout down", "--ruled-out", "status"]);
    expect(status).toBe(0);
    expect(stdout.startsWith("# Claude API support packet\n")).toBe(true);
    expect(stdout).toContain(`- \`${REQ}\` at`);
    expect(stdout).toContain("- Impact: checkout down");
    expect(stdout).toContain("- [x] Checked the status page");
    expect(stdout).toContain("Not checked.");
    expect(stdout).not.toContain(KEY.slice(20, 40));
  });

  it("prints the packet JSON for one input with --format json", async () => {
    const { stdout } = await run(["packet", "--format", "json"]);
    const packet = packetSchema.parse(JSON.parse(stdout));
    expect(packet.generatedAt).toBe(NOW.toISOString());
    expect(packet.requests[0]?.id).toBe(REQ);
    expect(packet.redaction.total).toBe(1);
  });

  it("refuses an unknown format with exit status 2 and the packet usage", async () => {
    const { status, stderr } = await run(["packet", "--format", "pdf"]);
    expect(status).toBe(2);
    expect(stderr).toContain("Usage: claude-error-triage packet");
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { packetSchema } from "../lib/packet";

const BIN = fileURLToPath(new URL("./claude-error-triage.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cet-packet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REQ = "req_011CSHoEeqs5C35K2UUqR7Fy";
const KEY = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;
const EMAIL = "jane.rivera@northwind-labs.io";
const corpusText = (name: string): string =>
  (
    JSON.parse(readFileSync(new URL(`../../shared/corpus/${name}`, import.meta.url), "utf8")) as {
      text: string;
    }
  ).text;

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the real bin script, from another working directory, the way a user's shell would. */
function run(args: string[], input = "") {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmpdir(),
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const OVERLOADED = `x-api-key: ${KEY}\nrequest-id: ${REQ}\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;

describe("claude-error-triage redact and packet (spawned)", () => {
  it("redact prints standard input with the key and the email replaced", () => {
    const { status, stdout } = run(["redact"], `${OVERLOADED}\ncontact ${EMAIL}`);
    expect(status).toBe(0);
    expect(stdout).toContain("x-api-key: [REDACTED:anthropic-api-key#1]");
    expect(stdout).toContain("contact [REDACTED:email#1]");
    expect(stdout).toContain(REQ);
    expect(stdout).not.toContain(KEY.slice(20, 40));
    expect(stdout).not.toContain("jane.rivera");
  });

  it("redact --json prints one line per file, in order", () => {
    const a = file("a.log", OVERLOADED);
    const b = file("b.log", corpusText("907-rate_limit.json"));
    const { status, stdout } = run(["redact", "--json", a, b]);
    expect(status).toBe(0);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; redacted: string; findings: Array<{ kind: string }> });
    expect(lines.map((l) => l.file)).toEqual([a, b]);
    expect(lines[0]?.findings.map((f) => f.kind)).toEqual(["anthropic-api-key"]);
  });

  it("packet prints Markdown for a file, and JSON Lines with file for several", () => {
    const a = file("p1.log", OVERLOADED);
    const b = file("p2.log", corpusText("907-rate_limit.json"));
    const md = run(["packet", a]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain("# Claude API support packet");
    expect(md.stdout).toContain(REQ);
    expect(md.stdout).not.toContain(KEY.slice(20, 40));

    const jl = run(["packet", "--format", "json", a, b]);
    expect(jl.status).toBe(0);
    const lines = jl.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l) as { file: string });
    expect([first?.file, second?.file]).toEqual([a, b]);
    // The packet schema strips the extra "file" key.
    expect(packetSchema.parse(first).requests[0]?.id).toBe(REQ);
  });

  it("packet --help prints its usage; a bad flag exits 2", () => {
    expect(run(["packet", "--help"]).stdout).toContain("Usage: claude-error-triage packet");
    const bad = run(["redact", "--nope"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Usage: claude-error-triage redact");
  });
});

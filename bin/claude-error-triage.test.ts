import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { classify } from "../lib/classify";
import { diagnoseOffline, diagnosisReportSchema } from "../lib/report";

const BIN = fileURLToPath(new URL("./claude-error-triage.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cet-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OVERLOADED =
  'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';
const RATE_LIMITED =
  'anthropic.RateLimitError: Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}';

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the real bin script, from another working directory, the way a user's shell would. */
function run(args: string[], input = "", env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmpdir(),
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", ...env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonLines = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const ESC = "\u001b";

describe("claude-error-triage (spawned)", () => {
  it("prints usage and exits 0 with --help", () => {
    const { status, stdout } = run(["--help"]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      "Usage: claude-error-triage [--status] [--json] [--background] [--side-effects] [FILE...]",
    );
  });

  it("exits 2 with usage on stderr for an unknown flag", () => {
    const { status, stdout, stderr } = run(["--frobnicate"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--frobnicate");
    expect(stderr).toContain("Usage:");
  });

  it("diagnoses standard input in readable form, uncoloured when piped", () => {
    const { status, stdout, stderr } = run([], OVERLOADED);
    const expected = classify(OVERLOADED);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    const { verdict } = diagnoseOffline(OVERLOADED, { now: new Date(), random: () => 0.5 });
    expect(stdout.split("\n")[0]).toBe(verdict.summary);
    expect(stdout.split("\n")[1]).toBe(expected.headline);
    expect(stdout).toContain(`Branch: ${expected.branch}`);
    expect(stdout).toContain(`First move: ${expected.card.firstMove}`);
    expect(stdout).toContain(`Verify: ${expected.card.verify}`);
    expect(stdout).toMatch(/errors? found in the input\./);
    expect(stdout).toMatch(/^Retry: yes \(interactive\)/m);
    expect(stdout).not.toContain(ESC);
  });

  it("writes one Diagnosis per line with --json, in input order, naming each input", () => {
    const first = file("first.log", RATE_LIMITED);
    const second = file("second.log", OVERLOADED);
    const { status, stdout } = run(
      ["--json", first, "-", second],
      "Error: connect ECONNREFUSED 127.0.0.1:443",
    );
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((line) => line.file)).toEqual([first, "-", second]);
    for (const line of lines) diagnosisReportSchema.parse(line);
    const { retry, retryContext, statusContext, verdict, ...diagnosis } = diagnosisReportSchema.parse(
      lines[0],
    );
    expect({ file: lines[0]?.file, ...diagnosis }).toEqual({ file: first, ...classify(RATE_LIMITED) });
    expect(retryContext).toEqual({ mode: "interactive", sideEffects: false });
    expect(retry.retryable).toBe(true);
    expect(statusContext).toBeNull();
    expect(verdict).toMatchObject({ whoActs: ["account"], retry: "now", statusNote: null });
    expect(lines[2]).toMatchObject({ branch: classify(OVERLOADED).branch });
  });

  it("names each input above its diagnosis when there are several", () => {
    const a = file("a.log", RATE_LIMITED);
    const b = file("b.log", OVERLOADED);
    const { status, stdout } = run([a, b]);
    expect(status).toBe(0);
    expect(stdout).toContain(`==> ${a} <==`);
    expect(stdout.indexOf(`==> ${a} <==`)).toBeLessThan(stdout.indexOf(`==> ${b} <==`));
  });

  it("refuses bad inputs on stderr, carries on with the rest, and exits 1", () => {
    const empty = file("empty.log", "");
    const binary = file("binary.bin", new Uint8Array([0x89, 0x50, 0x00, 0x47]));
    const latin1 = file("latin1.txt", new Uint8Array([0x45, 0x72, 0x72, 0xe9, 0x75, 0x72]));
    const big = file("big.log", "x".repeat(1024 * 1024 + 1));
    const missing = join(dir, "missing.log");
    const good = file("good.log", OVERLOADED);
    const { status, stdout, stderr } = run(["--json", empty, binary, latin1, big, missing, good]);
    expect(status).toBe(1);
    expect(jsonLines(stdout).map((line) => line.file)).toEqual([good]);
    const complaints = stderr.trimEnd().split("\n");
    expect(complaints).toHaveLength(5);
    for (const [index, path] of [empty, binary, latin1, big, missing].entries()) {
      expect(complaints[index]).toContain(path);
    }
    expect(complaints[4]).toContain("no such file");
  });

  it("refuses empty standard input", () => {
    const { status, stdout, stderr } = run(["-"], "");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/standard input: .*empty/);
  });
});

import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";
import { PLANTED_KEY, payloadFor, SCENARIOS, transcriptFor } from "../lib/hook/testing/scenarios";
import packageJson from "../package.json";

// The command line as Claude Code and a shell run it: the bin script in a child process, from another folder.

const BIN = fileURLToPath(new URL("./claude-error-triage.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cet-integrations-"));
let mock: MockStatusServer;
beforeAll(async () => {
  mock = await startMockStatusServer({ scenario: "major-outage" });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], input = "", env: Record<string, string> = {}, cwd = dir) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As `run`, without blocking the event loop, so the in-process mock status server can answer. */
function runAsync(args: string[], input = "", env: Record<string, string> = {}, cwd = dir) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

const OVERLOADED =
  'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CVhS2bq7Pn4XkW8dJf6Ta"}';

describe("claude-error-triage --version", () => {
  it("prints the package version, from the sources too", () => {
    expect(run(["--version"]).stdout).toBe(`claude-error-triage ${packageJson.version}\n`);
    expect(run(["-V"], "", { CLAUDE_ERROR_TRIAGE_FROM_SOURCE: "1" }).stdout).toBe(
      `claude-error-triage ${packageJson.version}\n`,
    );
  });
});

describe("claude-error-triage --status", () => {
  it("leads with the status page and the incident at the error's time", async () => {
    const paste = `2026-11-20T09:30:00Z ${OVERLOADED}`;
    const { status, stdout } = await runAsync(["--status"], paste, { STATUS_PAGE_URL: mock.url });
    expect(status).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^Status: .+ \(live, checked /);
    expect(stdout).toContain("Claude API unavailable and elevated errors on Claude Code");
    expect(stdout.indexOf("Status:")).toBeLessThan(stdout.indexOf("Branch: overloaded"));
  });

  it("puts the status reading in the JSON report", async () => {
    const { stdout } = await runAsync(["--status", "--json"], OVERLOADED, { STATUS_PAGE_URL: mock.url });
    expect(JSON.parse(stdout).statusContext.source).toBe("live");
  });

  it("says the page could not be read and still diagnoses when it is down", async () => {
    const { status, stdout } = await runAsync(["--status"], OVERLOADED, {
      STATUS_PAGE_URL: "http://127.0.0.1:9",
    });
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toBe("Status: Status unavailable (not reachable)");
    expect(stdout).toContain("Branch: overloaded");
  });

  it("refuses an invalid STATUS_PAGE_URL naming the variable, and never reads the page without --status", async () => {
    const bad = run(["--status"], OVERLOADED, { STATUS_PAGE_URL: "ftp://example" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("STATUS_PAGE_URL");
    const offline = run([], OVERLOADED, { STATUS_PAGE_URL: "ftp://example" });
    expect(offline.status).toBe(0);
    expect(offline.stdout).not.toContain("Status:");
  });
});

describe("claude-error-triage hook claude-code", () => {
  it("prints valid JSON naming the branch and the packet, and exits 0", async () => {
    const scenario = SCENARIOS.find((s) => s.error === "rate_limit")!;
    const project = mkdtempSync(join(dir, "project-"));
    const transcript = join(project, "session.jsonl");
    writeFileSync(transcript, transcriptFor(scenario));
    const { status, stdout, stderr } = await runAsync(
      ["hook", "claude-code"],
      JSON.stringify(payloadFor(scenario, transcript)),
      { STATUS_PAGE_URL: mock.url, CLAUDE_PROJECT_DIR: project },
    );
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.endsWith("\n")).toBe(true);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    const output = JSON.parse(stdout) as { systemMessage: string; terminalSequence: string };
    expect(Object.keys(output).sort()).toEqual(["systemMessage", "terminalSequence"]);
    expect(output.systemMessage).toMatch(/^Claude Error Triage \[rate_limit/);
    expect(output.systemMessage).toContain(scenario.requestId!);
    expect(stdout).not.toContain(PLANTED_KEY.slice(0, 30));
    const packets = readdirSync(join(project, ".claude", "error-triage"));
    expect(packets).toHaveLength(1);
    expect(output.systemMessage).toContain(join(".claude", "error-triage", packets[0]!));
  });

  it.each([
    ["empty input", ""],
    ["garbage", "\u0000\u00ff{{not json"],
    ["a huge line", "x".repeat(3 * 1024 * 1024)],
  ])("%s: still valid JSON and exit 0", (_name, input) => {
    const { status, stdout } = run(["hook", "claude-code", "--no-status"], input);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).systemMessage).toMatch(/^Claude Error Triage/);
  });

  it("answers and exits within its deadline when standard input never closes", async () => {
    const child = spawn(process.execPath, [BIN, "hook", "claude-code", "--no-status"], { cwd: dir });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stdin.write('{"hook_event_name":"StopFailure","error":"overloaded"');
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    child.stdin.destroy();
    expect(status).toBe(0);
    expect(JSON.parse(stdout).systemMessage).toContain("took longer than a few seconds");
  });

  it("answers within its deadline when the status page hangs", async () => {
    mock.setScenario("slow");
    try {
      const scenario = SCENARIOS.find((s) => s.error === "server_error")!;
      const { status, stdout } = await runAsync(
        ["hook", "claude-code", "--packet-dir", join(dir, "slow-packets")],
        JSON.stringify(payloadFor(scenario, null)),
        // A short status timeout keeps the hook's own deadline out of reach on a busy machine.
        { STATUS_PAGE_URL: mock.url, STATUS_TIMEOUT_MS: "1000" },
      );
      expect(status).toBe(0);
      const { systemMessage } = JSON.parse(stdout) as { systemMessage: string };
      expect(systemMessage).toMatch(/^Claude Error Triage \[api_error/);
      expect(systemMessage).toContain("Status page: could not be read.");
    } finally {
      mock.setScenario("major-outage");
    }
  });
});

describe("claude-error-triage setup claude-code", () => {
  it("prints the snippet without --write and changes nothing", () => {
    const project = mkdtempSync(join(dir, "setup-print-"));
    const { status, stdout } = run(["setup", "claude-code"], "", {}, project);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).hooks.StopFailure[0].hooks[0].command).toBe(
      "claude-error-triage hook claude-code",
    );
    expect(existsSync(join(project, ".claude"))).toBe(false);
  });

  it("--write merges into the project's settings, and says so; again, changes nothing", () => {
    const project = mkdtempSync(join(dir, "setup-write-"));
    mkdirSync(join(project, ".claude"));
    writeFileSync(join(project, ".claude", "settings.json"), '{"model":"opus"}');
    const first = run(["setup", "claude-code", "--write", "--project", project]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Added the StopFailure hook");
    expect(first.stdout).toContain(".bak-");
    const settings = JSON.parse(readFileSync(join(project, ".claude", "settings.json"), "utf8"));
    expect(settings.model).toBe("opus");
    expect(settings.hooks.StopFailure).toHaveLength(1);
    const second = run(["setup", "claude-code", "--write", "--project", project]);
    expect(second.stdout).toContain("nothing changed");
  });

  it("--write refuses a malformed settings file with exit 1 and leaves it alone", () => {
    const project = mkdtempSync(join(dir, "setup-bad-"));
    mkdirSync(join(project, ".claude"));
    writeFileSync(join(project, ".claude", "settings.json"), "{ not json");
    const { status, stderr } = run(["setup", "claude-code", "--write"], "", {}, project);
    expect(status).toBe(1);
    expect(stderr).toContain("is not valid JSON");
    expect(readFileSync(join(project, ".claude", "settings.json"), "utf8")).toBe("{ not json");
  });

  it("--write --user writes to the user's settings under HOME", () => {
    const home = mkdtempSync(join(dir, "home-"));
    const { status } = run(["setup", "claude-code", "--write", "--user"], "", { HOME: home });
    expect(status).toBe(0);
    expect(
      JSON.parse(readFileSync(join(home, ".claude", "settings.json"), "utf8")).hooks.StopFailure,
    ).toHaveLength(1);
  });

  it("refuses a missing tool name or project", () => {
    expect(run(["setup"]).status).toBe(2);
    expect(run(["hook", "cursor"]).status).toBe(2);
    expect(run(["setup", "claude-code", "--write", "--project", join(dir, "nope")]).status).toBe(1);
  });
});

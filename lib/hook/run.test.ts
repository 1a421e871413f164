import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";
import { createStatusClient } from "../status/client";
import { prunePackets } from "./packet-file";
import { runClaudeCodeHook, type HookOptions } from "./run";
import { PLANTED_KEY, payloadFor, SCENARIOS, transcriptFor } from "./testing/scenarios";

const dir = mkdtempSync(path.join(tmpdir(), "cet-hook-"));
let mock: MockStatusServer;
beforeAll(async () => {
  mock = await startMockStatusServer({ scenario: "major-outage" });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

// The major-outage fixture's incident runs around this time.
const NOW = new Date("2026-11-20T09:30:00.000Z");

function options(stdinText: string, overrides: Partial<HookOptions> = {}): HookOptions {
  return {
    stdinText,
    env: {},
    now: () => NOW,
    random: () => 0.5,
    status: null,
    packetDir: path.join(dir, "packets"),
    notify: "osc9",
    cwd: dir,
    ...overrides,
  };
}

function statusClient() {
  return createStatusClient({
    baseUrl: mock.url,
    fetch: (url, init) => fetch(url, init),
    now: () => NOW.getTime(),
  });
}

describe("the StopFailure hook, for every error value", () => {
  for (const scenario of SCENARIOS) {
    describe(scenario.error, () => {
      for (const withTranscript of [true, false]) {
        it(`${withTranscript ? "with" : "without"} a transcript: names the branch, hides the secret, writes the packet`, async () => {
          let transcriptPath: string | null = null;
          if (withTranscript) {
            transcriptPath = path.join(dir, `${scenario.error}.jsonl`);
            writeFileSync(transcriptPath, transcriptFor(scenario));
          }
          const payload = JSON.stringify(payloadFor(scenario, transcriptPath));
          const result = await runClaudeCodeHook(options(payload));

          const printed = JSON.stringify(result.output);
          expect(JSON.parse(printed)).toEqual(result.output);
          expect(result.branch).toBe(scenario.branch);
          expect(result.output.systemMessage).toMatch(
            new RegExp(`^Claude Error Triage \\[${scenario.branch}[\\]:]`),
          );
          expect(result.output.systemMessage).not.toContain("\n");
          expect(printed).not.toContain(PLANTED_KEY);
          expect(printed).not.toContain(PLANTED_KEY.slice(0, 30));

          expect(result.packetPath).not.toBeNull();
          const packetFile = path.resolve(dir, result.packetPath!);
          expect(existsSync(packetFile)).toBe(true);
          expect(result.output.systemMessage).toContain(result.packetPath!);
          const packet = readFileSync(packetFile, "utf8");
          expect(packet).not.toContain(PLANTED_KEY.slice(0, 30));
          expect(packet).toContain(`\`${scenario.branch}\``);

          if (withTranscript) {
            expect(result.transcript?.bytesRead).toBeGreaterThan(0);
            if (scenario.requestId !== null) {
              expect(result.output.systemMessage).toContain(`Request id: ${scenario.requestId}`);
              expect(packet).toContain(scenario.requestId);
            }
          }
        });
      }
    });
  }
});

describe("the StopFailure hook with the status page", () => {
  it("names the incident the page shows at the error's time", async () => {
    const scenario = SCENARIOS.find((s) => s.error === "server_error")!;
    const result = await runClaudeCodeHook(
      options(JSON.stringify(payloadFor(scenario, null)), { status: statusClient() }),
    );
    expect(result.report?.statusContext?.source).toBe("live");
    expect(result.output.systemMessage).toContain(
      'Incident: "Claude API unavailable and elevated errors on Claude Code"',
    );
    const packet = readFileSync(path.resolve(dir, result.packetPath!), "utf8");
    expect(packet).toContain("Claude API unavailable and elevated errors on Claude Code");
    expect(packet).toContain("- [x] Checked the status page");
  });

  it("says the page could not be read when it is down, and still answers", async () => {
    const scenario = SCENARIOS.find((s) => s.error === "overloaded")!;
    mock.setScenario("down");
    try {
      const fresh = createStatusClient({
        baseUrl: mock.url,
        fetch: (u, i) => fetch(u, i),
        now: () => NOW.getTime(),
      });
      const result = await runClaudeCodeHook(
        options(JSON.stringify(payloadFor(scenario, null)), { status: fresh }),
      );
      expect(result.branch).toBe("overloaded");
      expect(result.output.systemMessage).toContain("Status page: could not be read.");
    } finally {
      mock.setScenario("major-outage");
    }
  });
});

describe("the StopFailure hook with bad input", () => {
  it.each([
    ["empty input", "", "the hook received no input"],
    ["whitespace", "  \n ", "the hook received no input"],
    ["garbage", "\u0000\u0001not json at all{{", "the hook input is not JSON"],
    ["a JSON array", "[1,2,3]", "the hook input is not a JSON object"],
    [
      "another event",
      JSON.stringify({ hook_event_name: "Stop" }),
      "the hook was run for Stop, not StopFailure",
    ],
  ])("%s: valid JSON that says what was wrong, no packet", async (_name, stdin, note) => {
    const result = await runClaudeCodeHook(options(stdin));
    expect(JSON.parse(JSON.stringify(result.output)).systemMessage).toContain(note);
    expect(result.output.systemMessage).toMatch(/^Claude Error Triage \[unknown\]/);
    expect(result.packetPath).toBeNull();
  });

  it("a missing transcript: diagnoses from the payload and says the transcript was not there", async () => {
    const scenario = SCENARIOS.find((s) => s.error === "rate_limit")!;
    const payload = payloadFor(scenario, path.join(dir, "no-such-session.jsonl"));
    const result = await runClaudeCodeHook(options(JSON.stringify(payload)));
    expect(result.branch).toBe("rate_limit");
    expect(result.output.systemMessage).toContain("(the transcript does not exist)");
    expect(result.packetPath).not.toBeNull();
  });

  it("a transcript path that is a directory is reported, not read", async () => {
    const scenario = SCENARIOS.find((s) => s.error === "server_error")!;
    const result = await runClaudeCodeHook(options(JSON.stringify(payloadFor(scenario, dir))));
    expect(result.output.systemMessage).toMatch(
      /transcript (path is a directory|path is not a regular file)/,
    );
    expect(result.branch).toBe("api_error");
  });

  it("an error value this version does not know: kept, and the text still decides", async () => {
    const scenario = SCENARIOS.find((s) => s.error === "overloaded")!;
    const payload = { ...payloadFor(scenario, null), error: "quantum_flux" };
    const result = await runClaudeCodeHook(options(JSON.stringify(payload)));
    expect(result.input.error).toBe("quantum_flux");
    expect(result.input.knownError).toBe("unknown");
    expect(result.branch).toBe("overloaded");
  });

  it("only an error value and no text: the branch Claude Code's value points to, no packet", async () => {
    const result = await runClaudeCodeHook(
      options(JSON.stringify({ hook_event_name: "StopFailure", error: "billing_error" })),
    );
    expect(result.branch).toBe("billing");
    expect(result.output.systemMessage).toContain("Claude Code stopped on an API error (billing_error).");
    expect(result.output.systemMessage).toContain("no error text came with the hook input");
    expect(result.packetPath).toBeNull();
  });

  it("text that settles nothing: Claude Code's error value names the branch, not an 'unknown' verdict", async () => {
    const payload = {
      hook_event_name: "StopFailure",
      error: "rate_limit",
      last_assistant_message: "Something went wrong.",
    };
    const result = await runClaudeCodeHook(options(JSON.stringify(payload)));
    expect(result.report?.branch).toBe("unknown");
    expect(result.branch).toBe("rate_limit");
    expect(result.output.systemMessage).toContain(
      "Claude Code stopped on an API error (rate_limit); its text alone did not settle the branch.",
    );
    expect(result.output.systemMessage).not.toContain(result.report!.verdict.summary);
  });

  it("an unwritable packet folder costs the packet, not the answer", async () => {
    const blocker = path.join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    const scenario = SCENARIOS.find((s) => s.error === "server_error")!;
    const result = await runClaudeCodeHook(
      options(JSON.stringify(payloadFor(scenario, null)), { packetDir: path.join(blocker, "packets") }),
    );
    expect(result.branch).toBe("api_error");
    expect(result.packetPath).toBeNull();
    expect(result.output.systemMessage).toContain("the packet could not be written");
  });

  it("writes packets under the project's .claude folder by default, named relative to the project", async () => {
    const project = mkdtempSync(path.join(dir, "project-"));
    const scenario = SCENARIOS.find((s) => s.error === "rate_limit")!;
    const result = await runClaudeCodeHook(
      options(JSON.stringify(payloadFor(scenario, null)), {
        packetDir: null,
        env: { CLAUDE_PROJECT_DIR: project },
      }),
    );
    expect(result.packetPath).toMatch(/^\.claude[\\/]error-triage[\\/]packet-2026-11-20T09-30-00-000Z-/);
    expect(existsSync(path.join(project, result.packetPath!))).toBe(true);
  });
});

describe("the terminal notification", () => {
  it("is one allowlisted OSC sequence whose text cannot end it early", async () => {
    const hostile = JSON.stringify({
      hook_event_name: "StopFailure",
      error: "server_error",
      last_assistant_message: "API Error: 500 \u001b]0;owned\u0007 \u001b[2J Internal server error",
    });
    const osc9 = (await runClaudeCodeHook(options(hostile))).output.terminalSequence!;
    expect(osc9.startsWith("\u001b]9;")).toBe(true);
    expect(osc9.endsWith("\u0007")).toBe(true);
    expect([...osc9.slice(1, -1)].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    const osc777 = (await runClaudeCodeHook(options(hostile, { notify: "osc777" }))).output.terminalSequence!;
    expect(osc777.startsWith("\u001b]777;notify;Claude Error Triage;")).toBe(true);
    expect(
      (await runClaudeCodeHook(options(hostile, { notify: "none" }))).output.terminalSequence,
    ).toBeUndefined();
  });
});

describe("the packet folder", () => {
  it("keeps the newest packets only, and leaves other files alone", async () => {
    const folder = mkdtempSync(path.join(dir, "prune-"));
    writeFileSync(path.join(folder, "notes.md"), "mine");
    const scenario = SCENARIOS.find((s) => s.error === "server_error")!;
    const names: string[] = [];
    for (let minute = 0; minute < 4; minute += 1) {
      const at = new Date(Date.UTC(2026, 10, 20, 9, minute));
      const result = await runClaudeCodeHook(
        options(JSON.stringify(payloadFor(scenario, null)), { packetDir: folder, now: () => at }),
      );
      names.push(path.basename(result.packetPath!));
    }
    expect(await prunePackets(folder, 2)).toBe(2);
    expect(readdirSync(folder).sort()).toEqual([...names.slice(2), "notes.md"].sort());
  });
});

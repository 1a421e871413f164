#!/usr/bin/env node
// CI's check of the installable tarball (run by .ci/run before `npm test`): packs the command line
// (scripts/pack-cli.mjs), installs it with `npm install -g --offline` into a temporary prefix, and from a
// temporary folder outside the repository runs --version, a diagnosis, the Claude Code hook and the MCP server
// (driven by the MCP SDK's client). Prints one line per check; exits 1 if any fails.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { packCli } from "./pack-cli.mjs";

const KEY = `sk-ant-api03-${"Zq4Wt7Ue2Ri9Ty6Ui3Op8As5Df1Gh0Jk".repeat(3).slice(0, 93)}AA`;
const REQUEST_ID = "req_011CVhS2bq7Pn4XkW8dJf6Ta";
const work = mkdtempSync(path.join(tmpdir(), "cet-smoke-"));
const prefix = path.join(work, "prefix");
const home = path.join(work, "home");
const project = path.join(work, "project");
let failed = 0;

function check(name, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
  if (!ok) failed += 1;
}

// Nothing from the repository's node_modules may help: the command runs from elsewhere with a bare PATH.
const env = {
  PATH: `${path.join(prefix, "bin")}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin`,
  HOME: home,
  NO_COLOR: "1",
  STATUS_PAGE_URL: "http://127.0.0.1:9",
  STATUS_TIMEOUT_MS: "1000",
};
const bin = path.join(prefix, "bin", "claude-error-triage");
const run = (args, input = "") =>
  spawnSync(bin, args, { cwd: project, env, input, encoding: "utf8", timeout: 30_000 });

try {
  for (const dir of [home, project]) execFileSync("mkdir", ["-p", dir]);
  const packed = await packCli(work);
  check(
    "npm pack",
    existsSync(packed.tarball),
    `${path.basename(packed.tarball)}, ${(packed.size / 1024).toFixed(0)} KiB`,
  );

  execFileSync(
    "npm",
    [
      "install",
      "-g",
      packed.tarball,
      "--prefix",
      prefix,
      "--offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
    ],
    { cwd: work, env: { ...process.env, npm_config_cache: path.join(work, "npm-cache") }, stdio: "pipe" },
  );
  const installed = path.join(prefix, "lib", "node_modules", "claude-error-triage");
  check(
    "npm install -g --offline into a temporary prefix, no dependencies",
    existsSync(bin) && !existsSync(path.join(installed, "node_modules")),
    readdirSync(installed).join(", "),
  );

  const version = run(["--version"]);
  check(
    "--version",
    version.status === 0 && /^claude-error-triage \d+\.\d+\.\d+/.test(version.stdout),
    version.stdout.trim(),
  );

  const pasteFile = path.join(project, "error.log");
  writeFileSync(
    pasteFile,
    `x-api-key: ${KEY}\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"${REQUEST_ID}"}\n`,
  );
  const started = performance.now();
  const diagnosis = run([pasteFile]);
  const ms = performance.now() - started;
  check(
    "a diagnosis",
    diagnosis.status === 0 &&
      diagnosis.stdout.includes("Branch: overloaded") &&
      !diagnosis.stdout.includes(KEY),
    `${diagnosis.stdout.split("\n")[0]} (${ms.toFixed(0)} ms)`,
  );

  const transcript = path.join(project, "session.jsonl");
  writeFileSync(
    transcript,
    `${JSON.stringify({ type: "user", message: { role: "user", content: `deploy with ${KEY}` } })}\n${JSON.stringify(
      {
        type: "assistant",
        isApiErrorMessage: true,
        error: "overloaded",
        apiErrorStatus: 529,
        requestId: REQUEST_ID,
        timestamp: new Date().toISOString(),
        message: {
          model: "<synthetic>",
          content: [{ type: "text", text: "API Error: Repeated 529 Overloaded errors." }],
        },
      },
    )}\n`,
  );
  const payload = JSON.stringify({
    hook_event_name: "StopFailure",
    session_id: "smoke",
    cwd: project,
    transcript_path: transcript,
    error: "overloaded",
    error_details: `529 Overloaded (key ${KEY})`,
    last_assistant_message: "API Error: Repeated 529 Overloaded errors.",
  });
  const hook = run(["hook", "claude-code", "--notify", "none"], payload);
  let output = null;
  try {
    output = JSON.parse(hook.stdout);
  } catch {
    output = null;
  }
  const packetDir = path.join(project, ".claude", "error-triage");
  const packets = existsSync(packetDir) ? readdirSync(packetDir) : [];
  check(
    "hook claude-code",
    hook.status === 0 &&
      typeof output?.systemMessage === "string" &&
      output.systemMessage.includes("[overloaded") &&
      output.systemMessage.includes(REQUEST_ID) &&
      !hook.stdout.includes(KEY) &&
      packets.length === 1 &&
      !readFileSync(path.join(packetDir, packets[0] ?? "none"), "utf8").includes(KEY),
    output?.systemMessage?.slice(0, 120) ?? hook.stdout.slice(0, 120),
  );
  const garbage = run(["hook", "claude-code", "--notify", "none"], "\u0000not json");
  check(
    "hook claude-code on garbage input",
    garbage.status === 0 && JSON.parse(garbage.stdout).systemMessage.length > 0,
  );

  const setup = run(["setup", "claude-code", "--write"]);
  const again = run(["setup", "claude-code", "--write"]);
  check(
    "setup claude-code --write, twice",
    setup.status === 0 &&
      again.status === 0 &&
      again.stdout.includes("nothing changed") &&
      JSON.parse(readFileSync(path.join(project, ".claude", "settings.json"), "utf8")).hooks.StopFailure
        .length === 1,
  );

  const client = new Client({ name: "smoke", version: "1.0.0" });
  await client.connect(
    new StdioClientTransport({ command: bin, args: ["mcp"], env, cwd: project, stderr: "pipe" }),
  );
  try {
    const { tools } = await client.listTools();
    check("mcp: tools/list", tools.length === 4, tools.map((t) => t.name).join(", "));
    const redacted = await client.callTool({ name: "redact_text", arguments: { text: `key ${KEY}` } });
    check(
      "mcp: redact_text",
      redacted.structuredContent?.redacted === "key [REDACTED:anthropic-api-key#1]",
      String(redacted.structuredContent?.redacted),
    );
    const diagnosed = await client.callTool({
      name: "diagnose_error",
      arguments: { text: readFileSync(pasteFile, "utf8"), status: false },
    });
    check("mcp: diagnose_error", diagnosed.structuredContent?.branch === "overloaded");
  } finally {
    await client.close();
  }
} catch (error) {
  check("smoke run", false, error instanceof Error ? error.message : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(failed === 0 ? "tarball smoke: all checks passed" : `tarball smoke: ${failed} check(s) failed`);
process.exit(failed === 0 ? 0 : 1);

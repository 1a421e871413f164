// Start-up of the command line, the way a shell or Claude Code's hook runs it: one process per call, a 2 KB
// paste from a file. Figures only. Three ways to start, interleaved so load on the machine hits them alike:
//   tsx     bin/claude-error-triage.mjs compiling the TypeScript sources (what every call cost before the bundle)
//   bundle  bin/claude-error-triage.mjs running dist/cli (its freshness check included), as `npm link` runs it
//   node    `node -e 0`: Node's own start, the floor no command line can go below
// plus the StopFailure hook on a realistic payload and transcript (status off: no network in a bench).
// Builds the bundle first. Usage: npm run bench:cli [-- RUNS]   (default 15 runs each)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { payloadFor, SCENARIOS, transcriptFor } from "../lib/hook/testing/scenarios";

const root = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(root, "bin", "claude-error-triage.mjs");
const BUDGET_MS = 300;
const runs = Number(process.argv[2] ?? 15);

function twoKilobytePaste(): string {
  const error = `anthropic.RateLimitError: Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization (5f0c3e1a-0b7d-4c55-9a61-3c1f2b7e9d40) of 30,000 input tokens per minute."},"request_id":"req_011CVhRx5yGm8Q2pT9wLkN3e"}\n`;
  let text = "";
  let i = 0;
  while (Buffer.byteLength(text) + Buffer.byteLength(error) < 2048) {
    text += `2026-11-20T09:2${i % 10}:0${i % 6}.123Z INFO worker[${1000 + i}] summarising batch ${i} of checkout events\n`;
    i += 1;
  }
  return (text + error).padEnd(2048, " ").slice(0, 2048);
}

// CPU time (user + system) of the child, from GNU time when present: unlike wall time, it barely moves when
// other work shares the cores, so it is the figure to compare across runs on a busy machine.
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

type Sample = number[];
const median = (xs: Sample) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p90 = (xs: Sample) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] ?? NaN;
const min = (xs: Sample) => Math.min(...xs);

let cpuFile = "";

function time(args: string[], env: Record<string, string>, input?: string): { wall: number; cpu: number } {
  const [command, argv] =
    GNU_TIME === null
      ? [process.execPath, args]
      : [GNU_TIME, ["-o", cpuFile, "-f", "%U %S", process.execPath, ...args]];
  const started = performance.now();
  const result = spawnSync(command, argv, {
    env: { ...process.env, NO_COLOR: "1", ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const cpu =
    GNU_TIME === null
      ? NaN
      : readFileSync(cpuFile, "utf8")
          .trim()
          .split(/\s+/)
          .reduce((sum, seconds) => sum + Number(seconds) * 1000, 0);
  return { wall, cpu };
}

function main(): void {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], {
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(build.stderr);
  process.stdout.write(build.stdout);

  const dir = mkdtempSync(path.join(tmpdir(), "cet-bench-cli-"));
  try {
    const paste = path.join(dir, "paste.log");
    writeFileSync(paste, twoKilobytePaste());
    const scenario = SCENARIOS.find((s) => s.error === "overloaded")!;
    const transcript = path.join(dir, "session.jsonl");
    writeFileSync(transcript, transcriptFor(scenario, { fillerTurns: 200 }));
    const payload = JSON.stringify(payloadFor(scenario, transcript));
    const hookArgs = [BIN, "hook", "claude-code", "--no-status", "--notify", "none", "--packet-dir", dir];

    cpuFile = path.join(dir, "cpu.txt");
    const names = ["tsx", "bundle", "node", "hook (bundle)"] as const;
    const wall: Record<string, Sample> = Object.fromEntries(names.map((n) => [n, []]));
    const cpu: Record<string, Sample> = Object.fromEntries(names.map((n) => [n, []]));
    const record = (name: (typeof names)[number], t: { wall: number; cpu: number }) => {
      wall[name]!.push(t.wall);
      cpu[name]!.push(t.cpu);
    };
    // One warm-up each: the first tsx call fills its compile cache, as it would after any edit.
    time([BIN, paste], { CLAUDE_ERROR_TRIAGE_FROM_SOURCE: "1" });
    time([BIN, paste], {});
    for (let i = 0; i < runs; i += 1) {
      record("tsx", time([BIN, paste], { CLAUDE_ERROR_TRIAGE_FROM_SOURCE: "1" }));
      record("bundle", time([BIN, paste], {}));
      record("node", time(["-e", "0"], {}));
      record("hook (bundle)", time(hookArgs, {}, payload));
    }

    const bundleWall = median(wall.bundle!);
    const bundleCpu = median(cpu.bundle!);
    console.log(`\nclaude-error-triage FILE (2,048-byte paste), ${runs} runs each, per process:\n`);
    console.log(
      "| start            | wall median ms | wall p90 ms | wall min ms | CPU median ms | × bundle (wall) |",
    );
    console.log(
      "| ---------------- | -------------: | ----------: | ----------: | ------------: | --------------: |",
    );
    for (const name of names) {
      const xs = wall[name]!;
      console.log(
        `| ${name.padEnd(16)} | ${median(xs).toFixed(0).padStart(14)} | ${p90(xs).toFixed(0).padStart(11)} | ${min(xs).toFixed(0).padStart(11)} | ${median(cpu[name]!).toFixed(0).padStart(13)} | ${(median(xs) / bundleWall).toFixed(2).padStart(15)} |`,
      );
    }
    console.log(
      `\nbundle vs tsx: ${(median(wall.tsx!) / bundleWall).toFixed(1)}× faster in wall time, ${(median(cpu.tsx!) / bundleCpu).toFixed(1)}× in CPU time.` +
        `\nbundle wall median ${bundleWall.toFixed(0)} ms against the ${BUDGET_MS} ms budget (${((bundleWall / BUDGET_MS) * 100).toFixed(0)}%); Node's own start (node -e 0) takes ${median(wall.node!).toFixed(0)} ms of it here, so the command adds ${(bundleWall - median(wall.node!)).toFixed(0)} ms.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

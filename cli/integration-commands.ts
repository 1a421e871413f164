import type { Readable, Writable } from "node:stream";
import { stat } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { fallbackOutput, runClaudeCodeHook, type HookOutput } from "../lib/hook/run";
import { HOOK_COMMAND, settingsSnippet, writeHookIntoSettingsFile } from "../lib/hook/settings";
import type { StatusClient } from "../lib/status/client";
import type { IntegrationArgs } from "./integration-args";

/** The process edges the integration commands touch (a subset of main's CliIo). */
export type IntegrationIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => AsyncIterable<Uint8Array | string>;
  now: () => Date;
  random: () => number;
  env: Record<string, string | undefined>;
  cwd: string;
  statusClient: (options?: { maxTimeoutMs?: number }) => StatusClient;
  streams: () => { stdin: Readable; stdout: Writable };
  loadMcp: () => Promise<{ serveMcpOverStdio: typeof import("../lib/mcp/stdio").serveMcpOverStdio }>;
};

/** The hook answers within this, whatever the status page or the disk do (Claude Code waits up to its timeout). */
export const HOOK_DEADLINE_MS = 5_000;
/** The status page gets at most this much of the hook's time. */
export const HOOK_STATUS_TIMEOUT_MS = 2_500;
/** More hook input than this is not a StopFailure payload; the rest is not read. */
const MAX_HOOK_INPUT_BYTES = 1024 * 1024;

async function readHookInput(source: AsyncIterable<Uint8Array | string>): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    chunks.push(buffer);
    total += buffer.byteLength;
    if (total > MAX_HOOK_INPUT_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_HOOK_INPUT_BYTES).toString("utf8");
}

async function runHook(args: Extract<IntegrationArgs, { kind: "hook" }>, io: IntegrationIo): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<HookOutput>((resolve) => {
    timer = setTimeout(() => resolve(fallbackOutput("it took longer than a few seconds")), HOOK_DEADLINE_MS);
  });
  const work = (async (): Promise<HookOutput> => {
    const stdinText = await readHookInput(io.stdin());
    let status: StatusClient | null = null;
    if (args.status) {
      try {
        status = io.statusClient({ maxTimeoutMs: HOOK_STATUS_TIMEOUT_MS });
      } catch {
        status = null; // an invalid STATUS_PAGE_URL costs the status reading, never the hook
      }
    }
    const result = await runClaudeCodeHook({
      stdinText,
      env: io.env,
      now: io.now,
      random: io.random,
      status,
      packetDir: args.packetDir,
      notify: args.notify,
      cwd: io.cwd,
    });
    return result.output;
  })().catch((error: unknown) =>
    fallbackOutput(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`),
  );
  const output = await Promise.race([work, deadline]);
  clearTimeout(timer);
  io.stdout(`${JSON.stringify(output)}\n`);
  // Claude Code ignores a StopFailure hook's exit status; 0 keeps it out of the hook-error notices anyway.
  return 0;
}

async function runSetup(
  args: Extract<IntegrationArgs, { kind: "setup" }>,
  io: IntegrationIo,
): Promise<number> {
  const base = args.user ? homedir() : path.resolve(io.cwd, args.project ?? ".");
  const file = path.join(base, ".claude", "settings.json");
  if (!args.write) {
    io.stdout(`${JSON.stringify(settingsSnippet(), null, 2)}\n`);
    io.stderr(
      `Merge this into ${file}, or run: claude-error-triage setup claude-code --write${args.user ? " --user" : ""}\n`,
    );
    return 0;
  }
  if (!args.user) {
    // A project that does not exist is a typo, not a place to create .claude/ in.
    const exists = await stat(base).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!exists) {
      io.stderr(`claude-error-triage: ${base}: no such directory.\n`);
      return 1;
    }
  }
  const result = await writeHookIntoSettingsFile(file, { now: io.now() });
  if (!result.ok) {
    io.stderr(`claude-error-triage: ${result.file} ${result.problem}.\n`);
    return 1;
  }
  if (!result.changed) {
    io.stdout(`${result.file} already runs "${HOOK_COMMAND}" on StopFailure; nothing changed.\n`);
    return 0;
  }
  io.stdout(
    `Added the StopFailure hook to ${result.file}${result.backup === null ? "" : ` (the previous file is kept as ${result.backup})`}.\n` +
      `Claude Code runs "${HOOK_COMMAND}" from its next session; check with /hooks.\n`,
  );
  return 0;
}

/** Runs `hook`, `setup` or `mcp`: 0 done, 1 a file could not be changed, 2 usage error. */
export async function runIntegration(args: IntegrationArgs, io: IntegrationIo): Promise<number> {
  switch (args.kind) {
    case "integration-help":
      io.stdout(`${args.usage}\n`);
      return 0;
    case "integration-usage-error":
      io.stderr(`claude-error-triage: ${args.message}\n\n${args.usage}\n`);
      return 2;
    case "hook":
      return runHook(args, io);
    case "setup":
      return runSetup(args, io);
    case "mcp": {
      // Loaded only here: the SDK is most of the bundle's weight and no other command needs it.
      const { serveMcpOverStdio } = await io.loadMcp();
      await serveMcpOverStdio({
        ...io.streams(),
        statusClient: () => io.statusClient(),
        now: io.now,
        random: io.random,
      });
      return 0;
    }
  }
}

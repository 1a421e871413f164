import type { Readable, Writable } from "node:stream";
import { createEdgeStatusClient } from "../lib/hook/status-client";
import type { StatusClient } from "../lib/status/client";
import { diagnose } from "../lib/report";
import { parseCliArgs, USAGE } from "./args";
import { formatDiagnosis } from "./format";
import { runIntegration } from "./integration-commands";
import { runSubcommand } from "./packet-commands";
import { forEachInput } from "./read-input";
import { statusLines } from "./status-lines";
import { VERSION } from "./version";

/** The process edges the CLI touches, passed in so tests can run it in-process too. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => AsyncIterable<Uint8Array | string>;
  /** Colour is used only when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
  color: boolean;
  now: () => Date;
  random: () => number;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The status client for --status, the hook and the MCP server; throws when a setting is invalid. */
  statusClient: (options?: { maxTimeoutMs?: number }) => StatusClient;
  /** Standard input and output as streams, for the MCP server. */
  streams: () => { stdin: Readable; stdout: Writable };
  loadMcp: McpLoader;
};

/** Runs the CLI and returns its exit status: 0 all diagnosed, 1 some input refused, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.kind === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === "version") {
    io.stdout(`claude-error-triage ${VERSION}\n`);
    return 0;
  }
  if (args.kind === "usage-error") {
    io.stderr(`claude-error-triage: ${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  switch (args.kind) {
    case "redact":
    case "packet":
    case "subcommand-help":
    case "subcommand-usage-error":
      return runSubcommand(args, io);
    case "hook":
    case "setup":
    case "mcp":
    case "integration-help":
    case "integration-usage-error":
      return runIntegration(args, io);
  }

  let status: StatusClient | null = null;
  if (args.status) {
    try {
      status = io.statusClient();
    } catch (error) {
      io.stderr(`claude-error-triage: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }
  return forEachInput(args.files, io, async (file, text, printed) => {
    // occurredAt stays whatever the paste itself shows; the clock only dates the retry plan. Without --status
    // the CLI works offline and never asks the status page.
    const now = io.now();
    const report = await diagnose(text, {
      now,
      random: io.random,
      retryContext: { mode: args.background ? "background" : "interactive", sideEffects: args.sideEffects },
      status,
    });
    if (args.json) {
      io.stdout(`${JSON.stringify({ file, ...report })}\n`);
    } else {
      const heading = args.files.length > 1 ? file : null;
      const lead = statusLines(report, now);
      const body = formatDiagnosis(report, { file: heading, color: io.color });
      // With --status the verdict leads with the status page: after the input's heading, before the headline.
      const text = lead.length === 0 ? body : insertAfterHeading(body, lead, heading !== null);
      io.stdout(`${printed > 0 ? "\n" : ""}${text}`);
    }
  });
}

function insertAfterHeading(body: string, lines: string[], hasHeading: boolean): string {
  if (!hasHeading) return `${lines.join("\n")}\n${body}`;
  const cut = body.indexOf("\n") + 1;
  return `${body.slice(0, cut)}${lines.join("\n")}\n${body.slice(cut)}`;
}

/** How the MCP server's module is loaded: on demand, so no other command pays for the SDK. */
export type McpLoader = () => Promise<typeof import("../lib/mcp/stdio")>;

/** Wires runCli to this process; the bin script calls it. */
export async function main({
  loadMcp = () => import("../lib/mcp/stdio"),
}: { loadMcp?: McpLoader } = {}): Promise<void> {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  // A closed pipe (`| head`) is a normal end for a CLI, not a crash.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const argv = process.argv.slice(2);
  process.exitCode = await runCli(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: () => {
      if (process.stdin.isTTY)
        process.stderr.write("Reading the error from standard input; end it with Ctrl-D.\n");
      return process.stdin;
    },
    color: process.stdout.isTTY === true && !noColor,
    now: () => new Date(),
    random: Math.random,
    env: process.env,
    cwd: process.cwd(),
    statusClient: (options) => createEdgeStatusClient(process.env, options),
    streams: () => ({ stdin: process.stdin, stdout: process.stdout }),
    loadMcp,
  });
  // The hook has answered: work still pending after its deadline (a standard input that never closes, a status
  // request, a packet write) must not keep Claude Code waiting for the process to end.
  if (argv[0] === "hook") process.stdout.write("", () => process.exit(process.exitCode ?? 0));
}

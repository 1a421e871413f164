import { diagnoseOffline } from "../lib/report";
import { parseCliArgs, USAGE } from "./args";
import { formatDiagnosis } from "./format";
import { runSubcommand } from "./packet-commands";
import { forEachInput } from "./read-input";

/** The process edges the CLI touches, passed in so tests can run it in-process too. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => AsyncIterable<Uint8Array | string>;
  /** Colour is used only when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
  color: boolean;
  now: () => Date;
  random: () => number;
};

/** Runs the CLI and returns its exit status: 0 all diagnosed, 1 some input refused, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.kind === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === "usage-error") {
    io.stderr(`claude-error-triage: ${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.kind !== "run") return runSubcommand(args, io);

  return forEachInput(args.files, io, (file, text, printed) => {
    // occurredAt stays whatever the paste itself shows; the clock only dates the retry plan. The CLI works
    // offline: it never asks the status page.
    const diagnosis = diagnoseOffline(text, {
      now: io.now(),
      random: io.random,
      retryContext: { mode: args.background ? "background" : "interactive", sideEffects: args.sideEffects },
    });
    if (args.json) {
      io.stdout(`${JSON.stringify({ file, ...diagnosis })}\n`);
    } else {
      const heading = args.files.length > 1 ? file : null;
      io.stdout(
        `${printed > 0 ? "\n" : ""}${formatDiagnosis(diagnosis, { file: heading, color: io.color })}`,
      );
    }
  });
}

/** Wires runCli to this process; the bin script calls it. */
export async function main(): Promise<void> {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  // A closed pipe (`| head`) is a normal end for a CLI, not a crash.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2), {
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
  });
}

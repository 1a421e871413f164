import { parseArgs } from "node:util";
import { isIntegrationCommand, parseIntegrationArgs, type IntegrationArgs } from "./integration-args";
import { isSubcommand, parseSubcommandArgs, type SubcommandArgs } from "./packet-args";

/** The name `-` stands for standard input, as in most Unix tools. */
export const STDIN_NAME = "-";

export const USAGE = `Usage: claude-error-triage [--status] [--json] [--background] [--side-effects] [FILE...]

Reads each FILE (or standard input when none is given, or for "-") and prints a
diagnosis of the Claude API error it contains.

Commands:
  redact [FILE...]      print the input with secrets and personal data removed (redact --help)
  packet [FILE...]      print a redacted support packet (packet --help)
  hook claude-code      Claude Code's StopFailure hook (hook --help)
  setup claude-code     register that hook in Claude Code's settings (setup --help)
  mcp                   a Model Context Protocol server on stdio (mcp --help)

Options:
  --status        read the live status page (STATUS_PAGE_URL) and lead with it; off by
                  default so a diagnosis needs no network and answers at once
  --json          one diagnosis JSON object per line (JSON Lines), with a "file" field
  --background    plan retries for a background job (default: a person is waiting)
  --side-effects  the failed call has side effects (plan retries with idempotency in mind)
  -V, --version   print the version and exit
  -h, --help      show this help and exit

Exit status: 0 when every input was diagnosed, 1 when an input was refused or
unreadable, 2 on a usage error.`;

/** What the command line asked for; a closed union so main handles every case. */
export type CliArgs =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "usage-error"; message: string }
  | {
      kind: "run";
      json: boolean;
      background: boolean;
      sideEffects: boolean;
      status: boolean;
      files: string[];
    }
  | SubcommandArgs
  | IntegrationArgs;

/** Parses argv (without node and the script path). Pure: no I/O, never throws. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  if (isSubcommand(argv[0])) return parseSubcommandArgs(argv[0], argv.slice(1));
  if (isIntegrationCommand(argv[0])) return parseIntegrationArgs(argv[0], argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        json: { type: "boolean" },
        background: { type: "boolean" },
        "side-effects": { type: "boolean" },
        status: { type: "boolean" },
        version: { type: "boolean", short: "V" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { kind: "usage-error", message: error instanceof Error ? error.message : String(error) };
  }
  if (parsed.values.help === true) return { kind: "help" };
  if (parsed.values.version === true) return { kind: "version" };

  const files = parsed.positionals.length > 0 ? parsed.positionals : [STDIN_NAME];
  if (files.filter((file) => file === STDIN_NAME).length > 1) {
    return { kind: "usage-error", message: `Standard input ("${STDIN_NAME}") can be read only once.` };
  }
  if (files.includes("")) return { kind: "usage-error", message: "An empty file name was given." };
  return {
    kind: "run",
    json: parsed.values.json === true,
    background: parsed.values.background === true,
    sideEffects: parsed.values["side-effects"] === true,
    status: parsed.values.status === true,
    files,
  };
}

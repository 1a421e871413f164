import { parseArgs } from "node:util";
import { NOTIFY_STYLES, type NotifyStyle } from "../lib/hook/run";

// The commands that plug the triage into other tools: `hook claude-code` (Claude Code's StopFailure hook),
// `setup claude-code` (registers that hook in Claude Code's settings) and `mcp` (a Model Context Protocol
// server on standard input and output).

export const INTEGRATION_COMMANDS = ["hook", "setup", "mcp"] as const;
export type IntegrationCommand = (typeof INTEGRATION_COMMANDS)[number];

export function isIntegrationCommand(word: string | undefined): word is IntegrationCommand {
  return (INTEGRATION_COMMANDS as readonly string[]).includes(word ?? "");
}

export const HOOK_USAGE = `Usage: claude-error-triage hook claude-code [--packet-dir DIR] [--no-status] [--notify osc9|osc777|none]

Claude Code's StopFailure hook: reads the hook's JSON from standard input, reads the end of the
session transcript, diagnoses the error with the live status page, writes a redacted support
packet under the project's .claude/error-triage/ and prints {"systemMessage": "..."} for Claude
Code. Always exits 0 and answers within a few seconds. Register it with: setup claude-code --write

Options:
  --packet-dir DIR  write packets to DIR instead of <project>/.claude/error-triage
  --no-status       do not read the status page
  --notify STYLE    terminal notification sent with the answer: osc9 (default), osc777 or none
  -h, --help        show this help and exit`;

export const SETUP_USAGE = `Usage: claude-error-triage setup claude-code [--write] [--user] [--project DIR]

Prints the Claude Code settings that run "claude-error-triage hook claude-code" when a turn ends
on an API error. With --write, merges them into .claude/settings.json of the project (or
~/.claude/settings.json with --user), keeping every other setting and hook and a backup of the
old file; running it again changes nothing.

Options:
  --write        merge into the settings file instead of printing
  --user         the user's settings (~/.claude/settings.json) instead of the project's
  --project DIR  the project folder (default: the current directory)
  -h, --help     show this help and exit`;

export const MCP_USAGE = `Usage: claude-error-triage mcp

A Model Context Protocol server on standard input and output with the tools diagnose_error,
redact_text, support_packet and claude_status. Add it to Claude Code with:
  claude mcp add claude-error-triage -- claude-error-triage mcp

Options:
  -h, --help  show this help and exit`;

export type IntegrationArgs =
  | { kind: "hook"; packetDir: string | null; status: boolean; notify: NotifyStyle }
  | { kind: "setup"; write: boolean; user: boolean; project: string | null }
  | { kind: "mcp" }
  | { kind: "integration-help"; usage: string }
  | { kind: "integration-usage-error"; message: string; usage: string };

const USAGES: Record<IntegrationCommand, string> = { hook: HOOK_USAGE, setup: SETUP_USAGE, mcp: MCP_USAGE };

const isNotifyStyle = (value: string): value is NotifyStyle =>
  (NOTIFY_STYLES as readonly string[]).includes(value);

/** Parses argv after the command word. Pure: no I/O, never throws. */
export function parseIntegrationArgs(command: IntegrationCommand, argv: readonly string[]): IntegrationArgs {
  const usage = USAGES[command];
  const usageError = (message: string): IntegrationArgs => ({
    kind: "integration-usage-error",
    message,
    usage,
  });
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        ...(command === "hook"
          ? { "packet-dir": { type: "string" }, "no-status": { type: "boolean" }, notify: { type: "string" } }
          : {}),
        ...(command === "setup"
          ? { write: { type: "boolean" }, user: { type: "boolean" }, project: { type: "string" } }
          : {}),
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help === true) return { kind: "integration-help", usage };
  const positionals = parsed.positionals;

  if (command === "mcp") {
    return positionals.length === 0
      ? { kind: "mcp" }
      : usageError(`Unexpected argument "${positionals[0]}".`);
  }
  if (positionals[0] !== "claude-code" || positionals.length > 1) {
    return usageError(
      `Name the tool to ${command === "hook" ? "run as" : "set up"}: "${command} claude-code".`,
    );
  }
  if (command === "hook") {
    const notify = typeof v.notify === "string" ? v.notify : "osc9";
    if (!isNotifyStyle(notify))
      return usageError(`--notify takes ${NOTIFY_STYLES.join(", ")} (got "${notify}").`);
    const packetDir =
      typeof v["packet-dir"] === "string" && v["packet-dir"].length > 0 ? v["packet-dir"] : null;
    return { kind: "hook", packetDir, status: v["no-status"] !== true, notify };
  }
  if (v.user === true && typeof v.project === "string")
    return usageError("--user and --project exclude each other.");
  return {
    kind: "setup",
    write: v.write === true,
    user: v.user === true,
    project: typeof v.project === "string" && v.project.length > 0 ? v.project : null,
  };
}

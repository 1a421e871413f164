import { parseArgs } from "node:util";
import type { Checklist } from "../lib/packet";

// The `redact` and `packet` subcommands (issue 3). A leading word picks them; everything else is the default
// diagnosis command, so a file literally named "redact" is diagnosed as `./redact`.

export const SUBCOMMANDS = ["redact", "packet"] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export function isSubcommand(word: string | undefined): word is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(word ?? "");
}

export const REDACT_USAGE = `Usage: claude-error-triage redact [--json] [--hide-prompt] [FILE...]

Prints each FILE (or standard input) with secrets and personal data replaced by
typed placeholders such as [REDACTED:anthropic-api-key#1].

Options:
  --json          one {"file","redacted","findings"} object per line (JSON Lines)
  --hide-prompt   also replace prompt text (messages[].content, system) with a length note
  -h, --help      show this help and exit`;

export const PACKET_USAGE = `Usage: claude-error-triage packet [--format md|json] [--impact TEXT] [--ruled-out LIST] [--hide-prompt] [FILE...]

Prints a redacted escalation packet for Claude support for each FILE (or standard input).

Options:
  --format md|json  Markdown (default) or JSON; JSON Lines with a "file" field for several inputs
  --impact TEXT     your one-line impact, e.g. "checkout summaries fail for all users"
  --ruled-out LIST  what you already checked, comma-separated: status,same-path,network,other-model
  --hide-prompt     replace prompt text (messages[].content, system) with a length note
  -h, --help        show this help and exit`;

/** `--ruled-out` words → checklist fields. */
const RULED_OUT: Record<string, keyof Checklist> = {
  status: "statusChecked",
  "same-path": "samePathRetried",
  network: "networkChecked",
  "other-model": "otherModelTried",
};

/** What a subcommand was asked for; a closed union per subcommand. */
export type SubcommandArgs =
  | { kind: "redact"; json: boolean; hidePrompt: boolean; files: string[] }
  | {
      kind: "packet";
      format: "md" | "json";
      impact: string | null;
      checklist: Partial<Checklist>;
      hidePrompt: boolean;
      files: string[];
    }
  | { kind: "subcommand-help"; usage: string }
  | { kind: "subcommand-usage-error"; message: string; usage: string };

/** Files to read: standard input when none are named, and at most once. */
function inputFiles(positionals: string[]): string[] | string {
  const files = positionals.length > 0 ? positionals : ["-"];
  if (files.filter((f) => f === "-").length > 1) return 'Standard input ("-") can be read only once.';
  if (files.includes("")) return "An empty file name was given.";
  return files;
}

/** Parses `argv` after the subcommand word. Pure: no I/O, never throws. */
export function parseSubcommandArgs(command: Subcommand, argv: readonly string[]): SubcommandArgs {
  const usage = command === "redact" ? REDACT_USAGE : PACKET_USAGE;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        "hide-prompt": { type: "boolean" },
        ...(command === "redact"
          ? { json: { type: "boolean" } }
          : { format: { type: "string" }, impact: { type: "string" }, "ruled-out": { type: "string" } }),
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return {
      kind: "subcommand-usage-error",
      message: error instanceof Error ? error.message : String(error),
      usage,
    };
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help === true) return { kind: "subcommand-help", usage };
  const files = inputFiles(parsed.positionals);
  if (typeof files === "string") return { kind: "subcommand-usage-error", message: files, usage };
  const hidePrompt = v["hide-prompt"] === true;
  if (command === "redact") return { kind: "redact", json: v.json === true, hidePrompt, files };

  const format = typeof v.format === "string" ? v.format : "md";
  if (format !== "md" && format !== "json")
    return {
      kind: "subcommand-usage-error",
      message: `--format must be md or json (got "${format}").`,
      usage,
    };
  const checklist: Partial<Checklist> = {};
  const ruledOut = typeof v["ruled-out"] === "string" ? v["ruled-out"].split(",") : [];
  for (const word of ruledOut.map((w) => w.trim()).filter((w) => w.length > 0)) {
    const field = RULED_OUT[word];
    if (field === undefined)
      return {
        kind: "subcommand-usage-error",
        message: `--ruled-out takes ${Object.keys(RULED_OUT).join(", ")} (got "${word}").`,
        usage,
      };
    checklist[field] = true;
  }
  const impact = typeof v.impact === "string" && v.impact.trim().length > 0 ? v.impact : null;
  return { kind: "packet", format, impact, checklist, hidePrompt, files };
}

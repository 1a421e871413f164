import { packetFromPaste } from "../lib/packet";
import { redact } from "../lib/redact";
import type { SubcommandArgs } from "./packet-args";
import { forEachInput } from "./read-input";

/** The process edges a subcommand touches (a subset of main's CliIo). */
export type SubcommandIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => AsyncIterable<Uint8Array | string>;
  now: () => Date;
};

const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

/** A file name inside an HTML comment cannot close it. */
const commentSafe = (name: string) => name.replace(/--/g, "- -").replace(/[\r\n]/g, " ");

/**
 * Runs `redact` or `packet` over each input: 0 all printed, 1 some input refused, 2 usage error. Offline, like
 * the default command: the packet's status page section reads "Not checked".
 */
export async function runSubcommand(args: SubcommandArgs, io: SubcommandIo): Promise<number> {
  if (args.kind === "subcommand-help") {
    io.stdout(`${args.usage}\n`);
    return 0;
  }
  if (args.kind === "subcommand-usage-error") {
    io.stderr(`claude-error-triage: ${args.message}\n\n${args.usage}\n`);
    return 2;
  }

  const several = args.files.length > 1;
  return forEachInput(args.files, io, (file, text, printed) => {
    const gap = printed > 0 ? "\n" : "";
    if (args.kind === "redact") {
      const redacted = redact(text, { hidePrompt: args.hidePrompt });
      if (args.json)
        io.stdout(`${JSON.stringify({ file, redacted: redacted.text, findings: redacted.findings })}\n`);
      else io.stdout(`${gap}${several ? `==> ${file} <==\n` : ""}${withNewline(redacted.text)}`);
    } else {
      const { packet, markdown, json } = packetFromPaste(
        text,
        { impact: args.impact, checklist: args.checklist, hidePrompt: args.hidePrompt },
        { now: io.now() },
      );
      if (args.format === "json") io.stdout(several ? `${JSON.stringify({ file, ...packet })}\n` : json);
      else io.stdout(`${gap}${several ? `<!-- file: ${commentSafe(file)} -->\n` : ""}${markdown}`);
    }
  });
}

import { formatWithOptions } from "node:util";
import { redact } from "../redact";

// The server's log gets one line per event: an Error becomes its name, code and the first line of its message
// (redacted, cut short), never a stack trace, and a request the client abandoned mid-body is one short line.

const MAX_MESSAGE_CHARS = 200;

function isAbortedRequest(error: Error & { code?: unknown }): boolean {
  return error.code === "ECONNRESET" && error.message === "aborted";
}

/** One line for an Error: `Name [code]: first line of the message`, redacted and cut short. */
export function errorLine(error: Error & { code?: unknown; digest?: unknown }): string {
  if (isAbortedRequest(error)) return "[http] a client closed its connection before its request arrived";
  const firstLine = (error.message.split("\n", 1)[0] ?? "").slice(0, MAX_MESSAGE_CHARS);
  const code = typeof error.code === "string" ? ` [${error.code.slice(0, 40)}]` : "";
  const digest = typeof error.digest === "string" ? ` (digest ${error.digest.slice(0, 40)})` : "";
  return `${error.name}${code}: ${redact(firstLine).text}${digest}`;
}

/** The arguments of a console call as one line, Errors shortened by errorLine. */
export function oneLine(args: readonly unknown[]): string {
  return args
    .map((arg) =>
      arg instanceof Error ? errorLine(arg) : formatWithOptions({ breakLength: Infinity }, "%s", arg),
    )
    .join(" ")
    .replaceAll("\n", " ");
}

type Console = Pick<typeof console, "error" | "warn">;

/** Makes `target.error` and `target.warn` write one line per call (server.ts installs it on the console). */
export function installOneLineLog(target: Console = console): void {
  for (const level of ["error", "warn"] as const) {
    const write = target[level].bind(target);
    target[level] = (...args: unknown[]) => write(oneLine(args));
  }
}

import { createReadStream } from "node:fs";
import { checkInputBytes, MAX_INPUT_BYTES } from "../lib/input";
import { STDIN_NAME } from "./args";

/** One input read and checked, or the reason it was refused, in words that name the input. */
export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

// Inputs up to this size are read whole so the shared check can state their exact size; past it reading
// stops, so a multi-gigabyte log or /dev/zero cannot exhaust memory.
export const READ_CEILING_BYTES = 64 * MAX_INPUT_BYTES;

const mebibytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

type Capped = { bytes: Uint8Array; overCeiling: boolean };

async function readCapped(source: AsyncIterable<Uint8Array | string>, ceiling: number): Promise<Capped> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    total += buffer.byteLength;
    if (total > ceiling) return { bytes: new Uint8Array(), overCeiling: true };
    chunks.push(buffer);
  }
  return { bytes: Buffer.concat(chunks), overCeiling: false };
}

function describeReadError(label: string, error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : null;
  switch (code) {
    case "ENOENT":
      return `${label}: no such file.`;
    case "EISDIR":
      return `${label}: is a directory, not a file.`;
    case "EACCES":
    case "EPERM":
      return `${label}: permission denied.`;
    default:
      return `${label}: cannot be read (${error instanceof Error ? error.message : String(error)}).`;
  }
}

/** Reads a file (or stdin for "-") as bytes and applies the shared input checks from lib/input. */
export async function readInput(
  name: string,
  stdin: () => AsyncIterable<Uint8Array | string>,
  ceiling: number = READ_CEILING_BYTES,
): Promise<ReadResult> {
  const label = name === STDIN_NAME ? "standard input" : name;
  let read: Capped;
  try {
    read = await readCapped(name === STDIN_NAME ? stdin() : createReadStream(name), ceiling);
  } catch (error) {
    return { ok: false, message: describeReadError(label, error) };
  }
  if (read.overCeiling) {
    return {
      ok: false,
      message: `${label}: larger than ${mebibytes(ceiling)}; the limit is ${mebibytes(MAX_INPUT_BYTES)}. Pass the part around the error.`,
    };
  }
  const checked = checkInputBytes(read.bytes);
  return checked.ok
    ? { ok: true, text: checked.text }
    : { ok: false, message: `${label}: ${checked.problem.message}` };
}

/**
 * Reads every input in order and hands each readable one to `handle` with how many were handled before it
 * (for separators); a refused or unreadable input is reported on stderr and the rest still run. Answers
 * the exit status: 0 when every input was handled, 1 when one was refused.
 */
export async function forEachInput(
  files: readonly string[],
  io: { stdin: () => AsyncIterable<Uint8Array | string>; stderr: (text: string) => void },
  handle: (file: string, text: string, handledBefore: number) => void | Promise<void>,
): Promise<0 | 1> {
  let refused = false;
  let handled = 0;
  for (const file of files) {
    const input = await readInput(file, io.stdin);
    if (!input.ok) {
      io.stderr(`claude-error-triage: ${input.message}\n`);
      refused = true;
      continue;
    }
    await handle(file, input.text, handled);
    handled += 1;
  }
  return refused ? 1 : 0;
}

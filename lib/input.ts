/** The largest paste any face accepts, in UTF-8 bytes. One constant for the page, the API and the CLI. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Why a paste was refused; the message is shown to the user as it is. */
export type InputProblem = {
  code: "empty" | "too_large" | "binary" | "invalid_utf8";
  message: string;
};

export type CheckedInput = { ok: true; text: string } | { ok: false; problem: InputProblem };

const MIB = 1024 * 1024;

function formatBytes(bytes: number): string {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function tooLarge(bytes: number): InputProblem {
  return {
    code: "too_large",
    message: `The paste is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_INPUT_BYTES)}. Paste the part around the error (the last few hundred lines are usually enough).`,
  };
}

const EMPTY: InputProblem = {
  code: "empty",
  message: "Paste an error first: the text is empty.",
};

const BINARY: InputProblem = {
  code: "binary",
  message:
    "This looks like binary data (it contains NUL bytes), not error text. Paste the text of the error.",
};

/** Checks a paste that arrived as a string (page, JSON API). */
export function checkInputText(text: string): CheckedInput {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_INPUT_BYTES) return { ok: false, problem: tooLarge(bytes) };
  if (text.trim().length === 0) return { ok: false, problem: EMPTY };
  if (text.includes("\u0000")) return { ok: false, problem: BINARY };
  return { ok: true, text };
}

/** Checks and decodes a paste that arrived as bytes (CLI files and stdin). */
export function checkInputBytes(bytes: Uint8Array): CheckedInput {
  if (bytes.byteLength > MAX_INPUT_BYTES) return { ok: false, problem: tooLarge(bytes.byteLength) };
  if (bytes.includes(0)) return { ok: false, problem: BINARY };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: {
        code: "invalid_utf8",
        message:
          "The input is not valid UTF-8 text. Save it as UTF-8 (or copy the text of the error) and try again.",
      },
    };
  }
  return checkInputText(text);
}

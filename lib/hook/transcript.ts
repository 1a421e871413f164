import { open } from "node:fs/promises";

// The session transcript is JSON Lines that grows for the whole session (tens of MB is common), so only its
// end is read. Claude Code records a failed turn as an assistant record with `"isApiErrorMessage": true`,
// `"error"` (the StopFailure value), `"apiErrorStatus"` and the rendered text in `message.content`, after one
// `{"type":"system","subtype":"api_error", "error": {...}, "retryAttempt", "maxRetries"}` record per retry.
// Shapes as written by Claude Code 2.1.x and read by the public parsers of its transcripts; the Hooks reference
// notes the file is written asynchronously and may lag the hook, so the hook input comes first.

/** How much of the transcript's end is read: enough for the last turn's error records, never the whole file. */
export const TRANSCRIPT_TAIL_BYTES = 256 * 1024;
/** Records looked at from the end before giving up. */
const MAX_RECORDS = 2_000;

export type TranscriptTail = {
  /** The complete lines of the tail (a line cut by the start of the window is dropped). */
  text: string;
  bytesRead: number;
  fileBytes: number;
};

export type TailResult = { ok: true; tail: TranscriptTail } | { ok: false; reason: string };

function reasonOf(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : null;
  if (code === "ENOENT") return "the transcript does not exist";
  if (code === "EACCES" || code === "EPERM") return "the transcript cannot be read (permission denied)";
  if (code === "EISDIR") return "the transcript path is a directory";
  return "the transcript cannot be read";
}

/** Reads at most `maxBytes` from the end of the file. Never throws. */
export async function readTranscriptTail(
  path: string,
  maxBytes: number = TRANSCRIPT_TAIL_BYTES,
): Promise<TailResult> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, reason: "the transcript path is a directory" };
    if (!stat.isFile()) return { ok: false, reason: "the transcript path is not a regular file" };
    const length = Math.min(stat.size, maxBytes);
    const buffer = Buffer.alloc(length);
    let bytesRead = 0;
    while (bytesRead < length) {
      const { bytesRead: n } = await handle.read(
        buffer,
        bytesRead,
        length - bytesRead,
        stat.size - length + bytesRead,
      );
      if (n === 0) break;
      bytesRead += n;
    }
    let text = buffer.subarray(0, bytesRead).toString("utf8");
    if (length < stat.size) {
      // The window starts inside a record: drop up to the first line break.
      const firstBreak = text.indexOf("\n");
      text = firstBreak === -1 ? "" : text.slice(firstBreak + 1);
    }
    return { ok: true, tail: { text, bytesRead, fileBytes: stat.size } };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The last API error the transcript's tail records. */
export type TranscriptError = {
  /** The rendered error text (assistant record) or the API's message (retry record). */
  text: string;
  requestId: string | null;
  status: number | null;
  /** The StopFailure-style value on the assistant record, when present. */
  error: string | null;
  timestamp: string | null;
  retryAttempt: number | null;
  maxRetries: number | null;
  /** The API's own message from the last retry record, when it says more than the rendered text. */
  retryText: string | null;
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

const REQUEST_ID = /\breq_[A-Za-z0-9]{8,64}\b/g;

/** The last `req_…` id in a text, or null. */
function lastRequestId(text: string): string | null {
  const ids = text.match(REQUEST_ID);
  return ids === null ? null : (ids[ids.length - 1] ?? null);
}

function contentText(message: unknown): string {
  if (!isObject(message)) return "";
  const { content } = message;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter(
      (block): block is Json => isObject(block) && block.type === "text" && typeof block.text === "string",
    )
    .map((block) => block.text as string)
    .join("\n");
}

function requestIdOf(record: Json, text: string): string | null {
  const error = isObject(record.error) ? record.error : {};
  return (
    str(record.requestId) ??
    str(record.request_id) ??
    str(error.requestID) ??
    str(error.request_id) ??
    str(error.requestId) ??
    lastRequestId(text)
  );
}

function fromAssistant(record: Json): TranscriptError {
  const text = contentText(record.message);
  return {
    text,
    requestId: requestIdOf(record, text),
    status: num(record.apiErrorStatus),
    error: str(record.error),
    timestamp: str(record.timestamp),
    retryAttempt: null,
    maxRetries: null,
    retryText: null,
  };
}

function fromRetry(record: Json): TranscriptError {
  const error = isObject(record.error) ? record.error : {};
  const text = str(error.message) ?? str(error.formatted) ?? str(record.content) ?? "";
  return {
    text,
    requestId: requestIdOf(record, text),
    status: num(error.status),
    error: null,
    timestamp: str(record.timestamp),
    retryAttempt: num(record.retryAttempt),
    maxRetries: num(record.maxRetries),
    retryText: null,
  };
}

function parseLine(line: string): Json | null {
  if (!line.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The last API error in the tail: the final assistant error record, completed with the request id, status and
 * attempts of the retry records just before it; or the last retry record when no assistant error was written
 * (yet). Null when the tail holds neither.
 */
export function lastApiError(tailText: string): TranscriptError | null {
  const lines = tailText.split("\n");
  let found = null as TranscriptError | null;
  let looked = 0;
  for (let i = lines.length - 1; i >= 0 && looked < MAX_RECORDS; i -= 1) {
    const line = lines[i]?.trim() ?? "";
    if (line.length === 0) continue;
    looked += 1;
    const record = parseLine(line);
    if (record === null) continue;
    const isAssistantError = record.type === "assistant" && record.isApiErrorMessage === true;
    const isRetry = record.type === "system" && record.subtype === "api_error";
    if (found === null) {
      if (isAssistantError) found = fromAssistant(record);
      else if (isRetry) return fromRetry(record);
      continue;
    }
    // Past the final error record: its retries belong to the same turn until the user spoke last.
    if (record.type === "user") break;
    if (!isRetry) continue;
    const retry = fromRetry(record);
    found = {
      ...found,
      requestId: found.requestId ?? retry.requestId,
      status: found.status ?? retry.status,
      retryAttempt: found.retryAttempt ?? retry.retryAttempt,
      maxRetries: found.maxRetries ?? retry.maxRetries,
      text: found.text.length > 0 ? found.text : retry.text,
      retryText: found.retryText ?? (retry.text.length > 0 && retry.text !== found.text ? retry.text : null),
    };
    if (found.requestId !== null && found.retryAttempt !== null) break;
  }
  return found;
}

import { z } from "zod";
import { checkInputText, MAX_INPUT_BYTES } from "../input";
import { retryContextSchema } from "../retry";

// Shared by every JSON endpoint that takes a paste (POST /api/diagnose, POST /api/packet). Error messages
// name fields and limits, never a value from the body: a refusal must not echo the paste back.

// JSON escaping can grow text up to six times (a control character becomes `\u0001`), so any paste within
// MAX_INPUT_BYTES fits in this body; larger bodies are refused before they are read whole.
export const MAX_BODY_BYTES = 6 * MAX_INPUT_BYTES + 64 * 1024;

/** The `error.type` values of the API's error envelope. */
export type ApiErrorType =
  | "invalid_request"
  | "request_too_large"
  | "unsupported_media_type"
  | "request_timeout"
  | "method_not_allowed"
  | "not_found"
  | "rate_limited"
  | "overloaded"
  | "unavailable"
  | "internal_error"
  | "cancelled";

/** The API's error envelope body: `{ "error": ApiError }`. */
export type ApiError = { type: ApiErrorType; message: string };

/** The HTTP status and error to answer a refused request with. */
export type Refusal = { ok: false; status: 400 | 413 | 415; error: ApiError };

const mebibytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

export const invalid = (message: string): Refusal => ({
  ok: false,
  status: 400,
  error: { type: "invalid_request", message },
});

export const tooLarge = (message: string): Refusal => ({
  ok: false,
  status: 413,
  error: { type: "request_too_large", message },
});

const bodyTooLarge = (maxBodyBytes: number) =>
  tooLarge(
    `The request body is over ${mebibytes(maxBodyBytes)}; the paste in "text" may be at most ${mebibytes(MAX_INPUT_BYTES)}.`,
  );

function isJsonMediaType(contentType: string): boolean {
  const mediaType = contentType.split(";", 1)[0]!.trim().toLowerCase();
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/**
 * Reads at most `maxBytes` of the body; "too_large" as soon as it is longer, so a huge body is never buffered
 * whole, and "aborted" when the client went away mid-body (or the server's body deadline closed it).
 */
async function readBodyCapped(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array | "too_large" | "aborted"> {
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      return "aborted";
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "too_large";
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A position in the body, which V8's JSON.parse message gives as "at position N". */
function jsonErrorPosition(error: unknown): string {
  const position = error instanceof Error ? /\bposition (\d{1,10})/.exec(error.message)?.[1] : undefined;
  return position === undefined ? "" : ` at byte offset ${position}`;
}

/**
 * Reads a JSON request's raw body: media type and size are checked, the bytes are neither decoded nor parsed
 * (a large body's decoding and parsing is left to a worker thread; parseJsonBytes does it).
 */
export async function readJsonBytes(
  request: Request,
  maxBodyBytes: number = MAX_BODY_BYTES,
): Promise<{ ok: true; bytes: Uint8Array } | Refusal> {
  const contentType = request.headers.get("content-type");
  if (contentType !== null && !isJsonMediaType(contentType)) {
    return {
      ok: false,
      status: 415,
      error: {
        type: "unsupported_media_type",
        message: `Send the body as JSON with "Content-Type: application/json" (got "${contentType.slice(0, 100)}").`,
      },
    };
  }

  const declaredLength = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declaredLength) && declaredLength > maxBodyBytes) return bodyTooLarge(maxBodyBytes);

  const body = await readBodyCapped(request, maxBodyBytes);
  if (body === "too_large") return bodyTooLarge(maxBodyBytes);
  if (body === "aborted") return invalid("The request body ended before it was complete.");
  return { ok: true, bytes: body };
}

/**
 * Decodes and parses a JSON body: UTF-8, then JSON. V8's own JSON.parse message quotes the text around the
 * fault (`Unexpected token 's', "sk-ant-api"... is not valid JSON`), so only its position is kept.
 */
export function parseJsonBytes(body: Uint8Array): { ok: true; json: unknown } | Refusal {
  if (body.byteLength === 0) return invalid('The request body is empty; send {"text": "<the error>"}.');
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return invalid("The request body is not valid UTF-8.");
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return invalid(`The request body is not valid JSON (syntax error${jsonErrorPosition(error)}).`);
  }
}

/** Reads a JSON request body: media type, size, UTF-8, JSON. */
export async function readJsonBody(
  request: Request,
  maxBodyBytes: number = MAX_BODY_BYTES,
): Promise<{ ok: true; json: unknown } | Refusal> {
  const read = await readJsonBytes(request, maxBodyBytes);
  return read.ok ? parseJsonBytes(read.bytes) : read;
}

// A key worth naming back (a misspelt field); anything else could be pasted content.
const PLAIN_KEY = /^[A-Za-z_]{1,40}$/;

/** The schema's complaints, by field path; values and unknown keys that may be pasted text are not quoted. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "request body";
      if (issue.code === "unrecognized_keys") {
        const names = issue.keys.map((k) => (PLAIN_KEY.test(k) ? `"${k}"` : "(a key not shown)"));
        return `${where}: unknown key${names.length === 1 ? "" : "s"} ${names.join(", ")}`;
      }
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

/** The shared paste checks (empty, size, NUL) as an API refusal. */
export function checkPasteText(text: string): { ok: true; text: string } | Refusal {
  const checked = checkInputText(text);
  if (checked.ok) return checked;
  return checked.problem.code === "too_large"
    ? tooLarge(checked.problem.message)
    : invalid(checked.problem.message);
}

/** Fields every paste-taking body shares; endpoints spread them into their own strict schema. */
export const pasteRequestFields = {
  text: z.string(),
  /** When the error happened (ISO 8601 with an offset); takes precedence over times in the paste. */
  occurredAt: z.iso.datetime({ offset: true }).nullish(),
  /** Who waits for the call and whether it has side effects; shapes the retry plan. */
  retryContext: retryContextSchema.optional(),
};

/**
 * Reads a paste-taking JSON request: media type, size, JSON, the endpoint's schema, then the shared paste
 * checks on its `text`. Answers the parsed body with the checked text, or the refusal to send.
 */
export async function parsePasteRequest<T extends { text: string }>(
  request: Request,
  schema: z.ZodType<T>,
  maxBodyBytes: number = MAX_BODY_BYTES,
): Promise<{ ok: true; data: T; text: string } | Refusal> {
  const read = await readJsonBytes(request, maxBodyBytes);
  return read.ok ? parsePasteBytes(read.bytes, schema) : read;
}

/** parsePasteRequest's checks on a body already read: UTF-8, JSON, the endpoint's schema, the paste checks. */
export function parsePasteBytes<T extends { text: string }>(
  bytes: Uint8Array,
  schema: z.ZodType<T>,
): { ok: true; data: T; text: string } | Refusal {
  const body = parseJsonBytes(bytes);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.json);
  if (!parsed.success) return invalid(describeIssues(parsed.error));
  const checked = checkPasteText(parsed.data.text);
  if (!checked.ok) return checked;
  return { ok: true, data: parsed.data, text: checked.text };
}

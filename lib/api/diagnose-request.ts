import { z } from "zod";
import { checkInputText, MAX_INPUT_BYTES } from "../input";
import { retryContextSchema, type RetryContext } from "../retry";

/** The body of `POST /api/diagnose`. Unknown keys are refused so a misspelt `occurredAt` is not silently dropped. */
export const diagnoseRequestSchema = z.strictObject({
  text: z.string(),
  occurredAt: z.iso.datetime({ offset: true }).nullish(),
  /** Who waits for the call and whether it has side effects; shapes the retry plan. */
  retryContext: retryContextSchema.optional(),
});
export type DiagnoseRequest = z.infer<typeof diagnoseRequestSchema>;

// JSON escaping can grow text up to six times (a control character becomes `\u0001`), so any paste within
// MAX_INPUT_BYTES fits in this body; larger bodies are refused before they are read whole.
export const MAX_BODY_BYTES = 6 * MAX_INPUT_BYTES + 64 * 1024;

/** The `error.type` values of the API's error envelope. */
export type ApiErrorType = "invalid_request" | "request_too_large" | "unsupported_media_type";

/** The API's error envelope body: `{ "error": ApiError }`. */
export type ApiError = { type: ApiErrorType; message: string };

/** A validated request, or the HTTP status and error to answer with. */
export type ParsedDiagnoseRequest =
  | { ok: true; text: string; occurredAt: string | null; retryContext: RetryContext | undefined }
  | { ok: false; status: 400 | 413 | 415; error: ApiError };

type Refusal = Extract<ParsedDiagnoseRequest, { ok: false }>;

const mebibytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

const invalid = (message: string): Refusal => ({
  ok: false,
  status: 400,
  error: { type: "invalid_request", message },
});

const tooLarge = (message: string): Refusal => ({
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

/** Reads at most `maxBytes` of the body; null when it is longer, so a huge body is never buffered whole. */
async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "request body"}: ${issue.message}`)
    .join("; ");
}

/** Parses and checks a `POST /api/diagnose` request: media type, size, JSON, shape, then the shared paste checks. */
export async function parseDiagnoseRequest(
  request: Request,
  maxBodyBytes: number = MAX_BODY_BYTES,
): Promise<ParsedDiagnoseRequest> {
  const contentType = request.headers.get("content-type");
  if (contentType !== null && !isJsonMediaType(contentType)) {
    return {
      ok: false,
      status: 415,
      error: {
        type: "unsupported_media_type",
        message: `Send the body as JSON with "Content-Type: application/json" (got "${contentType}").`,
      },
    };
  }

  const declaredLength = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declaredLength) && declaredLength > maxBodyBytes) return bodyTooLarge(maxBodyBytes);

  const body = await readBodyCapped(request, maxBodyBytes);
  if (body === null) return bodyTooLarge(maxBodyBytes);
  if (body.byteLength === 0) return invalid('The request body is empty; send {"text": "<the error>"}.');

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch (error) {
    return invalid(
      `The request body is not valid JSON (${error instanceof Error ? error.message : "unreadable"}).`,
    );
  }

  const parsed = diagnoseRequestSchema.safeParse(json);
  if (!parsed.success) return invalid(describeIssues(parsed.error));

  const checked = checkInputText(parsed.data.text);
  if (!checked.ok)
    return checked.problem.code === "too_large"
      ? tooLarge(checked.problem.message)
      : invalid(checked.problem.message);

  return {
    ok: true,
    text: checked.text,
    occurredAt: parsed.data.occurredAt ?? null,
    retryContext: parsed.data.retryContext,
  };
}

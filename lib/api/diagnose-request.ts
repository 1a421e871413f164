import { z } from "zod";
import type { RetryContext } from "../retry";
import {
  MAX_BODY_BYTES,
  parsePasteBytes,
  parsePasteRequest,
  pasteRequestFields,
  type Refusal,
} from "./json-request";

export { MAX_BODY_BYTES, type ApiError, type ApiErrorType } from "./json-request";

/** The body of `POST /api/diagnose`. Unknown keys are refused so a misspelt `occurredAt` is not silently dropped. */
export const diagnoseRequestSchema = z.strictObject(pasteRequestFields);
export type DiagnoseRequest = z.infer<typeof diagnoseRequestSchema>;

/** A validated request, or the HTTP status and error to answer with. */
export type ParsedDiagnoseRequest =
  { ok: true; text: string; occurredAt: string | null; retryContext: RetryContext | undefined } | Refusal;

type ParsedPaste = { ok: true; data: DiagnoseRequest; text: string } | Refusal;

const toParsed = (parsed: ParsedPaste): ParsedDiagnoseRequest =>
  parsed.ok
    ? {
        ok: true,
        text: parsed.text,
        occurredAt: parsed.data.occurredAt ?? null,
        retryContext: parsed.data.retryContext,
      }
    : parsed;

/** Parses and checks a `POST /api/diagnose` request: media type, size, JSON, shape, then the shared paste checks. */
export async function parseDiagnoseRequest(
  request: Request,
  maxBodyBytes: number = MAX_BODY_BYTES,
): Promise<ParsedDiagnoseRequest> {
  return toParsed(await parsePasteRequest(request, diagnoseRequestSchema, maxBodyBytes));
}

/** parseDiagnoseRequest's checks on a body already read (on a worker thread for a large body). */
export function parseDiagnoseBytes(bytes: Uint8Array): ParsedDiagnoseRequest {
  return toParsed(parsePasteBytes(bytes, diagnoseRequestSchema));
}

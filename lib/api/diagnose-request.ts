import { z } from "zod";
import { retryContextSchema, type RetryContext } from "../retry";
import {
  checkPasteText,
  describeIssues,
  invalid,
  readJsonBody,
  MAX_BODY_BYTES,
  type Refusal,
} from "./json-request";

export { MAX_BODY_BYTES, type ApiError, type ApiErrorType } from "./json-request";

/** The body of `POST /api/diagnose`. Unknown keys are refused so a misspelt `occurredAt` is not silently dropped. */
export const diagnoseRequestSchema = z.strictObject({
  text: z.string(),
  occurredAt: z.iso.datetime({ offset: true }).nullish(),
  /** Who waits for the call and whether it has side effects; shapes the retry plan. */
  retryContext: retryContextSchema.optional(),
});
export type DiagnoseRequest = z.infer<typeof diagnoseRequestSchema>;

/** A validated request, or the HTTP status and error to answer with. */
export type ParsedDiagnoseRequest =
  { ok: true; text: string; occurredAt: string | null; retryContext: RetryContext | undefined } | Refusal;

/** Parses and checks a `POST /api/diagnose` request: media type, size, JSON, shape, then the shared paste checks. */
export async function parseDiagnoseRequest(
  request: Request,
  maxBodyBytes: number = MAX_BODY_BYTES,
): Promise<ParsedDiagnoseRequest> {
  const body = await readJsonBody(request, maxBodyBytes);
  if (!body.ok) return body;

  const parsed = diagnoseRequestSchema.safeParse(body.json);
  if (!parsed.success) return invalid(describeIssues(parsed.error));

  const checked = checkPasteText(parsed.data.text);
  if (!checked.ok) return checked;

  return {
    ok: true,
    text: checked.text,
    occurredAt: parsed.data.occurredAt ?? null,
    retryContext: parsed.data.retryContext,
  };
}

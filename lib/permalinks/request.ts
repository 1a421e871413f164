import { z } from "zod";
import { checkPasteText, describeIssues, invalid, readJsonBody, type Refusal } from "../api/json-request";
import { retryContextSchema, type RetryContext } from "../retry";
import { ttlSchema } from "../store/ids";

/** The body of `POST /api/permalinks`; unknown keys are refused so a misspelt `ttl` is not silently dropped. */
export const createPermalinkRequestSchema = z.strictObject({
  text: z.string(),
  /** Link lifetime, "1h" to "90d"; 30 days when absent. */
  ttl: ttlSchema,
  occurredAt: z.iso.datetime({ offset: true }).nullish(),
  retryContext: retryContextSchema.optional(),
});

/** A validated create request, or the HTTP status and error to answer with. */
export type ParsedCreateRequest =
  | {
      ok: true;
      text: string;
      ttlMs: number;
      occurredAt: string | null;
      retryContext: RetryContext | undefined;
    }
  | Refusal;

/** Parses `POST /api/permalinks`: media type, size, JSON, shape, lifetime, then the shared paste checks. */
export async function parseCreatePermalinkRequest(request: Request): Promise<ParsedCreateRequest> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const parsed = createPermalinkRequestSchema.safeParse(body.json);
  if (!parsed.success) return invalid(describeIssues(parsed.error));
  const checked = checkPasteText(parsed.data.text);
  if (!checked.ok) return checked;
  return {
    ok: true,
    text: checked.text,
    ttlMs: parsed.data.ttl,
    occurredAt: parsed.data.occurredAt ?? null,
    retryContext: parsed.data.retryContext,
  };
}

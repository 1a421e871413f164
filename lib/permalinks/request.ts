import { z } from "zod";
import { parsePasteRequest, pasteRequestFields, type Refusal } from "../api/json-request";
import type { RetryContext } from "../retry";
import { ttlSchema } from "../store/ids";

/** The body of `POST /api/permalinks`; unknown keys are refused so a misspelt `ttl` is not silently dropped. */
export const createPermalinkRequestSchema = z.strictObject({
  ...pasteRequestFields,
  /** Link lifetime, "1h" to "90d"; 30 days when absent. */
  ttl: ttlSchema,
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
  const parsed = await parsePasteRequest(request, createPermalinkRequestSchema);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    text: parsed.text,
    ttlMs: parsed.data.ttl,
    occurredAt: parsed.data.occurredAt ?? null,
    retryContext: parsed.data.retryContext,
  };
}

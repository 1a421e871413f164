import { z } from "zod";
import { checklistSchema, type Checklist } from "../packet";
import { MAX_BODY_BYTES, parsePasteRequest, pasteRequestFields, type Refusal } from "./json-request";

/** The longest impact line accepted; the packet keeps its first 500 characters. */
export const MAX_IMPACT_CHARS = 2000;

/** The body of `POST /api/packet`. Unknown keys are refused so a misspelt field is not silently dropped. */
export const packetRequestSchema = z.strictObject({
  text: pasteRequestFields.text,
  /** The user's one-line impact. */
  impact: z.string().max(MAX_IMPACT_CHARS).nullish(),
  /** The "ruled out" ticks; missing ones stay unticked. */
  checklist: checklistSchema.partial().strict().optional(),
  hidePrompt: z.boolean().optional(),
  occurredAt: pasteRequestFields.occurredAt,
});
export type PacketRequest = z.infer<typeof packetRequestSchema>;

/** A validated packet request, or the HTTP status and error to answer with. */
export type ParsedPacketRequest =
  | {
      ok: true;
      text: string;
      impact: string | null;
      checklist: Partial<Checklist>;
      hidePrompt: boolean;
      occurredAt: string | null;
    }
  | Refusal;

/** Parses and checks a `POST /api/packet` request: media type, size, JSON, shape, then the shared paste checks. */
export async function parsePacketRequest(
  request: Request,
  maxBodyBytes: number = MAX_BODY_BYTES,
): Promise<ParsedPacketRequest> {
  const parsed = await parsePasteRequest(request, packetRequestSchema, maxBodyBytes);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    text: parsed.text,
    impact: parsed.data.impact ?? null,
    checklist: parsed.data.checklist ?? {},
    hidePrompt: parsed.data.hidePrompt ?? false,
    occurredAt: parsed.data.occurredAt ?? null,
  };
}

/** Quality of each media range in an Accept header (RFC 9110 §12.5.1); parameters other than q are ignored. */
function acceptQualities(accept: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const range of accept.split(",").slice(0, 50)) {
    const [type = "", ...params] = range.split(";").map((p) => p.trim().toLowerCase());
    if (type.length === 0) continue;
    const q = params.find((p) => p.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    out.set(type, Number.isFinite(quality) ? quality : 0);
  }
  return out;
}

/** Markdown when the client asks for `text/markdown` at least as strongly as for JSON; JSON otherwise. */
export function wantsMarkdown(accept: string | null): boolean {
  if (accept === null) return false;
  const q = acceptQualities(accept);
  const markdown = q.get("text/markdown") ?? 0;
  return markdown > 0 && markdown >= (q.get("application/json") ?? 0);
}

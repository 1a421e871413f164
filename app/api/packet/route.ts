import { withErrorEnvelope } from "@/lib/api/errors";
import { parsePacketRequest, wantsMarkdown } from "@/lib/api/packet-request";
import { packetFromPasteWithStatus } from "@/lib/packet";
import { getStatusClient } from "@/lib/status/server";

export const runtime = "nodejs";

/**
 * `POST {"text", "impact"?, "checklist"?, "hidePrompt"?, "occurredAt"?}` → the escalation packet as JSON, or as
 * Markdown with `Accept: text/markdown`; errors as `{"error": {"type", "message"}}`. Only redacted content leaves.
 */
export const POST = withErrorEnvelope("/api/packet", async (request: Request) => {
  const parsed = await parsePacketRequest(request);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: parsed.status });
  const { packet, markdown } = await packetFromPasteWithStatus(
    parsed.text,
    {
      impact: parsed.impact,
      checklist: parsed.checklist,
      hidePrompt: parsed.hidePrompt,
      occurredAt: parsed.occurredAt,
      status: getStatusClient(),
    },
    { now: new Date() },
  );
  const headers = { vary: "Accept" };
  if (wantsMarkdown(request.headers.get("accept")))
    return new Response(markdown, {
      headers: { ...headers, "content-type": "text/markdown; charset=utf-8" },
    });
  return Response.json(packet, { headers });
});

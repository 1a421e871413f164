import { parseDiagnoseRequest } from "@/lib/api/diagnose-request";
import { classify } from "@/lib/classify";

export const runtime = "nodejs";

/** `POST {"text", "occurredAt"?}` → the Diagnosis; errors as `{"error": {"type", "message"}}`. */
export async function POST(request: Request): Promise<Response> {
  const parsed = await parseDiagnoseRequest(request);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: parsed.status });
  return Response.json(classify(parsed.text, { occurredAt: parsed.occurredAt }));
}

import { parseDiagnoseRequest } from "@/lib/api/diagnose-request";
import { diagnose } from "@/lib/report";
import { getStatusClient } from "@/lib/status/server";

export const runtime = "nodejs";

/** `POST {"text", "occurredAt"?, "retryContext"?}` → the DiagnosisReport; errors as `{"error": {"type", "message"}}`. */
export async function POST(request: Request): Promise<Response> {
  const parsed = await parseDiagnoseRequest(request);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: parsed.status });
  const report = await diagnose(parsed.text, {
    occurredAt: parsed.occurredAt,
    retryContext: parsed.retryContext,
    now: new Date(),
    random: Math.random,
    status: getStatusClient(),
  });
  return Response.json(report);
}

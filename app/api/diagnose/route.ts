import { parseDiagnoseRequest } from "@/lib/api/diagnose-request";
import { diagnosisRefusal } from "@/lib/api/diagnose-errors";
import { withErrorEnvelope } from "@/lib/api/errors";
import { diagnoseBounded } from "@/lib/pool/server";
import { getStatusClient } from "@/lib/status/server";

export const runtime = "nodejs";

/**
 * `POST {"text", "occurredAt"?, "retryContext"?}` → the DiagnosisReport; errors as `{"error": {"type", "message"}}`.
 * A large paste is diagnosed on a worker thread: 503 with Retry-After when every worker and the queue are taken,
 * and the work stops if the client goes away.
 */
export const POST = withErrorEnvelope("/api/diagnose", async (request: Request) => {
  const parsed = await parseDiagnoseRequest(request);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: parsed.status });
  try {
    const report = await diagnoseBounded(parsed.text, {
      occurredAt: parsed.occurredAt,
      retryContext: parsed.retryContext,
      now: new Date(),
      status: getStatusClient(),
      signal: request.signal,
    });
    return Response.json(report);
  } catch (error) {
    const refusal = diagnosisRefusal(error);
    if (refusal === null) throw error;
    return refusal;
  }
});

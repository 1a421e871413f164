import { parseDiagnoseBytes } from "@/lib/api/diagnose-request";
import { diagnosisRefusal } from "@/lib/api/diagnose-errors";
import { withErrorEnvelope } from "@/lib/api/errors";
import { readJsonBytes } from "@/lib/api/json-request";
import { diagnoseBodyBounded, diagnoseBounded, getDiagnosePool, LARGE_PASTE_CHARS } from "@/lib/pool/server";
import { getStatusClient } from "@/lib/status/server";

export const runtime = "nodejs";

/**
 * `POST {"text", "occurredAt"?, "retryContext"?}` → the DiagnosisReport; errors as `{"error": {"type", "message"}}`.
 * A large body is handed to a worker thread as it arrived: decoding, parsing, validation and the diagnosis all
 * run there. 503 with Retry-After when every worker and the queue are taken, and the work stops if the client
 * goes away.
 */
export const POST = withErrorEnvelope("/api/diagnose", async (request: Request) => {
  const read = await readJsonBytes(request);
  if (!read.ok) return Response.json({ error: read.error }, { status: read.status });
  const options = { now: new Date(), status: getStatusClient(), signal: request.signal };
  try {
    const pool = read.bytes.byteLength >= LARGE_PASTE_CHARS ? getDiagnosePool() : null;
    if (pool !== null) {
      const outcome = await diagnoseBodyBounded(read.bytes, options, pool);
      if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status });
      return Response.json(outcome.report);
    }
    const parsed = parseDiagnoseBytes(read.bytes);
    if (!parsed.ok) return Response.json({ error: parsed.error }, { status: parsed.status });
    const report = await diagnoseBounded(
      parsed.text,
      { ...options, occurredAt: parsed.occurredAt, retryContext: parsed.retryContext },
      // Parsed here because the pool is absent (`next dev`, unit tests) or the body is small.
      null,
    );
    return Response.json(report);
  } catch (error) {
    const refusal = diagnosisRefusal(error);
    if (refusal === null) throw error;
    return refusal;
  }
});

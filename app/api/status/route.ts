import { getStatusClient } from "@/lib/status/server";

// Every request asks the server's cached client; the cache, not Next, decides freshness.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /api/status: the normalised status reading (never an error status: unavailability is a reading). */
export async function GET(): Promise<Response> {
  const reading = await getStatusClient().getReading();
  return Response.json(reading, { headers: { "cache-control": "no-store" } });
}

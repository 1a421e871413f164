import { CLASSIFIER_VERSION } from "@/lib/classify/classify";
import { VERSION } from "@/lib/mcp/version";

// Route handlers are dynamic by default since Next 15: every call is answered by the live process.
export const runtime = "nodejs";

/**
 * GET /api/version: what this instance runs (the app's version and its classifier's), so CLI and MCP users can
 * tell which rules answered them. No input, no store access.
 */
export function GET(): Response {
  return Response.json(
    { classifierVersion: CLASSIFIER_VERSION, version: VERSION },
    { headers: { "cache-control": "no-store" } },
  );
}

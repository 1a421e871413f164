import { withErrorEnvelope } from "@/lib/api/errors";
import { serverPermalinkApi } from "./server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `POST {"text","ttl"?,"occurredAt"?,"retryContext"?}` → 201 `{"id","url","deleteToken","expiresAt"}`. */
export const POST = withErrorEnvelope("/api/permalinks", (request: Request) =>
  serverPermalinkApi.create(request),
);

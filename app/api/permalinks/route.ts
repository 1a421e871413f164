import { serverPermalinkApi } from "./server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `POST {"text","ttl"?,"occurredAt"?,"retryContext"?}` → 201 `{"id","url","deleteToken","expiresAt"}`. */
export function POST(request: Request): Promise<Response> {
  return serverPermalinkApi.create(request);
}

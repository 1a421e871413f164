import { withErrorEnvelope } from "@/lib/api/errors";
import { serverPermalinkApi } from "../server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The stored diagnosis: `{"id","redactedText","diagnosis","classifierVersion","createdAt","expiresAt"}`. */
export const GET = withErrorEnvelope("/api/permalinks/[id]", async (request: Request, { params }: Context) =>
  serverPermalinkApi.read(request, (await params).id),
);

/** Deletes the link; `Authorization: Bearer <deleteToken>`. */
export const DELETE = withErrorEnvelope(
  "/api/permalinks/[id]",
  async (request: Request, { params }: Context) => serverPermalinkApi.remove(request, (await params).id),
);

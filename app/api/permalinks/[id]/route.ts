import { serverPermalinkApi } from "../server-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The stored diagnosis: `{"id","redactedText","diagnosis","classifierVersion","createdAt","expiresAt"}`. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return serverPermalinkApi.read(request, (await params).id);
}

/** Deletes the link; `Authorization: Bearer <deleteToken>`. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return serverPermalinkApi.remove(request, (await params).id);
}

// Route handlers are dynamic by default since Next 15, so this answers from the live process on every call.
export const runtime = "nodejs";

export function GET(): Response {
  return Response.json({ ok: true });
}

import { requestClientKey } from "@/lib/permalinks/client-key";
import type { PermalinkConfig } from "@/lib/permalinks/config";
import { createPermalink, type CreatedPermalink, type ShareDeps } from "@/lib/permalinks/create";
import { bearerToken, deletePermalink } from "@/lib/permalinks/delete";
import type { LinkRateLimiter } from "@/lib/permalinks/rate-limit";
import { parseCreatePermalinkRequest } from "@/lib/permalinks/request";
import { linkOrigin, permalinkUrl, type LinkOriginConfig } from "@/lib/permalinks/url";
import { DiagnosisCancelledError, PoolBusyError } from "@/lib/pool/pool";
import type { StatusClient } from "@/lib/status/client";
import type { PermalinkStore } from "@/lib/store";

/** What the permalink API runs on; getters, so nothing opens before the first request. */
export type PermalinkApiDeps = {
  store(): PermalinkStore;
  limiter(): LinkRateLimiter;
  status(): Pick<StatusClient, "getContext"> | null;
  /** How clients are told apart and links built; origin settings left out act as in development. */
  config(): Pick<PermalinkConfig, "publicBaseUrl" | "trustProxyHops"> & Partial<LinkOriginConfig>;
  now?(): Date;
  /** How a paste is redacted and diagnosed (lib/pool's redactedReportBounded in the server); inline when absent. */
  redactAndDiagnose?: ShareDeps["redactAndDiagnose"];
};

/** On every answer: a link must not leak through a Referer, nor be indexed, nor be cached by the way. */
export const PERMALINK_HEADERS = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex",
  "Cache-Control": "no-store",
} as const;

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...PERMALINK_HEADERS, ...headers } });
}

const error = (status: number, type: string, message: string, headers?: Record<string, string>) =>
  json({ error: { type, message } }, status, headers);

const notFound = () => error(404, "not_found", "No link with this id, or it has expired or been deleted.");

/** The three permalink endpoints as plain Request → Response functions (the route files wire the deps). */
export function permalinkApi(deps: PermalinkApiDeps) {
  const now = () => deps.now?.() ?? new Date();

  return {
    /** `POST {"text","ttl"?,"occurredAt"?,"retryContext"?}` → 201 `{"id","url","deleteToken","expiresAt"}`. */
    async create(request: Request): Promise<Response> {
      const config = deps.config();
      // Validation first: a refused request costs its client nothing and cannot spend anyone's allowance.
      const parsed = await parseCreatePermalinkRequest(request);
      if (!parsed.ok) return json({ error: parsed.error }, parsed.status);
      const decision = await deps.limiter().consume(requestClientKey(request.headers, config.trustProxyHops));
      if (!decision.ok)
        return error(
          429,
          "rate_limited",
          `Too many links made from here; try again in ${decision.retryAfterSeconds} s.`,
          { "Retry-After": String(decision.retryAfterSeconds) },
        );

      let created: CreatedPermalink;
      try {
        created = await createPermalink(deps.store(), parsed, {
          now: now(),
          random: Math.random,
          status: deps.status(),
          signal: request.signal,
          ...(deps.redactAndDiagnose === undefined ? {} : { redactAndDiagnose: deps.redactAndDiagnose }),
        });
      } catch (failure) {
        // A large paste's redaction and diagnosis were shed by the worker pool, or its client went away.
        if (failure instanceof DiagnosisCancelledError)
          return error(499, "cancelled", "The client closed the request before the link was made.");
        if (!(failure instanceof PoolBusyError)) throw failure;
        return error(
          503,
          "overloaded",
          `The server is busy with other large pastes; try again in ${failure.retryAfterSeconds} s.`,
          { "Retry-After": String(failure.retryAfterSeconds) },
        );
      }
      const origin = linkOrigin(
        request.headers,
        { allowedHosts: [], production: false, hostname: "localhost", port: 3000, ...config },
        new URL(request.url).origin,
      );
      const url = permalinkUrl(origin, created.id);
      return json(
        { id: created.id, url, deleteToken: created.deleteToken, expiresAt: created.expiresAt },
        201,
        { Location: url },
      );
    },

    /** `GET` → the stored record without its token hash; 404 when unknown or expired. */
    async read(_request: Request, id: string): Promise<Response> {
      const record = await deps.store().get(id, now());
      if (record === null) return notFound();
      const { id: storedId, redactedText, diagnosis, classifierVersion, createdAt, expiresAt } = record;
      return json({ id: storedId, redactedText, diagnosis, classifierVersion, createdAt, expiresAt }, 200);
    },

    /** `DELETE` with `Authorization: Bearer <deleteToken>` → 204; 403 for another token, 404 when unknown. */
    async remove(request: Request, id: string): Promise<Response> {
      const token = bearerToken(request.headers.get("authorization"));
      if (token === null)
        return error(401, "unauthorized", "Send the delete token as Authorization: Bearer <token>.", {
          "WWW-Authenticate": 'Bearer realm="permalinks"',
        });
      const outcome = await deletePermalink(deps.store(), id, token, now());
      if (outcome === "not_found") return notFound();
      if (outcome === "forbidden")
        return error(403, "forbidden", "This is not the delete token of this link.");
      return new Response(null, { status: 204, headers: PERMALINK_HEADERS });
    },
  };
}

import { hashDeleteToken } from "../store/ids";
import type { DeleteOutcome, PermalinkStore } from "../store/types";

// Token characters only (base64url), bounded: the header is client input.
const BEARER = /^Bearer +([\w-]{1,200}) *$/i;

/** The token of an `Authorization: Bearer <token>` header; null when the header is missing or another scheme. */
export function bearerToken(authorization: string | null): string | null {
  if (authorization === null || authorization.length > 300) return null;
  return BEARER.exec(authorization)?.[1] ?? null;
}

/** Deletes a link when `deleteToken` is the one handed out at creation; only its hash is compared. */
export function deletePermalink(
  store: Pick<PermalinkStore, "delete">,
  id: string,
  deleteToken: string,
  now: Date,
): Promise<DeleteOutcome> {
  return store.delete(id, hashDeleteToken(deleteToken), now);
}

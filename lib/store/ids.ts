import { createHash, randomBytes as cryptoRandomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** A source of random bytes; tests pass a seeded one, everything else the CSPRNG. */
export type RandomBytes = (size: number) => Uint8Array;

// The default is node:crypto rather than a required argument: ids and delete tokens are
// security-critical, and a caller that forgets to wire randomness must still get the CSPRNG.

/** 16 bytes = 128 bits, the floor the issue sets for unguessable links. */
const PERMALINK_ID_BYTES = 16;
/** 32 bytes: the delete token is a bearer credential, so it gets a full SHA-256 worth of entropy. */
const DELETE_TOKEN_BYTES = 32;

/** base64url of 16 bytes, without padding. */
export const PERMALINK_ID_PATTERN = /^[\w-]{22}$/;
const DELETE_TOKEN_PATTERN = /^[\w-]{43}$/;
const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/;

export const permalinkIdSchema = z.string().regex(PERMALINK_ID_PATTERN, "not a permalink id");
export const deleteTokenHashSchema = z.string().regex(TOKEN_HASH_PATTERN, "not a SHA-256 hex digest");

/** True for a string shaped like an id this module hands out; routes use it to 404 early. */
export function isPermalinkId(value: string): boolean {
  return PERMALINK_ID_PATTERN.test(value);
}

/** A random, URL-safe permalink id of 128 bits. */
export function newPermalinkId(randomBytes: RandomBytes = cryptoRandomBytes): string {
  return Buffer.from(randomBytes(PERMALINK_ID_BYTES)).toString("base64url");
}

/** A random delete token, shown to the creator once; only its hash is stored. */
export function newDeleteToken(randomBytes: RandomBytes = cryptoRandomBytes): string {
  return Buffer.from(randomBytes(DELETE_TOKEN_BYTES)).toString("base64url");
}

/** True for a string shaped like a token newDeleteToken hands out (checked before hashing a header). */
export function isDeleteToken(value: string): boolean {
  return DELETE_TOKEN_PATTERN.test(value);
}

/** SHA-256 of the token, lowercase hex: what the store keeps instead of the token. */
export function hashDeleteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of two token hashes; false for anything not a SHA-256 hex digest. */
export function tokenHashesEqual(a: string, b: string): boolean {
  if (!TOKEN_HASH_PATTERN.test(a) || !TOKEN_HASH_PATTERN.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const MIN_TTL_MS = HOUR_MS;
export const MAX_TTL_MS = 90 * DAY_MS;
export const DEFAULT_TTL_MS = 30 * DAY_MS;

/** `<n>h` or `<n>d`; five digits is already far past the 90-day ceiling, so longer input is noise. */
const TTL_PATTERN = /^([1-9]\d{0,4})([hd])$/;
const TTL_HELP = 'Choose a lifetime from 1h to 90d, written like "24h" or "7d"';

export type TtlResult = { ok: true; ms: number } | { ok: false; message: string };

/** Reads a link lifetime; undefined means the 30-day default. */
export function parseTtl(value: string | undefined): TtlResult {
  if (value === undefined) return { ok: true, ms: DEFAULT_TTL_MS };
  const match = TTL_PATTERN.exec(value.trim());
  const shown = JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (match === null) return { ok: false, message: `${TTL_HELP}; got ${shown}.` };
  const ms = Number(match[1]) * (match[2] === "h" ? HOUR_MS : DAY_MS);
  if (ms < MIN_TTL_MS || ms > MAX_TTL_MS)
    return { ok: false, message: `${TTL_HELP}; ${shown} is out of range.` };
  return { ok: true, ms };
}

/** The `ttl` field of a create request, read to milliseconds with the message parseTtl gives. */
export const ttlSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const result = parseTtl(value);
    if (result.ok) return result.ms;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });

/** When a link made at `now` with lifetime `ttlMs` stops resolving. */
export function expiryFor(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() + ttlMs);
}

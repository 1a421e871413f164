import { describe, expect, it } from "vitest";
import {
  DEFAULT_TTL_MS,
  expiryFor,
  hashDeleteToken,
  isDeleteToken,
  isPermalinkId,
  MAX_TTL_MS,
  MIN_TTL_MS,
  newDeleteToken,
  newPermalinkId,
  parseTtl,
  tokenHashesEqual,
  ttlSchema,
} from "./ids";

const counting = (size: number) => Uint8Array.from({ length: size }, (_, i) => i);

describe("permalink ids", () => {
  it("encode 128 random bits as 22 URL-safe characters", () => {
    const id = newPermalinkId(counting);
    expect(id).toBe(Buffer.from(counting(16)).toString("base64url"));
    expect(Buffer.from(id, "base64url")).toHaveLength(16);
    expect(isPermalinkId(id)).toBe(true);
  });

  it("differ on every call with the real random source", () => {
    const ids = Array.from({ length: 1000 }, () => newPermalinkId());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[\w-]{22}$/);
  });

  it("are told apart from paths, padding and other lengths", () => {
    for (const bad of [
      "",
      "abc",
      "../../../../etc/passwd",
      `${"a".repeat(21)}=`,
      "a".repeat(23),
      `${"a".repeat(21)}/`,
    ])
      expect(isPermalinkId(bad)).toBe(false);
  });
});

describe("delete tokens", () => {
  it("carry 256 random bits and are not the id", () => {
    const token = newDeleteToken(counting);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isDeleteToken(token)).toBe(true);
    expect(isDeleteToken(newPermalinkId())).toBe(false);
  });

  it("hash to SHA-256 hex", () => {
    // sha256("abc"), FIPS 180-2 appendix B.1.
    expect(hashDeleteToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("compare equal only for the same hash, and never for a malformed one", () => {
    const token = newDeleteToken();
    expect(tokenHashesEqual(hashDeleteToken(token), hashDeleteToken(token))).toBe(true);
    expect(tokenHashesEqual(hashDeleteToken(token), hashDeleteToken(`${token}x`))).toBe(false);
    expect(tokenHashesEqual(hashDeleteToken(token), token)).toBe(false);
    expect(tokenHashesEqual(hashDeleteToken(token).toUpperCase(), hashDeleteToken(token))).toBe(false);
    expect(tokenHashesEqual("", "")).toBe(false);
  });
});

describe("link lifetime", () => {
  it("defaults to 30 days", () => {
    expect(parseTtl(undefined)).toEqual({ ok: true, ms: 30 * 24 * 3_600_000 });
    expect(DEFAULT_TTL_MS).toBe(30 * 24 * 3_600_000);
  });

  it("reads hours and days from 1h to 90d inclusive", () => {
    expect(parseTtl("1h")).toEqual({ ok: true, ms: MIN_TTL_MS });
    expect(parseTtl("24h")).toEqual({ ok: true, ms: 86_400_000 });
    expect(parseTtl("7d")).toEqual({ ok: true, ms: 7 * 86_400_000 });
    expect(parseTtl("90d")).toEqual({ ok: true, ms: MAX_TTL_MS });
    expect(parseTtl("2160h")).toEqual({ ok: true, ms: MAX_TTL_MS });
    expect(parseTtl(" 7d ")).toEqual({ ok: true, ms: 7 * 86_400_000 });
  });

  it("refuses lifetimes outside the range, saying what is allowed", () => {
    for (const value of ["91d", "2161h", "99999d"]) {
      const result = parseTtl(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/from 1h to 90d.*out of range/);
    }
  });

  it("refuses other spellings", () => {
    for (const value of ["", "0h", "30m", "1w", "1.5d", "-1d", "7 d", "07d", "d", "1e3h", "100000h"]) {
      const result = parseTtl(value);
      expect(result, value).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message).toContain('like "24h" or "7d"');
    }
  });

  it("quotes at most 20 characters of a bad value", () => {
    const result = parseTtl("x".repeat(5000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(120);
  });

  it("is a zod field that yields milliseconds or the same message", () => {
    expect(ttlSchema.parse(undefined)).toBe(DEFAULT_TTL_MS);
    expect(ttlSchema.parse("2d")).toBe(2 * 86_400_000);
    const failed = ttlSchema.safeParse("120d");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/from 1h to 90d/);
  });

  it("puts the expiry ttl after now", () => {
    expect(expiryFor(new Date("2026-11-21T12:00:00.000Z"), 3_600_000).toISOString()).toBe(
      "2026-11-21T13:00:00.000Z",
    );
  });
});

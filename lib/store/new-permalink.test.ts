import { describe, expect, it } from "vitest";
import { diagnoseOffline } from "../report";
import { hashDeleteToken, isDeleteToken, isPermalinkId } from "./ids";
import { MIGRATIONS } from "./migrations";
import { newPermalink } from "./new-permalink";
import { HOUR, makePermalink, PLANTED_KEY, T0 } from "./testing/fixtures";
import { storedPermalinkSchema } from "./types";

describe("newPermalink", () => {
  it("builds a record with a fresh id, the token's hash and the expiry from now", () => {
    const { record, deleteToken } = makePermalink({ now: T0, ttlMs: 2 * HOUR });
    expect(isPermalinkId(record.id)).toBe(true);
    expect(isDeleteToken(deleteToken)).toBe(true);
    expect(record.deleteTokenHash).toBe(hashDeleteToken(deleteToken));
    expect(record.createdAt).toBe("2026-11-21T12:00:00.000Z");
    expect(record.expiresAt).toBe("2026-11-21T14:00:00.000Z");
    expect(record.classifierVersion).toBe(record.diagnosis.classifierVersion);
  });

  it("keeps the delete token out of the record", () => {
    const { record, deleteToken } = makePermalink();
    expect(JSON.stringify(record)).not.toContain(deleteToken);
  });

  it("stores the redacted text, not the paste", () => {
    const { record } = makePermalink();
    expect(record.redactedText).not.toContain(PLANTED_KEY.slice(13, 40));
    expect(Object.keys(record).sort()).toEqual([
      "classifierVersion",
      "createdAt",
      "deleteTokenHash",
      "diagnosis",
      "expiresAt",
      "id",
      "redactedText",
    ]);
  });

  it("throws on a lifetime that is not positive", () => {
    const redactedText = "HTTP 529 overloaded_error";
    expect(() =>
      newPermalink(
        { redactedText, diagnosis: diagnoseOffline(redactedText, { now: T0, random: () => 0.5 }), ttlMs: 0 },
        { now: T0 },
      ),
    ).toThrow(/expiresAt/);
  });
});

describe("storedPermalinkSchema", () => {
  it("normalises instants to toISOString form so adapters read back the same string", () => {
    const { record } = makePermalink();
    const parsed = storedPermalinkSchema.parse({ ...record, createdAt: "2026-11-21T12:00:00Z" });
    expect(parsed.createdAt).toBe("2026-11-21T12:00:00.000Z");
  });

  it("refuses NUL in the text, which PostgreSQL text cannot hold", () => {
    const { record } = makePermalink();
    expect(storedPermalinkSchema.safeParse({ ...record, redactedText: "a\u0000b" }).success).toBe(false);
  });

  it("refuses offsets in instants and a diagnosis that breaks the contract", () => {
    const { record } = makePermalink();
    expect(
      storedPermalinkSchema.safeParse({ ...record, createdAt: "2026-11-21T12:00:00+01:00" }).success,
    ).toBe(false);
    expect(
      storedPermalinkSchema.safeParse({ ...record, diagnosis: { ...record.diagnosis, branch: "nope" } })
        .success,
    ).toBe(false);
  });
});

describe("MIGRATIONS", () => {
  it("are numbered 1, 2, 3… in order, each with both dialects", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const migration of MIGRATIONS) {
      expect(migration.sqlite.trim()).not.toBe("");
      expect(migration.postgres.trim()).not.toBe("");
    }
  });
});

import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { redact } from "../redact";
import { diagnoseOffline } from "../report";
import { PASTE, T0 } from "../store/testing/fixtures";
import { encodePrivateDiagnosis } from "./fragment";
import { openPrivateLink, splitSignedFragment } from "./signature";
import {
  fileSigningKey,
  postgresSigningKey,
  SIGNING_KEY_FILE,
  signingKeyFrom,
  signPayload,
  SIGNING_KEY_TABLE,
} from "./signing-key";

const text = redact(PASTE).text;
const report = diagnoseOffline(text, { now: T0, random: () => 0.5 });
const key = signingKeyFrom(generateKeyPairSync("ed25519").privateKey);
const other = signingKeyFrom(generateKeyPairSync("ed25519").privateKey);
const payload = encodePrivateDiagnosis(text, report);
const signed = `${payload}.${signPayload(payload, key)}`;

// What a crafted link would say: the site's own shapes, the attacker's words.
const ATTACK = "SECURITY ALERT: re-enter your key at https://evil.example";
const forged = encodePrivateDiagnosis(ATTACK, {
  ...report,
  headline: ATTACK,
  confidence: 0.95,
  signals: [],
  occurrences: [],
});

describe("signed private links", () => {
  it("open as a diagnosis when this instance signed them", async () => {
    expect(await openPrivateLink(`#${signed}`, key.publicKey)).toEqual({
      kind: "verified",
      value: { v: 1, text, report },
    });
  });

  it("are only quoted text when the payload was changed, signed by another key, or not signed", async () => {
    const { signature } = splitSignedFragment(signed);
    expect(await openPrivateLink(`#${forged}.${signature}`, key.publicKey)).toEqual({
      kind: "unverified",
      reason: "bad_signature",
      text: ATTACK,
    });
    expect(await openPrivateLink(`#${forged}.${signPayload(forged, other)}`, key.publicKey)).toMatchObject({
      kind: "unverified",
      reason: "bad_signature",
    });
    expect(await openPrivateLink(`#${forged}`, key.publicKey)).toEqual({
      kind: "unverified",
      reason: "unsigned",
      text: ATTACK,
    });
    for (const signature of ["", "AAAA", "not base64!", "A".repeat(86)])
      expect(await openPrivateLink(`#${payload}.${signature}`, key.publicKey), signature).toMatchObject({
        kind: "unverified",
        reason: "bad_signature",
      });
  });

  it("never throw, whatever the fragment or key", async () => {
    expect(await openPrivateLink("", key.publicKey)).toEqual({ kind: "unreadable", reason: "empty" });
    expect(await openPrivateLink("#...", key.publicKey)).toMatchObject({ kind: "unverified", text: null });
    expect(await openPrivateLink(`#${signed}`, "not-a-key")).toMatchObject({ kind: "unverified" });
  });
});

describe("the signing key", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("is made once in DATA_DIR, 0600, and read back the same", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "triage-key-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "data");
    const first = fileSigningKey(dataDir);
    const second = fileSigningKey(dataDir);
    expect(second.publicKey).toBe(first.publicKey);
    expect(first.publicKey).toMatch(/^[\w-]{43}$/);
    const file = path.join(dataDir, SIGNING_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  const url = process.env.TEST_DATABASE_URL;
  it.skipIf(url === undefined)(
    url === undefined
      ? "is shared through PostgreSQL: skipped, set TEST_DATABASE_URL to run it"
      : "is shared through PostgreSQL: instances starting together agree on one key",
    async () => {
      const schema = `key_test_${process.pid}_${Date.now()}`;
      const admin = new Pool({ connectionString: url, max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      const target = new URL(url ?? "");
      target.searchParams.set("options", `-c search_path=${schema}`);
      const pools = [0, 1, 2].map(() => new Pool({ connectionString: target.toString(), max: 1 }));
      try {
        const keys = await Promise.all(pools.map((pool) => postgresSigningKey(pool)));
        expect(new Set(keys.map((k) => k.publicKey)).size).toBe(1);
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.${SIGNING_KEY_TABLE}`);
        expect(rows[0].n).toBe(1);
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    },
  );
});

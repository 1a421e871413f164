import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import type { Pool } from "pg";
import { parsePrivateKey } from "./private-key";
import { signedMessage } from "./signature";

export { parsePrivateKey } from "./private-key";

// The instance's Ed25519 key pair for private links: from PRIVATE_LINK_KEY when set, else made once and kept
// with the links (a 0600 file in DATA_DIR for SQLite, a row in PostgreSQL so every instance shares it).

/** The private key and the public key as the browser imports it (raw 32 bytes, base64url). */
export type SigningKey = { privateKey: KeyObject; publicKey: string };

export const SIGNING_KEY_FILE = "private-link-key.pem";
/** The PostgreSQL table the key lives in (created here, outside the link migrations). */
export const SIGNING_KEY_TABLE = "private_link_keys";

export function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 key");
  return { privateKey, publicKey: jwk.x };
}

const newPem = () =>
  generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();

/** The key kept in `dataDir`, made (0600, exclusive create, so concurrent starters agree) when missing. */
export function fileSigningKey(dataDir: string): SigningKey {
  const file = path.join(/* turbopackIgnore: true */ dataDir, SIGNING_KEY_FILE);
  if (!existsSync(/* turbopackIgnore: true */ file)) {
    mkdirSync(/* turbopackIgnore: true */ dataDir, { recursive: true, mode: 0o700 });
    try {
      const fd = openSync(/* turbopackIgnore: true */ file, "wx", 0o600);
      try {
        writeSync(fd, newPem());
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
  }
  return signingKeyFrom(parsePrivateKey(readFileSync(/* turbopackIgnore: true */ file, "utf8")));
}

/** Serialises instances making the table and the key at the same moment (any fixed 64-bit number). */
const KEY_LOCK = 7_316_202_611;

/** The key kept in PostgreSQL: the first instance to start inserts one, every instance reads the same. */
export async function postgresSigningKey(pool: Pool): Promise<SigningKey> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // CREATE TABLE IF NOT EXISTS is not safe against itself running concurrently: take a lock first.
    await client.query("SELECT pg_advisory_xact_lock($1)", [KEY_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${SIGNING_KEY_TABLE} (id integer PRIMARY KEY, private_pem text NOT NULL)`,
    );
    await client.query(
      `INSERT INTO ${SIGNING_KEY_TABLE} (id, private_pem) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`,
      [newPem()],
    );
    const { rows } = await client.query<{ private_pem: string }>(
      `SELECT private_pem FROM ${SIGNING_KEY_TABLE} WHERE id = 1`,
    );
    await client.query("COMMIT");
    const pem = rows[0]?.private_pem;
    if (pem === undefined) throw new Error("the private link key could not be read back");
    return signingKeyFrom(parsePrivateKey(pem));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The signature (base64url) of a private link's payload. */
export function signPayload(payload: string, key: SigningKey): string {
  return sign(null, signedMessage(payload), key.privateKey).toString("base64url");
}

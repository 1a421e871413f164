import { createPrivateKey, type KeyObject } from "node:crypto";

/** Reads a PKCS#8 Ed25519 private key given as PEM or as base64 DER; throws when it is anything else. */
export function parsePrivateKey(value: string): KeyObject {
  const text = value.trim();
  const key = text.startsWith("-----BEGIN")
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, "base64"), format: "der", type: "pkcs8" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 private key");
  return key;
}

import { decodePrivateDiagnosis, readPrivateText, type PrivateDiagnosis } from "./fragment";

// A private link is `/p#<payload>.<signature>`: the payload is lib/permalinks/fragment.ts's encoding and the
// signature is this instance's Ed25519 signature over it. The browser checks it with the instance's public
// key (WebCrypto) before it shows anything as a diagnosis, so a link cannot make the site say what it did
// not say. This module runs in the browser: WebCrypto and strings only.

/** Signed bytes are `<SIGNATURE_CONTEXT>.<payload>`, so a signature made for something else never fits. */
export const SIGNATURE_CONTEXT = "claude-error-triage/private-link/v2";

const ALGORITHM = { name: "Ed25519" } as const;

export function signedMessage(payload: string): Uint8Array {
  return new TextEncoder().encode(`${SIGNATURE_CONTEXT}.${payload}`);
}

function fromBase64Url(data: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[\w-]*$/.test(data)) return null;
  try {
    const binary = atob(data.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The payload and signature of fragment data (without `#`); a fragment with no `.` carries no signature. */
export function splitSignedFragment(fragment: string): { payload: string; signature: string | null } {
  const data = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  const dot = data.lastIndexOf(".");
  return dot === -1
    ? { payload: data, signature: null }
    : { payload: data.slice(0, dot), signature: data.slice(dot + 1) };
}

/** Whether `signature` (base64url) is the instance's signature over `payload`; false for anything unreadable. */
export async function verifyPayload(
  payload: string,
  signature: string,
  publicKey: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  const key = fromBase64Url(publicKey);
  const sig = fromBase64Url(signature);
  if (key === null || sig === null || key.length !== 32 || sig.length !== 64) return false;
  try {
    const imported = await subtle.importKey("raw", key, ALGORITHM, false, ["verify"]);
    return await subtle.verify(ALGORITHM, imported, sig, signedMessage(payload) as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

/** What a private link holds, as far as it can be trusted. */
export type OpenedPrivateLink =
  /** Made by this instance: show it as a diagnosis. */
  | { kind: "verified"; value: PrivateDiagnosis }
  /** Not made by this instance, altered, or unsigned: its text may be shown only as a quoted paste. */
  | { kind: "unverified"; reason: "unsigned" | "bad_signature"; text: string | null }
  /** Signed by this instance but unreadable (an older format, damaged in a way the signature missed). */
  | { kind: "unreadable"; reason: "empty" | "corrupt" | "too_large" | "invalid" };

/** Checks the signature first, and decodes as a diagnosis only what this instance signed. Never throws. */
export async function openPrivateLink(
  fragment: string,
  publicKey: string,
  subtle?: SubtleCrypto,
): Promise<OpenedPrivateLink> {
  const { payload, signature } = splitSignedFragment(fragment);
  if (payload === "") return { kind: "unreadable", reason: "empty" };
  if (signature === null) return { kind: "unverified", reason: "unsigned", text: readPrivateText(payload) };
  if (!(await verifyPayload(payload, signature, publicKey, subtle)))
    return { kind: "unverified", reason: "bad_signature", text: readPrivateText(payload) };
  const decoded = decodePrivateDiagnosis(payload);
  return decoded.ok
    ? { kind: "verified", value: decoded.value }
    : { kind: "unreadable", reason: decoded.reason };
}

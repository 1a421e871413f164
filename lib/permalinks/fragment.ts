import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { z } from "zod";
import { MAX_INPUT_BYTES } from "../input";
import { diagnosisReportSchema } from "../report";

// A private link carries the whole redacted diagnosis in its fragment: JSON, DEFLATE (fflate), then
// base64url. Browsers never send the fragment to a server, so nothing of it is stored or logged there.
// This module runs in the browser too: no Buffer, only btoa/atob and fflate.

const FORMAT_VERSION = 1;

/** The redacted paste and the report made from it; offsets in the report point into `text`. */
export const privateDiagnosisSchema = z
  .strictObject({
    v: z.literal(FORMAT_VERSION),
    text: z.string(),
    report: diagnosisReportSchema,
  })
  .refine(
    ({ text, report }) =>
      [...report.signals, ...report.occurrences].every(
        (span) => span.start <= span.end && span.end <= text.length,
      ),
    { message: "a highlighted span lies outside the text" },
  );
export type PrivateDiagnosis = z.infer<typeof privateDiagnosisSchema>;

/** Decompressed JSON past this is refused: a redacted paste within MAX_INPUT_BYTES and its report stay well below. */
export const MAX_PRIVATE_JSON_BYTES = 4 * MAX_INPUT_BYTES;
/** Compressed bytes are fed to the inflater in slices so an oversized payload is abandoned early. */
const INFLATE_SLICE = 4096;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary)
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/={1,2}$/, "");
}

function fromBase64Url(data: string): Uint8Array | null {
  if (!/^[\w-]*$/.test(data) || data.length % 4 === 1) return null;
  const binary = atob(data.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Inflates at most `limit` bytes, giving up as soon as the output passes it. */
function inflateCapped(compressed: Uint8Array, limit: number): Uint8Array | "corrupt" | "too_large" {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < compressed.length && total <= limit; i += INFLATE_SLICE)
      inflater.push(compressed.subarray(i, i + INFLATE_SLICE), i + INFLATE_SLICE >= compressed.length);
  } catch {
    return "corrupt";
  }
  if (total > limit) return "too_large";
  if (!ended) return "corrupt";
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The fragment data (without `#`) for a redacted paste and its report. */
export function encodePrivateDiagnosis(text: string, report: PrivateDiagnosis["report"]): string {
  const json = JSON.stringify({ v: FORMAT_VERSION, text, report } satisfies PrivateDiagnosis);
  return toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

export type DecodedPrivateDiagnosis =
  | { ok: true; value: PrivateDiagnosis }
  | { ok: false; reason: "empty" | "corrupt" | "too_large" | "invalid" };

/**
 * The `text` field of fragment data whatever else it holds (a payload that fails the schema or carries no
 * trustworthy signature can still be shown as a quoted paste); null when there is none.
 */
export function readPrivateText(fragment: string): string | null {
  const data = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (data === "" || data.length > MAX_PRIVATE_JSON_BYTES * 2) return null;
  const compressed = fromBase64Url(data);
  if (compressed === null) return null;
  const json = inflateCapped(compressed, MAX_PRIVATE_JSON_BYTES);
  if (typeof json === "string") return null;
  try {
    const parsed: unknown = JSON.parse(strFromU8(json));
    const text =
      typeof parsed === "object" && parsed !== null ? (parsed as { text?: unknown }).text : undefined;
    return typeof text === "string" ? text : null;
  } catch {
    return null;
  }
}

/** Reads fragment data back; never throws, whatever the fragment holds. */
export function decodePrivateDiagnosis(fragment: string): DecodedPrivateDiagnosis {
  const data = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (data === "") return { ok: false, reason: "empty" };
  // base64 grows data by 4/3; DEFLATE never shrinks below ~1/1032 of the original, so a longer
  // fragment cannot hold an acceptable payload.
  if (data.length > MAX_PRIVATE_JSON_BYTES * 2) return { ok: false, reason: "too_large" };
  const compressed = fromBase64Url(data);
  if (compressed === null) return { ok: false, reason: "corrupt" };
  const json = inflateCapped(compressed, MAX_PRIVATE_JSON_BYTES);
  if (typeof json === "string") return { ok: false, reason: json };
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(json));
  } catch {
    return { ok: false, reason: "corrupt" };
  }
  const result = privateDiagnosisSchema.safeParse(parsed);
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: "invalid" };
}

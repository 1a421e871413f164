import { tokenRuns } from "./chars";
import type { Detector } from "./detectors";

/**
 * Secrets inside base64 (Kubernetes `Secret` data, Docker `auth`, base64 config blobs): each run of 20+
 * base64 characters that decodes to printable text is decoded, all decoded texts are scanned together in one
 * pass, and a run whose decoded text holds a secret is masked whole (redaction.md §4 "Encodings").
 */

function decodeBase64(run: string): string | null {
  let end = run.length;
  while (end > 0 && run[end - 1] === "=") end--;
  let s = run.slice(0, end).replace(/-/g, "+").replace(/_/g, "/");
  if (s.length % 4 === 1) s = s.slice(0, -1);
  while (s.length % 4 !== 0) s += "=";
  try {
    return atob(s);
  } catch {
    return null;
  }
}

/** Base64 alphabet index of a character (standard or URL-safe), or -1. */
function sextet(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43 || c === 45) return 62;
  if (c === 47 || c === 95) return 63;
  return -1;
}

/**
 * A cheap bound before decoding: the first character of every 4-character group holds the top six bits of
 * a byte, so a group whose first character is `g` or later in the alphabet decodes to a byte of 0x80 or
 * more, never printable. When such bytes alone make more than 5% of the decoded length, the run cannot pass
 * `mostlyPrintable` and is not decoded (most random tokens stop here).
 */
function surelyBinary(run: string): boolean {
  let end = run.length;
  while (end > 0 && run.charCodeAt(end - 1) === 61) end--;
  if (end % 4 === 1) end--;
  const decodedLength = Math.floor((end * 3) / 4);
  if (decodedLength === 0) return false;
  let high = 0;
  for (let i = 0; i + 1 < end; i += 4) if (sextet(run.charCodeAt(i)) >= 32) high++;
  return high / decodedLength > 0.05;
}

/**
 * An upper-case letter, a lower-case one and a digit, each found natively: a long run of one class (digits,
 * an id repeated) is read three times as fast as a loop here reads it.
 */
function mixesClasses(run: string): boolean {
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run);
}

function mostlyPrintable(s: string): boolean {
  if (s.length < 12) return false;
  let ok = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13) ok++;
  }
  return ok / s.length >= 0.95;
}

export interface EncodedHit {
  start: number;
  end: number;
  kind: string;
}

/** Runs `detectors` over the printable base64-decoded runs of `text`; returns the original runs to mask. */
export function findEncodedSecrets(
  text: string,
  detectors: ReadonlyArray<{ id: string; detect: Detector }>,
): EncodedHit[] {
  const runs: Array<{ start: number; end: number; at: number; length: number }> = [];
  const parts: string[] = [];
  let offset = 0;
  const all = tokenRuns(text);
  for (let r = 0; r < all.length; r += 2) {
    const s = all[r] ?? 0;
    let e = all[r + 1] ?? 0;
    while (e < text.length && e - (all[r + 1] ?? 0) < 2 && text[e] === "=") e++;
    // base64 of text mixes cases and digits; paths and words do not.
    const run = text.slice(s, e);
    if (!mixesClasses(run)) continue;
    if (surelyBinary(run)) continue;
    const decoded = decodeBase64(run);
    if (decoded === null || !mostlyPrintable(decoded)) continue;
    runs.push({ start: s, end: e, at: offset, length: decoded.length });
    parts.push(decoded);
    offset += decoded.length + 2;
  }
  if (runs.length === 0) return [];
  const joined = parts.join("\n\n");
  const hits = new Map<number, EncodedHit>();
  for (const { id, detect } of detectors) {
    detect(joined, (s, _e, kind) => {
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((runs[mid]?.at ?? 0) <= s) lo = mid;
        else hi = mid - 1;
      }
      const run = runs[lo];
      if (run !== undefined && !hits.has(lo))
        hits.set(lo, { start: run.start, end: run.end, kind: kind ?? id });
    });
  }
  return [...hits.values()];
}

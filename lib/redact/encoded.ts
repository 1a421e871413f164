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
    if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/\d/.test(run)) continue;
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

"use client";

import { useSyncExternalStore } from "react";
import { decodePrivateDiagnosis, type DecodedPrivateDiagnosis } from "@/lib/permalinks/fragment";
import { DiagnosisResult } from "../result/diagnosis-result";

const REASONS: Record<Exclude<DecodedPrivateDiagnosis, { ok: true }>["reason"], string> = {
  empty: "This link holds no diagnosis: the part after # is missing. Ask for the whole link.",
  corrupt:
    "This link is damaged (part of it may have been cut off when it was copied). Ask for the whole link.",
  too_large: "This link holds more data than a diagnosis can; it was not opened.",
  invalid: "This link does not hold a diagnosis this version of the page can read.",
};

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

// Decoding once per fragment: useSyncExternalStore compares snapshots, and a fresh object each call
// would never settle.
let last: { hash: string; decoded: DecodedPrivateDiagnosis } | null = null;
function decodedHash(): DecodedPrivateDiagnosis {
  const hash = window.location.hash;
  if (last?.hash !== hash) last = { hash, decoded: decodePrivateDiagnosis(hash) };
  return last.decoded;
}

/** Decodes the URL fragment in the browser and shows the diagnosis with the same components as a fresh result. */
export function PrivateDiagnosis() {
  // On the server there is no fragment: null renders the loading line until the browser decodes.
  const decoded = useSyncExternalStore(subscribe, decodedHash, () => null);
  if (decoded === null) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Opening the link…</p>;
  if (!decoded.ok)
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        {REASONS[decoded.reason]}
      </p>
    );
  return <DiagnosisResult diagnosis={decoded.value.report} paste={decoded.value.text} shared />;
}

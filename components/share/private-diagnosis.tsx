"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { openPrivateLink, type OpenedPrivateLink } from "@/lib/permalinks/signature";
import { DiagnosisResult } from "../result/diagnosis-result";
import { UnverifiedPaste } from "./unverified-paste";

const REASONS: Record<Extract<OpenedPrivateLink, { kind: "unreadable" }>["reason"], string> = {
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

/**
 * Checks the URL fragment's signature in the browser (WebCrypto, with this site's public key) and shows it as a
 * diagnosis only when this site made it; anything else is shown as quoted text, never as the site's advice.
 */
export function PrivateDiagnosis({ publicKey }: { publicKey: string }) {
  // On the server there is no fragment: null renders the loading line until the browser has checked it.
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => null,
  );
  const [opened, setOpened] = useState<{ hash: string; link: OpenedPrivateLink } | null>(null);

  useEffect(() => {
    if (hash === null) return;
    let current = true;
    void openPrivateLink(hash, publicKey).then((link) => {
      if (current) setOpened({ hash, link });
    });
    return () => {
      current = false;
    };
  }, [hash, publicKey]);

  const link = opened !== null && opened.hash === hash ? opened.link : null;
  if (link === null) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Opening the link…</p>;
  if (link.kind === "unreadable")
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        {REASONS[link.reason]}
      </p>
    );
  if (link.kind === "unverified") return <UnverifiedPaste reason={link.reason} text={link.text} />;
  return <DiagnosisResult diagnosis={link.value.report} paste={link.value.text} shared />;
}

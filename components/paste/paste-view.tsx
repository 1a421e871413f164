"use client";

import { useState } from "react";
import type { Signal } from "@/lib/diagnosis";
import { segmentPaste, type SecretSpan } from "./paste-segments";
import { SignalMarkedText } from "./signal-marked-text";

/**
 * The diagnosed paste, once, with the deciding signals marked and every secret masked until the reader asks
 * to see it. The paste is already in the browser (the user pasted it); masking keeps the values out of the
 * page (a screen share, a screenshot, an extension reading the DOM) until an explicit click, and nothing is
 * fetched to reveal them: the server never sends a secret back.
 */
export function PasteView({
  text,
  signals,
  secrets = [],
}: {
  text: string;
  signals: readonly Signal[];
  secrets?: readonly SecretSpan[];
}) {
  const [revealed, setRevealed] = useState(false);
  const segments = segmentPaste(text, signals, { secrets, revealSecrets: revealed });
  const labels = [...new Set(signals.map((s) => s.label))];
  return (
    <div className="min-w-0 space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        {labels.length > 0 ? (
          <ul aria-label="Deciding signals" className="flex flex-wrap gap-1.5">
            {labels.map((label) => (
              <li
                key={label}
                className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-400/15 dark:text-amber-200"
              >
                {label}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">No signal was found in it.</p>
        )}
        {secrets.length > 0 ? (
          <button
            type="button"
            aria-pressed={revealed}
            onClick={() => setRevealed((value) => !value)}
            className="ml-auto rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            {revealed
              ? "Hide secrets"
              : `Show ${secrets.length === 1 ? "the secret" : `${secrets.length} secrets`}`}
          </button>
        ) : null}
      </div>
      <SignalMarkedText segments={segments} />
    </div>
  );
}

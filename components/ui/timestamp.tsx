"use client";

import { formatUtc, formatWhen } from "./format-time";
import { useNow } from "./use-now";

/**
 * A time as the page writes every time: "6 Dec 2026, 14:15 UTC · 3 h ago". The relative part appears once
 * the browser's clock is known (never on the server), so a shared page reads the same to everyone at first.
 */
export function Timestamp({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatUtc(iso)} className={`whitespace-nowrap ${className ?? ""}`}>
      {formatWhen(iso, now)}
    </time>
  );
}

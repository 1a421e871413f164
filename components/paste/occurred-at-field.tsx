"use client";

import { useState, useSyncExternalStore } from "react";
import { localDateTimeToIso } from "./occurred-at";

function subscribeNever(): () => void {
  return () => {};
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function noZoneOnServer(): null {
  return null;
}

/**
 * The optional "When did it happen?" field: a local date and time in the user's zone, sent as
 * `occurredAt` (an ISO instant with offset). Empty leaves the time to what the paste shows.
 */
export function OccurredAtField({ error }: { error: string | null }) {
  const [local, setLocal] = useState("");
  // The zone is the browser's: unknown while the server renders, so it never causes a hydration mismatch.
  const zone = useSyncExternalStore(subscribeNever, browserTimeZone, noZoneOnServer);
  const iso = local === "" ? "" : (localDateTimeToIso(local) ?? local);

  return (
    <div className="space-y-1">
      <label htmlFor="occurred-at" className="text-sm font-medium">
        When did it happen? <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
      </label>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <input
          id="occurred-at"
          type="datetime-local"
          step={1}
          value={local}
          onChange={(event) => setLocal(event.target.value)}
          aria-describedby="occurred-at-zone occurred-at-hint occurred-at-error"
          aria-invalid={error !== null}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600/40 aria-invalid:border-rose-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:[color-scheme:dark]"
        />
        <span id="occurred-at-zone" className="text-xs text-zinc-600 dark:text-zinc-400">
          in your time zone{zone !== null ? ` (${zone})` : ""}
        </span>
      </div>
      <input type="hidden" name="occurredAt" value={iso} />
      <p id="occurred-at-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
        {iso === ""
          ? "Leave empty to use the time the paste shows. Incidents on the status page are matched to this time."
          : `Sent as ${iso}; it replaces any time the paste shows.`}
      </p>
      <p
        id="occurred-at-error"
        aria-live="polite"
        className="text-sm text-rose-700 empty:hidden dark:text-rose-300"
      >
        {error}
      </p>
    </div>
  );
}

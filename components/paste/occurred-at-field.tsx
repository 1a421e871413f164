"use client";

import { useRef, useSyncExternalStore } from "react";
import { formatUtc } from "../ui/format-time";
import { pickerValueToText, TIME_FORMAT_HINT } from "./occurred-at";

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
 * The optional "When did it happen?" field: one text field that takes an ISO time, a date and time in the
 * user's zone, or "10 min ago"; the browser's own date picker is offered as an extra, behind one button.
 * `value` is the text as typed; the form reads it (lib-free parsing in ./occurred-at) when it submits.
 */
export function OccurredAtField({
  value,
  onChange,
  error,
  resolved,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  /** The instant the text stands for, shown back to the user; null when empty or unreadable. */
  resolved: string | null;
}) {
  // The zone is the browser's: unknown while the server renders, so it never causes a hydration mismatch.
  const zone = useSyncExternalStore(subscribeNever, browserTimeZone, noZoneOnServer);
  const picker = useRef<HTMLInputElement>(null);

  function openPicker() {
    const input = picker.current;
    if (input === null) return;
    try {
      input.showPicker();
    } catch {
      // A browser without showPicker (or one that refuses it here): the text field still takes the time.
      input.focus();
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor="occurred-at" className="text-sm font-medium">
        When did it happen? <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
      </label>
      <div className="relative flex flex-wrap items-center gap-x-2 gap-y-1">
        <input
          id="occurred-at"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder="10 min ago"
          aria-describedby="occurred-at-hint occurred-at-error"
          aria-invalid={error !== null}
          className="w-52 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600/40 aria-invalid:border-rose-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <button
          type="button"
          onClick={openPicker}
          className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          Pick a date…
        </button>
        {/* The native picker, reached only through the button above: no tab stops of its own. */}
        <input
          ref={picker}
          type="datetime-local"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            if (event.target.value !== "") onChange(pickerValueToText(event.target.value));
          }}
          className="pointer-events-none absolute bottom-0 left-0 h-px w-px opacity-0"
        />
      </div>
      <p id="occurred-at-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
        {resolved !== null
          ? `Read as ${formatUtc(resolved)}; it replaces any time the paste shows.`
          : `Empty uses the time the paste shows. Takes ${TIME_FORMAT_HINT}${zone !== null ? ` (${zone})` : ""}.`}
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

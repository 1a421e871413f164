"use client";

import { useId, useSyncExternalStore, type ReactNode } from "react";

// Which panels a person keeps open is remembered in this browser (localStorage), per panel name, so the
// page opens the way they left it. Nothing of a diagnosis is stored, only "open" or "closed".
const PREFIX = "cet:panel:";
const CHANGE = "cet:panel-change";

function read(name: string): boolean | null {
  try {
    const value = window.localStorage.getItem(PREFIX + name);
    return value === "open" ? true : value === "closed" ? false : null;
  } catch {
    return null;
  }
}

function write(name: string, open: boolean): void {
  try {
    window.localStorage.setItem(PREFIX + name, open ? "open" : "closed");
  } catch {
    // Storage refused (private mode, quota): the panel still opens, it is just not remembered.
  }
  window.dispatchEvent(new Event(CHANGE));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/**
 * A titled panel, closed unless the user opened it before. Its content mounts only while open, so a closed
 * panel costs nothing (the support packet is built on the server only once its panel is opened).
 */
export function Disclosure({
  name,
  title,
  hint,
  defaultOpen = false,
  children,
}: {
  /** Storage key: one per kind of panel, shared by every result. */
  name: string;
  title: string;
  /** One line after the title, shown open or closed (a count, a state). */
  hint?: ReactNode;
  /** Open until the user closes it, for panels a page's reader came for. */
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const open = useSyncExternalStore(
    subscribe,
    () => read(name) ?? defaultOpen,
    () => defaultOpen,
  );
  const id = useId();
  return (
    <section aria-label={title} className="min-w-0 rounded-lg border border-zinc-200 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">
        <button
          id={`${id}-button`}
          type="button"
          data-disclosure={name}
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => write(name, !open)}
          className="flex w-full min-w-0 items-center gap-2 rounded-lg px-3 py-2.5 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600 dark:hover:bg-zinc-900"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 12 12"
            className={`size-3 shrink-0 transition-transform ${open ? "rotate-90" : ""}`}
          >
            <path d="M4.5 2.5 8 6l-3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          <span className="shrink-0 [overflow-wrap:normal]">{title}</span>
          {hint !== undefined ? (
            <span className="min-w-0 truncate text-xs font-normal text-zinc-600 dark:text-zinc-400">
              {hint}
            </span>
          ) : null}
        </button>
      </h3>
      <div id={`${id}-panel`} hidden={!open} className="min-w-0 px-3 pb-3 pt-1">
        {open ? children : null}
      </div>
    </section>
  );
}

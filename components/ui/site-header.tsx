import Link from "next/link";
import type { ReactNode } from "react";

/** The top bar; `aside` is the slot on the right (the status widget goes there). */
export function SiteHeader({ aside }: { aside?: ReactNode }) {
  return (
    <header className="border-b border-zinc-200 bg-zinc-50/80 dark:border-zinc-800 dark:bg-zinc-900/60">
      <div className="mx-auto flex h-12 w-full max-w-5xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-sm font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-5 place-items-center rounded bg-zinc-900 text-[10px] font-bold text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            CT
          </span>
          Claude Error Triage
        </Link>
        <span className="hidden text-xs text-zinc-600 sm:inline dark:text-zinc-400">
          paste an error, get the recovery branch
        </span>
        {aside ? <div className="ml-auto flex min-w-0 items-center">{aside}</div> : null}
      </div>
    </header>
  );
}

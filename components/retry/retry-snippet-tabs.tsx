"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { RetrySnippets } from "@/lib/retry/snippets";
import { CopyButton } from "../ui/copy-button";
import { HighlightedCode } from "./highlighted-code";

const LANGUAGES = [
  { id: "python", label: "Python" },
  { id: "typescript", label: "TypeScript" },
] as const satisfies ReadonlyArray<{ id: keyof RetrySnippets; label: string }>;

type Language = (typeof LANGUAGES)[number]["id"];

/** The plan as code, one tab per language (WAI-ARIA tabs: arrow keys, Home and End move between them). */
export function RetrySnippetTabs({ snippets }: { snippets: RetrySnippets }) {
  const [selected, setSelected] = useState<Language>("python");
  const tabs = useRef(new Map<Language, HTMLButtonElement>());
  const id = useId();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = LANGUAGES.findIndex((l) => l.id === selected);
    const last = LANGUAGES.length - 1;
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % LANGUAGES.length
        : event.key === "ArrowLeft"
          ? (index + last) % LANGUAGES.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    const language = next === null ? undefined : LANGUAGES[next];
    if (!language) return;
    event.preventDefault();
    setSelected(language.id);
    tabs.current.get(language.id)?.focus();
  }

  const current = LANGUAGES.find((l) => l.id === selected) ?? LANGUAGES[0];
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h4 id={`${id}-heading`} className="text-sm font-semibold">
          The plan as code
        </h4>
        <div
          role="tablist"
          aria-label="Snippet language"
          onKeyDown={onKeyDown}
          className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
        >
          {LANGUAGES.map((language) => {
            const active = language.id === selected;
            return (
              <button
                key={language.id}
                ref={(element) => {
                  if (element) tabs.current.set(language.id, element);
                  else tabs.current.delete(language.id);
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${language.id}`}
                aria-selected={active}
                aria-controls={`${id}-panel`}
                tabIndex={active ? 0 : -1}
                onClick={() => setSelected(language.id)}
                className={`rounded px-2 py-0.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 ${
                  active
                    ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                {language.label}
              </button>
            );
          })}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${current.id}`}
        className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
      >
        <div className="flex items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-50 px-2 py-1 text-[11px] text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <span>
            {current.id === "python" ? "anthropic (Python)" : "@anthropic-ai/sdk (TypeScript)"}: the
            SDK&apos;s own retries off, this loop on
          </span>
          <CopyButton value={snippets[current.id]} label={`${current.label} snippet`} />
        </div>
        <pre
          tabIndex={0}
          aria-label={`${current.label} snippet`}
          className="max-h-[24rem] overflow-auto bg-white p-3 font-mono text-[11px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
        >
          <HighlightedCode code={snippets[current.id]} language={current.id} />
        </pre>
      </div>
    </section>
  );
}

import type { ReactNode } from "react";
import type { BranchCard as BranchCardData } from "@/lib/diagnosis";
import { ACTOR_LABELS } from "./evidence-labels";

const RETRY_LABELS = {
  yes: {
    text: "Retry: yes, with backoff",
    className: "text-emerald-800 bg-emerald-50 dark:text-emerald-200 dark:bg-emerald-400/10",
  },
  "after-reset": {
    text: "Retry: only after the reset",
    className: "text-amber-900 bg-amber-50 dark:text-amber-200 dark:bg-amber-400/10",
  },
  no: {
    text: "Retry: no, change something first",
    className: "text-rose-800 bg-rose-50 dark:text-rose-200 dark:bg-rose-400/10",
  },
} as const satisfies Record<BranchCardData["retry"], { text: string; className: string }>;

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[9.5rem_1fr] sm:gap-3">
      <dt className="text-xs font-medium text-zinc-600 sm:pt-0.5 dark:text-zinc-400">{term}</dt>
      <dd className="text-sm leading-relaxed">{children}</dd>
    </div>
  );
}

/** What to do about the branch, in the order a developer reads it during an incident. */
export function BranchCard({ card }: { card: BranchCardData }) {
  const retry = RETRY_LABELS[card.retry];
  return (
    <section
      aria-labelledby="branch-title"
      className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 id="branch-title" className="text-base font-semibold">
          {card.title}
        </h3>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${retry.className}`}>{retry.text}</span>
      </div>
      <dl className="space-y-2.5">
        <Field term="Treat it as">{card.treatAs}</Field>
        <Field term="First move">
          <strong className="font-semibold">{card.firstMove}</strong>
        </Field>
        <Field term="Verify on the same path">{card.verify}</Field>
        <Field term="Switch when">{card.switchWhen}</Field>
        <Field term="Who acts">
          <ul className="flex flex-wrap gap-1.5">
            {card.whoActs.map((actor) => (
              <li
                key={actor}
                className="rounded border border-zinc-300 px-1.5 py-0.5 text-xs dark:border-zinc-700"
              >
                {ACTOR_LABELS[actor]}
              </li>
            ))}
          </ul>
        </Field>
        <Field term="Do not">
          <ul className="list-disc space-y-1 pl-4 marker:text-rose-500">
            {card.doNot.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </Field>
      </dl>
    </section>
  );
}

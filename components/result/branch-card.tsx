import type { ReactNode } from "react";
import type { BranchCard as BranchCardData } from "@/lib/diagnosis";
import { RichText } from "../ui/rich-text";
import { ACTOR_LABELS } from "./evidence-labels";

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[9.5rem_1fr] sm:gap-3">
      <dt className="text-xs font-medium text-zinc-600 sm:pt-0.5 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0 text-sm leading-relaxed">{children}</dd>
    </div>
  );
}

/**
 * The branch's steps after the first move (which the top block already says): how to read the error, how
 * to check the fix on the same path, when to switch branch, who acts and what not to do.
 */
export function BranchCard({ card }: { card: BranchCardData }) {
  return (
    <dl className="space-y-2.5">
      <Field term="Treat it as">
        <RichText text={card.treatAs} />
      </Field>
      <Field term="Verify on the same path">
        <RichText text={card.verify} />
      </Field>
      <Field term="Switch when">
        <RichText text={card.switchWhen} />
      </Field>
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
            <li key={item}>
              <RichText text={item} />
            </li>
          ))}
        </ul>
      </Field>
    </dl>
  );
}

import { Fragment } from "react";
import { formatDuration } from "@/lib/retry/format";
import type { SdkBehaviour, SdkComparison } from "@/lib/retry/schema";
import { verdictOf } from "./sdk-verdict";

const CELL = "px-2 py-1.5 text-left align-top";

const TONES = {
  ok: "text-emerald-800 bg-emerald-50 dark:text-emerald-200 dark:bg-emerald-400/10",
  warn: "text-amber-900 bg-amber-50 dark:text-amber-200 dark:bg-amber-400/10",
  bad: "text-rose-800 bg-rose-50 dark:text-rose-200 dark:bg-rose-400/10",
} as const;

function attemptsCell(client: SdkBehaviour): string {
  if (!client.retriesThisCase) return "1, no retry";
  const waiting = `${formatDuration(client.totalWaitMs)} waiting`;
  return `${client.attempts}, ${client.delaysSource === "observed" ? `about ${waiting}` : waiting}`;
}

/** The plan next to the Python and TypeScript SDK defaults and Claude Code. */
export function SdkComparisonTable({
  comparison,
  idPrefix,
}: {
  comparison: SdkComparison;
  idPrefix: string;
}) {
  const clients = [comparison.python, comparison.typescript, comparison.claudeCode];
  return (
    <section aria-labelledby={`${idPrefix}-sdk-heading`} className="min-w-0 space-y-2">
      <h4 id={`${idPrefix}-sdk-heading`} className="text-sm font-semibold">
        What the clients would do by default
      </h4>
      <p className="text-sm leading-relaxed">{comparison.summary}</p>
      <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <table className="w-full border-collapse text-xs">
          <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className={CELL}>
                Client
              </th>
              <th scope="col" className={CELL}>
                Attempts
              </th>
              <th scope="col" className={CELL}>
                Against this plan
              </th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => {
              const verdict = verdictOf(client);
              return (
                <Fragment key={client.client}>
                  <tr className="border-t border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className={`${CELL} font-medium`}>
                      {client.label}
                    </th>
                    <td className={`${CELL} tabular-nums`}>{attemptsCell(client)}</td>
                    <td className={CELL}>
                      <span
                        className={`inline-block rounded px-1.5 py-0.5 font-medium ${TONES[verdict.tone]}`}
                      >
                        {verdict.text}
                      </span>
                    </td>
                  </tr>
                  <tr>
                    <td colSpan={3} className="px-2 pb-2 leading-relaxed text-zinc-600 dark:text-zinc-400">
                      {client.note}
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

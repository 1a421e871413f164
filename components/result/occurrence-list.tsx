import { BRANCH_CATALOGUE } from "@/lib/branches";
import type { Occurrence } from "@/lib/diagnosis";
import { Timestamp } from "../ui/timestamp";

/** 1-based line number of each offset, found in one pass over the text. */
function lineNumbers(text: string, offsets: readonly number[]): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  let line = 1;
  let position = 0;
  for (const offset of sorted) {
    for (let i = text.indexOf("\n", position); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
      line += 1;
      position = i + 1;
    }
    lines.set(offset, line);
  }
  return lines;
}

const CELL = "px-2 py-1.5 text-left align-top";

/** Every error found in the paste, in paste order, so retries and mixed failures are visible. */
export function OccurrenceList({
  occurrences,
  text,
}: {
  occurrences: readonly Occurrence[];
  text: string | null;
}) {
  const lines =
    text !== null
      ? lineNumbers(
          text,
          occurrences.map((o) => o.start),
        )
      : null;
  return (
    <div className="min-w-0">
      {/* Wide on a phone: the table scrolls inside its box (reachable by keyboard), never the page. */}
      <div
        tabIndex={0}
        role="group"
        aria-label="Errors in this paste, scrollable"
        className="overflow-x-auto rounded-md border border-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-800"
      >
        <table className="w-full border-collapse text-xs">
          <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className={CELL}>
                {lines ? "Line" : "#"}
              </th>
              <th scope="col" className={CELL}>
                Branch
              </th>
              <th scope="col" className={CELL}>
                Status
              </th>
              <th scope="col" className={CELL}>
                error.type
              </th>
              <th scope="col" className={CELL}>
                Request id
              </th>
              <th scope="col" className={CELL}>
                When
              </th>
            </tr>
          </thead>
          <tbody>
            {occurrences.map((occurrence, index) => (
              <tr
                key={`${occurrence.start}:${index}`}
                className="border-t border-zinc-200 dark:border-zinc-800"
              >
                <td className={`${CELL} tabular-nums`}>{lines?.get(occurrence.start) ?? index + 1}</td>
                <td className={CELL}>
                  {BRANCH_CATALOGUE[occurrence.branch].title}
                  {occurrence.variant ? (
                    <span className="text-zinc-500 dark:text-zinc-400"> · {occurrence.variant}</span>
                  ) : null}
                </td>
                <td className={`${CELL} font-mono`}>{occurrence.status ?? "—"}</td>
                <td className={`${CELL} font-mono`}>{occurrence.errorType ?? "—"}</td>
                <td className={`${CELL} font-mono whitespace-nowrap`}>{occurrence.requestId ?? "—"}</td>
                <td className={CELL}>{occurrence.at !== null ? <Timestamp iso={occurrence.at} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

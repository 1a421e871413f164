import { formatUtc } from "../ui/format-time";
import { formatBytes, utf8ByteLength } from "../ui/format-bytes";

/** What happens to a paste, said where the paste is made. */
export const PRIVACY_NOTE =
  "Nothing you paste is stored or logged; share links and support packets hold only the redacted text.";

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines += 1;
  return lines;
}

const BUTTON =
  "rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** The folded paste box after a diagnosis: its size and time, with the way back to editing it. */
export function PasteSummary({
  text,
  time,
  onEdit,
  onNew,
}: {
  text: string;
  /** The instant the time field gave, or null when the paste's own time was used. */
  time: string | null;
  onEdit: () => void;
  onNew: () => void;
}) {
  const lines = lineCount(text);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-xs dark:border-zinc-800 dark:bg-zinc-900/60">
      <p className="min-w-0 text-zinc-700 dark:text-zinc-300">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">Your paste</span>:{" "}
        {lines.toLocaleString("en")} line{lines === 1 ? "" : "s"}, {formatBytes(utf8ByteLength(text))}
        {time !== null ? `, at ${formatUtc(time)}` : ""}. Not stored.
      </p>
      <div className="ml-auto flex gap-2">
        <button type="button" onClick={onEdit} className={BUTTON}>
          Edit paste or time
        </button>
        <button type="button" onClick={onNew} className={BUTTON}>
          New paste
        </button>
      </div>
    </div>
  );
}

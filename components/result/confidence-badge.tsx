type Level = "high" | "medium" | "low";

// The bands are this page's reading of the classifier's 0-1 score; the number stays beside the word.
function levelOf(confidence: number): Level {
  if (confidence >= 0.8) return "high";
  if (confidence >= 0.5) return "medium";
  return "low";
}

const STYLES = {
  high: "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-400/10 dark:text-emerald-200 dark:ring-emerald-400/30",
  medium:
    "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-400/10 dark:text-amber-200 dark:ring-amber-400/30",
  low: "bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-500/40",
} as const satisfies Record<Level, string>;

/** The classifier's confidence as a word, with the number beside it. */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const level = levelOf(confidence);
  return (
    <span
      title={`Classifier confidence ${confidence.toFixed(2)}`}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[level]}`}
    >
      {level} confidence
      <span className="tabular-nums">{Math.round(confidence * 100)}%</span>
    </span>
  );
}

import { MarkedText } from "./marked-text";
import type { PasteSegment } from "./paste-segments";

function formatGap(chars: number, lines: number): string {
  const size = chars >= 1024 ? `${Math.round(chars / 1024)}K characters` : `${chars} characters`;
  return lines > 0 ? `… ${lines.toLocaleString("en")} lines (${size}) not shown …` : `… ${size} not shown …`;
}

/** The paste with the signals that decided the diagnosis marked: the live result and a stored large link alike. */
export function SignalMarkedText({ segments }: { segments: readonly PasteSegment[] }) {
  return (
    <MarkedText
      segments={segments}
      label="Pasted text with signals highlighted"
      maxHeightClass="max-h-[28rem]"
      describeGap={formatGap}
      markTitle={(marks) => marks.join("; ")}
      markData="data-signal"
      markClassName="rounded-sm bg-amber-200 px-0.5 text-zinc-950 ring-1 ring-amber-400/60 dark:bg-amber-400/25 dark:text-amber-50"
    />
  );
}

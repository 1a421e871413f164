import type { Signal } from "@/lib/diagnosis";
import type { PacketFinding } from "./packet-action-types";
import { segmentPaste, type PasteSegment } from "../paste/paste-segments";

/**
 * The redacted paste split for display, each placeholder a mark labelled with its kind. Long texts keep only
 * the stretches around placeholders, as the paste view does, so every removed span stays in view.
 */
export function redactionSegments(text: string, findings: readonly PacketFinding[]): PasteSegment[] {
  const spans: Signal[] = findings.flatMap((f) =>
    f.spans.map((s) => ({ id: f.kind, label: f.label, start: s.start, end: s.end })),
  );
  return segmentPaste(text, spans);
}

/** "Anthropic API key ×1, Email address ×2", or null when nothing was removed. */
export function redactionSummary(findings: readonly PacketFinding[]): string | null {
  const removed = findings.filter((f) => f.count > 0);
  if (removed.length === 0) return null;
  return removed.map((f) => `${f.label} ×${f.count}`).join(", ");
}

import type { DiagnosisReport } from "../lib/report";
import { formatAgo, statusContextNotes } from "../lib/status/wording";

/**
 * What `--status` prints before the diagnosis: the page's state, how fresh it is, and what it does and does not
 * say about this error (lib/status/wording, the same sentences the page shows).
 */
export function statusLines(report: DiagnosisReport, now: Date): string[] {
  const context = report.statusContext;
  if (context === null) return [];
  const at = now.getTime();
  const freshness =
    context.source === "unavailable"
      ? "not reachable"
      : `${context.source}, checked ${formatAgo(context.checkedAt, at)}`;
  const notes = statusContextNotes(context, {
    surface: report.evidence.surface,
    route: report.evidence.route,
    occurredAt: report.evidence.occurredAt,
    now: at,
  });
  return [`Status: ${context.description} (${freshness})`, ...notes.map((note) => `  ${note}`)];
}

import type { Evidence } from "@/lib/diagnosis";
import type { StatusContext } from "@/lib/status/context";
import { surfaceComponent, type CorrelatedIncident } from "@/lib/status/correlate";
import { isFinished } from "@/lib/status/span";
import { statusContextNotes } from "@/lib/status/wording";
import { ExternalLink } from "../ui/external-link";
import { StatusDot } from "./status-dot";
import { formatUtc, formatUtcSpan, IMPACT_LABELS, INDICATOR_DOT, RELATION_LABELS } from "./status-labels";

const LINK =
  "font-medium text-blue-700 underline decoration-blue-700/30 underline-offset-2 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-300/40 dark:hover:decoration-blue-300";

const RELATION_STYLE = {
  during: "bg-rose-50 text-rose-800 dark:bg-rose-400/10 dark:text-rose-200",
  "shortly-before": "bg-amber-50 text-amber-900 dark:bg-amber-400/10 dark:text-amber-200",
  "shortly-after": "bg-amber-50 text-amber-900 dark:bg-amber-400/10 dark:text-amber-200",
} as const;

function minutesApart(gapMs: number): string {
  return gapMs === 0 ? "" : ` (${Math.max(1, Math.round(gapMs / 60_000))} min)`;
}

/**
 * The notes of lib/status/wording.ts, rendered the same whenever the result is shown (a permalink may
 * be opened days later): a stale reading is dated here rather than counted back from the viewer's
 * clock, so the library's "last read … ago" sentence is asked for as if the reading were cached.
 */
function notesFor(
  context: StatusContext,
  evidence: Pick<Evidence, "surface" | "route" | "occurredAt">,
): string[] {
  const stale = context.source === "stale";
  const notes = statusContextNotes(stale ? { ...context, source: "cached" } : context, {
    surface: evidence.surface,
    route: evidence.route,
    occurredAt: evidence.occurredAt,
    now: Date.parse(context.checkedAt ?? "") || 0,
  });
  return stale
    ? [
        `The status page did not answer for this diagnosis; this is its last good reading, from ${formatUtc(context.checkedAt)}.`,
        ...notes,
      ]
    : notes;
}

function incidentTimes(incident: CorrelatedIncident): string {
  const end = incident.resolvedAt ?? (isFinished(incident) ? incident.updatedAt : null);
  return formatUtcSpan(incident.startedAt ?? incident.createdAt, end);
}

/** The page's own state when this diagnosis was made, which may differ from the error's time. */
function readingLine(context: StatusContext): string {
  switch (context.source) {
    case "live":
    case "cached":
      return `Page now: ${context.description} (read ${formatUtc(context.checkedAt)})`;
    case "stale":
      return `Page now: not answering; last read ${formatUtc(context.checkedAt)}: ${context.description} (stale)`;
    case "unavailable":
      return "Can't reach the status page from this server";
  }
}

/**
 * What Claude's status page said about the time of the error: incidents near it, with how they sit in
 * time and links, and what that does and does not tell. Renders nothing without a status reading.
 */
export function StatusContextLine({
  context,
  evidence,
}: {
  context: StatusContext | null;
  evidence: Pick<Evidence, "surface" | "route" | "occurredAt">;
}) {
  if (context === null) return null;
  const notes = notesFor(context, evidence);
  const preferred = surfaceComponent(evidence.surface, evidence.route);
  const dot = context.source === "unavailable" ? INDICATOR_DOT.unknown : INDICATOR_DOT[context.indicator];
  return (
    <section
      aria-labelledby="status-context-title"
      className="space-y-2 rounded-lg border border-zinc-200 bg-zinc-50/60 px-3 py-2.5 text-sm dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id="status-context-title" className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
          {evidence.occurredAt !== null
            ? `Claude status around ${formatUtc(evidence.occurredAt)}`
            : "Claude status (the paste shows no time)"}
        </h3>
        <p className="flex items-center gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
          <StatusDot className={dot} />
          {readingLine(context)}
          {context.source === "unavailable" ? (
            <>
              {" "}
              · <ExternalLink href="https://status.claude.com">open status.claude.com</ExternalLink>
            </>
          ) : null}
        </p>
      </div>
      {context.correlatedIncidents.length > 0 ? (
        <ul aria-label="Incidents near the time of the error" className="space-y-1.5">
          {context.correlatedIncidents.map((incident) => (
            <li key={incident.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <span
                className={`shrink-0 rounded px-1.5 py-px text-[11px] font-semibold ${RELATION_STYLE[incident.relation]}`}
              >
                {RELATION_LABELS[incident.relation]}
                {minutesApart(incident.gapMs)}
              </span>
              <a href={incident.shortlink ?? incident.url} target="_blank" rel="noreferrer" className={LINK}>
                {incident.name}
              </a>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {incidentTimes(incident)} · {IMPACT_LABELS[incident.impact]}
                {incident.components.length > 0 ? ` · ${incident.components.join(", ")}` : ""}
                {preferred !== null && !incident.matchesSurface ? ` · not on ${preferred.name}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="list-disc space-y-0.5 pl-4 text-xs leading-relaxed text-zinc-700 marker:text-zinc-400 dark:text-zinc-300">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}

import type { ReactNode } from "react";
import type { StatusReading } from "@/lib/status/reading";
import { formatAgo, GREEN_PAGE_CAVEAT } from "@/lib/status/wording";
import {
  COMPONENT_STATUS_DOT,
  COMPONENT_STATUS_LABELS,
  formatUtc,
  formatUtcSpan,
  IMPACT_LABELS,
} from "./status-labels";
import { StatusDot } from "./status-dot";

const LINK =
  "font-medium text-blue-700 underline decoration-blue-700/30 underline-offset-2 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-300/40 dark:hover:decoration-blue-300";

/** Where the reading came from and when, in words. */
export function sourceSentence(reading: StatusReading, now: number): string {
  const when = `${formatAgo(reading.checkedAt, now)} (${formatUtc(reading.checkedAt)})`;
  switch (reading.source) {
    case "live":
      return `Read from the status page ${when}.`;
    case "cached":
      return `From this app's cache of the status page, read ${when}.`;
    case "stale":
      return `Stale: the status page has not answered since ${when}; this is its last good reading.`;
    case "unavailable":
      return reading.checkedAt === null
        ? "Unavailable: the status page could not be read, so this says nothing either way about an incident."
        : `Unavailable: the status page could not be read; its last good reading, ${when}, is too old to show.`;
  }
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={title} className="space-y-1">
      <h3 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        {title}
      </h3>
      {children}
    </div>
  );
}

/** The expanded status reading: source, open incidents, components and maintenances. */
export function StatusDetails({
  reading,
  now,
  refreshError,
}: {
  reading: StatusReading;
  now: number;
  /** Set when the last poll of this app failed and an older reading is shown. */
  refreshError: string | null;
}) {
  return (
    <div className="space-y-3 text-xs leading-relaxed">
      <div className="space-y-1">
        <p className="text-sm font-medium">{reading.description}</p>
        <p className="text-zinc-700 dark:text-zinc-300">{sourceSentence(reading, now)}</p>
        {reading.error !== null && reading.source !== "live" && reading.source !== "cached" ? (
          <p className="font-mono text-[11px] break-words text-zinc-600 dark:text-zinc-400">
            {reading.error}
          </p>
        ) : null}
        {refreshError !== null ? (
          <p className="text-amber-900 dark:text-amber-200">
            This page could not refresh the reading ({refreshError}); it shows the last one it had.
          </p>
        ) : null}
      </div>

      {reading.source !== "unavailable" ? (
        <Group title="Open incidents">
          {reading.activeIncidents.length === 0 ? (
            <p className="text-zinc-700 dark:text-zinc-300">None open.</p>
          ) : (
            <ul className="space-y-1.5">
              {reading.activeIncidents.map((incident) => (
                <li key={incident.id}>
                  <a
                    href={incident.shortlink ?? incident.url}
                    target="_blank"
                    rel="noreferrer"
                    className={LINK}
                  >
                    {incident.name}
                  </a>
                  <span className="block text-zinc-600 dark:text-zinc-400">
                    {incident.status}, {IMPACT_LABELS[incident.impact]}, since{" "}
                    {formatUtc(incident.startedAt ?? incident.createdAt)}
                    {incident.components.length > 0 ? ` · ${incident.components.join(", ")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Group>
      ) : null}

      {reading.components.length > 0 ? (
        <Group title="Components">
          <ul className="grid gap-x-3 gap-y-0.5">
            {reading.components.map((component) => (
              <li key={component.id} className="flex items-center gap-1.5">
                <StatusDot className={COMPONENT_STATUS_DOT[component.status]} />
                <span className="min-w-0 truncate" title={component.name}>
                  {component.name}
                </span>
                <span className="ml-auto shrink-0 text-zinc-600 dark:text-zinc-400">
                  {COMPONENT_STATUS_LABELS[component.status]}
                </span>
              </li>
            ))}
          </ul>
        </Group>
      ) : null}

      {reading.maintenances.length > 0 ? (
        <Group title="Maintenances">
          <ul className="space-y-1.5">
            {reading.maintenances.map((maintenance) => (
              <li key={maintenance.id}>
                <a
                  href={maintenance.shortlink ?? maintenance.url}
                  target="_blank"
                  rel="noreferrer"
                  className={LINK}
                >
                  {maintenance.name}
                </a>
                <span className="block text-zinc-600 dark:text-zinc-400">
                  {maintenance.status.replace("_", " ")},{" "}
                  {formatUtcSpan(maintenance.scheduledFor, maintenance.scheduledUntil)}
                  {maintenance.components.length > 0 ? ` · ${maintenance.components.join(", ")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </Group>
      ) : null}

      <p className="border-t border-zinc-200 pt-2 text-[11px] text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        {GREEN_PAGE_CAVEAT}
      </p>
    </div>
  );
}

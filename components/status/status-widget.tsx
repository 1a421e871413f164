"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { StatusReading, StatusSource } from "@/lib/status/reading";
import { formatAgo } from "@/lib/status/wording";
import { StatusDetails } from "./status-details";
import { StatusDot } from "./status-dot";
import { formatUtc, INDICATOR_DOT, SOURCE_TAGS } from "./status-labels";
import { statusQueryOptions } from "./status-query";
import { useNow } from "../ui/use-now";

/** The public status page, for the reader's own browser when this server cannot read it. */
const STATUS_PAGE = "https://status.claude.com";

const TAG_STYLE: Record<StatusSource, string> = {
  live: "",
  cached: "bg-zinc-200/70 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  stale: "bg-amber-50 text-amber-900 dark:bg-amber-400/10 dark:text-amber-200",
  unavailable: "bg-zinc-200/70 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a change worth announcing is: live and cached readings of the same page are the same news. */
function summaryKey(reading: StatusReading): string {
  const freshness = reading.source === "stale" || reading.source === "unavailable" ? reading.source : "fresh";
  return [
    reading.indicator,
    reading.description,
    freshness,
    ...reading.activeIncidents.map((i) => i.id),
  ].join("|");
}

function announcement(reading: StatusReading): string {
  const tag = SOURCE_TAGS[reading.source];
  const incidents = reading.activeIncidents.length;
  return `Claude status changed: ${reading.description}${tag !== null && reading.source !== "unavailable" ? ` (${tag})` : ""}${
    incidents > 0 ? `, ${incidents} open incident${incidents === 1 ? "" : "s"}` : ""
  }.`;
}

function CheckedAgo({ reading, now }: { reading: StatusReading; now: number | null }) {
  if (reading.checkedAt === null) return <span>not read yet</span>;
  const verb = reading.source === "stale" || reading.source === "unavailable" ? "last read" : "checked";
  return (
    <time dateTime={reading.checkedAt} title={formatUtc(reading.checkedAt)}>
      {verb} {now === null ? formatUtc(reading.checkedAt) : formatAgo(reading.checkedAt, now)}
    </time>
  );
}

/**
 * Claude's status in the header of every page: polls GET /api/status every minute while the tab is
 * visible, says when it was checked, links open incidents, and opens into the full reading.
 */
export function StatusWidget() {
  const { data: reading, error, isPending } = useQuery(statusQueryOptions);
  const now = useNow();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Announce changes after the first reading, not the first reading itself (it is on screen at load).
  const key = reading === undefined ? null : summaryKey(reading);
  const [announced, setAnnounced] = useState<{ key: string | null; text: string }>({ key: null, text: "" });
  if (reading !== undefined && key !== announced.key) {
    setAnnounced({ key, text: announced.key === null ? "" : announcement(reading) });
  }

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  const unavailable = reading?.source === "unavailable";
  const label =
    reading !== undefined
      ? unavailable
        ? "Can't reach the status page"
        : reading.description
      : isPending
        ? "Checking status…"
        : "Status unknown";
  const source = reading?.source ?? "live";
  const tag = unavailable ? null : SOURCE_TAGS[source];
  const dot = reading !== undefined ? INDICATOR_DOT[reading.indicator] : INDICATOR_DOT.unknown;
  const firstIncident = reading?.activeIncidents[0];
  const moreIncidents = (reading?.activeIncidents.length ?? 0) - 1;

  return (
    <div ref={rootRef} onKeyDown={onKeyDown} className="relative flex min-w-0 items-center gap-2 text-xs">
      {firstIncident !== undefined ? (
        <span className="hidden min-w-0 items-center gap-1 lg:flex">
          <span className="shrink-0 text-zinc-600 dark:text-zinc-400">Incident:</span>
          <a
            href={firstIncident.shortlink ?? firstIncident.url}
            target="_blank"
            rel="noreferrer"
            title={firstIncident.name}
            className="max-w-[14rem] truncate font-medium text-blue-700 underline decoration-blue-700/30 underline-offset-2 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-300/40"
          >
            {firstIncident.name}
          </a>
          {moreIncidents > 0 ? (
            <span className="shrink-0 text-zinc-600 dark:text-zinc-400">+{moreIncidents} more</span>
          ) : null}
        </span>
      ) : null}
      {unavailable || (reading === undefined && !isPending) ? (
        <a
          href={STATUS_PAGE}
          target="_blank"
          rel="noreferrer"
          className="shrink-0 font-medium text-blue-700 underline decoration-blue-700/30 underline-offset-2 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-300/40"
        >
          <span className="sr-only">Open </span>status.claude.com
        </a>
      ) : reading !== undefined ? (
        <span className="hidden shrink-0 text-zinc-600 sm:inline dark:text-zinc-400">
          <CheckedAgo reading={reading} now={now} />
        </span>
      ) : null}
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex min-w-0 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 py-1 font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <StatusDot className={dot} />
        <span className="sr-only">Claude status: </span>
        <span className="max-w-[10rem] truncate sm:max-w-[16rem]">{label}</span>
        {tag !== null ? (
          <span className={`rounded px-1 py-px text-[10px] font-semibold ${TAG_STYLE[source]}`}>{tag}</span>
        ) : null}
        <svg
          aria-hidden="true"
          viewBox="0 0 12 12"
          className={`size-3 shrink-0 transition-transform ${open ? "rotate-180" : ""}`}
        >
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announced.text}
      </p>
      <div
        id={panelId}
        hidden={!open}
        role="region"
        aria-label="Claude status details"
        className="absolute right-0 top-full z-20 mt-2 max-h-[70vh] w-[min(24rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-3 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {reading !== undefined ? (
          <StatusDetails
            reading={reading}
            now={now ?? Date.parse(reading.checkedAt ?? "")}
            refreshError={error !== null ? errorText(error) : null}
          />
        ) : (
          <p className="text-xs">
            {isPending
              ? "Reading the status page…"
              : `This app's status endpoint did not answer (${errorText(error)}). Open status.claude.com directly.`}
          </p>
        )}
      </div>
    </div>
  );
}

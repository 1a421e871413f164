import type { Route, Surface } from "../diagnosis";
import { buildStatusContext, type StatusContext } from "./context";
import { CORRELATION_WINDOW_MS, correlateIncidents } from "./correlate";
import { statusOrigin, type IncidentHistoryStore } from "./history";
import { catalogueOf, normaliseIncident, normaliseSummary } from "./normalise";
import type { StatusIncident, StatusReading } from "./reading";
import {
  incidentsResponseSchema,
  parseStatusPayload,
  rawIncidentSchema,
  summaryResponseSchema,
  type IncidentsResponse,
} from "./schemas";
import { incidentSpan, isFinished } from "./span";
import { z } from "zod";

/** The part of `fetch` the client uses, so tests can pass a fake. */
export type StatusFetch = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string>; cache: "no-store"; redirect: "follow" },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export type StatusClientOptions = {
  /** Origin of a Statuspage site, without a trailing slash. */
  baseUrl: string;
  fetch: StatusFetch;
  /** Epoch milliseconds. */
  now: () => number;
  /**
   * At most one upstream fetch per this many ms; raised to `timeoutMs` when lower, so a slow page is
   * not asked again before the last ask gave up. 0 turns the cache off (every caller waits for a fresh
   * reading): for e2e scenario switches and local work only.
   */
  ttlMs?: number;
  /** No caller waits longer than this for the upstream. */
  timeoutMs?: number;
  /** How long the last good reading is served, marked stale, after the upstream fails. */
  staleForMs?: number;
  /** Where every incident seen is kept; optional so a bare client still works. */
  history?: IncidentHistoryStore;
  /** Told about failures that are otherwise absorbed (upstream errors, history writes). */
  onError?: (error: unknown) => void;
};

export type StatusContextRequest = {
  occurredAt: string | null;
  surface: Surface;
  route?: Route;
  windowMs?: number;
};

/**
 * Reads the status page through a cache; neither method throws or waits past the timeout. Once a reading
 * exists it is served at once (stale-while-revalidate) while one background fetch refreshes it, so a slow
 * page costs no request its timeout after the first.
 */
export type StatusClient = {
  getReading(): Promise<StatusReading>;
  /** The reading plus the incidents near `occurredAt`, from the page and the history store. */
  getContext(request: StatusContextRequest): Promise<StatusContext>;
};

export const DEFAULT_TTL_MS = 60_000;
export const DEFAULT_TIMEOUT_MS = 3_000;
export const DEFAULT_STALE_FOR_MS = 30 * 60_000;
// summary.json is about 2 KB for Claude (README "Polling"); anything this large is not the page.
const MAX_BODY_CHARS = 2_000_000;

class StatusTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`status page did not answer within ${timeoutMs} ms`);
    this.name = "StatusTimeoutError";
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Settles like `work`, or rejects with StatusTimeoutError after `ms` (calling `onTimeout` first). */
function withDeadline<T>(work: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new StatusTimeoutError(ms));
      onTimeout?.();
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function unavailableReading(checkedAt: string | null, error: string | null): StatusReading {
  return {
    indicator: "unknown",
    description: "Status unavailable",
    checkedAt,
    pageUpdatedAt: null,
    source: "unavailable",
    error,
    components: [],
    activeIncidents: [],
    maintenances: [],
  };
}

/** Open incidents absent from a fresh reading that are settled per refresh, newest first. */
const MAX_SETTLED_PER_REFRESH = 10;

const singleIncidentSchema = z.object({ incident: rawIncidentSchema });

export function createStatusClient(options: StatusClientOptions): StatusClient {
  const {
    baseUrl,
    fetch: fetchImpl,
    now,
    ttlMs = DEFAULT_TTL_MS,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    staleForMs = DEFAULT_STALE_FOR_MS,
    history,
    onError,
  } = options;
  const pageUrl = baseUrl.endsWith("/") ? baseUrl.slice(0, -1) : baseUrl;
  const apiBase = `${pageUrl}/api/v2`;
  // Incidents are stored per page, so another STATUS_PAGE_URL never answers with these.
  const origin = statusOrigin(pageUrl);
  const ttl = ttlMs === 0 ? 0 : Math.max(ttlMs, timeoutMs);

  let lastGood: { reading: StatusReading; at: number } | null = null;
  let lastAttemptAt: number | null = null;
  let lastError: string | null = null;
  let inFlight: Promise<StatusReading> | null = null;
  // incidents.json from the last good fetch: correlation works even without a history store.
  let recentIncidents: StatusIncident[] = [];
  // Where recentIncidents' coverage begins: errors after it are answered from memory, not the store.
  let coverageStartMs = Number.POSITIVE_INFINITY;
  // Incidents this process settled (resolved from their own page, or no longer listed).
  const settled = new Map<string, StatusIncident>();

  async function fetchDocument(document: string, signal: AbortSignal): Promise<string> {
    const response = await fetchImpl(`${apiBase}/${document}`, {
      signal,
      headers: { accept: "application/json" },
      cache: "no-store",
      redirect: "follow",
    });
    if (!response.ok) throw new Error(`${document}: HTTP ${response.status}`);
    const body = await response.text();
    if (body.length > MAX_BODY_CHARS)
      throw new Error(`${document}: body larger than ${MAX_BODY_CHARS} characters`);
    return body;
  }

  function fallback(at: number): StatusReading {
    if (lastGood !== null && at - lastGood.at <= staleForMs) {
      return { ...lastGood.reading, source: "stale", error: lastError };
    }
    return unavailableReading(lastGood?.reading.checkedAt ?? null, lastError);
  }

  type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

  /** Runs `work` on the history, reporting (never throwing) a failure; a slow store delays nobody. */
  function inBackground(work: () => Promise<void>): void {
    // The executor also catches an adapter that throws instead of rejecting.
    new Promise<void>((resolve) => resolve(work())).catch((error: unknown) => onError?.(error));
  }

  /**
   * An incident stored as open that the fresh reading no longer lists as unresolved: asked of its own
   * page (`incidents/<id>.json`), kept resolved if the page says so, else marked no longer listed.
   * Never left "ongoing" from memory.
   */
  async function settleOne(incident: StatusIncident, catalogue: ReturnType<typeof catalogueOf>) {
    const at = now();
    const controller = new AbortController();
    try {
      const body = await withDeadline(
        fetchDocument(`incidents/${encodeURIComponent(incident.id)}.json`, controller.signal),
        timeoutMs,
        () => controller.abort(),
      );
      const raw = parseStatusPayload(singleIncidentSchema, body, `incidents/${incident.id}.json`).incident;
      const own = normaliseIncident(raw, catalogue, pageUrl);
      if (isFinished(own)) return own;
    } catch (error) {
      onError?.(error);
    }
    return { ...incident, unlistedAt: new Date(at).toISOString() };
  }

  async function settleAbsent(
    store: IncidentHistoryStore,
    reading: StatusReading,
    catalogue: ReturnType<typeof catalogueOf>,
  ): Promise<void> {
    // summary.json lists every unresolved incident: one stored as open but absent is not open any more.
    const open = new Set(reading.activeIncidents.map((incident) => incident.id));
    const fresh = new Map(recentIncidents.map((incident) => [incident.id, incident]));
    const stale = (await store.openIncidents(origin)).filter((incident) => !open.has(incident.id));
    const done: StatusIncident[] = [];
    for (const incident of stale.slice(0, MAX_SETTLED_PER_REFRESH)) {
      const listed = fresh.get(incident.id);
      done.push(listed !== undefined && isFinished(listed) ? listed : await settleOne(incident, catalogue));
    }
    for (const incident of done) settled.set(incident.id, incident);
    if (done.length > 0) await store.upsertIncidents(origin, done);
  }

  async function refresh(): Promise<StatusReading> {
    const controller = new AbortController();
    const work = (async () => {
      const summaryBody = fetchDocument("summary.json", controller.signal);
      // The history is a bonus: its failure must not cost the reading.
      // Settled, never rejected: it may be left unawaited when summary.json fails first.
      const incidents: Promise<Settled<IncidentsResponse>> = fetchDocument(
        "incidents.json",
        controller.signal,
      )
        .then((body) => parseStatusPayload(incidentsResponseSchema, body, "incidents.json"))
        .then(
          (value) => ({ ok: true, value }),
          (error: unknown) => ({ ok: false, error }),
        );
      const summary = parseStatusPayload(summaryResponseSchema, await summaryBody, "summary.json");
      return { summary, incidents: await incidents };
    })();
    try {
      const { summary, incidents } = await withDeadline(work, timeoutMs, () => controller.abort());
      const at = now();
      const reading = normaliseSummary(summary, new Date(at).toISOString());
      const catalogue = catalogueOf(summary.components);
      if (incidents.ok) {
        recentIncidents = incidents.value.incidents.map((raw) =>
          normaliseIncident(raw, catalogue, summary.page.url),
        );
        coverageStartMs = recentIncidents.reduce(
          (earliest, incident) => Math.min(earliest, incidentSpan(incident).start),
          Number.POSITIVE_INFINITY,
        );
      } else {
        onError?.(incidents.error);
      }
      for (const id of reading.activeIncidents.map((incident) => incident.id)) settled.delete(id);
      // Not awaited: a slow store must not hold the reading past the timeout. getContext does not
      // depend on the write either, since it also correlates over recentIncidents.
      if (history !== undefined) {
        const seen = [...reading.activeIncidents, ...recentIncidents];
        inBackground(async () => {
          await history.upsertIncidents(origin, seen);
          await settleAbsent(history, reading, catalogue);
        });
      }
      lastGood = { reading, at };
      lastError = null;
      return reading;
    } catch (error) {
      lastError = messageOf(error);
      onError?.(error);
      return fallback(now());
    }
  }

  function startRefresh(at: number): Promise<StatusReading> {
    lastAttemptAt = at;
    inFlight = refresh().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function getReading(): Promise<StatusReading> {
    const at = now();
    if (ttl === 0) return inFlight ?? startRefresh(at);
    if (lastGood !== null && at - lastGood.at < ttl) {
      return Promise.resolve({ ...lastGood.reading, source: "cached" });
    }
    // A failed attempt also counts: a down page is asked again only after the TTL.
    const due = lastAttemptAt === null || at - lastAttemptAt >= ttl;
    if (lastGood !== null && at - lastGood.at <= staleForMs) {
      // Stale-while-revalidate: answer now from the last reading; one background fetch refreshes it.
      if (inFlight === null && due) void startRefresh(at);
      return Promise.resolve(lastError === null ? { ...lastGood.reading, source: "cached" } : fallback(at));
    }
    // Nothing fit to serve (first use, or the last reading is too old): wait, within the timeout.
    if (inFlight !== null) return inFlight;
    if (!due) return Promise.resolve(fallback(at));
    return startRefresh(at);
  }

  async function storedIncidentsNear(request: StatusContextRequest): Promise<StatusIncident[]> {
    if (history === undefined || request.occurredAt === null) return [];
    const at = Date.parse(request.occurredAt);
    if (!Number.isFinite(at)) return [];
    const reach = request.windowMs ?? CORRELATION_WINDOW_MS;
    // The page's own list covers everything since its oldest entry: the store is for older times.
    if (at - reach >= coverageStartMs) return [];
    try {
      return await withDeadline(
        history.incidentsBetween(origin, new Date(at - reach), new Date(at + reach)),
        timeoutMs,
      );
    } catch (error) {
      onError?.(error);
      return [];
    }
  }

  /**
   * What memory says of an incident for this reading: an unresolved one the reading does not list is no
   * longer listed (its span ends at the reading); with no readable page, none is open.
   */
  function asOfReading(reading: StatusReading, pool: readonly StatusIncident[]): StatusIncident[] {
    const open = new Set(reading.activeIncidents.map((incident) => incident.id));
    const unreadable = reading.source === "unavailable";
    const cut = reading.checkedAt ?? new Date(now()).toISOString();
    return pool.flatMap((incident) => {
      if (isFinished(incident) || incident.unlistedAt != null || open.has(incident.id)) return [incident];
      if (unreadable) return [];
      return [{ ...incident, unlistedAt: cut }];
    });
  }

  async function getContext(request: StatusContextRequest): Promise<StatusContext> {
    // In parallel, so the whole answer still fits in one timeout.
    const [reading, stored] = await Promise.all([getReading(), storedIncidentsNear(request)]);
    // Freshest first: correlateIncidents keeps the first record of each id.
    const pool = asOfReading(reading, [
      ...reading.activeIncidents,
      ...recentIncidents,
      ...settled.values(),
      ...stored,
    ]);
    const correlated = correlateIncidents(pool, {
      occurredAt: request.occurredAt,
      surface: request.surface,
      ...(request.route === undefined ? {} : { route: request.route }),
      ...(request.windowMs === undefined ? {} : { windowMs: request.windowMs }),
    });
    return buildStatusContext(reading, correlated, pageUrl);
  }

  return { getReading, getContext };
}

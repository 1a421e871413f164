import type { Route, Surface } from "../diagnosis";
import { buildStatusContext, type StatusContext } from "./context";
import { CORRELATION_WINDOW_MS, correlateIncidents } from "./correlate";
import type { IncidentHistoryStore } from "./history";
import { catalogueOf, normaliseIncident, normaliseSummary } from "./normalise";
import type { StatusIncident, StatusReading } from "./reading";
import {
  incidentsResponseSchema,
  parseStatusPayload,
  summaryResponseSchema,
  type IncidentsResponse,
} from "./schemas";

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
  /** At most one upstream fetch per this many ms. */
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

/** Reads the status page through a cache; neither method throws or waits past the timeout. */
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

  let lastGood: { reading: StatusReading; at: number } | null = null;
  let lastAttemptAt: number | null = null;
  let lastError: string | null = null;
  let inFlight: Promise<StatusReading> | null = null;
  // incidents.json from the last good fetch: correlation works even without a history store.
  let recentIncidents: StatusIncident[] = [];

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
      if (incidents.ok) {
        const catalogue = catalogueOf(summary.components);
        recentIncidents = incidents.value.incidents.map((raw) =>
          normaliseIncident(raw, catalogue, summary.page.url),
        );
      } else {
        onError?.(incidents.error);
      }
      // Not awaited: a slow store must not hold the reading past the timeout. getContext does not
      // depend on the write either, since it also correlates over recentIncidents.
      if (history !== undefined) {
        const seen = [...reading.activeIncidents, ...recentIncidents];
        // The executor also catches an adapter that throws instead of rejecting.
        new Promise<void>((resolve) => resolve(history.upsertIncidents(seen))).catch((error: unknown) =>
          onError?.(error),
        );
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

  function getReading(): Promise<StatusReading> {
    const at = now();
    if (lastGood !== null && at - lastGood.at < ttlMs) {
      return Promise.resolve({ ...lastGood.reading, source: "cached" });
    }
    if (inFlight !== null) return inFlight;
    // A failed attempt also counts: a down page is asked again only after the TTL.
    if (lastAttemptAt !== null && at - lastAttemptAt < ttlMs) return Promise.resolve(fallback(at));
    lastAttemptAt = at;
    inFlight = refresh().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  async function storedIncidentsNear(request: StatusContextRequest): Promise<StatusIncident[]> {
    if (history === undefined || request.occurredAt === null) return [];
    const at = Date.parse(request.occurredAt);
    if (!Number.isFinite(at)) return [];
    const reach = request.windowMs ?? CORRELATION_WINDOW_MS;
    try {
      return await withDeadline(
        history.incidentsBetween(new Date(at - reach), new Date(at + reach)),
        timeoutMs,
      );
    } catch (error) {
      onError?.(error);
      return [];
    }
  }

  async function getContext(request: StatusContextRequest): Promise<StatusContext> {
    // In parallel, so the whole answer still fits in one timeout.
    const [reading, stored] = await Promise.all([getReading(), storedIncidentsNear(request)]);
    // Freshest first: correlateIncidents keeps the first record of each id.
    const pool = [...reading.activeIncidents, ...recentIncidents, ...stored];
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

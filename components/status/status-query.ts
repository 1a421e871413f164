import { queryOptions } from "@tanstack/react-query";
import { statusReadingSchema, type StatusReading } from "@/lib/status/reading";

/** The widget's poll: once a minute, the same as the server's cache TTL. */
export const STATUS_POLL_MS = 60_000;
// The route answers within the status client's timeout; this only guards against the app itself hanging.
const REQUEST_TIMEOUT_MS = 10_000;

function withTimeout(signal: AbortSignal): AbortSignal {
  return typeof AbortSignal.any === "function"
    ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
    : signal;
}

/** GET /api/status, checked against the reading schema: a payload of another shape is an error, not data. */
export async function fetchStatusReading(signal: AbortSignal): Promise<StatusReading> {
  const response = await fetch("/api/status", {
    signal: withTimeout(signal),
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`GET /api/status answered HTTP ${response.status}`);
  return statusReadingSchema.parse(await response.json());
}

/** Shared options for the status reading: polled while the tab is visible, paused while it is hidden. */
export const statusQueryOptions = queryOptions({
  queryKey: ["status-reading"],
  queryFn: ({ signal }) => fetchStatusReading(signal),
  refetchInterval: STATUS_POLL_MS,
  refetchIntervalInBackground: false,
  staleTime: STATUS_POLL_MS / 2,
  retry: 1,
});

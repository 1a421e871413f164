import { env } from "@/lib/env";
import { getLinkRateLimiter } from "@/lib/permalinks/server";
import { redactedReportBounded } from "@/lib/pool/server";
import { getStatusClient } from "@/lib/status/server";
import { getStore } from "@/lib/store/server";
import { permalinkApi } from "./handlers";

/** The permalink API on the process-wide store, rate limiter and status client. */
export const serverPermalinkApi = permalinkApi({
  store: getStore,
  limiter: getLinkRateLimiter,
  status: getStatusClient,
  // A large paste is redacted and diagnosed on a worker thread (503 with Retry-After when the pool is full).
  redactAndDiagnose: (paste, deps) => redactedReportBounded(paste, deps),
  config: () => {
    const { permalinks, production, HOSTNAME, PORT } = env();
    return { ...permalinks, production, hostname: HOSTNAME, port: PORT };
  },
});

import { env } from "@/lib/env";
import { getLinkRateLimiter } from "@/lib/permalinks/server";
import { getStatusClient } from "@/lib/status/server";
import { getStore } from "@/lib/store/server";
import { permalinkApi } from "./handlers";

/** The permalink API on the process-wide store, rate limiter and status client. */
export const serverPermalinkApi = permalinkApi({
  store: getStore,
  limiter: getLinkRateLimiter,
  status: getStatusClient,
  config: () => {
    const { permalinks, production, HOSTNAME, PORT } = env();
    return { ...permalinks, production, hostname: HOSTNAME, port: PORT };
  },
});

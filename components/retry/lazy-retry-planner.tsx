"use client";

import dynamic from "next/dynamic";

/**
 * The planner (chart, SDK table, highlighted snippets, the planning code itself) loads when the retry panel
 * is first opened: neither the first load of / nor a private link's page carries it.
 */
export const LazyRetryPlanner = dynamic(() => import("./retry-planner").then((m) => m.RetryPlanner), {
  loading: () => (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      Loading the retry plan…
    </p>
  ),
});

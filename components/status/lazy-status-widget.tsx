"use client";

import dynamic from "next/dynamic";

/**
 * The status widget reads /api/status after the page is up, so its code (and the schema that checks the
 * payload) loads as its own chunk instead of weighing on the first load. The placeholder keeps the
 * header's layout steady while it loads.
 */
export const LazyStatusWidget = dynamic(
  () => import("./status-widget-root").then((m) => m.StatusWidgetRoot),
  {
    ssr: false,
    loading: () => (
      <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">
        Claude status…
      </span>
    ),
  },
);

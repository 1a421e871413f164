"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { getQueryClient } from "../ui/query-client";
import { StatusWidget } from "./status-widget";

/**
 * The status widget with the app's one TanStack QueryClient. The widget is the only query consumer, so the
 * provider loads with it in a lazy chunk and React Query stays out of the page's first load (issue 7's
 * 150 KB budget). A second consumer would move this provider back up to the layout.
 */
export function StatusWidgetRoot() {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <StatusWidget />
    </QueryClientProvider>
  );
}

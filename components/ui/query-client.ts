import { QueryClient } from "@tanstack/react-query";

// One QueryClient per browser session, a fresh one per server render, after TanStack Query's
// examples/react/nextjs-app-prefetching/app/get-query-client.ts.

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Above zero so that hydration and remounts do not refetch at once.
      queries: { staleTime: 30_000 },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** The page's QueryClient: shared across renders in the browser, never shared between server requests. */
export function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  // Kept outside React: a client made in render would be lost if React suspends the first render.
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

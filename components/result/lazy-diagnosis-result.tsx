"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";

const loadResult = () => import("./diagnosis-result").then((m) => m.DiagnosisResult);

/**
 * The result and its interactive panels (retry planner, share, packet) load as their own chunk: the
 * page's first load carries only the paste box. The chunk is fetched while the browser is idle, so it is
 * there before the first diagnosis comes back.
 */
export const LazyDiagnosisResult = dynamic(loadResult, {
  loading: () => (
    <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
      Loading the diagnosis…
    </p>
  ),
});

/** Fetches the result chunk once the page is idle. */
export function usePrefetchDiagnosisResult(): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void loadResult());
    return () => cancel(handle);
  }, []);
}

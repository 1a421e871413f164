"use client";

import { useSyncExternalStore } from "react";

// One clock for every "ago" on the page. The snapshot is rounded to the second so that React sees the
// same value on repeated reads within a tick (useSyncExternalStore requires a stable snapshot).

function subscribe(onTick: () => void): () => void {
  const timer = window.setInterval(onTick, 1000);
  return () => window.clearInterval(timer);
}

function currentSecond(): number {
  return Math.floor(Date.now() / 1000) * 1000;
}

function noClockOnServer(): null {
  return null;
}

/** Epoch ms, updated every second in the browser; null while rendering on the server. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, currentSecond, noClockOnServer);
}

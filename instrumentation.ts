// Next.js calls register() once when a server process starts. NEXT_RUNTIME is how Next.js tells the
// Node.js server from the edge runtime; the store (better-sqlite3, pg) exists only in the former.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startExpiredLinkPurge } = await import("./lib/permalinks/server");
  startExpiredLinkPurge();
  // The status client keeps incident history in the app's store; wired here so lib/status and
  // lib/store do not import each other both ways.
  const { setIncidentHistory } = await import("./lib/status/server");
  const { storeIncidentHistory } = await import("./lib/store/status-history");
  const { getStore } = await import("./lib/store/server");
  setIncidentHistory(storeIncidentHistory(getStore));
}

// Next.js calls register() once when a server process starts. NEXT_RUNTIME is how Next.js tells the
// Node.js server from the edge runtime; the store (better-sqlite3, pg) exists only in the former.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startExpiredLinkPurge } = await import("./lib/permalinks/server");
  startExpiredLinkPurge();
}

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { env } from "../env";
import { WORKER_BUNDLE } from "./bundle";
import { createDiagnosePool, type DiagnosePool } from "./pool";

// The process-wide pool, apart from the diagnosis code (lib/pool/server.ts), so server.ts can start it and
// gate on it without loading the classifier on its side of the process.

/**
 * Pastes at least this long are diagnosed on a worker thread. A 2 KB paste costs ~0.2 ms, less than handing
 * it to a thread; a 1 MiB one costs tens of milliseconds (the classifier ~10 ms, a redaction pass ~30 ms, the
 * body's decoding and parsing ~4 ms), which on the request thread would stall every other request.
 */
export const LARGE_PASTE_CHARS = 64 * 1024;

const POOL_KEY = Symbol.for("claude-error-triage.diagnose-pool");
type Holder = { [POOL_KEY]?: DiagnosePool | null };

/**
 * The process-wide pool, started on first use from DIAGNOSE_WORKERS (default: one thread per core but one,
 * at least one) and DIAGNOSE_QUEUE. null when the worker bundle was not built (`next dev`, unit tests): large
 * pastes are then diagnosed on the request thread, as before.
 */
export function getDiagnosePool(): DiagnosePool | null {
  const holder = globalThis as Holder;
  if (holder[POOL_KEY] !== undefined) return holder[POOL_KEY];
  const filename = path.resolve(/* turbopackIgnore: true */ process.cwd(), WORKER_BUNDLE);
  const { DIAGNOSE_WORKERS, DIAGNOSE_QUEUE } = env();
  holder[POOL_KEY] = existsSync(filename)
    ? createDiagnosePool({
        filename,
        maxThreads: DIAGNOSE_WORKERS ?? Math.max(1, availableParallelism() - 1),
        maxQueue: DIAGNOSE_QUEUE,
      })
    : null;
  return holder[POOL_KEY];
}

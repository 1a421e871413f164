import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { env } from "../env";
import { diagnose, withStatus, type DiagnosisReport } from "../report";
import type { RetryContext } from "../retry";
import type { StatusClient } from "../status/client";
import { WORKER_BUNDLE } from "./bundle";
import { createDiagnosePool, type DiagnosePool } from "./pool";

/**
 * Pastes at least this long are diagnosed on a worker thread. A 2 KB paste costs ~0.2 ms, less than handing
 * it to a thread; a 1 MiB one costs ~0.3 s, which on the request thread would stall every other request.
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

export type DiagnoseOptions = {
  occurredAt: string | null;
  retryContext?: RetryContext | undefined;
  now: Date;
  /** null diagnoses offline (no status reading in the report). */
  status: Pick<StatusClient, "getContext"> | null;
  /** The client went away: stop the work. */
  signal?: AbortSignal | undefined;
};

/**
 * The report for a paste, as lib/report.ts's diagnose() makes it, with the CPU-heavy part of a large paste on
 * a worker thread. Rejects with PoolBusyError when the pool sheds load and DiagnosisCancelledError when
 * `signal` aborts first.
 */
export async function diagnoseBounded(
  text: string,
  options: DiagnoseOptions,
  pool: DiagnosePool | null = text.length >= LARGE_PASTE_CHARS ? getDiagnosePool() : null,
): Promise<DiagnosisReport> {
  // A small paste (or no pool): lib/report.ts's diagnose(), on this thread.
  if (pool === null)
    return diagnose(text, {
      occurredAt: options.occurredAt,
      ...(options.retryContext === undefined ? {} : { retryContext: options.retryContext }),
      now: options.now,
      random: Math.random,
      status: options.status,
    });
  const report = await pool.run(
    {
      text,
      occurredAt: options.occurredAt,
      retryContext: options.retryContext,
      nowMs: options.now.getTime(),
    },
    options.signal,
  );
  if (options.status === null) return report;
  // The status step of diagnose(), on the worker's report.
  const statusContext = await options.status
    .getContext({
      occurredAt: report.evidence.occurredAt,
      surface: report.evidence.surface,
      route: report.evidence.route,
    })
    .catch(() => null);
  return withStatus(report, statusContext, options.now);
}

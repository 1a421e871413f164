import { Piscina } from "piscina";
import type { DiagnosisReport } from "../report";
import type { DiagnoseTask } from "./task";

/** Every worker is busy and the queue is full: shed this request (503 with Retry-After). */
export class PoolBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("every diagnosis worker is busy and the queue is full");
    this.name = "PoolBusyError";
  }
}

/** The caller went away before the diagnosis finished; the work was stopped. */
export class DiagnosisCancelledError extends Error {
  constructor() {
    super("the diagnosis was cancelled");
    this.name = "DiagnosisCancelledError";
  }
}

export type DiagnosePoolOptions = {
  /** The bundled worker (lib/pool/build.ts). */
  filename: string;
  /** Diagnoses running at once, one per thread. */
  maxThreads: number;
  /** Diagnoses that may wait for a thread; one more is refused at once. */
  maxQueue: number;
};

export type DiagnosePool = {
  /** Runs one diagnosis off the request thread; `signal` aborting stops it, even mid-run. */
  run(task: DiagnoseTask, signal?: AbortSignal): Promise<DiagnosisReport>;
  /** Tasks running and waiting now. */
  load(): { running: number; queued: number };
  close(): Promise<void>;
};

/** A fixed set of worker threads (piscina) with a bounded queue. */
export function createDiagnosePool({ filename, maxThreads, maxQueue }: DiagnosePoolOptions): DiagnosePool {
  const piscina = new Piscina<DiagnoseTask, DiagnosisReport>({
    filename,
    minThreads: 1,
    maxThreads,
    // The bound is enforced above; piscina's own is a backstop.
    maxQueue: maxQueue + maxThreads,
    // One task per thread at a time: a second one would wait behind the first anyway.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
  });
  let running = 0;
  // Roughly how long a queued diagnosis of a large paste waits; what a shed client is told to wait.
  const retryAfterSeconds = Math.max(1, Math.ceil((maxQueue + maxThreads) / maxThreads));

  return {
    async run(task, signal) {
      if (signal?.aborted) throw new DiagnosisCancelledError();
      // Counted here rather than from piscina's queue, so the refusal does not depend on when a thread
      // picks a task up: at most maxThreads running and maxQueue waiting.
      if (running >= maxThreads + maxQueue) throw new PoolBusyError(retryAfterSeconds);
      running += 1;
      try {
        return await piscina.run(task, signal === undefined ? {} : { signal });
      } catch (error) {
        if (signal?.aborted) throw new DiagnosisCancelledError();
        if (error instanceof Error && /queue is at limit/i.test(error.message))
          throw new PoolBusyError(retryAfterSeconds);
        throw error;
      } finally {
        running -= 1;
      }
    },
    load: () => ({ running: Math.min(running, maxThreads), queued: Math.max(0, running - maxThreads) }),
    close: () => piscina.destroy(),
  };
}

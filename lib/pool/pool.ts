import { Piscina } from "piscina";
import type { DiagnosisReport } from "../report";
import type { DiagnoseTask, WorkerTaskName, WorkerTasks } from "./task";

// The pool may be made by one copy of this module (server.ts's) and its errors caught by another (the one
// bundled into Next.js's routes): `instanceof` checks a brand shared through the global symbol registry.
const BUSY = Symbol.for("claude-error-triage.pool-busy");
const CANCELLED = Symbol.for("claude-error-triage.diagnosis-cancelled");
const branded = (value: unknown, brand: symbol) =>
  typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;

/** Every worker is busy and the queue is full: shed this request (503 with Retry-After). */
export class PoolBusyError extends Error {
  readonly [BUSY] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, BUSY);
  }
  constructor(readonly retryAfterSeconds: number) {
    super("every diagnosis worker is busy and the queue is full");
    this.name = "PoolBusyError";
  }
}

/** The caller went away before the diagnosis finished; the work was stopped. */
export class DiagnosisCancelledError extends Error {
  readonly [CANCELLED] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, CANCELLED);
  }
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

/** Where a caller's task may be stopped, and which of its buffers move to the thread instead of a copy. */
export type CallOptions = { signal?: AbortSignal | undefined; transfer?: ArrayBuffer[] };

export type DiagnosePool = {
  /** Runs one diagnosis off the request thread; `signal` aborting stops it, even mid-run. */
  run(task: DiagnoseTask, signal?: AbortSignal): Promise<DiagnosisReport>;
  /** Runs one of the worker's named tasks (lib/pool/task.ts), with the same bounds as run(). */
  call<K extends WorkerTaskName>(
    name: K,
    task: Parameters<WorkerTasks[K]>[0],
    options?: CallOptions,
  ): Promise<ReturnType<WorkerTasks[K]>>;
  /** Tasks running and waiting now. */
  load(): { running: number; queued: number };
  /** Threads and queue places: how many tasks may be taken at once before one is shed. */
  capacity(): number;
  /** What a shed client is told to wait, in seconds. */
  retryAfterSeconds(): number;
  close(): Promise<void>;
};

/** A fixed set of worker threads (piscina) with a bounded queue. */
export function createDiagnosePool({ filename, maxThreads, maxQueue }: DiagnosePoolOptions): DiagnosePool {
  const piscina = new Piscina<unknown, unknown>({
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

  async function call<K extends WorkerTaskName>(
    name: K,
    task: Parameters<WorkerTasks[K]>[0],
    { signal, transfer }: CallOptions = {},
  ): Promise<ReturnType<WorkerTasks[K]>> {
    if (signal?.aborted) throw new DiagnosisCancelledError();
    // Counted here rather than from piscina's queue, so the refusal does not depend on when a thread
    // picks a task up: at most maxThreads running and maxQueue waiting.
    if (running >= maxThreads + maxQueue) throw new PoolBusyError(retryAfterSeconds);
    running += 1;
    try {
      return (await piscina.run(task, {
        name,
        ...(signal === undefined ? {} : { signal }),
        ...(transfer === undefined ? {} : { transferList: transfer }),
      })) as ReturnType<WorkerTasks[K]>;
    } catch (error) {
      if (signal?.aborted) throw new DiagnosisCancelledError();
      if (error instanceof Error && /queue is at limit/i.test(error.message))
        throw new PoolBusyError(retryAfterSeconds);
      throw error;
    } finally {
      running -= 1;
    }
  }

  return {
    run: (task, signal) => call("diagnose", task, { signal }),
    call,
    load: () => ({ running: Math.min(running, maxThreads), queued: Math.max(0, running - maxThreads) }),
    capacity: () => maxThreads + maxQueue,
    retryAfterSeconds: () => retryAfterSeconds,
    close: () => piscina.destroy(),
  };
}

/** How often expired links are removed: reads already hide them, so this only bounds how long they linger. */
export const PURGE_INTERVAL_MS = 10 * 60_000;

/** Timer functions, injected so the schedule can be driven by a test clock. */
export type PurgeTimers = {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

/** Node's timers, unref'd: a purge schedule alone never keeps the process alive. */
const NODE_TIMERS: PurgeTimers = {
  setInterval(run, ms) {
    return setInterval(run, ms).unref();
  },
  clearInterval(handle) {
    clearInterval(handle as ReturnType<typeof setInterval>);
  },
};

export type PurgeScheduleOptions = {
  /** Removes everything expired at `now` and answers how many went (PermalinkStore#purgeExpired). */
  purge(now: Date): Promise<number>;
  now(): Date;
  intervalMs?: number;
  timers?: PurgeTimers;
  onPurged?(count: number): void;
  onError?(error: unknown): void;
};

/** A running purge schedule; `tick` runs one round now (what the timer calls), `stop` ends it. */
export type PurgeSchedule = { tick(): Promise<void>; stop(): void };

/**
 * Purges once at start and then every `intervalMs`. A round still running when the next is due is not
 * doubled, and a failed round is reported and the next one tried.
 */
export function startPurgeSchedule({
  purge,
  now,
  intervalMs = PURGE_INTERVAL_MS,
  timers = NODE_TIMERS,
  onPurged = () => undefined,
  onError = () => undefined,
}: PurgeScheduleOptions): PurgeSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    running ??= purge(now())
      .then((count) => {
        if (count > 0) onPurged(count);
      })
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  }

  const handle = timers.setInterval(() => void tick(), intervalMs);
  void tick();
  return {
    tick,
    stop() {
      stopped = true;
      timers.clearInterval(handle);
    },
  };
}

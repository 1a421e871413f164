import { describe, expect, it } from "vitest";
import { startPurgeSchedule, type PurgeTimers } from "./purge";

/** Timers a test fires by hand; records what was scheduled. */
function manualTimers() {
  const scheduled: { run: () => void; ms: number; cleared: boolean }[] = [];
  const timers: PurgeTimers = {
    setInterval(run, ms) {
      const entry = { run, ms, cleared: false };
      scheduled.push(entry);
      return entry;
    },
    clearInterval(handle) {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  return { timers, scheduled, fire: () => scheduled[0]!.run() };
}

const T = new Date("2026-11-21T12:00:00Z");

describe("startPurgeSchedule", () => {
  it("purges at once and then on every interval, with the time of each round", async () => {
    const { timers, scheduled, fire } = manualTimers();
    const seen: Date[] = [];
    let clock = T.getTime();
    const schedule = startPurgeSchedule({
      purge: async (now) => {
        seen.push(now);
        return 0;
      },
      now: () => new Date(clock),
      intervalMs: 60_000,
      timers,
    });
    await schedule.tick();
    expect(scheduled.map((entry) => entry.ms)).toEqual([60_000]);
    clock += 60_000;
    fire();
    await schedule.tick();
    expect(seen.map((d) => d.toISOString())).toEqual([
      "2026-11-21T12:00:00.000Z",
      "2026-11-21T12:01:00.000Z",
    ]);
  });

  it("does not start a round while the last one is still running", async () => {
    const { timers, fire } = manualTimers();
    let calls = 0;
    let finish: (count: number) => void = () => undefined;
    const schedule = startPurgeSchedule({
      purge: () => {
        calls += 1;
        return new Promise<number>((resolve) => (finish = resolve));
      },
      now: () => T,
      timers,
    });
    fire();
    fire();
    expect(calls).toBe(1);
    finish(3);
    await schedule.tick();
    fire();
    expect(calls).toBe(2);
  });

  it("reports counts and failures, and keeps going after a failure", async () => {
    const { timers, fire } = manualTimers();
    const outcomes = [Promise.reject(new Error("database away")), Promise.resolve(2), Promise.resolve(0)];
    const purged: number[] = [];
    const errors: unknown[] = [];
    const schedule = startPurgeSchedule({
      purge: () => outcomes.shift() ?? Promise.resolve(0),
      now: () => T,
      timers,
      onPurged: (count) => purged.push(count),
      onError: (error) => errors.push(error),
    });
    await schedule.tick();
    fire();
    await schedule.tick();
    fire();
    await schedule.tick();
    expect(errors).toEqual([new Error("database away")]);
    expect(purged).toEqual([2]);
  });

  it("stops: the timer is cleared and later rounds do nothing", async () => {
    const { timers, scheduled, fire } = manualTimers();
    let calls = 0;
    const schedule = startPurgeSchedule({
      purge: async () => {
        calls += 1;
        return 0;
      },
      now: () => T,
      timers,
    });
    await schedule.tick();
    schedule.stop();
    fire();
    await schedule.tick();
    expect(calls).toBe(1);
    expect(scheduled[0]?.cleared).toBe(true);
  });
});

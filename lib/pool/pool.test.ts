import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseOffline } from "../report";
import { buildDiagnoseWorker } from "./build";
import { createDiagnosePool, DiagnosisCancelledError, PoolBusyError, type DiagnosePool } from "./pool";

// The pool runs the real worker bundle, built here the way `npm run build` builds it.
let dir: string;
let filename: string;
const pools: DiagnosePool[] = [];
const open = (maxThreads: number, maxQueue: number) => {
  const pool = createDiagnosePool({ filename, maxThreads, maxQueue });
  pools.push(pool);
  return pool;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "triage-pool-"));
  filename = path.join(dir, "diagnose-worker.cjs");
  await buildDiagnoseWorker(filename);
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  rmSync(dir, { recursive: true, force: true });
});

const ERROR = `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}, 'request_id': 'req_011C85iXAj8UAx4W7rPCVHtH'}`;
/** A paste of about `bytes` bytes: log lines, then the error. */
const pasteOf = (bytes: number) =>
  `${"2026-11-22 10:00:01 INFO worker: processed job 1 in 42 ms\n".repeat(Math.ceil(bytes / 56))}${ERROR}`;
const NOW = new Date("2026-11-22T10:00:00Z");

describe("the diagnosis worker pool", () => {
  it("answers what the request thread would have answered", async () => {
    const text = pasteOf(200 * 1024);
    const fromPool = await open(1, 4).run({ text, occurredAt: null, nowMs: NOW.getTime() });
    const inline = diagnoseOffline(text, { occurredAt: null, now: NOW, random: Math.random });
    expect(fromPool.branch).toBe("rate_limit");
    const { retry: poolRetry, ...poolRest } = fromPool;
    const { retry: inlineRetry, ...inlineRest } = inline;
    expect(poolRest).toEqual(inlineRest);
    // The retry plan's sample delays are random; its shape is not.
    expect(poolRetry.schedule.length).toBe(inlineRetry.schedule.length);
  }, 30_000);

  it("sheds the request past its threads and queue with PoolBusyError, and runs the rest", async () => {
    const pool = open(1, 1);
    const text = pasteOf(1024 * 1024);
    const task = { text, occurredAt: null, nowMs: NOW.getTime() };
    const outcomes = await Promise.allSettled([pool.run(task), pool.run(task), pool.run(task)]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    const refused = (outcomes[2] as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(PoolBusyError);
    expect((refused as PoolBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Once the queue drains, it takes work again.
    expect((await pool.run(task)).branch).toBe("rate_limit");
  }, 60_000);

  it("stops a running diagnosis when its caller goes away, and keeps serving", async () => {
    const pool = open(1, 2);
    const task = { text: pasteOf(1024 * 1024), occurredAt: null, nowMs: NOW.getTime() };
    await pool.run(task); // the thread is up and warm
    const controller = new AbortController();
    const started = performance.now();
    const cancelled = pool.run(task, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(cancelled).rejects.toBeInstanceOf(DiagnosisCancelledError);
    const waited = performance.now() - started;
    const queuedBehind = pool.run(task);
    expect((await queuedBehind).branch).toBe("rate_limit");
    expect(pool.load()).toEqual({ running: 0, queued: 0 });
    // Figures, not a timing assertion: how soon the cancelled caller was answered.
    console.info(`cancelled after ${waited.toFixed(0)} ms`);
  }, 60_000);

  it("refuses at once a task whose caller is already gone", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      open(1, 1).run({ text: "x", occurredAt: null, nowMs: NOW.getTime() }, controller.signal),
    ).rejects.toBeInstanceOf(DiagnosisCancelledError);
  });
});

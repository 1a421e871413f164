import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseDiagnoseBytes } from "../api/diagnose-request";
import { findPasteSecrets } from "../paste-secrets";
import { redact } from "../redact";
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
const SECRET_LINE =
  "export ANTHROPIC_API_KEY=sk-ant-api03-Qx7vT2mZ9kLp4RwN8sYb3HcJ6fGd1AeU5oIi0Vn-Zy8XwPq2LmKj7HgFd4SaB9cE1tRyUi3OpLkJh6GfDsA-AbCdEfGh\n";

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
    // 1 MiB of secrets: finding them all takes the thread a few hundred milliseconds.
    const task = {
      text: SECRET_LINE.repeat(Math.floor((1024 * 1024) / SECRET_LINE.length)),
      occurredAt: null,
      nowMs: NOW.getTime(),
    };
    await pool.run({ ...task, text: "warm-up" }); // the thread is up and warm
    const controller = new AbortController();
    const started = performance.now();
    const cancelled = pool.call("diagnoseWithSecrets", task, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(cancelled).rejects.toBeInstanceOf(DiagnosisCancelledError);
    const waited = performance.now() - started;
    const queuedBehind = pool.run({ ...task, text: pasteOf(1024 * 1024) });
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

describe("the worker's other tasks", () => {
  it("decodes, parses, checks and diagnoses a request body it was handed as bytes (moved, not copied)", async () => {
    const pool = open(1, 2);
    const text = pasteOf(100 * 1024);
    const bytes = new TextEncoder().encode(JSON.stringify({ text, occurredAt: "2026-11-22T09:59:00Z" }));
    const outcome = await pool.call(
      "diagnoseBody",
      { body: bytes, nowMs: NOW.getTime() },
      { transfer: [bytes.buffer as ArrayBuffer] },
    );
    // The buffer now belongs to the worker thread.
    expect(bytes.byteLength).toBe(0);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const inline = diagnoseOffline(text, {
      occurredAt: "2026-11-22T09:59:00Z",
      now: NOW,
      random: Math.random,
    });
    expect({ ...outcome.report, retry: null }).toEqual({ ...inline, retry: null });
  }, 30_000);

  it("refuses a body on the worker exactly as the request thread would", async () => {
    const pool = open(1, 2);
    const encode = (body: string) => new TextEncoder().encode(body);
    for (const body of [
      `{"text": "${"x".repeat(70_000)}`, // cut short
      JSON.stringify({ text: "x".repeat(70_000), occuredAt: "2026-11-22T09:59:00Z" }), // misspelt key
      JSON.stringify({ text: "x".repeat(70_000) + "\u0000" }), // binary
      "",
    ]) {
      const outcome = await pool.call("diagnoseBody", { body: encode(body), nowMs: NOW.getTime() });
      expect(outcome.ok).toBe(false);
      expect(outcome).toEqual(parseDiagnoseBytes(encode(body)));
    }
  }, 30_000);

  it("finds the paste's secrets with its diagnosis, and redacts before diagnosing for a link", async () => {
    const pool = open(1, 2);
    const text = SECRET_LINE + pasteOf(80 * 1024);
    const task = { text, occurredAt: null, nowMs: NOW.getTime() };
    const withSecrets = await pool.call("diagnoseWithSecrets", task);
    expect(withSecrets.secrets).toEqual(findPasteSecrets(text));
    expect(withSecrets.secrets.length).toBeGreaterThan(0);
    expect(withSecrets.report.branch).toBe("rate_limit");

    const redacted = await pool.call("redactThenDiagnose", task);
    expect(redacted.redactedText).toBe(redact(text).text);
    expect(redacted.redactedText).not.toContain("sk-ant-api03-Qx7v");
    expect(JSON.stringify(redacted.report)).not.toContain("sk-ant-api03-Qx7v");
    const inline = diagnoseOffline(redacted.redactedText, {
      occurredAt: null,
      now: NOW,
      random: Math.random,
    });
    expect({ ...redacted.report, retry: null }).toEqual({ ...inline, retry: null });
  }, 30_000);
});

describe("the pool's errors", () => {
  it("are recognised across copies of the module (server.ts's pool, the routes' catch)", async () => {
    vi.resetModules();
    const copy = await import("./pool");
    expect(copy.PoolBusyError).not.toBe(PoolBusyError);
    expect(new copy.PoolBusyError(2)).toBeInstanceOf(PoolBusyError);
    expect(new copy.DiagnosisCancelledError()).toBeInstanceOf(DiagnosisCancelledError);
    expect(new copy.PoolBusyError(2)).not.toBeInstanceOf(DiagnosisCancelledError);
    expect(new Error("every diagnosis worker is busy")).not.toBeInstanceOf(PoolBusyError);
    expect(null).not.toBeInstanceOf(PoolBusyError);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDiagnoseRequest } from "@/lib/api/diagnose-request";
import { buildDiagnoseWorker } from "@/lib/pool/build";
import { createDiagnosePool, type DiagnosePool } from "@/lib/pool/pool";
import { diagnoseOffline, diagnosisReportSchema } from "@/lib/report";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// A large body through the route as the server runs it: with the worker pool (built here as `npm run build`
// builds it, and put where the route finds the process's pool), so the body is parsed on the worker.
const POOL_KEY = Symbol.for("claude-error-triage.diagnose-pool");
let dir: string;
let pool: DiagnosePool;
let server: MockStatusServer;
let POST: (request: Request) => Promise<Response>;
const calls: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "triage-route-pool-"));
  const filename = path.join(dir, "diagnose-worker.cjs");
  await buildDiagnoseWorker(filename);
  const real = createDiagnosePool({ filename, maxThreads: 1, maxQueue: 0 });
  // The real pool, with each task it is handed noted by name.
  pool = {
    ...real,
    run: (task, signal) => {
      calls.push("diagnose");
      return real.run(task, signal);
    },
    call: (name, task, options) => {
      calls.push(name);
      return real.call(name, task, options);
    },
  };
  (globalThis as Record<symbol, unknown>)[POOL_KEY] = pool;
  server = await startMockStatusServer({ scenario: "minor-incident", port: 0 });
  process.env.STATUS_PAGE_URL = server.url;
  ({ POST } = await import("./route"));
}, 60_000);
afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[POOL_KEY];
  await pool.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const ERROR = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
const text = `${"2026-11-22 10:00:01 INFO worker: processed job 1 in 42 ms\n".repeat(2000)}${ERROR}`;
const post = (body: string) =>
  new Request("http://localhost/api/diagnose", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

describe("POST /api/diagnose with a large body", () => {
  it("hands the body to the worker, which parses and diagnoses it; the answer carries the status reading", async () => {
    calls.length = 0;
    const response = await POST(post(JSON.stringify({ text })));
    expect(response.status).toBe(200);
    expect(calls).toEqual(["diagnoseBody"]);
    const report = diagnosisReportSchema.parse(await response.json());
    const inline = diagnoseOffline(text, { occurredAt: null, now: new Date(), random: Math.random });
    expect(report.branch).toBe(inline.branch);
    expect(report.signals).toEqual(inline.signals);
    expect(report.statusContext?.source).toBe("live");
  }, 30_000);

  it("refuses a large body the worker cannot accept with the same envelope the request thread gives", async () => {
    for (const body of [
      JSON.stringify({ text, occuredAt: "2026-11-22T10:00:00Z" }),
      `{"text": "${"x".repeat(70_000)}`,
    ]) {
      calls.length = 0;
      const response = await POST(post(body));
      const expected = await parseDiagnoseRequest(post(body));
      expect(expected.ok).toBe(false);
      if (expected.ok) continue;
      expect(calls).toEqual(["diagnoseBody"]);
      expect(response.status).toBe(expected.status);
      expect(await response.json()).toEqual({ error: expected.error });
    }
  }, 30_000);

  it("answers 503 with Retry-After when the pool is taken, and leaves small bodies on the request thread", async () => {
    calls.length = 0;
    const [first, second] = await Promise.all([
      POST(post(JSON.stringify({ text }))),
      POST(post(JSON.stringify({ text }))),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 503]);
    const shed = first.status === 503 ? first : second;
    expect(Number(shed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await shed.json()).toEqual({ error: { type: "overloaded", message: expect.any(String) } });
    calls.length = 0;
    expect((await POST(post(JSON.stringify({ text: ERROR })))).status).toBe(200);
    expect(calls).toEqual([]);
  }, 30_000);
});

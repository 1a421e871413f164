import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDiagnoseBytes } from "../api/diagnose-request";
import { findPasteSecrets } from "../paste-secrets";
import { redactedReport } from "../permalinks/create";
import { diagnose } from "../report";
import type { StatusContext } from "../status/context";
import { buildDiagnoseWorker } from "./build";
import { createDiagnosePool, PoolBusyError, type DiagnosePool } from "./pool";
import {
  diagnoseBodyBounded,
  diagnoseBounded,
  diagnoseWithSecretsBounded,
  redactedReportBounded,
} from "./server";

let dir: string;
let pool: DiagnosePool;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "triage-bounded-"));
  const filename = path.join(dir, "diagnose-worker.cjs");
  await buildDiagnoseWorker(filename);
  pool = createDiagnosePool({ filename, maxThreads: 1, maxQueue: 2 });
}, 60_000);
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date("2026-11-22T10:30:00Z");
const ERROR = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
const text = `${"2026-11-22 10:00:01 INFO worker: processed job 1 in 42 ms\n".repeat(2000)}${ERROR}`;

/** A status client answering one fixed reading, as the server's would for this time. */
const status = {
  getContext: async (): Promise<StatusContext> =>
    ({
      indicator: "minor",
      description: "Minor Service Outage",
      checkedAt: NOW.toISOString(),
      source: "live",
      components: [],
      activeIncidents: [],
      correlatedIncidents: [],
    }) as unknown as StatusContext,
};

describe("diagnoseBounded", () => {
  it("gives a large paste, diagnosed on a worker, the report diagnose() gives on the request thread", async () => {
    const options = { occurredAt: null, now: NOW, status };
    const bounded = await diagnoseBounded(text, options, pool);
    const direct = await diagnose(text, { ...options, random: Math.random });
    // The retry plan's sample delays are random; everything else, the verdict and status included, is not.
    const strip = ({ retry, ...rest }: typeof direct) => ({ ...rest, schedule: retry.schedule.length });
    expect(strip(bounded)).toEqual(strip(direct));
    expect(bounded.statusContext).not.toBeNull();
  }, 30_000);
});

const strip = ({ retry, ...rest }: Awaited<ReturnType<typeof diagnose>>) => ({
  ...rest,
  schedule: retry.schedule.length,
});
const KEY =
  "sk-ant-api03-Qx7vT2mZ9kLp4RwN8sYb3HcJ6fGd1AeU5oIi0Vn-Zy8XwPq2LmKj7HgFd4SaB9cE1tRyUi3OpLkJh6GfDsA-AbCdEfGh";
const withKey = `ANTHROPIC_API_KEY=${KEY}\n${text}`;

describe("the other bounded passes", () => {
  it("diagnoses a request body handed over as bytes, with the status reading, or refuses it as the route would", async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ text, retryContext: { mode: "background", sideEffects: false } }),
    );
    const outcome = await diagnoseBodyBounded(body, { now: NOW, status }, pool);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const direct = await diagnose(text, {
      occurredAt: null,
      retryContext: { mode: "background", sideEffects: false },
      now: NOW,
      random: Math.random,
      status,
    });
    expect(strip(outcome.report)).toEqual(strip(direct));
    expect(outcome.report.statusContext).not.toBeNull();

    const bad = new TextEncoder().encode(JSON.stringify({ text, extra: 1 }));
    const expected = parseDiagnoseBytes(bad);
    expect(await diagnoseBodyBounded(bad, { now: NOW, status }, pool)).toEqual(expected);
  }, 30_000);

  it("finds a large paste's secrets on the worker with its diagnosis", async () => {
    const bounded = await diagnoseWithSecretsBounded(withKey, { occurredAt: null, now: NOW, status }, pool);
    expect(bounded.secrets).toEqual(findPasteSecrets(withKey));
    expect(bounded.secrets.map((s) => withKey.slice(s.start, s.end))).toContain(KEY);
    expect(bounded.report.statusContext).not.toBeNull();
  }, 30_000);

  it("redacts and diagnoses a link's paste on the worker as lib/permalinks/create.ts does inline", async () => {
    const deps = { now: NOW, random: Math.random, status };
    const paste = { text: withKey, occurredAt: null };
    const bounded = await redactedReportBounded(paste, deps, pool);
    const inline = await redactedReport(paste, deps);
    expect(bounded.redactedText).toBe(inline.redactedText);
    expect(bounded.redactedText).not.toContain(KEY);
    expect(strip(bounded.report)).toEqual(strip(inline.report));
  }, 30_000);

  it("sheds a link's paste with PoolBusyError when the threads and the queue are taken", async () => {
    const tiny = createDiagnosePool({
      filename: path.join(dir, "diagnose-worker.cjs"),
      maxThreads: 1,
      maxQueue: 0,
    });
    try {
      const deps = { now: NOW, random: Math.random, status: null };
      const first = redactedReportBounded({ text: withKey, occurredAt: null }, deps, tiny);
      await expect(
        redactedReportBounded({ text: withKey, occurredAt: null }, deps, tiny),
      ).rejects.toBeInstanceOf(PoolBusyError);
      expect((await first).redactedText).not.toContain(KEY);
    } finally {
      await tiny.close();
    }
  }, 30_000);
});

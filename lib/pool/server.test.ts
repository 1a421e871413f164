import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../report";
import type { StatusContext } from "../status/context";
import { buildDiagnoseWorker } from "./build";
import { createDiagnosePool, type DiagnosePool } from "./pool";
import { diagnoseBounded } from "./server";

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

// Load and fault bench (issue 7): starts the production server (`npm run build` first) against a local mock
// status page and a throwaway data directory, drives it with autocannon on loopback, and prints req/s,
// latency percentiles, errors and the server's RSS. Figures only; nothing is asserted.
//
//   npm run build && npm run bench:load        (LOAD_SECONDS=10 by default per scenario)
import autocannon from "autocannon";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMockStatusServer, type MockScenario } from "../scripts/mock-status-server";
import { startApp } from "../scripts/app-server";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);

/** Resident memory of a process and its children, from /proc (Linux). */
function rssMiB(pid: number): number {
  let total = 0;
  const visit = (p: number): void => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // the process ended between reads
    }
  };
  visit(pid);
  return total;
}

// A realistic paste: a Python traceback ending in a rate-limit error, padded with service log lines.
const ERROR_TAIL = `Traceback (most recent call last):
  File "/srv/worker.py", line 58, in <module>
    response = client.messages.create(model="claude-sonnet-4-6", max_tokens=1024, messages=msgs)
anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': "This request would exceed your organization's rate limit of 30,000 input tokens per minute (org: 5f1c2a9e-7d3b-4e61-9a0c-2b8f4d6e1a37, model: claude-sonnet-4-6)."}, 'request_id': 'req_011C85iXAj8UAx4W7rPCVHtH'}
`;
function pasteOf(bytes: number): string {
  let text = "";
  for (let i = 0; text.length < bytes - ERROR_TAIL.length; i++) {
    text += `2026-11-22 10:${String(i % 60).padStart(2, "0")}:01,${String(i % 1000).padStart(3, "0")} INFO worker: processed job ${i} in 42 ms\n`;
  }
  return text.slice(0, bytes - ERROR_TAIL.length) + ERROR_TAIL;
}

type Row = {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  non2xx: number;
  rss: number;
};

async function drive(
  name: string,
  options: autocannon.Options,
  serverPid: number,
  during?: () => void,
): Promise<Row> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(serverPid))), 250);
  const timer = during ? setTimeout(during, (SECONDS * 1000) / 3) : undefined;
  const result = await autocannon({ duration: SECONDS, ...options });
  clearInterval(sampler);
  if (timer) clearTimeout(timer);
  const latency = result.latency as autocannon.Histogram & { p99_9?: number };
  return {
    name,
    connections: options.connections ?? 10,
    rps: result.requests.average,
    p50: latency.p50,
    p99: latency.p99,
    p999: latency.p99_9 ?? latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rss: peak,
  };
}

async function main(): Promise<void> {
  const mock = await startMockStatusServer({ scenario: "operational", port: 0, slowMs: 10_000 });
  const dataDir = mkdtempSync(join(tmpdir(), "cet-load-"));
  const app = await startApp({
    STATUS_PAGE_URL: mock.url,
    DATA_DIR: dataDir,
    // High enough that the link-creation scenario measures the store, not the limiter.
    PERMALINK_RATE_LIMIT: "100000/1s",
  });
  const base = app.base;
  const rows: Row[] = [];
  try {
    const pid = app.pid;
    const json = { "content-type": "application/json" };
    const small = JSON.stringify({ text: pasteOf(2 * 1024) });
    const large = JSON.stringify({ text: pasteOf(100 * 1024) });

    // Warm up the routes (JIT, module loading) before measuring.
    await autocannon({
      url: `${base}/api/diagnose`,
      method: "POST",
      headers: json,
      body: small,
      amount: 200,
      connections: 10,
    });

    rows.push(await drive("healthz (baseline)", { url: `${base}/api/healthz`, connections: 50 }, pid));
    rows.push(
      await drive(
        "diagnose 2 KB, 10 conns",
        { url: `${base}/api/diagnose`, method: "POST", headers: json, body: small, connections: 10 },
        pid,
      ),
    );
    rows.push(
      await drive(
        "diagnose 2 KB",
        { url: `${base}/api/diagnose`, method: "POST", headers: json, body: small, connections: 50 },
        pid,
      ),
    );
    rows.push(
      await drive(
        "diagnose 100 KB",
        { url: `${base}/api/diagnose`, method: "POST", headers: json, body: large, connections: 10 },
        pid,
      ),
    );
    rows.push(await drive("status", { url: `${base}/api/status`, connections: 50 }, pid));

    const created = await fetch(`${base}/api/permalinks`, { method: "POST", headers: json, body: small });
    if (created.status === 201) {
      const { id } = (await created.json()) as { id: string };
      rows.push(
        await drive(
          "link create",
          { url: `${base}/api/permalinks`, method: "POST", headers: json, body: small, connections: 20 },
          pid,
        ),
      );
      rows.push(await drive("link read", { url: `${base}/api/permalinks/${id}`, connections: 50 }, pid));
    } else {
      console.log(`(link scenarios skipped: POST /api/permalinks answered ${created.status})`);
    }

    // Faults: the status page goes down, slow or malformed a third of the way into a diagnose run.
    for (const scenario of ["down", "slow", "malformed"] as MockScenario[]) {
      mock.setScenario("operational");
      rows.push(
        await drive(
          `diagnose 2 KB, status ${scenario}`,
          { url: `${base}/api/diagnose`, method: "POST", headers: json, body: small, connections: 50 },
          pid,
          () => mock.setScenario(scenario),
        ),
      );
    }
  } finally {
    await app.stop();
    await mock.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(
    `\nload: ${SECONDS} s per scenario, loopback, ${(await import("node:os")).cpus().length} cores`,
  );
  console.log(
    [
      "scenario".padEnd(30),
      "conns",
      "req/s".padStart(8),
      "p50 ms",
      "p99 ms",
      "p99.9 ms",
      "errors",
      "non-2xx",
      "RSS MiB",
    ].join("  "),
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(30),
        String(r.connections).padStart(5),
        r.rps.toFixed(0).padStart(8),
        String(r.p50).padStart(6),
        String(r.p99).padStart(6),
        String(r.p999).padStart(8),
        String(r.errors).padStart(6),
        String(r.non2xx).padStart(7),
        r.rss.toFixed(0).padStart(7),
      ].join("  "),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

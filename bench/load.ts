// Load and fault bench (issue 7): starts the production server (`npm run build` first) against a local mock
// status page and a throwaway data directory, drives it with autocannon on loopback, and prints req/s,
// latency percentiles, errors and the server's RSS. Figures only; nothing is asserted.
//
//   npm run build && npm run bench:load        (LOAD_SECONDS=10 by default per scenario)
import autocannon from "autocannon";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMockStatusServer, type MockScenario } from "../scripts/mock-status-server";
import { startApp } from "../scripts/app-server";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
/** LOAD_ONLY=action,flood runs only those groups (basic, action, flood, slow, link-page, faults); all by default. */
const ONLY = new Set((process.env.LOAD_ONLY ?? "").split(",").filter(Boolean));
const want = (group: string) => ONLY.size === 0 || ONLY.has(group);

/**
 * The page's diagnose server action as the browser calls it: a POST to / naming the action (its id from the
 * build's manifest), with React's encoding of its two arguments, the form's last state and the form data.
 */
async function actionRequest(text: string): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "diagnoseAction")?.[0];
  if (id === undefined) throw new Error("diagnoseAction is not in the build's server-reference manifest");
  const form = new FormData();
  form.set("_1_text", text);
  form.set("_1_occurredAt", "");
  form.set("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const encoded = new Response(form);
  return {
    headers: {
      "next-action": id,
      accept: "text/x-component",
      "content-type": encoded.headers.get("content-type") ?? "",
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  };
}

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
  /** Answers per second that were 2xx (a shed request answered 503 at once counts in req/s, not here). */
  okRps: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  non2xx: number;
  rss: number;
  /** The server process's CPU time (all its threads, from /proc) per answered request, in ms. */
  cpuMsPerRequest: number;
};

/** CPU time a process has used so far (user + system, all threads), in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function drive(
  name: string,
  options: autocannon.Options,
  serverPid: number,
  during?: () => void,
): Promise<Row> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(serverPid))), 250);
  const timer = during ? setTimeout(during, (SECONDS * 1000) / 3) : undefined;
  const cpuBefore = cpuMs(serverPid);
  const result = await autocannon({ duration: SECONDS, ...options });
  const cpuUsed = cpuMs(serverPid) - cpuBefore;
  clearInterval(sampler);
  if (timer) clearTimeout(timer);
  const latency = result.latency as autocannon.Histogram & { p99_9?: number };
  return {
    name,
    connections: options.connections ?? 10,
    rps: result.requests.average,
    okRps: (result.requests.total - result.non2xx) / (result.duration || SECONDS),
    p50: latency.p50,
    p99: latency.p99,
    p999: latency.p99_9 ?? latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rss: peak,
    cpuMsPerRequest: result.requests.total > 0 ? cpuUsed / result.requests.total : Number.NaN,
  };
}

const ratio = (value: number, peer: number) => (peer > 0 ? `${(value / peer).toFixed(2)}×` : "n/a");

/** A side load measured alongside another scenario; its p99 is compared with the same load on an idle server. */
type Side = { name: string; p99: number; rps: number; errors: number; non2xx: number };

async function side(name: string, options: autocannon.Options): Promise<Side> {
  const result = await autocannon({ duration: SECONDS, ...options });
  return {
    name,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Connections that declare a 1 MiB body and trickle one byte a second. Answers, after `seconds`, how many
 * the server closed and after how long (median), and how many it still held.
 */
async function slowBodies(
  port: number,
  count: number,
  seconds: number,
): Promise<{ closed: number; medianClosedAfterS: number | null; open: number }> {
  const sockets: Socket[] = [];
  const closedAfter: number[] = [];
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.on("data", () => undefined);
    socket.once("close", () => closedAfter.push((Date.now() - started) / 1000));
    socket.write(
      `POST /api/diagnose HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${1024 * 1024}\r\n\r\n{"text":"`,
    );
    sockets.push(socket);
  }
  const trickle = setInterval(() => {
    for (const socket of sockets) if (!socket.destroyed) socket.write("x");
  }, 1000);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(trickle);
  const open = sockets.filter((s) => !s.destroyed).length;
  const closed = [...closedAfter].sort((a, b) => a - b);
  for (const socket of sockets) socket.destroy();
  return {
    closed: closed.length,
    medianClosedAfterS: closed.length === 0 ? null : closed[Math.floor(closed.length / 2)]!,
    open,
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
    READ_RATE_LIMIT: "100000/1s",
    RERUN_RATE_LIMIT: "100000/1s",
    PREVIEW_RATE_LIMIT: "100000/1s",
  });
  const base = app.base;
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const pid = app.pid;
    const json = { "content-type": "application/json" };
    const small = JSON.stringify({ text: pasteOf(2 * 1024) });
    const large = JSON.stringify({ text: pasteOf(100 * 1024) });
    const huge = JSON.stringify({ text: pasteOf(1024 * 1024) });

    // Warm up the routes (JIT, module loading) before measuring.
    await autocannon({
      url: `${base}/api/diagnose`,
      method: "POST",
      headers: json,
      body: small,
      amount: 200,
      connections: 10,
    });

    const p99Of = (name: string) => rows.find((r) => r.name === name)?.p99 ?? 0;
    const rpsOf = (name: string) => rows.find((r) => r.name === name)?.rps ?? 0;
    const cpuOf = (name: string) => rows.find((r) => r.name === name)?.cpuMsPerRequest ?? Number.NaN;
    if (want("basic") || want("action")) {
      rows.push(
        await drive(
          "diagnose 2 KB, 10 conns",
          { url: `${base}/api/diagnose`, method: "POST", headers: json, body: small, connections: 10 },
          pid,
        ),
      );
    }
    if (want("action")) {
      // The page's server action on the same paste, at the same connections: its rate against the route's.
      const action = await actionRequest(pasteOf(2 * 1024));
      const options = { url: `${base}/`, method: "POST" as const, ...action };
      await autocannon({ ...options, amount: 200, connections: 10 });
      const actionBytes = (
        await (
          await fetch(options.url, {
            method: "POST",
            headers: action.headers,
            body: new Uint8Array(action.body),
          })
        ).arrayBuffer()
      ).byteLength;
      const routeBytes = (
        await (
          await fetch(`${base}/api/diagnose`, { method: "POST", headers: json, body: small })
        ).arrayBuffer()
      ).byteLength;
      rows.push(await drive("page action 2 KB, 10 conns", { ...options, connections: 10 }, pid));
      notes.push(
        `page action vs JSON route, 2 KB at 10 conns: ${rpsOf("page action 2 KB, 10 conns").toFixed(0)} vs ` +
          `${rpsOf("diagnose 2 KB, 10 conns").toFixed(0)} req/s = ${ratio(rpsOf("page action 2 KB, 10 conns"), rpsOf("diagnose 2 KB, 10 conns"))}; ` +
          `p99 ${p99Of("page action 2 KB, 10 conns")} vs ${p99Of("diagnose 2 KB, 10 conns")} ms; ` +
          `${actionBytes} vs ${routeBytes} bytes per answer; server CPU per request ` +
          `${cpuOf("page action 2 KB, 10 conns").toFixed(2)} vs ${cpuOf("diagnose 2 KB, 10 conns").toFixed(2)} ms = ` +
          `${ratio(cpuOf("page action 2 KB, 10 conns"), cpuOf("diagnose 2 KB, 10 conns"))}`,
      );
    }
    if (want("basic")) {
      rows.push(await drive("healthz, 10 conns", { url: `${base}/api/healthz`, connections: 10 }, pid));
      rows.push(await drive("healthz (baseline)", { url: `${base}/api/healthz`, connections: 50 }, pid));
      // A trivial GET through the same stack as a diagnosis (front door, Next's router, a route handler):
      // healthz is answered by the front door before Next, so it no longer measures that stack.
      rows.push(
        await drive("version (Next route), 10 conns", { url: `${base}/api/version`, connections: 10 }, pid),
      );
      rows.push(
        await drive("version (Next route), 50 conns", { url: `${base}/api/version`, connections: 50 }, pid),
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

      notes.push(
        `2 KB diagnose p99 / healthz p99: ${ratio(p99Of("diagnose 2 KB, 10 conns"), p99Of("healthz, 10 conns"))} at 10 conns, ` +
          `${ratio(p99Of("diagnose 2 KB"), p99Of("healthz (baseline)"))} at 50 conns (healthz is answered before Next)`,
      );
      notes.push(
        `2 KB diagnose p99 / trivial Next route p99 (GET /api/version): ` +
          `${ratio(p99Of("diagnose 2 KB, 10 conns"), p99Of("version (Next route), 10 conns"))} at 10 conns, ` +
          `${ratio(p99Of("diagnose 2 KB"), p99Of("version (Next route), 50 conns"))} at 50 conns`,
      );
    }

    if (want("flood")) {
      // Two light loads side by side, first on an idle server, then while 1 MiB diagnoses flood it.
      const sides = () =>
        Promise.all([
          side("diagnose 2 KB", {
            url: `${base}/api/diagnose`,
            method: "POST",
            headers: json,
            body: small,
            connections: 5,
          }),
          side("healthz", { url: `${base}/api/healthz`, connections: 5 }),
        ]);
      const idle = await sides();
      const [flood, loaded] = await Promise.all([
        drive(
          "diagnose 1 MiB (flood)",
          {
            url: `${base}/api/diagnose`,
            method: "POST",
            headers: json,
            body: huge,
            connections: 20,
            timeout: 30,
          },
          pid,
        ),
        sides(),
      ]);
      rows.push(flood);
      for (const [i, s] of loaded.entries()) {
        const before = idle[i]!;
        notes.push(
          `during the 1 MiB flood: ${s.name} (5 conns) p99 ${s.p99} ms vs ${before.p99} ms idle = ${ratio(s.p99, before.p99)}, ` +
            `${s.rps.toFixed(0)} req/s vs ${before.rps.toFixed(0)}, errors ${s.errors}, non-2xx ${s.non2xx}`,
        );
      }
    }

    if (want("slow")) {
      // 200 connections trickling a declared 1 MiB body while 2 KB diagnoses run.
      const port = Number(new URL(base).port);
      const slowSeconds = Math.max(SECONDS, 20);
      const [slow, during] = await Promise.all([
        slowBodies(port, 200, slowSeconds),
        drive(
          "diagnose 2 KB + 200 slow bodies",
          { url: `${base}/api/diagnose`, method: "POST", headers: json, body: small, connections: 10 },
          pid,
        ),
      ]);
      rows.push(during);
      notes.push(
        `200 slow bodies over ${slowSeconds} s: ${slow.closed} closed by the server` +
          (slow.medianClosedAfterS === null
            ? ""
            : ` (median after ${slow.medianClosedAfterS.toFixed(1)} s)`) +
          `, ${slow.open} still held; 2 KB diagnose p99 ${during.p99} ms vs ${p99Of("diagnose 2 KB, 10 conns")} ms idle = ${ratio(during.p99, p99Of("diagnose 2 KB, 10 conns"))}`,
      );
    }

    if (want("link-page")) {
      // A stored 1 MiB link read as a page at 10 connections.
      const bigLink = await fetch(`${base}/api/permalinks`, { method: "POST", headers: json, body: huge });
      if (bigLink.status === 201) {
        const { id } = (await bigLink.json()) as { id: string };
        const page = await fetch(`${base}/d/${id}`);
        const bytes = (await page.arrayBuffer()).byteLength;
        rows.push(
          await drive(
            "link page, 1 MiB paste",
            { url: `${base}/d/${id}`, connections: 10, timeout: 30 },
            pid,
          ),
        );
        notes.push(`GET /d/<id> of a 1 MiB link: ${(bytes / 1024).toFixed(0)} KB of HTML per answer`);
      } else {
        notes.push(`(1 MiB link read skipped: POST /api/permalinks answered ${bigLink.status})`);
      }
    }

    if (want("faults")) {
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
      "scenario".padEnd(32),
      "conns",
      "req/s".padStart(8),
      "2xx/s".padStart(7),
      "p50 ms",
      "p99 ms",
      "p99.9 ms",
      "errors",
      "non-2xx",
      "RSS MiB",
      "CPU ms/req",
    ].join("  "),
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(32),
        String(r.connections).padStart(5),
        r.rps.toFixed(0).padStart(8),
        r.okRps.toFixed(0).padStart(7),
        String(r.p50).padStart(6),
        String(r.p99).padStart(6),
        String(r.p999).padStart(8),
        String(r.errors).padStart(6),
        String(r.non2xx).padStart(7),
        r.rss.toFixed(0).padStart(7),
        r.cpuMsPerRequest.toFixed(2).padStart(10),
      ].join("  "),
    );
  }
  for (const note of notes) console.log(`- ${note}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

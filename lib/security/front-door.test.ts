import type { Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../permalinks/client-key";
import { allowanceFor, createFrontServer, frontDoor, type PoolGate } from "./front-door";

// A real HTTP server with the door in front of a stand-in for Next.js that echoes what it was handed.
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

const LIMITS = {
  read: { points: 3, durationMs: 60_000 },
  rerun: { points: 1, durationMs: 60_000 },
  preview: { points: 2, durationMs: 60_000 },
};

async function start({
  bodyTimeoutMs = 10_000,
  trustProxyHops = 0,
  pool = null as PoolGate | null,
  /** Resolves when the app may answer a request (to hold requests open); at once by default. */
  hold = (): Promise<void> => Promise.resolve(),
} = {}) {
  const lines: string[] = [];
  const handled: string[] = [];
  const door = frontDoor({ trustProxyHops, limits: LIMITS, pool, log: (line) => lines.push(line) });
  const server = createFrontServer({
    door,
    bodyTimeoutMs,
    handle: (req, res) => {
      handled.push(`${req.method} ${req.url}`);
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        void hold().then(() =>
          res.end(
            JSON.stringify({
              client: req.headers[CLIENT_ADDRESS_HEADER] ?? null,
              bytes: Buffer.concat(chunks).length,
            }),
          ),
        );
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, port, lines, handled };
}

/** Sends raw bytes (for methods and paths fetch will not send) and resolves with the whole answer. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
    socket.write(request);
  });
}

const SECURITY = [
  "x-content-type-options: nosniff",
  "x-frame-options: deny",
  "content-security-policy: default-src 'none'",
];

describe("the front door", () => {
  it("answers TRACE and other unknown methods with 405, Allow and the security headers", async () => {
    const { port } = await start();
    for (const [method, path, type] of [
      ["TRACE", "/", "text/html"],
      ["TRACE", "/api/diagnose", "application/json"],
      ["PROPFIND", "/d/abc", "text/html"],
    ] as const) {
      const answer = await raw(port, `${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      const lower = answer.toLowerCase();
      expect(answer.startsWith("HTTP/1.1 405"), `${method} ${path}`).toBe(true);
      expect(lower).toContain("allow: get, head, post, delete, options");
      expect(lower).toContain(`content-type: ${type}`);
      for (const header of SECURITY) expect(lower).toContain(header);
      if (type === "application/json") expect(answer).toContain('{"error":{"type":"method_not_allowed"');
    }
  });

  it("answers a path that cannot be decoded with 400 and the security headers, never reaching the app", async () => {
    const { port } = await start();
    const answer = await raw(port, "GET /d/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer.startsWith("HTTP/1.1 400")).toBe(true);
    for (const header of SECURITY) expect(answer.toLowerCase()).toContain(header);
    expect(answer).not.toContain('"client"');
  });

  it("hands the app the socket's address and drops one the client sent", async () => {
    const { base } = await start();
    const response = await fetch(`${base}/api/status`, {
      headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.66" },
    });
    expect(await response.json()).toMatchObject({ client: "127.0.0.1" });
  });

  it("answers health checks itself, with the security headers, before the app's router", async () => {
    const { base, port, handled } = await start();
    const response = await fetch(`${base}/api/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const head = await raw(port, "HEAD /api/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(head.startsWith("HTTP/1.1 200")).toBe(true);
    for (const header of SECURITY) expect(head.toLowerCase()).toContain(header);
    expect(head).not.toContain('{"ok"');
    expect(handled).toEqual([]);
    // Only GET and HEAD of that path: anything else is the app's.
    await fetch(`${base}/api/healthz`, { method: "POST", body: "{}" });
    await fetch(`${base}/api/healthzz`);
    expect(handled).toEqual(["POST /api/healthz", "GET /api/healthzz"]);
  });

  it("sheds large diagnosis and link bodies past the pool's capacity with 503 before reading them", async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pool: PoolGate = { minBytes: 1024, capacity: () => 2, retryAfterSeconds: () => 3 };
    const { base, handled } = await start({ pool, hold: () => held });
    const large = JSON.stringify({ text: "x".repeat(4096) });
    const post = (path: string, body = large) =>
      fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
    // Two large bodies take the pool's two places and are held open by the app.
    const first = post("/api/diagnose");
    const second = post("/api/permalinks");
    await vi.waitFor(() => expect(handled).toHaveLength(2));
    const shed = await post("/api/diagnose");
    expect(shed.status).toBe(503);
    expect(shed.headers.get("retry-after")).toBe("3");
    expect(shed.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await shed.json()).toEqual({ error: { type: "overloaded", message: expect.any(String) } });
    expect((await post("/api/permalinks")).status).toBe(503);
    expect(handled).toHaveLength(2);
    // Small bodies, and large ones elsewhere, are not the pool's to count.
    const small = post("/api/diagnose", JSON.stringify({ text: "API Error: 529" }));
    const elsewhere = post("/api/packet");
    await vi.waitFor(() => expect(handled).toHaveLength(4));
    release();
    expect((await Promise.all([first, second, small, elsewhere])).map((r) => r.status)).toEqual([
      200, 200, 200, 200,
    ]);
    // Answered requests give their places back.
    expect((await post("/api/diagnose")).status).toBe(200);
    expect((await post("/api/diagnose")).status).toBe(200);
  });

  it("holds a shed request's 503 for the shed delay, and drops it for a client that left meanwhile", async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pool: PoolGate = {
      minBytes: 1024,
      capacity: () => 1,
      retryAfterSeconds: () => 1,
      shedDelayMs: 300,
    };
    const { base, port, handled } = await start({ pool, hold: () => held });
    const body = JSON.stringify({ text: "x".repeat(4096) });
    const headers = { "content-type": "application/json" };
    const first = fetch(`${base}/api/diagnose`, { method: "POST", headers, body });
    await vi.waitFor(() => expect(handled).toHaveLength(1));
    const started = performance.now();
    const shed = await fetch(`${base}/api/diagnose`, { method: "POST", headers, body });
    // A timer never fires early: the answer cannot come before the delay.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(shed.status).toBe(503);
    // A client that hangs up during the delay: its answer is dropped, and the server keeps serving.
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write(
      `POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n{`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await fetch(`${base}/api/healthz`)).status).toBe(200);
    release();
    expect((await first).status).toBe(200);
    expect(handled).toHaveLength(1);
  });

  it("limits link reads, re-runs and preview images per client, each on its own allowance", async () => {
    const { base } = await start();
    const reads = [];
    for (let i = 0; i < 4; i += 1) reads.push(await fetch(`${base}/d/abcDEF123`));
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const refused = reads[3]!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("content-type")).toMatch(/^text\/html/);
    // The API read shares the read allowance and answers with the envelope.
    const api = await fetch(`${base}/api/permalinks/abcDEF123`);
    expect(api.status).toBe(429);
    expect(await api.json()).toEqual({ error: { type: "rate_limited", message: expect.any(String) } });
    // Preview images and re-runs are counted apart; other pages and diagnoses are not counted here.
    expect((await fetch(`${base}/d/abcDEF123/opengraph-image`)).status).toBe(200);
    const rerun = () =>
      fetch(`${base}/d/abcDEF123`, { method: "POST", headers: { "next-action": "x" }, body: "[]" });
    expect((await rerun()).status).toBe(200);
    expect((await rerun()).status).toBe(429);
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await fetch(`${base}/api/diagnose`, { method: "POST", body: "{}" })).status).toBe(200);
  });

  it("counts a forged X-Forwarded-For as the socket's client unless a proxy is trusted", async () => {
    const { base } = await start();
    for (let i = 0; i < 3; i += 1)
      await fetch(`${base}/d/abcDEF123`, { headers: { "x-forwarded-for": `198.51.100.${i}` } });
    expect(
      (await fetch(`${base}/d/abcDEF123`, { headers: { "x-forwarded-for": "198.51.100.99" } })).status,
    ).toBe(429);
  });

  it("closes a body that does not arrive within the deadline with a 408 envelope and one log line", async () => {
    const { port, lines } = await start({ bodyTimeoutMs: 1000 });
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let text = "";
      const trickle = setInterval(() => socket.writable && socket.write("x"), 200);
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => {
        clearInterval(trickle);
        resolve(text);
      });
      socket.on("error", () => undefined);
      socket.write(
        "POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{",
      );
    });
    const heldMs = Date.now() - started;
    expect(answer.startsWith("HTTP/1.1 408")).toBe(true);
    expect(answer).toContain('{"error":{"type":"request_timeout"');
    expect(answer.toLowerCase()).toContain("x-content-type-options: nosniff");
    expect(lines).toEqual([expect.stringContaining("408")]);
    // Held about the deadline, not Node's default five minutes (checked once a second).
    expect(heldMs).toBeLessThan(10_000);
  }, 20_000);
});

describe("allowanceFor", () => {
  it("names what each request spends", () => {
    expect(allowanceFor("GET", "/d/abc", {})).toBe("read");
    expect(allowanceFor("HEAD", "/api/permalinks/abc", {})).toBe("read");
    expect(allowanceFor("GET", "/d/abc/opengraph-image-1a2b3c", {})).toBe("preview");
    expect(allowanceFor("POST", "/d/abc", { "next-action": "f00" })).toBe("rerun");
    expect(allowanceFor("POST", "/api/permalinks", {})).toBeNull();
    expect(allowanceFor("DELETE", "/api/permalinks/abc", {})).toBeNull();
    expect(allowanceFor("GET", "/", {})).toBeNull();
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { redactedReport } from "@/lib/permalinks/create";
import { memoryRateLimiter } from "@/lib/permalinks/rate-limit";
import { DiagnosisCancelledError, PoolBusyError } from "@/lib/pool/pool";
import { openSqliteStore } from "@/lib/store/sqlite";
import { PASTE } from "@/lib/store/testing/fixtures";
import { permalinkApi } from "./handlers";

// The permalink API as a deployment runs it: no trusted proxy, clients told apart by the socket address the
// front door stamps on each request, and production link building.
const dataDir = mkdtempSync(path.join(tmpdir(), "triage-handlers-"));
const store = openSqliteStore({ dataDir });
afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const LIMIT = 3;
function api(
  config: Partial<{ allowedHosts: string[]; publicBaseUrl: string }> = {},
  redactAndDiagnose?: Parameters<typeof permalinkApi>[0]["redactAndDiagnose"],
) {
  const limiter = memoryRateLimiter({ points: LIMIT, durationMs: 60_000 });
  return permalinkApi({
    ...(redactAndDiagnose === undefined ? {} : { redactAndDiagnose }),
    store: () => store,
    limiter: () => limiter,
    status: () => null,
    config: () => ({
      publicBaseUrl: null,
      trustProxyHops: 0,
      allowedHosts: [],
      production: true,
      hostname: "127.0.0.1",
      port: 3113,
      ...config,
    }),
  });
}

function post(body: unknown, from: string, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1:3113/api/permalinks", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-triage-client-address": from,
      // A client may send anything here; without a trusted proxy it must not matter.
      "x-forwarded-for": "203.0.113.1",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe("link creation limits without a proxy", () => {
  it("gives each client its own allowance by socket address, whatever X-Forwarded-For says", async () => {
    const links = api();
    for (let i = 0; i < LIMIT; i += 1)
      expect((await links.create(post({ text: PASTE }, "198.51.100.1"))).status).toBe(201);
    expect((await links.create(post({ text: PASTE }, "198.51.100.1"))).status).toBe(429);
    // Another client, same forged header: not held back.
    expect((await links.create(post({ text: PASTE }, "198.51.100.2"))).status).toBe(201);
  });

  it("charges only valid requests: twenty invalid ones leave the allowance whole", async () => {
    const links = api();
    for (let i = 0; i < 20; i += 1) expect((await links.create(post({}, "198.51.100.3"))).status).toBe(400);
    for (let i = 0; i < LIMIT; i += 1)
      expect((await links.create(post({ text: PASTE }, "198.51.100.3"))).status).toBe(201);
  });
});

describe("link URLs in production", () => {
  const evilHost = { host: "evil.example", "x-forwarded-proto": "https" };

  it("never echo an unknown Host: the server's own address without settings", async () => {
    const response = await api().create(post({ text: PASTE }, "198.51.100.4", evilHost));
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3113\/d\/[\w-]{22}$/);
    expect(response.headers.get("location")).toBe(url);
  });

  it("answer an unknown Host with the first allowed host, and an allowed one with itself", async () => {
    const links = api({ allowedHosts: ["triage.example.com", "triage.internal"] });
    const unknown = (await (await links.create(post({ text: PASTE }, "198.51.100.5", evilHost))).json()) as {
      url: string;
    };
    expect(unknown.url).toMatch(/^https:\/\/triage\.example\.com\/d\//);
    const allowed = (await (
      await links.create(post({ text: PASTE }, "198.51.100.5", { host: "triage.internal" }))
    ).json()) as { url: string };
    expect(allowed.url).toMatch(/^http:\/\/triage\.internal\/d\//);
  });
});

describe("link creation on the worker pool", () => {
  it("redacts and diagnoses through the pool it is given, and stores what that made", async () => {
    const seen: string[] = [];
    const links = api({}, async (paste, deps) => {
      seen.push(paste.text);
      return redactedReport(paste, deps);
    });
    const response = await links.create(post({ text: PASTE }, "198.51.100.20"));
    expect(response.status).toBe(201);
    expect(seen).toEqual([PASTE]);
    const { id } = (await response.json()) as { id: string };
    expect((await store.get(id, new Date()))?.redactedText).toBe(
      (
        await redactedReport(
          { text: PASTE, occurredAt: null },
          { now: new Date(), random: Math.random, status: null },
        )
      ).redactedText,
    );
  });

  it("answers 503 with Retry-After when the pool sheds the paste, 499 when its client left", async () => {
    const links = api({}, async () => {
      throw new PoolBusyError(4);
    });
    const response = await links.create(post({ text: PASTE }, "198.51.100.21"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("4");
    expect(await response.json()).toEqual({ error: { type: "overloaded", message: expect.any(String) } });
    const cancelled = api({}, async () => {
      throw new DiagnosisCancelledError();
    });
    expect((await cancelled.create(post({ text: PASTE }, "198.51.100.21"))).status).toBe(499);
  });
});

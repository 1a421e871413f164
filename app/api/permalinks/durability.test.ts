import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { PASTE } from "@/lib/store/testing/fixtures";

const SERVER = path.join(import.meta.dirname, "testing", "serve.ts");

/** Starts the permalink API in a child process on `dataDir` (or a postgres:// URL); resolves with its URL once it listens. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SERVER, dataDir], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = out.split("\n")[0];
      if (out.includes("\n") && line !== undefined) resolve({ child, url: line });
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    child.once("exit", (_code, signal) => resolve(signal));
    child.kill("SIGKILL");
  });
}

/**
 * Starts a server on `location`, fires `creations` link creations at once, kills the server with SIGKILL once
 * at least 100 are acknowledged, restarts it on the same store and answers the acknowledged ids that do not
 * read back (none, when the store keeps what it acknowledged).
 */
async function killMidStream(
  location: string,
  creations: number,
  cleanups: (() => void)[],
): Promise<{ acknowledged: string[]; missing: string[] }> {
  const first = await startServer(location);
  cleanups.push(() => first.child.kill("SIGKILL"));
  const acknowledged: string[] = [];
  const create = async (): Promise<void> => {
    const response = await fetch(`${first.url}/api/permalinks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: PASTE, ttl: "1h" }),
    }).catch(() => null);
    if (response === null) return;
    if (response.status !== 201) throw new Error(`create answered ${response.status}`);
    // A body cut off by the kill was never acknowledged to this client.
    const body = (await response.json().catch(() => null)) as { id: string } | null;
    if (body !== null) acknowledged.push(body.id);
  };
  const clients = Array.from({ length: creations }, create);
  while (acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(await killed(first.child)).toBe("SIGKILL");
  await Promise.all(clients);

  const second = await startServer(location);
  cleanups.push(() => second.child.kill("SIGKILL"));
  const missing: string[] = [];
  for (const id of acknowledged) {
    const response = await fetch(`${second.url}/api/permalinks/${id}`);
    if (response.status !== 200) missing.push(`${id}: ${response.status}`);
  }
  return { acknowledged, missing };
}

describe("durability on SQLite", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it(
    "keeps every link answered 201 when the server is killed with SIGKILL mid-stream and restarted",
    { timeout: 60_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "triage-durability-"));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const first = await startServer(dataDir);
      cleanups.push(() => first.child.kill("SIGKILL"));

      const acknowledged: string[] = [];
      // 1,000 creations at once (issue 7), so hundreds are in flight at the moment of the kill.
      const CREATIONS = 1_000;
      const create = async (): Promise<void> => {
        const response = await fetch(`${first.url}/api/permalinks`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: PASTE, ttl: "1h" }),
        }).catch(() => null);
        if (response === null) return;
        if (response.status !== 201) throw new Error(`create answered ${response.status}`);
        // A body cut off by the kill was never acknowledged to this client.
        const body = (await response.json().catch(() => null)) as { id: string } | null;
        if (body !== null) acknowledged.push(body.id);
      };
      const clients = Array.from({ length: CREATIONS }, create);
      while (acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 2));
      expect(await killed(first.child)).toBe("SIGKILL");
      await Promise.all(clients);
      // The kill landed mid-run: some creations were acknowledged, others never were.
      expect(acknowledged.length).toBeGreaterThanOrEqual(100);
      expect(acknowledged.length).toBeLessThan(CREATIONS);

      const second = await startServer(dataDir);
      cleanups.push(() => second.child.kill("SIGKILL"));
      const missing: string[] = [];
      for (const id of acknowledged) {
        const response = await fetch(`${second.url}/api/permalinks/${id}`);
        if (response.status !== 200) missing.push(`${id}: ${response.status}`);
      }
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);
      expect(missing).toEqual([]);
    },
  );
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const SKIP_REASON = "PostgreSQL durability skipped: set TEST_DATABASE_URL to a postgres:// URL to run it";

describe.skipIf(databaseUrl === undefined)(
  databaseUrl === undefined ? SKIP_REASON : "durability on PostgreSQL",
  () => {
    const cleanups: (() => void)[] = [];
    afterEach(() => {
      for (const cleanup of cleanups.splice(0)) cleanup();
    });

    it(
      "keeps every link answered 201 when the server is killed with SIGKILL amid 500 creations and restarted",
      { timeout: 90_000 },
      async () => {
        // A schema of this run's own, so the count and the cleanup touch nothing else.
        const schema = `durability_${process.pid}_${Date.now()}`;
        const admin = new Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        try {
          const target = new URL(databaseUrl ?? "");
          target.searchParams.set("options", `-c search_path=${schema}`);
          const CREATIONS = 500;
          const { acknowledged, missing } = await killMidStream(target.toString(), CREATIONS, cleanups);
          expect(acknowledged.length).toBeGreaterThanOrEqual(100);
          expect(acknowledged.length).toBeLessThan(CREATIONS);
          expect(missing).toEqual([]);
        } finally {
          for (const cleanup of cleanups.splice(0)) cleanup();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        }
      },
    );
  },
);

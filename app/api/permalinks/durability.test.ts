import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PASTE } from "@/lib/store/testing/fixtures";

const SERVER = path.join(import.meta.dirname, "testing", "serve.ts");

/** Starts the permalink API in a child process on `dataDir`; resolves with its URL once it listens. */
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

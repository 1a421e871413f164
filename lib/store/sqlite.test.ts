import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { runStoreContract, type StoreHarness } from "./contract";
import { MIGRATIONS } from "./migrations";
import { openSqliteStore, SQLITE_FILE_NAME } from "./sqlite";
import { HOUR, makePermalink, PLANTED_KEY, T0 } from "./testing/fixtures";

const WRITER = path.join(import.meta.dirname, "testing", "sqlite-writer.ts");

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "triage-store-"));
}

/** Reads the database with a plain connection, as an operator would. */
function inspect<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function sqliteHarness(): StoreHarness {
  const root = tempDir();
  // A subdirectory that does not exist yet: the store must create it.
  const dataDir = path.join(root, "data");
  return {
    open: () => openSqliteStore({ dataDir }),
    rawPermalinkRow: async (id) =>
      inspect(
        dataDir,
        (db) => db.prepare("SELECT * FROM permalinks WHERE id = ?").get(id) as Record<string, unknown>,
      ),
    appliedMigrations: async () =>
      inspect(
        dataDir,
        (db) =>
          db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all() as number[],
      ),
    dispose: async () => rmSync(root, { recursive: true, force: true }),
  };
}

runStoreContract("sqlite", async () => sqliteHarness());

/** Runs the writer child; resolves with the ids it acknowledged once it exits or is killed. */
function runWriter(
  dataDir: string,
  count: number,
  killAfter?: number,
): Promise<{ ids: string[]; signal: string | null; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dataDir, String(count)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (killAfter !== undefined && out.split("\n").length - 1 >= killAfter) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      // Only whole lines: a line cut by the kill was never fully acknowledged.
      const ids = out.split("\n").slice(0, -1);
      resolve({ ids, signal, code, stderr });
    });
  });
}

describe("SQLite adapter", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("touches the disk only on first use, then creates the directory and the file", async () => {
    const dataDir = path.join(fresh(), "nested", "data");
    const store = openSqliteStore({ dataDir });
    expect(existsSync(dataDir)).toBe(false);
    expect(await store.get(makePermalink().record.id, T0)).toBeNull();
    expect(existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    await store.close();
  });

  it("runs in WAL mode, which a new connection reads back from the file", async () => {
    const dataDir = fresh();
    const store = openSqliteStore({ dataDir });
    await store.create(makePermalink().record);
    expect(inspect(dataDir, (db) => db.pragma("journal_mode", { simple: true }))).toBe("wal");
    await store.close();
  });

  it("writes neither the planted secret nor the delete token into any database file", async () => {
    const dataDir = fresh();
    const store = openSqliteStore({ dataDir });
    const { record, deleteToken } = makePermalink();
    await store.create(record);
    // Read while open, so the WAL and shared-memory files are there too.
    const bytes = readdirSync(dataDir).map((file) =>
      readFileSync(path.join(dataDir, file)).toString("latin1"),
    );
    expect(bytes.length).toBeGreaterThanOrEqual(2);
    const all = bytes.join("\n");
    expect(all).toContain(record.id);
    expect(all).not.toContain(PLANTED_KEY.slice(13, 40));
    expect(all).not.toContain(deleteToken);
    await store.close();
  });

  it("creates its directory 0700 and every database file 0600, whatever the umask", async () => {
    const dataDir = path.join(fresh(), "data");
    const previous = process.umask(0o000);
    try {
      const store = openSqliteStore({ dataDir });
      await store.create(makePermalink().record);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining([SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`]));
      for (const file of files) expect(statSync(path.join(dataDir, file)).mode & 0o777, file).toBe(0o600);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it("narrows the files of a database made before to 0600", async () => {
    const dataDir = fresh();
    const before = new Database(path.join(dataDir, SQLITE_FILE_NAME));
    before.close();
    expect(statSync(path.join(dataDir, SQLITE_FILE_NAME)).mode & 0o077).not.toBe(0);
    const store = openSqliteStore({ dataDir });
    expect(await store.get(makePermalink().record.id, T0)).toBeNull();
    expect(statSync(path.join(dataDir, SQLITE_FILE_NAME)).mode & 0o777).toBe(0o600);
    await store.close();
  });

  describe("leaves no text of a deleted or purged link in any file", () => {
    // A marker unique to one link, so the other link's bytes cannot hide a leftover.
    const MARKER = "zz-marker-of-the-removed-link-0f3c9a";
    const paste = `${MARKER}\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
    const filesContain = (dataDir: string, needle: string) =>
      readdirSync(dataDir).some((file) => readFileSync(path.join(dataDir, file)).includes(needle));

    it("after a delete, with the store still open", async () => {
      const dataDir = fresh();
      const store = openSqliteStore({ dataDir });
      const kept = makePermalink();
      const removed = makePermalink({ paste });
      await store.create(kept.record);
      await store.create(removed.record);
      expect(filesContain(dataDir, MARKER)).toBe(true);
      expect(await store.delete(removed.record.id, removed.record.deleteTokenHash, T0)).toBe("deleted");
      expect(filesContain(dataDir, MARKER)).toBe(false);
      expect(await store.get(kept.record.id, T0)).not.toBeNull();
      await store.close();
    });

    it("after a purge of expired links", async () => {
      const dataDir = fresh();
      const store = openSqliteStore({ dataDir });
      const removed = makePermalink({ paste, ttlMs: HOUR });
      const kept = makePermalink({ ttlMs: 48 * HOUR });
      await store.create(removed.record);
      await store.create(kept.record);
      expect(filesContain(dataDir, MARKER)).toBe(true);
      expect(await store.purgeExpired(new Date(T0.getTime() + 2 * HOUR))).toBe(1);
      expect(filesContain(dataDir, MARKER)).toBe(false);
      expect(await store.get(kept.record.id, T0)).not.toBeNull();
      await store.close();
    });
  });

  it(
    "keeps every acknowledged link when the writing process is killed with SIGKILL",
    { timeout: 30_000 },
    async () => {
      const dataDir = fresh();
      const run = await runWriter(dataDir, 1_000_000, 200);
      expect(run.signal).toBe("SIGKILL");
      expect(run.ids.length).toBeGreaterThanOrEqual(200);

      const store = openSqliteStore({ dataDir });
      const missing: string[] = [];
      for (const id of run.ids) if ((await store.get(id, T0)) === null) missing.push(id);
      expect(missing).toEqual([]);
      await store.close();
    },
  );

  it("lets several processes open one new database at the same moment", { timeout: 30_000 }, async () => {
    const dataDir = fresh();
    const runs = await Promise.all(Array.from({ length: 4 }, () => runWriter(dataDir, 20)));
    for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const ids = runs.flatMap((run) => run.ids);
    expect(ids).toHaveLength(80);
    expect(inspect(dataDir, (db) => db.prepare("SELECT count(*) FROM permalinks").pluck().get())).toBe(80);
    expect(
      inspect(dataDir, (db) =>
        db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all(),
      ),
    ).toEqual(MIGRATIONS.map((m) => m.version));
  });
});

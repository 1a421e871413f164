import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "./index";
import { makePermalink, T0 } from "./testing/fixtures";

describe("openStore", () => {
  it("uses SQLite under dataDir when no database URL is given", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "triage-open-"));
    try {
      for (const databaseUrl of [undefined, ""]) {
        const store = openStore({ databaseUrl, dataDir: path.join(root, String(databaseUrl)) });
        expect(store.kind).toBe("sqlite");
        const { record } = makePermalink();
        await store.create(record);
        expect(await store.get(record.id, T0)).toEqual(record);
        await store.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("uses PostgreSQL when a database URL is given, connecting nothing until first use", async () => {
    // Port 1 refuses connections: opening must not try, the first call must.
    const store = openStore({ databaseUrl: "postgres://postgres@127.0.0.1:1/none", dataDir: "/nonexistent" });
    expect(store.kind).toBe("postgres");
    await expect(store.get(makePermalink().record.id, T0)).rejects.toThrow(/ECONNREFUSED/);
    await store.close();
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diagnoseOffline } from "../report";
import type { StatusContext } from "../status/context";
import { hashDeleteToken } from "../store/ids";
import { openSqliteStore } from "../store/sqlite";
import { HOUR, PASTE, PLANTED_KEY, T0 } from "../store/testing/fixtures";
import type { PermalinkStore } from "../store/types";
import { createPermalink, redactedReport } from "./create";
import { deletePermalink } from "./delete";

const KEY_BODY = PLANTED_KEY.slice(13, 40);
const STATUS: StatusContext = {
  indicator: "minor",
  description: "Minor Service Outage",
  checkedAt: "2026-11-21T12:00:00.000Z",
  source: "live",
  components: [],
  activeIncidents: [],
  correlatedIncidents: [],
};
const deps = { now: T0, random: () => 0.5, status: null };

describe("redactedReport", () => {
  it("redacts before it diagnoses, so the report is the one of the redacted text", async () => {
    const { redactedText, report } = await redactedReport({ text: PASTE, occurredAt: null }, deps);
    expect(redactedText).not.toContain(KEY_BODY);
    expect(redactedText).toContain("[REDACTED:");
    expect(report).toEqual(diagnoseOffline(redactedText, { now: T0, random: () => 0.5 }));
    expect(JSON.stringify(report)).not.toContain(KEY_BODY);
    for (const signal of report.signals) expect(signal.end).toBeLessThanOrEqual(redactedText.length);
  });

  it("passes the error time and retry context through, and asks the status page for that time", async () => {
    const asked: unknown[] = [];
    const status = {
      getContext: async (request: unknown) => {
        asked.push(request);
        return STATUS;
      },
    };
    const { report } = await redactedReport(
      {
        text: PASTE,
        occurredAt: "2026-11-21T10:00:00Z",
        retryContext: { mode: "background", sideEffects: true },
      },
      { ...deps, status },
    );
    expect(report.evidence.occurredAt).toBe("2026-11-21T10:00:00.000Z");
    expect(report.retryContext).toEqual({ mode: "background", sideEffects: true });
    expect(report.statusContext).toEqual(STATUS);
    expect(asked).toEqual([expect.objectContaining({ occurredAt: "2026-11-21T10:00:00.000Z" })]);
  });
});

describe("createPermalink", () => {
  const roots: string[] = [];
  const stores: PermalinkStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  function freshStore(): { store: PermalinkStore; dataDir: string } {
    const dataDir = mkdtempSync(path.join(tmpdir(), "triage-create-"));
    roots.push(dataDir);
    const store = openSqliteStore({ dataDir });
    stores.push(store);
    return { store, dataDir };
  }

  it("stores the redacted text and its report, answering the token once", async () => {
    const { store } = freshStore();
    const created = await createPermalink(store, { text: PASTE, occurredAt: null, ttlMs: 2 * HOUR }, deps);
    expect(created.expiresAt).toBe("2026-11-21T14:00:00.000Z");
    const record = await store.get(created.id, T0);
    expect(record).toEqual({
      id: created.id,
      redactedText: created.redactedText,
      diagnosis: created.report,
      classifierVersion: created.report.classifierVersion,
      createdAt: "2026-11-21T12:00:00.000Z",
      expiresAt: created.expiresAt,
      deleteTokenHash: hashDeleteToken(created.deleteToken),
    });
    expect(JSON.stringify(record)).not.toContain(created.deleteToken);
  });

  it("leaves the planted secret in no database file", async () => {
    const { store, dataDir } = freshStore();
    const created = await createPermalink(store, { text: PASTE, occurredAt: null, ttlMs: HOUR }, deps);
    const bytes = readdirSync(dataDir)
      .map((file) => readFileSync(path.join(dataDir, file)).toString("latin1"))
      .join("\n");
    expect(bytes).toContain(created.id);
    expect(bytes).not.toContain(KEY_BODY);
    expect(bytes).not.toContain(created.deleteToken);
  });

  it("can be deleted with its token only, and reads as gone afterwards", async () => {
    const { store } = freshStore();
    const created = await createPermalink(store, { text: PASTE, occurredAt: null, ttlMs: HOUR }, deps);
    expect(await deletePermalink(store, created.id, "not-the-token", T0)).toBe("forbidden");
    expect(await deletePermalink(store, created.id, created.deleteToken, T0)).toBe("deleted");
    expect(await store.get(created.id, T0)).toBeNull();
    expect(await deletePermalink(store, created.id, created.deleteToken, T0)).toBe("not_found");
  });

  it("stores nothing when the store refuses", async () => {
    const failing = {
      create: async () => {
        throw new Error("disk full");
      },
    };
    await expect(
      createPermalink(failing, { text: PASTE, occurredAt: null, ttlMs: HOUR }, deps),
    ).rejects.toThrow("disk full");
  });
});

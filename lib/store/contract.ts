import { afterEach, describe, expect, it } from "vitest";
import { describeIncidentHistoryContract } from "../status/testing/history-contract";
import { fixtureIncidents } from "../status/testing/fixtures";
import { hashDeleteToken } from "./ids";
import { MIGRATIONS } from "./migrations";
import { HOUR, makePermalink, PLANTED_KEY, T0 } from "./testing/fixtures";
import { StoreClosedError, type PermalinkStore, type StoredPermalink } from "./types";

/** One empty database for one test, reachable through as many stores as the test opens. */
export interface StoreHarness {
  /** Another store on this database (its own connection), not yet opened. */
  open(): PermalinkStore;
  /** The permalink row exactly as the database holds it, keyed by column name. */
  rawPermalinkRow(id: string): Promise<Record<string, unknown> | undefined>;
  /** The versions in schema_migrations, ascending, duplicates included. */
  appliedMigrations(): Promise<number[]>;
  /** Removes the database; called after every store the test opened is closed. */
  dispose(): Promise<void>;
}

const PERMALINK_COLUMNS = [
  "classifier_version",
  "created_at",
  "delete_token_hash",
  "diagnosis",
  "expires_at",
  "id",
  "redacted_text",
];

/**
 * The behaviour every PermalinkStore adapter must show, registered as Vitest tests. `makeHarness`
 * gives each test a fresh, empty database.
 */
export function runStoreContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`PermalinkStore contract: ${name}`, () => {
    const opened: PermalinkStore[] = [];
    const harnesses: StoreHarness[] = [];

    /** A fresh database and a first store on it; both are cleaned up after the test. */
    async function fresh(): Promise<{
      harness: StoreHarness;
      open: () => PermalinkStore;
      store: PermalinkStore;
    }> {
      const harness = await makeHarness();
      harnesses.push(harness);
      const open = () => {
        const store = harness.open();
        opened.push(store);
        return store;
      };
      return { harness, open, store: open() };
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      for (const harness of harnesses.splice(0)) await harness.dispose();
    });

    describe("create and get", () => {
      it("reads back exactly the record it stored", async () => {
        const { store } = await fresh();
        const { record } = makePermalink();
        await store.create(record);
        expect(await store.get(record.id, T0)).toEqual(record);
      });

      it("answers null for an unknown id and for a string that is no id at all", async () => {
        const { store } = await fresh();
        await store.create(makePermalink().record);
        expect(await store.get(makePermalink().record.id, T0)).toBeNull();
        expect(await store.get("../../etc/passwd", T0)).toBeNull();
        expect(await store.get("", T0)).toBeNull();
      });

      it("refuses a second record with a taken id and keeps the first", async () => {
        const { store } = await fresh();
        const first = makePermalink().record;
        const impostor: StoredPermalink = { ...makePermalink().record, id: first.id };
        await store.create(first);
        await expect(store.create(impostor)).rejects.toThrow();
        expect(await store.get(first.id, T0)).toEqual(first);
      });

      it("refuses a record carrying the raw paste or any field the schema does not name", async () => {
        const { store } = await fresh();
        const { record } = makePermalink();
        const withPaste = { ...record, text: `x-api-key: ${PLANTED_KEY}` } as StoredPermalink;
        await expect(store.create(withPaste)).rejects.toThrow();
        expect(await store.get(record.id, T0)).toBeNull();
      });

      it("refuses a record that expires before it was created", async () => {
        const { store } = await fresh();
        const { record } = makePermalink();
        await expect(store.create({ ...record, expiresAt: record.createdAt })).rejects.toThrow(/expiresAt/);
      });

      it("hands out distinct ids, every one readable", async () => {
        const { store } = await fresh();
        const records = Array.from({ length: 100 }, () => makePermalink().record);
        expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
        for (const record of records) await store.create(record);
        for (const record of records) expect((await store.get(record.id, T0))?.id).toBe(record.id);
      });
    });

    describe("expiry", () => {
      it("stops answering at the expiry instant, not a millisecond earlier", async () => {
        const { store } = await fresh();
        const { record } = makePermalink({ ttlMs: HOUR });
        await store.create(record);
        const expiry = Date.parse(record.expiresAt);
        expect(await store.get(record.id, new Date(expiry - 1))).toEqual(record);
        expect(await store.get(record.id, new Date(expiry))).toBeNull();
      });

      it("purges only the expired records and counts them", async () => {
        const { harness, store } = await fresh();
        const short = [makePermalink({ ttlMs: HOUR }).record, makePermalink({ ttlMs: 2 * HOUR }).record];
        const long = makePermalink({ ttlMs: 48 * HOUR }).record;
        for (const record of [...short, long]) await store.create(record);

        expect(await store.purgeExpired(new Date(T0.getTime() + 2 * HOUR))).toBe(2);
        // Read with the creation time: a purged row is gone, not merely hidden by the expiry filter.
        for (const record of short) {
          expect(await store.get(record.id, T0)).toBeNull();
          expect(await harness.rawPermalinkRow(record.id)).toBeUndefined();
        }
        expect(await store.get(long.id, T0)).toEqual(long);
        expect(await store.purgeExpired(new Date(T0.getTime() + 2 * HOUR))).toBe(0);
      });
    });

    describe("delete", () => {
      it("deletes with the right token hash, after which the link is gone", async () => {
        const { harness, store } = await fresh();
        const { record, deleteToken } = makePermalink();
        await store.create(record);
        expect(await store.delete(record.id, hashDeleteToken(deleteToken), T0)).toBe("deleted");
        expect(await store.get(record.id, T0)).toBeNull();
        // The row itself is gone (no soft delete): a raw read of the table finds nothing either.
        expect(await harness.rawPermalinkRow(record.id)).toBeUndefined();
        expect(await store.delete(record.id, hashDeleteToken(deleteToken), T0)).toBe("not_found");
      });

      it("forbids a wrong token and keeps the link", async () => {
        const { store } = await fresh();
        const { record } = makePermalink();
        const other = makePermalink();
        await store.create(record);
        expect(await store.delete(record.id, hashDeleteToken(other.deleteToken), T0)).toBe("forbidden");
        expect(await store.delete(record.id, "not-a-hash", T0)).toBe("forbidden");
        expect(await store.get(record.id, T0)).toEqual(record);
      });

      it("answers not_found for an unknown id and for an expired link, whatever the token", async () => {
        const { store } = await fresh();
        const { record, deleteToken } = makePermalink({ ttlMs: HOUR });
        await store.create(record);
        const unknown = makePermalink();
        expect(await store.delete(unknown.record.id, hashDeleteToken(unknown.deleteToken), T0)).toBe(
          "not_found",
        );
        const later = new Date(Date.parse(record.expiresAt));
        expect(await store.delete(record.id, hashDeleteToken(deleteToken), later)).toBe("not_found");
        expect(await store.delete(record.id, hashDeleteToken("wrong"), later)).toBe("not_found");
      });
    });

    describe("what is stored", () => {
      it("holds the redacted text, the diagnosis and the token hash, never the secret or the token", async () => {
        const { store, harness } = await fresh();
        const { record, deleteToken } = makePermalink();
        await store.create(record);
        const row = await harness.rawPermalinkRow(record.id);
        expect(Object.keys(row ?? {}).sort()).toEqual(PERMALINK_COLUMNS);
        const raw = JSON.stringify(row);
        expect(raw).not.toContain(PLANTED_KEY.slice(13, 40));
        expect(raw).not.toContain(deleteToken);
        expect(raw).toContain(record.deleteTokenHash);
        expect(row?.redacted_text).toBe(record.redactedText);
        expect(record.redactedText).toContain("[REDACTED:");
      });
    });

    describe("opening", () => {
      it("migrates once however often the database is opened", async () => {
        const { harness, open, store } = await fresh();
        const { record } = makePermalink();
        await store.create(record);
        await store.close();
        const again = open();
        expect(await again.get(record.id, T0)).toEqual(record);
        await again.close();
        expect(await open().get(record.id, T0)).toEqual(record);
        expect(await harness.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
      });

      it("lets two stores start on one new database at the same moment", async () => {
        const { harness, open, store } = await fresh();
        const other = open();
        const a = makePermalink().record;
        const b = makePermalink().record;
        await Promise.all([store.create(a), other.create(b)]);
        expect(await store.get(b.id, T0)).toEqual(b);
        expect(await other.get(a.id, T0)).toEqual(a);
        expect(await harness.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
      });

      it("rejects every call once closed", async () => {
        const { store } = await fresh();
        const { record } = makePermalink();
        await store.create(record);
        await store.close();
        await store.close();
        await expect(store.get(record.id, T0)).rejects.toBeInstanceOf(StoreClosedError);
        await expect(store.create(makePermalink().record)).rejects.toBeInstanceOf(StoreClosedError);
      });
    });

    describe("incident history", () => {
      const ORIGIN = "https://status.claude.com";
      it("is idempotent: upserting the same incidents twice stores each once", async () => {
        const { store } = await fresh();
        await store.upsertIncidents(ORIGIN, fixtureIncidents("history"));
        await store.upsertIncidents(ORIGIN, fixtureIncidents("history"));
        const all = await store.incidentsBetween(
          ORIGIN,
          new Date("2026-01-01T00:00:00Z"),
          new Date("2027-01-01T00:00:00Z"),
        );
        expect(all.map((incident) => incident.id)).toEqual(
          fixtureIncidents("history").map((incident) => incident.id),
        );
      });

      it("shares its incidents with another store on the same database", async () => {
        const { open, store } = await fresh();
        await store.upsertIncidents(ORIGIN, fixtureIncidents("minor-incident"));
        const seen = await open().incidentsBetween(
          ORIGIN,
          new Date("2030-01-01T00:00:00Z"),
          new Date("2030-01-02T00:00:00Z"),
        );
        expect(seen.map((incident) => incident.id)).toEqual(["wghm6b8dc5r6"]);
      });

      describeIncidentHistoryContract(name, async () => (await fresh()).store);
    });
  });
}

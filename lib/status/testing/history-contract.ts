import { beforeEach, describe, expect, it } from "vitest";
import type { IncidentHistoryStore } from "../history";
import type { StatusIncident } from "../reading";
import { fixtureIncident, fixtureIncidents } from "./fixtures";

/** The page the contract's incidents are read from. */
const ORIGIN = "https://status.claude.com";
/** Another page (a local mock, say): it must never see the first one's incidents. */
const OTHER_ORIGIN = "http://127.0.0.1:4010";

/**
 * The behaviour every IncidentHistoryStore adapter must show; run it from each adapter's test
 * with a factory that returns an empty store.
 */
export function describeIncidentHistoryContract(
  name: string,
  makeStore: () => Promise<IncidentHistoryStore>,
): void {
  describe(`IncidentHistoryStore contract: ${name}`, () => {
    let store: IncidentHistoryStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    const day = (from: string, to: string) => [new Date(from), new Date(to)] as const;

    it("returns nothing before anything is stored", async () => {
      expect(
        await store.incidentsBetween(ORIGIN, ...day("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")),
      ).toEqual([]);
    });

    it("keeps every incident it is given and returns those overlapping the range, newest first", async () => {
      await store.upsertIncidents(ORIGIN, fixtureIncidents("history"));
      const all = await store.incidentsBetween(
        ORIGIN,
        ...day("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
      );
      expect(all).toHaveLength(15);
      expect(all.map((incident) => incident.id)).toEqual(
        fixtureIncidents("history").map((incident) => incident.id),
      );
      const mayDay = await store.incidentsBetween(
        ORIGIN,
        ...day("2026-05-02T13:50:00Z", "2026-05-02T13:50:00Z"),
      );
      expect(mayDay.map((incident) => incident.id)).toEqual(["4v33wuyiyo2q", "i2fknt6az5p8"]);
    });

    it("finds an incident by any moment of its span, including across midnight", async () => {
      await store.upsertIncidents(ORIGIN, fixtureIncidents("history"));
      const found = await store.incidentsBetween(
        ORIGIN,
        ...day("2026-04-19T23:59:00Z", "2026-04-20T00:00:05Z"),
      );
      expect(found.map((incident) => incident.id)).toEqual(["atpx9xbkk8ag"]);
      expect(
        await store.incidentsBetween(ORIGIN, ...day("2026-04-20T00:00:16Z", "2026-04-20T01:00:00Z")),
      ).toEqual([]);
    });

    it("treats an unresolved incident as active until now and beyond", async () => {
      await store.upsertIncidents(ORIGIN, fixtureIncidents("minor-incident"));
      const later = await store.incidentsBetween(
        ORIGIN,
        ...day("2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z"),
      );
      expect(later.map((incident) => incident.id)).toEqual(["wghm6b8dc5r6"]);
    });

    it("replaces a stored incident with a newer version and ignores an older one", async () => {
      const open = fixtureIncident("wghm6b8dc5r6", "minor-incident");
      const resolved: StatusIncident = {
        ...open,
        status: "resolved",
        resolvedAt: "2026-11-20T15:00:00.000Z",
        updatedAt: "2026-11-20T15:00:00.000Z",
      };
      await store.upsertIncidents(ORIGIN, [open]);
      await store.upsertIncidents(ORIGIN, [resolved]);
      await store.upsertIncidents(ORIGIN, [open]);
      const [stored] = await store.incidentsBetween(
        ORIGIN,
        ...day("2026-11-20T14:30:00Z", "2026-11-20T14:30:00Z"),
      );
      expect(stored?.status).toBe("resolved");
      expect(
        await store.incidentsBetween(ORIGIN, ...day("2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z")),
      ).toEqual([]);
    });

    it("keeps the components of an incident that a later version arrives without", async () => {
      const linked = fixtureIncident("i2fknt6az5p8", "history");
      const unlinked: StatusIncident = {
        ...linked,
        components: [],
        componentIds: [],
        updatedAt: "2026-05-02T15:00:00.000Z",
      };
      await store.upsertIncidents(ORIGIN, [linked]);
      await store.upsertIncidents(ORIGIN, [unlinked]);
      const [stored] = await store.incidentsBetween(
        ORIGIN,
        ...day("2026-05-02T13:30:00Z", "2026-05-02T13:30:00Z"),
      );
      expect(stored?.componentIds).toEqual(linked.componentIds);
      expect(stored?.components).toEqual(linked.components);
      expect(stored?.updatedAt).toBe("2026-05-02T15:00:00.000Z");
    });

    it("keeps each status page's incidents apart: a second origin never sees the first one's", async () => {
      await store.upsertIncidents(ORIGIN, fixtureIncidents("minor-incident"));
      const everything = day("2026-01-01T00:00:00Z", "2031-01-01T00:00:00Z");
      expect(await store.incidentsBetween(OTHER_ORIGIN, ...everything)).toEqual([]);
      expect(await store.openIncidents(OTHER_ORIGIN)).toEqual([]);
      // The same id on two pages is two records.
      const elsewhere = { ...fixtureIncident("wghm6b8dc5r6", "minor-incident"), name: "the mock's copy" };
      await store.upsertIncidents(OTHER_ORIGIN, [elsewhere]);
      const [mine] = await store.incidentsBetween(
        ORIGIN,
        ...day("2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z"),
      );
      expect(mine?.name).toBe("Elevated errors on Claude Opus 5.5");
      expect((await store.openIncidents(OTHER_ORIGIN)).map((i) => i.name)).toEqual(["the mock's copy"]);
    });

    it("lists the incidents stored without an end, and drops one once it is marked no longer listed", async () => {
      await store.upsertIncidents(ORIGIN, fixtureIncidents("minor-incident"));
      const open = await store.openIncidents(ORIGIN);
      expect(open.map((incident) => incident.id)).toEqual(["wghm6b8dc5r6"]);
      const unlisted: StatusIncident = { ...open[0]!, unlistedAt: "2026-11-20T16:00:00.000Z" };
      await store.upsertIncidents(ORIGIN, [unlisted]);
      expect(await store.openIncidents(ORIGIN)).toEqual([]);
      // Active up to the reading that dropped it, never after.
      const before = await store.incidentsBetween(
        ORIGIN,
        ...day("2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
      );
      expect(before.map((incident) => incident.unlistedAt)).toEqual(["2026-11-20T16:00:00.000Z"]);
      expect(
        await store.incidentsBetween(ORIGIN, ...day("2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z")),
      ).toEqual([]);
    });

    it("hands out copies: changing a result does not change the store", async () => {
      await store.upsertIncidents(ORIGIN, [fixtureIncident("i2fknt6az5p8", "history")]);
      const range = day("2026-05-02T13:30:00Z", "2026-05-02T13:30:00Z");
      const [first] = await store.incidentsBetween(ORIGIN, ...range);
      first?.components.push("tampered");
      const [again] = await store.incidentsBetween(ORIGIN, ...range);
      expect(again?.components).not.toContain("tampered");
    });
  });
}

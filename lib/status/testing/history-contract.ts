import { beforeEach, describe, expect, it } from "vitest";
import type { IncidentHistoryStore } from "../history";
import type { StatusIncident } from "../reading";
import { fixtureIncident, fixtureIncidents } from "./fixtures";

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
      expect(await store.incidentsBetween(...day("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))).toEqual(
        [],
      );
    });

    it("keeps every incident it is given and returns those overlapping the range, newest first", async () => {
      await store.upsertIncidents(fixtureIncidents("history"));
      const all = await store.incidentsBetween(...day("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
      expect(all).toHaveLength(15);
      expect(all.map((incident) => incident.id)).toEqual(
        fixtureIncidents("history").map((incident) => incident.id),
      );
      const mayDay = await store.incidentsBetween(...day("2026-05-02T13:50:00Z", "2026-05-02T13:50:00Z"));
      expect(mayDay.map((incident) => incident.id)).toEqual(["4v33wuyiyo2q", "i2fknt6az5p8"]);
    });

    it("finds an incident by any moment of its span, including across midnight", async () => {
      await store.upsertIncidents(fixtureIncidents("history"));
      const found = await store.incidentsBetween(...day("2026-04-19T23:59:00Z", "2026-04-20T00:00:05Z"));
      expect(found.map((incident) => incident.id)).toEqual(["atpx9xbkk8ag"]);
      expect(await store.incidentsBetween(...day("2026-04-20T00:00:16Z", "2026-04-20T01:00:00Z"))).toEqual(
        [],
      );
    });

    it("treats an unresolved incident as active until now and beyond", async () => {
      await store.upsertIncidents(fixtureIncidents("minor-incident"));
      const later = await store.incidentsBetween(...day("2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z"));
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
      await store.upsertIncidents([open]);
      await store.upsertIncidents([resolved]);
      await store.upsertIncidents([open]);
      const [stored] = await store.incidentsBetween(...day("2026-11-20T14:30:00Z", "2026-11-20T14:30:00Z"));
      expect(stored?.status).toBe("resolved");
      expect(await store.incidentsBetween(...day("2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z"))).toEqual(
        [],
      );
    });

    it("keeps the components of an incident that a later version arrives without", async () => {
      const linked = fixtureIncident("i2fknt6az5p8", "history");
      const unlinked: StatusIncident = {
        ...linked,
        components: [],
        componentIds: [],
        updatedAt: "2026-05-02T15:00:00.000Z",
      };
      await store.upsertIncidents([linked]);
      await store.upsertIncidents([unlinked]);
      const [stored] = await store.incidentsBetween(...day("2026-05-02T13:30:00Z", "2026-05-02T13:30:00Z"));
      expect(stored?.componentIds).toEqual(linked.componentIds);
      expect(stored?.components).toEqual(linked.components);
      expect(stored?.updatedAt).toBe("2026-05-02T15:00:00.000Z");
    });

    it("hands out copies: changing a result does not change the store", async () => {
      await store.upsertIncidents([fixtureIncident("i2fknt6az5p8", "history")]);
      const range = day("2026-05-02T13:30:00Z", "2026-05-02T13:30:00Z");
      const [first] = await store.incidentsBetween(...range);
      first?.components.push("tampered");
      const [again] = await store.incidentsBetween(...range);
      expect(again?.components).not.toContain("tampered");
    });
  });
}

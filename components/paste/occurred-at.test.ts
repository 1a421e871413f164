import { afterEach, describe, expect, it } from "vitest";
import { localDateTimeToIso, parseOccurredAt, pickerValueToText } from "./occurred-at";

// Node re-reads TZ when it changes, so each case can stand in for a user in another zone.
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("localDateTimeToIso", () => {
  it("keeps the wall-clock time and adds the zone's summer offset", () => {
    process.env.TZ = "Europe/Berlin";
    const iso = localDateTimeToIso("2026-05-02T15:30");
    expect(iso).toBe("2026-05-02T15:30:00+02:00");
    expect(new Date(iso ?? "").toISOString()).toBe("2026-05-02T13:30:00.000Z");
  });

  it("uses the offset in force on that date, not today's", () => {
    process.env.TZ = "America/New_York";
    expect(localDateTimeToIso("2026-01-13T09:05:07")).toBe("2026-01-13T09:05:07-05:00");
    expect(localDateTimeToIso("2026-07-13T09:05:07")).toBe("2026-07-13T09:05:07-04:00");
  });

  it("writes half-hour offsets and milliseconds", () => {
    process.env.TZ = "Asia/Kolkata";
    expect(localDateTimeToIso("2026-10-07T06:50:00.5")).toBe("2026-10-07T06:50:00.500+05:30");
  });

  it("reads UTC as +00:00", () => {
    process.env.TZ = "UTC";
    expect(localDateTimeToIso("2026-04-19T23:59")).toBe("2026-04-19T23:59:00+00:00");
  });

  it.each(["", "2026-05-02", "2026-05-02 15:30", "2026-02-30T10:00", "15:30", "2026-05-02T15:30Z"])(
    "refuses %j",
    (value) => {
      expect(localDateTimeToIso(value)).toBeNull();
    },
  );
});

describe("parseOccurredAt", () => {
  const now = Date.parse("2026-12-06T14:15:00Z");

  it("leaves an empty field to the paste's own time", () => {
    expect(parseOccurredAt("   ", now)).toEqual({ ok: true, iso: null });
  });

  it("reads relative times back from now", () => {
    expect(parseOccurredAt("10 min ago", now)).toEqual({ ok: true, iso: "2026-12-06T14:05:00.000Z" });
    expect(parseOccurredAt("2 hours ago", now)).toEqual({ ok: true, iso: "2026-12-06T12:15:00.000Z" });
    expect(parseOccurredAt("90s ago", now)).toEqual({ ok: true, iso: "2026-12-06T14:13:30.000Z" });
    expect(parseOccurredAt("3 d ago", now)).toEqual({ ok: true, iso: "2026-12-03T14:15:00.000Z" });
    expect(parseOccurredAt("now", now)).toEqual({ ok: true, iso: "2026-12-06T14:15:00.000Z" });
  });

  it("reads ISO times with a zone as written", () => {
    expect(parseOccurredAt("2026-12-06T13:00Z", now)).toEqual({ ok: true, iso: "2026-12-06T13:00:00.000Z" });
    expect(parseOccurredAt("2026-12-06 14:00:00+0100", now)).toEqual({
      ok: true,
      iso: "2026-12-06T13:00:00.000Z",
    });
  });

  it("reads a time without a zone in the user's zone", () => {
    process.env.TZ = "Europe/Berlin";
    expect(parseOccurredAt("2026-12-06 14:00", now)).toEqual({ ok: true, iso: "2026-12-06T13:00:00.000Z" });
  });

  it("refuses the future, impossible dates and free text, saying what it accepts", () => {
    expect(parseOccurredAt("2026-12-06T15:00Z", now)).toMatchObject({ ok: false, error: /future/ });
    expect(parseOccurredAt("2026-02-30 10:00", now)).toMatchObject({ ok: false, error: /does not exist/ });
    expect(parseOccurredAt("last tuesday", now)).toMatchObject({ ok: false, error: /10 min ago/ });
  });
});

describe("pickerValueToText", () => {
  it("writes the picker's value the way the field reads it", () => {
    expect(pickerValueToText("2026-12-06T14:15")).toBe("2026-12-06 14:15");
  });
});

import { describe, expect, it } from "vitest";
import { parseResumeAt, readResumeAt } from "./resume-at";

// A fixed clock that must never be used when occurredAt is given.
const NOW = new Date("2031-01-01T00:00:00Z");

describe("parseResumeAt: spend limits and the tier spend cap", () => {
  it("reads 'regain access on <date> at <time> UTC'", () => {
    const message =
      "You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization's API tier. You will regain access on 2026-12-01 at 00:00 UTC.";
    expect(parseResumeAt(message, "2026-11-21T10:00:00Z", NOW)).toBe("2026-12-01T00:00:00.000Z");
  });

  it("reads the user-set limit of claude-code#2127, whatever time the error happened", () => {
    const message =
      "You have reached your specified API usage limits. You will regain access on 2025-07-01 at 00:00 UTC.";
    expect(parseResumeAt(message, null, NOW)).toBe("2025-07-01T00:00:00.000Z");
  });

  it("reads a non-midnight UTC time", () => {
    expect(parseResumeAt("You will regain access on 2026-12-01 at 13:30 UTC.", null, NOW)).toBe(
      "2026-12-01T13:30:00.000Z",
    );
  });
});

describe("parseResumeAt: Claude plan limits", () => {
  it("reads the epoch after 'usage limit reached|'", () => {
    expect(parseResumeAt("Claude AI usage limit reached|1762952400", null, NOW)).toBe(
      "2025-11-12T13:00:00.000Z",
    );
  });

  it("reads an hour in a named IANA zone, relative to occurredAt", () => {
    // Santiago is UTC-3 in November (summer time), so 3pm there is 18:00 UTC.
    const reading = readResumeAt(
      "Claude usage limit reached. Your limit will reset at 3pm (America/Santiago).",
      "2026-11-21T14:00:00Z",
      NOW,
    );
    expect(reading).toEqual({
      at: "2026-11-21T18:00:00.000Z",
      zone: "America/Santiago",
      localTimeAssumed: false,
    });
  });

  it("moves to the next day when the named hour has passed", () => {
    expect(
      parseResumeAt("Your limit will reset at 3pm (America/Santiago).", "2026-11-21T19:00:00Z", NOW),
    ).toBe("2026-11-22T18:00:00.000Z");
  });

  it("follows daylight saving time in the named zone", () => {
    // Los Angeles: UTC-7 in July, UTC-8 in December.
    const message = "You're out of extra usage · resets 1pm (America/Los_Angeles)";
    expect(parseResumeAt(message, "2026-07-10T12:00:00Z", NOW)).toBe("2026-07-10T20:00:00.000Z");
    expect(parseResumeAt(message, "2026-12-10T12:00:00Z", NOW)).toBe("2026-12-10T21:00:00.000Z");
  });

  it("reads 'resets 3:45pm' without a zone as the next such wall time after occurredAt, in its offset", () => {
    const reading = readResumeAt(
      "You've hit your session limit · resets 3:45pm",
      "2026-11-21T10:00:00-03:00",
      NOW,
    );
    expect(reading).toEqual({ at: "2026-11-21T18:45:00.000Z", zone: null, localTimeAssumed: true });
  });

  it("reads a zone-less time in UTC when occurredAt has no offset", () => {
    expect(parseResumeAt("5-hour limit reached ∙ resets 2am", "2026-11-21T10:00:00", NOW)).toBe(
      "2026-11-22T02:00:00.000Z",
    );
  });

  it("reads 'resets Mon 12:00am' as the next Monday midnight", () => {
    // 2026-11-21 is a Saturday.
    expect(
      parseResumeAt("You've hit your weekly limit · resets Mon 12:00am", "2026-11-21T10:00:00Z", NOW),
    ).toBe("2026-11-23T00:00:00.000Z");
  });

  it("reads 'resets Mon' on a Monday after that hour as next week's Monday", () => {
    expect(parseResumeAt("resets Mon 12:00am", "2026-11-23T09:00:00Z", NOW)).toBe("2026-11-30T00:00:00.000Z");
  });

  it("reads 12pm as noon", () => {
    expect(parseResumeAt("resets 12pm", "2026-11-21T10:00:00Z", NOW)).toBe("2026-11-21T12:00:00.000Z");
  });

  it("uses now when occurredAt is missing or unreadable", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    expect(parseResumeAt("resets 2am", null, now)).toBe("2026-11-22T02:00:00.000Z");
    expect(parseResumeAt("resets 2am", "yesterday-ish", now)).toBe("2026-11-22T02:00:00.000Z");
  });

  it("falls back to the local-time assumption when the zone in brackets is not a real zone", () => {
    const reading = readResumeAt("resets 1pm (Mars/Olympus_Mons)", "2026-11-21T10:00:00Z", NOW);
    expect(reading).toEqual({ at: "2026-11-21T13:00:00.000Z", zone: null, localTimeAssumed: true });
  });
});

describe("parseResumeAt: near misses", () => {
  it.each([
    ["no message", null],
    [
      "a rate limit without a time",
      "This request would exceed your account's rate limit. Please try again later.",
    ],
    ["a bare number after resets", "the counter resets 15 times a day"],
    ["an impossible hour", "resets 13pm"],
    ["an impossible minute", "resets 3:75pm"],
  ])("returns null for %s", (_, message) => {
    expect(parseResumeAt(message, "2026-11-21T10:00:00Z", NOW)).toBeNull();
  });

  it("does not read 'resets 12:00 at noon' as am", () => {
    expect(parseResumeAt("resets 12:00 at noon", "2026-11-21T10:00:00Z", NOW)).toBe(
      "2026-11-21T12:00:00.000Z",
    );
  });

  it("stays fast on a megabyte of near-matches", () => {
    const text = "resets Mon ".repeat(100_000);
    const started = performance.now();
    expect(parseResumeAt(text, "2026-11-21T10:00:00Z", NOW)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

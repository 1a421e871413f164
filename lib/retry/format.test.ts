import { describe, expect, it } from "vitest";
import { formatDuration, formatInstant } from "./format";

describe("formatDuration", () => {
  it.each([
    [500, "0.5 s"],
    [1_500, "1.5 s"],
    [45_000, "45 s"],
    [60_000, "1 min"],
    [182_000, "3 min 2 s"],
    [7_500_000, "2 h 5 min"],
  ])("%i ms reads as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatInstant", () => {
  it("drops zero seconds and keeps the others", () => {
    expect(formatInstant("2026-12-01T00:00:00.000Z")).toBe("2026-12-01 00:00 UTC");
    expect(formatInstant("2026-11-21T10:00:45.000Z")).toBe("2026-11-21 10:00:45 UTC");
  });

  it("returns text that is not a time unchanged", () => {
    expect(formatInstant("soon")).toBe("soon");
  });
});

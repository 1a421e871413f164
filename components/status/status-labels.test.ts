import { describe, expect, it } from "vitest";
import { formatUtc, formatUtcSpan } from "./status-labels";

describe("formatUtc", () => {
  it("writes the instant in UTC whatever offset it was given in", () => {
    expect(formatUtc("2026-05-02T13:20:07.000Z")).toBe("2 May 2026, 13:20 UTC");
    expect(formatUtc("2019-02-20T12:00:19.418-06:00")).toBe("20 Feb 2019, 18:00 UTC");
  });

  it("says so for a missing or unparseable time", () => {
    expect(formatUtc(null)).toBe("unknown time");
    expect(formatUtc("not a date")).toBe("unknown time");
  });
});

describe("formatUtcSpan", () => {
  it("names the day once for a span within one UTC day", () => {
    expect(formatUtcSpan("2026-05-02T13:20:07Z", "2026-05-02T14:05:12Z")).toBe("2 May 2026, 13:20–14:05 UTC");
  });

  it("writes both days for a span over midnight", () => {
    expect(formatUtcSpan("2026-04-19T22:44:32Z", "2026-04-20T00:00:15Z")).toBe(
      "19 Apr 2026, 22:44 UTC – 20 Apr 2026, 00:00 UTC",
    );
  });

  it("marks an unresolved incident as ongoing", () => {
    expect(formatUtcSpan("2026-11-20T14:02:00Z", null)).toBe("20 Nov 2026, 14:02 UTC – ongoing");
  });
});

import { describe, expect, it } from "vitest";
import { parseRateLimit, parseTrustProxy, resolvePermalinkConfig } from "./config";

describe("parseRateLimit", () => {
  it("reads points per window in seconds, minutes or hours", () => {
    expect(parseRateLimit("20/60s")).toEqual({ points: 20, durationMs: 60_000 });
    expect(parseRateLimit(" 3/2m ")).toEqual({ points: 3, durationMs: 120_000 });
    expect(parseRateLimit("100/1h")).toEqual({ points: 100, durationMs: 3_600_000 });
  });

  it("refuses zero, missing units and other spellings", () => {
    for (const value of ["0/60s", "20/0s", "20/60", "20 / 60s", "20/60d", "-1/60s", "1.5/60s", "", "20"])
      expect(parseRateLimit(value), value).toBeNull();
  });
});

describe("parseTrustProxy", () => {
  it("reads true as one proxy, false as none and a hop count as itself", () => {
    expect(parseTrustProxy("true")).toBe(1);
    expect(parseTrustProxy("FALSE")).toBe(0);
    expect(parseTrustProxy("0")).toBe(0);
    expect(parseTrustProxy("2")).toBe(2);
  });

  it("refuses anything else, and absurd chains", () => {
    for (const value of ["yes", "on", "-1", "11", "1.5", "loopback"])
      expect(parseTrustProxy(value), value).toBeNull();
  });
});

describe("resolvePermalinkConfig", () => {
  it("keeps only the origin of PUBLIC_BASE_URL and refuses one with a path", () => {
    expect(resolvePermalinkConfig({ PUBLIC_BASE_URL: "http://127.0.0.1:3000" }).publicBaseUrl).toBe(
      "http://127.0.0.1:3000",
    );
    expect(() => resolvePermalinkConfig({ PUBLIC_BASE_URL: "https://example.com/triage" })).toThrow(
      /PUBLIC_BASE_URL must be an origin/,
    );
    expect(() => resolvePermalinkConfig({ PUBLIC_BASE_URL: "javascript:alert(1)" })).toThrow(
      /PUBLIC_BASE_URL/,
    );
  });

  it("treats blank values as unset", () => {
    expect(
      resolvePermalinkConfig({ PUBLIC_BASE_URL: " ", TRUST_PROXY: "", PERMALINK_RATE_LIMIT: " " }),
    ).toEqual(resolvePermalinkConfig({}));
  });

  it("reads ALLOWED_HOSTS as a lower-case list and refuses a URL or a path in it", () => {
    expect(
      resolvePermalinkConfig({ ALLOWED_HOSTS: "Triage.Example.com, 127.0.0.1:3000" }).allowedHosts,
    ).toEqual(["triage.example.com", "127.0.0.1:3000"]);
    expect(resolvePermalinkConfig({}).allowedHosts).toEqual([]);
    for (const bad of ["https://triage.example.com", "triage.example.com/x", "a b"])
      expect(() => resolvePermalinkConfig({ ALLOWED_HOSTS: bad }), bad).toThrow(/ALLOWED_HOSTS/);
  });

  it("has separate, more generous limits for reads, re-runs and preview images", () => {
    const config = resolvePermalinkConfig({ RERUN_RATE_LIMIT: "5/1m" });
    expect(config.readRateLimit).toEqual({ points: 120, durationMs: 60_000 });
    expect(config.rerunRateLimit).toEqual({ points: 5, durationMs: 60_000 });
    expect(config.previewRateLimit).toEqual({ points: 60, durationMs: 60_000 });
    expect(() => resolvePermalinkConfig({ READ_RATE_LIMIT: "lots" })).toThrow(/READ_RATE_LIMIT/);
  });
});

import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment parsing", () => {
  it("defaults to the embedded store under ./data and the public status page", () => {
    expect(parseEnv({})).toMatchObject({
      DATA_DIR: "./data",
      DATABASE_URL: undefined,
      status: { baseUrl: "https://status.claude.com" },
    });
  });
  it("takes a PostgreSQL URL and treats a blank one as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@h:5432/db" }).DATABASE_URL).toBe("postgres://u@h:5432/db");
    expect(parseEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
  });
  it("fails with a message naming the bad variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ STATUS_PAGE_URL: "not a url" })).toThrow(/STATUS_PAGE_URL/);
  });
  it("reads the permalink settings, defaulting to untrusted forwarding headers and 20 links a minute", () => {
    expect(parseEnv({}).permalinks).toMatchObject({
      publicBaseUrl: null,
      allowedHosts: [],
      trustProxyHops: 0,
      rateLimit: { points: 20, durationMs: 60_000 },
    });
    expect(
      parseEnv({
        PUBLIC_BASE_URL: "https://triage.example.com/",
        TRUST_PROXY: "true",
        PERMALINK_RATE_LIMIT: "5/1m",
      }).permalinks,
    ).toMatchObject({
      publicBaseUrl: "https://triage.example.com",
      trustProxyHops: 1,
      rateLimit: { points: 5, durationMs: 60_000 },
    });
  });
  it.each([
    [{ PUBLIC_BASE_URL: "triage.example.com" }, /PUBLIC_BASE_URL/],
    [{ TRUST_PROXY: "yes" }, /TRUST_PROXY/],
    [{ PERMALINK_RATE_LIMIT: "20 per minute" }, /PERMALINK_RATE_LIMIT/],
  ])("fails on %o naming the permalink variable", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(variable);
  });
  it("reads the server's address, body deadline and diagnosis pool, and knows production", () => {
    expect(parseEnv({})).toMatchObject({
      PORT: 3000,
      HOSTNAME: "0.0.0.0",
      BODY_TIMEOUT_MS: 15_000,
      DIAGNOSE_QUEUE: 8,
      production: false,
    });
    expect(parseEnv({ NODE_ENV: "production", PORT: "3113", DIAGNOSE_WORKERS: "2" })).toMatchObject({
      PORT: 3113,
      DIAGNOSE_WORKERS: 2,
      production: true,
    });
    expect(() => parseEnv({ BODY_TIMEOUT_MS: "500" })).toThrow(/BODY_TIMEOUT_MS/);
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
  });
});

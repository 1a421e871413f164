import { describe, expect, it } from "vitest";
import { DEFAULT_STATUS_PAGE_URL, resolveStatusConfig } from "./env";

describe("resolveStatusConfig", () => {
  it("defaults to the public Claude status page", () => {
    expect(resolveStatusConfig({})).toEqual({ baseUrl: DEFAULT_STATUS_PAGE_URL });
    expect(resolveStatusConfig({ STATUS_PAGE_URL: "  " })).toEqual({ baseUrl: "https://status.claude.com" });
  });

  it("takes STATUS_PAGE_URL without its trailing slash", () => {
    expect(resolveStatusConfig({ STATUS_PAGE_URL: "http://127.0.0.1:4010/" })).toEqual({
      baseUrl: "http://127.0.0.1:4010",
    });
  });

  it("reads the optional TTL and timeout", () => {
    expect(resolveStatusConfig({ STATUS_CACHE_TTL_MS: "0", STATUS_TIMEOUT_MS: "500" })).toEqual({
      baseUrl: DEFAULT_STATUS_PAGE_URL,
      ttlMs: 0,
      timeoutMs: 500,
    });
  });

  it.each([
    [{ STATUS_PAGE_URL: "status.claude.com" }, /STATUS_PAGE_URL/],
    [{ STATUS_PAGE_URL: "ftp://status.claude.com" }, /STATUS_PAGE_URL/],
    [{ STATUS_CACHE_TTL_MS: "-1" }, /STATUS_CACHE_TTL_MS/],
    [{ STATUS_TIMEOUT_MS: "0" }, /STATUS_TIMEOUT_MS/],
    [{ STATUS_TIMEOUT_MS: "soon" }, /STATUS_TIMEOUT_MS/],
  ])("rejects %o naming the variable", (env, variable) => {
    expect(() => resolveStatusConfig(env)).toThrow(variable);
  });
});

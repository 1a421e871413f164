import { describe, expect, it } from "vitest";
import { linkOrigin, permalinkUrl, privateLinkUrl, requestOrigin, type LinkOriginConfig } from "./url";

const headers = (values: Record<string, string>) => new Headers(values);

describe("link URLs", () => {
  it("put stored links under /d/ and private data in the fragment of /p", () => {
    expect(permalinkUrl("https://t.example", "abc")).toBe("https://t.example/d/abc");
    expect(privateLinkUrl("https://t.example", "eJw")).toBe("https://t.example/p#eJw");
  });
});

describe("requestOrigin", () => {
  it("builds the origin from Host and X-Forwarded-Proto", () => {
    expect(requestOrigin(headers({ host: "127.0.0.1:3204", "x-forwarded-proto": "http" }))).toBe(
      "http://127.0.0.1:3204",
    );
    expect(requestOrigin(headers({ host: "Triage.Example.com", "x-forwarded-proto": "https, http" }))).toBe(
      "https://triage.example.com",
    );
    expect(requestOrigin(headers({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });

  it("answers null for a missing or malformed Host", () => {
    expect(requestOrigin(headers({}))).toBeNull();
    for (const host of ["evil.example/path", "a b", "x@y", "host:port"])
      expect(requestOrigin(headers({ host })), host).toBeNull();
  });
});

describe("linkOrigin", () => {
  const base: LinkOriginConfig = {
    publicBaseUrl: null,
    allowedHosts: [],
    production: true,
    hostname: "127.0.0.1",
    port: 3000,
  };
  const evil = headers({ host: "evil.example", "x-forwarded-proto": "https" });

  it("uses PUBLIC_BASE_URL whatever the Host", () => {
    expect(linkOrigin(evil, { ...base, publicBaseUrl: "https://triage.example.com" })).toBe(
      "https://triage.example.com",
    );
  });

  it("answers an allowed Host with itself and an unknown one with the first allowed, never an echo", () => {
    const config = { ...base, allowedHosts: ["triage.example.com", "triage.internal:8080"] };
    expect(linkOrigin(headers({ host: "triage.internal:8080" }), config)).toBe("http://triage.internal:8080");
    expect(linkOrigin(evil, config)).toBe("https://triage.example.com");
    expect(linkOrigin(headers({}), config)).toBe("http://triage.example.com");
  });

  it("in production without either, builds on the server's own address, not on the Host", () => {
    expect(linkOrigin(evil, base)).toBe("http://127.0.0.1:3000");
    expect(linkOrigin(evil, { ...base, hostname: "0.0.0.0", port: 8080 })).toBe("http://localhost:8080");
    expect(linkOrigin(evil, { ...base, hostname: "::1" })).toBe("http://[::1]:3000");
  });

  it("in development follows the Host, for a dev server reached by any name", () => {
    expect(linkOrigin(evil, { ...base, production: false })).toBe("https://evil.example");
  });
});

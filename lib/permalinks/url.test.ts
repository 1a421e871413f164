import { describe, expect, it } from "vitest";
import { permalinkUrl, privateLinkUrl, requestOrigin } from "./url";

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

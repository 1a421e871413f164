import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  STATIC_SECURITY_HEADERS,
  contentSecurityPolicy,
  newNonce,
} from "./headers";

const directive = (policy: string, name: string): string =>
  policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("the page's Content-Security-Policy", () => {
  const policy = contentSecurityPolicy("abc123==", { dev: false });

  it("runs only scripts that carry the request's nonce, never inline or eval'd code", () => {
    const scripts = directive(policy, "script-src");
    expect(scripts).toContain("'nonce-abc123=='");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "form-action")).toBe("form-action 'self'");
  });

  it("allows eval only for React's development build", () => {
    expect(directive(contentSecurityPolicy("n", { dev: true }), "script-src")).toContain("'unsafe-eval'");
  });
});

describe("other security headers", () => {
  it("makes API responses inert documents", () => {
    expect(API_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });
  it("sets nosniff, no framing, a referrer policy and a permissions policy", () => {
    const keys = STATIC_SECURITY_HEADERS.map((h) => h.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Referrer-Policy",
        "Permissions-Policy",
      ]),
    );
  });
  it("draws a fresh 128-bit nonce each time", () => {
    const a = newNonce(randomBytes);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce(randomBytes)).not.toBe(a);
  });
});

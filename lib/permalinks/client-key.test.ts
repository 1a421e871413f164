import { describe, expect, it } from "vitest";
import { clientKey as keyOf, requestClientKey, SHARED_CLIENT_KEY } from "./client-key";

/** The key for a header alone (no socket address known). */
const clientKey = (forwardedFor: string | null, hops: number) =>
  keyOf({ socketAddress: null, forwardedFor }, hops);

describe("clientKey", () => {
  it("ignores X-Forwarded-For unless proxies are trusted: a client could forge it", () => {
    expect(clientKey("203.0.113.9", 0)).toBe(SHARED_CLIENT_KEY);
    expect(clientKey(null, 1)).toBe(SHARED_CLIENT_KEY);
  });

  it("tells clients apart by the socket's address when no proxy is trusted, whatever they forward", () => {
    const a = keyOf({ socketAddress: "198.51.100.7", forwardedFor: "203.0.113.9" }, 0);
    const b = keyOf({ socketAddress: "198.51.100.8", forwardedFor: "203.0.113.9" }, 0);
    expect(a).toBe("198.51.100.7");
    expect(b).toBe("198.51.100.8");
    expect(keyOf({ socketAddress: "::ffff:127.0.0.1", forwardedFor: null }, 0)).toBe("127.0.0.1");
    expect(keyOf({ socketAddress: "2001:db8::5", forwardedFor: null }, 0)).toBe("2001:db8:0:0::/64");
  });

  it("behind trusted proxies reads the header, and the socket when the header is missing", () => {
    expect(keyOf({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.9" }, 1)).toBe("203.0.113.9");
    expect(keyOf({ socketAddress: "10.0.0.2", forwardedFor: null }, 1)).toBe("10.0.0.2");
  });

  it("reads the front door's address header from a request", () => {
    const headers = new Headers({ "x-triage-client-address": "198.51.100.7", "x-forwarded-for": "1.1.1.1" });
    expect(requestClientKey(headers, 0)).toBe("198.51.100.7");
    expect(requestClientKey(headers, 1)).toBe("1.1.1.1");
  });

  it("takes the entry that many hops from the right, so forged entries on the left do not count", () => {
    expect(clientKey("203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientKey("1.2.3.4, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientKey("1.2.3.4, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientKey("203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it("groups an IPv6 client by its /64 and reads IPv4-mapped addresses as IPv4", () => {
    expect(clientKey("2001:db8:85a3:0042:1000:8a2e:370:7334", 1)).toBe("2001:db8:85a3:42::/64");
    expect(clientKey("2001:db8::1", 1)).toBe("2001:db8:0:0::/64");
    expect(clientKey("2001:db8::2", 1)).toBe(clientKey("2001:db8::ffff", 1));
    expect(clientKey("::ffff:203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("falls back to the shared bucket for anything that is no address", () => {
    for (const header of ["", " , ", "unknown", "evil.example", "<script>"])
      expect(clientKey(header, 1), header).toBe(SHARED_CLIENT_KEY);
  });

  it("reads only the tail of an enormous header", () => {
    const header = `${"9.9.9.9, ".repeat(100_000)}203.0.113.9`;
    expect(clientKey(header, 1)).toBe("203.0.113.9");
  });
});

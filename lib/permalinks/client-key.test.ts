import { describe, expect, it } from "vitest";
import { clientKey, SHARED_CLIENT_KEY } from "./client-key";

describe("clientKey", () => {
  it("ignores X-Forwarded-For unless proxies are trusted: a client could forge it", () => {
    expect(clientKey("203.0.113.9", 0)).toBe(SHARED_CLIENT_KEY);
    expect(clientKey(null, 1)).toBe(SHARED_CLIENT_KEY);
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

import { isIP } from "node:net";

/** The one bucket for requests whose client cannot be told (no readable address). */
export const SHARED_CLIENT_KEY = "all-clients";

/** More entries than any real proxy chain adds; the rest of a long header is ignored. */
const MAX_ENTRIES = 32;

/** The first four groups of an IPv6 address: one client owns a whole /64 and can rotate inside it. */
function ipv6Prefix(address: string): string {
  const [head = "", tail = ""] = address.split("::", 2);
  const left = head === "" ? [] : head.split(":");
  const right = address.includes("::") && tail !== "" ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0{1,3}(?=.)/, ""))
    .join(":")}::/64`;
}

/** The header the front door (lib/security/front-door.ts) sets to the socket's peer address on every request. */
export const CLIENT_ADDRESS_HEADER = "x-triage-client-address";

/** One address as a rate-limit key: IPv4 as is, IPv6 by its /64, an IPv4-mapped IPv6 as its IPv4. */
function addressKey(candidate: string): string | null {
  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version === 6) {
    // An IPv4 client seen through a dual-stack socket (::ffff:203.0.113.9) is that IPv4 client.
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(candidate)?.[1];
    return mapped ?? ipv6Prefix(candidate);
  }
  return null;
}

/** Where a request came from, as the server saw it. */
export type ClientOrigin = {
  /** The socket's peer address (the front door's CLIENT_ADDRESS_HEADER); null when nothing set it. */
  socketAddress: string | null;
  /** The X-Forwarded-For header as received. */
  forwardedFor: string | null;
};

/**
 * Who is asking, for rate limiting. Without trusted proxies it is the socket's peer address, which a client
 * cannot forge. Behind `trustProxyHops` proxies that append to X-Forwarded-For, it is the entry that many
 * places from the right (entries a client forged sit further left), and the socket address when the header
 * is missing. Anything unreadable falls back to one shared bucket.
 */
export function clientKey({ socketAddress, forwardedFor }: ClientOrigin, trustProxyHops: number): string {
  const fromSocket = socketAddress === null ? null : addressKey(socketAddress.trim());
  if (trustProxyHops <= 0 || forwardedFor === null) return fromSocket ?? SHARED_CLIENT_KEY;
  const entries = forwardedFor
    .slice(-MAX_ENTRIES * 64)
    .split(",")
    .slice(-MAX_ENTRIES)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  // Fewer entries than trusted hops: the far end of the chain is the best that is known.
  const candidate = entries[Math.max(0, entries.length - trustProxyHops)];
  if (candidate === undefined) return fromSocket ?? SHARED_CLIENT_KEY;
  return addressKey(candidate) ?? SHARED_CLIENT_KEY;
}

/** The client of a request, from its headers (the front door's address header and X-Forwarded-For). */
export function requestClientKey(
  headers: { get(name: string): string | null },
  trustProxyHops: number,
): string {
  return clientKey(
    { socketAddress: headers.get(CLIENT_ADDRESS_HEADER), forwardedFor: headers.get("x-forwarded-for") },
    trustProxyHops,
  );
}

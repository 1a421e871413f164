import { isIP } from "node:net";

/** The one bucket every client shares when no proxy is trusted to name them. */
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

/**
 * Who is asking, for rate limiting. Route handlers never see the socket address, and Next.js keeps an
 * X-Forwarded-For the client sent, so the header counts only behind `trustProxyHops` proxies that
 * append to it: the client is then the entry that many places from the right. Without trusted
 * proxies every client shares one bucket, which a client cannot escape by forging the header.
 */
export function clientKey(forwardedFor: string | null, trustProxyHops: number): string {
  if (trustProxyHops <= 0 || forwardedFor === null) return SHARED_CLIENT_KEY;
  const entries = forwardedFor
    .slice(-MAX_ENTRIES * 64)
    .split(",")
    .slice(-MAX_ENTRIES)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  // Fewer entries than trusted hops: the far end of the chain is the best that is known.
  const candidate = entries[Math.max(0, entries.length - trustProxyHops)];
  if (candidate === undefined) return SHARED_CLIENT_KEY;
  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version === 6) {
    // An IPv4 client seen through a dual-stack socket (::ffff:203.0.113.9) is that IPv4 client.
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(candidate)?.[1];
    return mapped ?? ipv6Prefix(candidate);
  }
  return SHARED_CLIENT_KEY;
}

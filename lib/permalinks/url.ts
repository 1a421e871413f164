/** Where a stored link is read. */
export function permalinkUrl(origin: string, id: string): string {
  return `${origin}/d/${id}`;
}

/** A private link: the data rides in the fragment, which browsers never send to the server. */
export function privateLinkUrl(origin: string, data: string): string {
  return `${origin}/p#${data}`;
}

// host[:port] as browsers send it: a DNS name, IPv4 or a bracketed IPv6 literal.
const HOST = /^(?:[\w.-]{1,253}|\[[\d:a-f.]{2,45}\])(?::\d{1,5})?$/i;

/**
 * The origin a request was addressed to, from its Host header and X-Forwarded-Proto (which Next.js
 * fills from the socket when the client did not send one); null when Host is missing or malformed.
 * Both are client-controlled but only shape the URL answered to that same client; PUBLIC_BASE_URL
 * overrides them where a proxy rewrites the host.
 */
export function requestOrigin(headers: { get(name: string): string | null }): string | null {
  const host = headers.get("host");
  if (host === null || !HOST.test(host)) return null;
  const proto = headers.get("x-forwarded-proto")?.split(",", 1)[0]?.trim().toLowerCase();
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}

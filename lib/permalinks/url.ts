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

/** What decides the origin of the links the server hands out. */
export type LinkOriginConfig = {
  publicBaseUrl: string | null;
  allowedHosts: readonly string[];
  /** In production a request's Host never shapes a link unless ALLOWED_HOSTS names it. */
  production: boolean;
  /** The server's own listening address, the last resort in production. */
  hostname: string;
  port: number;
};

/** The server's own address as an origin; a wildcard address becomes localhost. */
function ownOrigin({ hostname, port }: Pick<LinkOriginConfig, "hostname" | "port">): string {
  const host = ["0.0.0.0", "::", "[::]"].includes(hostname) ? "localhost" : hostname;
  const literal = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${literal.toLowerCase()}:${port}`;
}

/**
 * The origin of a link answered to `headers`' request: PUBLIC_BASE_URL when set; else the request's Host when
 * ALLOWED_HOSTS names it, and the first allowed host when it does not (an unknown Host is never echoed); else,
 * in production, the server's own address, and in development the request's Host.
 */
export function linkOrigin(
  headers: { get(name: string): string | null },
  config: LinkOriginConfig,
  /** In development, the origin to use when the request has no readable Host (the request URL's). */
  fallback?: string,
): string {
  if (config.publicBaseUrl !== null) return config.publicBaseUrl;
  const requested = requestOrigin(headers);
  if (config.allowedHosts.length > 0) {
    const host = requested === null ? null : new URL(requested).host;
    const proto = requested?.startsWith("https:") ? "https" : "http";
    return `${proto}://${host !== null && config.allowedHosts.includes(host) ? host : config.allowedHosts[0]}`;
  }
  if (config.production) return ownOrigin(config);
  return requested ?? fallback ?? ownOrigin(config);
}

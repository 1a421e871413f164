/**
 * A URL authority reader for `scheme://userinfo@host[:port]`: the userinfo ends at the last `@` whose right
 * side parses as host[:port] followed by the end of the URL, a path, a query or a fragment; the password is
 * everything after the first `:` of the userinfo. So `postgresql://app:Xy?7/b#Q@db:5432/app` yields the
 * password `Xy?7/b#Q` and keeps `db:5432` (RFC 3986 §3.2; passwords pasted unescaped break the RFC's own
 * grammar, which is why the last `@` decides).
 */

export interface Authority {
  /** Start of the userinfo (just after `://`). */
  start: number;
  /** Index of the `@` that ends the userinfo. */
  at: number;
  /** Index of the first `:` in the userinfo, or -1. */
  colon: number;
}

const MAX_AUTHORITY = 1024;

function isRunStop(c: number): boolean {
  // whitespace, double quotes, angle brackets: a URL never spans them unescaped in a paste.
  return c <= 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x7f;
}

function isHostChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x5f
  );
}

/** End of `host[:port]` starting at `i` when it is followed by a URL boundary, else -1. */
function hostPortEnd(text: string, i: number, limit: number): number {
  let j = i;
  if (text[j] === "[") {
    const close = text.indexOf("]", j);
    if (
      close < 0 ||
      close > limit ||
      close - j > 48 ||
      !/^\[[0-9A-Fa-f:.]+\]$/.test(text.slice(j, close + 1))
    )
      return -1;
    j = close + 1;
  } else {
    let alnum = false;
    while (j < limit && isHostChar(text.charCodeAt(j))) {
      const c = text.charCodeAt(j);
      if (c !== 0x2d && c !== 0x2e && c !== 0x5f) alnum = true;
      j++;
    }
    if (j === i || text[i] === "." || text[i] === "-" || !alnum) return -1;
  }
  if (text[j] === ":") {
    let k = j + 1;
    while (k < limit && k - j <= 5 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k > j + 1) j = k;
  }
  if (j >= limit) return j;
  const c = text[j] ?? "";
  return "/?#,;)]}`'\".".includes(c) || c === "\\" ? j : -1;
}

/** Reads the authority after `://` at `start`; null when there is no userinfo. */
export function readAuthority(text: string, start: number, end = text.length): Authority | null {
  // A URL's authority never runs into the next `scheme://`.
  const limit = Math.min(text.length, end, start + MAX_AUTHORITY);
  let runEnd = start;
  while (runEnd < limit && !isRunStop(text.charCodeAt(runEnd))) runEnd++;
  // Searched within the authority only: a paste without `@` must not be rescanned from every `://`.
  for (let at = runEnd - 1; at >= start; at--) {
    if (text.charCodeAt(at) !== 0x40) continue;
    if (hostPortEnd(text, at + 1, runEnd) >= 0 && plausibleUserinfo(text, start, at)) {
      const colon = text.indexOf(":", start);
      return { start, at, colon: colon >= 0 && colon < at ? colon : -1 };
    }
  }
  return null;
}

/**
 * A user name never holds `/ ? #` (they would be %-encoded), and `host:8080/path?x=a@b.c` is a host, a port and
 * an e-mail in the query, not credentials.
 */
function plausibleUserinfo(text: string, start: number, at: number): boolean {
  if (at === start) return false;
  // Read in place (it runs for every `://` of the paste): the user part up to the first `:`.
  let colon = -1;
  let hostLike = true;
  for (let i = start; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) {
      colon = i;
      break;
    }
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x40) return false;
    if (!(isHostChar(c) && c !== 0x5f)) hostLike = false;
  }
  if (colon < 0 || !hostLike || colon === start) return true;
  // `host:8080/path?x=a@b.c`: a port, then a path, query or fragment.
  let k = colon + 1;
  while (k < at && k - colon <= 5 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  const c = text.charCodeAt(k);
  return !(k > colon + 1 && k < at && (c === 0x2f || c === 0x3f || c === 0x23));
}

/** The `://` URL whose userinfo holds offset `i`, or ends at the `@` at `i`; null if none. */
export function authorityAround(text: string, i: number): Authority | null {
  const from = Math.max(0, i - MAX_AUTHORITY);
  let j = i;
  while (j > from && !isRunStop(text.charCodeAt(j - 1))) j--;
  const found = text.slice(j, i).indexOf("://");
  if (found < 0) return null;
  const marker = j + found;
  const next = text.slice(marker + 3, marker + 3 + MAX_AUTHORITY).indexOf("://");
  const auth = readAuthority(text, marker + 3, next < 0 ? text.length : marker + 3 + next);
  return auth !== null && auth.start <= i && i <= auth.at ? auth : null;
}

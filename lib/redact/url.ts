/**
 * A URL authority reader for `scheme://userinfo@host[:port]`: the userinfo ends at the last `@` whose right
 * side parses as host[:port] followed by the end of the URL, a path, a query or a fragment; the password is
 * everything after the first `:` of the userinfo. So `postgresql://app:Xy?7/b#Q@db:5432/app` yields the
 * password `Xy?7/b#Q` and keeps `db:5432` (RFC 3986 §3.2; passwords pasted unescaped break the RFC's own
 * grammar, which is why the last `@` decides).
 */

import { NextOccurrence, charSet, isDigit } from "./chars";

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

const HOST = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");
function isHostChar(c: number): boolean {
  return c < 128 && HOST[c] === 1;
}

/** Characters that may end `host[:port]`: the start of a path, query or fragment, or punctuation around a URL. */
function isHostBoundary(c: number): boolean {
  switch (c) {
    case 0x2f: // /
    case 0x3f: // ?
    case 0x23: // #
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0x60: // `
    case 0x27: // '
    case 0x22: // "
    case 0x2e: // .
    case 0x5c: // \
      return true;
    default:
      return false;
  }
}

/** End of `host[:port]` starting at `i` when it is followed by a URL boundary, else -1. */
function hostPortEnd(text: string, i: number, limit: number): number {
  let j = i;
  if (text.charCodeAt(j) === 0x5b) {
    // `[`: an IPv6 literal.
    // The `]` is looked for only as far as an address reaches (48) and the authority goes: a search to the
    // end of the paste from every `@[` made a megabyte of `x://@[` take a second.
    const last = Math.min(limit, j + 48, text.length - 1);
    let close = -1;
    for (let k = j + 1; k <= last; k++)
      if (text.charCodeAt(k) === 0x5d) {
        close = k;
        break;
      }
    if (close < 0 || !/^\[[0-9A-Fa-f:.]+\]$/.test(text.slice(j, close + 1))) return -1;
    j = close + 1;
  } else {
    let alnum = false;
    while (j < limit) {
      const c = text.charCodeAt(j);
      if (!isHostChar(c)) break;
      if (c !== 0x2d && c !== 0x2e && c !== 0x5f) alnum = true;
      j++;
    }
    const first = text.charCodeAt(i);
    if (j === i || first === 0x2e || first === 0x2d || !alnum) return -1;
  }
  // (A `:` at `limit` is outside the run: it can have no port digits.)
  if (j < limit && text.charCodeAt(j) === 0x3a) {
    let k = j + 1;
    while (k < limit && k - j <= 5 && isDigit(text.charCodeAt(k))) k++;
    if (k > j + 1) j = k;
  }
  return j >= limit || isHostBoundary(text.charCodeAt(j)) ? j : -1;
}

/**
 * What one forward read of the run after `://` found: where the run ends, its last `@` and its first `:`, and
 * where the next `://` starts if the run ended there (-1 when none). One object for all reads: a paste can hold
 * 87 000 URLs, and each is read once.
 */
const run = { end: 0, lastAt: -1, colon: -1, scheme: -1 };

/** Run characters `readRun` must look at; every other character just extends the run. */
const STOP = 1;
const AT = 2;
const COLON = 3;
const RUN_MARK = new Uint8Array(128);
for (let c = 0; c <= 0x20; c++) RUN_MARK[c] = STOP;
for (const c of [0x22, 0x3c, 0x3e, 0x7f]) RUN_MARK[c] = STOP;
RUN_MARK[0x40] = AT;
RUN_MARK[0x3a] = COLON;

/** `//` at `i`. */
function isSchemeSlashes(text: string, i: number): boolean {
  return i + 1 < text.length && text.charCodeAt(i) === 0x2f && text.charCodeAt(i + 1) === 0x2f;
}

/**
 * Reads the run from `start` into `run`, up to a run stop, `limit` or (with `stopAtScheme`) the next `://`. The
 * URL walk stops there instead of searching for the next `://` first: that search and the run read the same
 * characters.
 */
function readRun(text: string, start: number, limit: number, stopAtScheme: boolean): void {
  let lastAt = -1;
  let colon = -1;
  let scheme = -1;
  let i = start;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    const mark = c < 128 ? RUN_MARK[c] : 0;
    if (mark === 0) continue;
    if (mark === STOP) break;
    if (mark === AT) lastAt = i;
    else if (stopAtScheme && isSchemeSlashes(text, i + 1)) {
      scheme = i;
      break;
    } else if (colon < 0) colon = i;
  }
  run.end = i;
  run.lastAt = lastAt;
  run.colon = colon;
  run.scheme = scheme;
}

/**
 * The `@` that ends the userinfo of the run just read from `start`, or -1: the last `@` whose right side is
 * `host[:port]` and a boundary (tried from the run's last `@` backwards; almost always the first one tried).
 */
function userinfoEnd(text: string, start: number): number {
  const runEnd = run.end;
  for (let at = run.lastAt; at >= start; at--) {
    if (text.charCodeAt(at) !== 0x40) continue;
    if (hostPortEnd(text, at + 1, runEnd) >= 0 && plausibleUserinfo(text, start, at)) return at;
  }
  return -1;
}

/** Reads the authority after `://` at `start`; null when there is no userinfo. */
export function readAuthority(text: string, start: number, end = text.length): Authority | null {
  // A URL's authority never runs into the next `scheme://`: the caller passes it as `end`.
  readRun(text, start, Math.min(text.length, end, start + MAX_AUTHORITY), false);
  const at = userinfoEnd(text, start);
  return at < 0 ? null : { start, at, colon: run.colon < at ? run.colon : -1 };
}

/**
 * Calls `visit(start, at, colon)` for every `scheme://` of the text whose authority has a userinfo, in text
 * order, with `readAuthority`'s reading (each authority ends at the next `://`); `colon` is -1 when the
 * userinfo has none. Positions only, no object per URL.
 */
export function forEachUserinfo(
  text: string,
  visit: (start: number, at: number, colon: number) => void,
): void {
  let marker = text.indexOf("://");
  while (marker >= 0) {
    const start = marker + 3;
    readRun(text, start, Math.min(text.length, start + MAX_AUTHORITY), true);
    const at = userinfoEnd(text, start);
    if (at >= 0) visit(start, at, run.colon < at ? run.colon : -1);
    // Every `:` of the run was looked at, so the next `://` is where the run stopped or after its end.
    marker = run.scheme >= 0 ? run.scheme : text.indexOf("://", run.end);
  }
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

/**
 * Where the run of non-stop characters ending at `i` starts, remembered: `runText` holds no stop in
 * [runFrom, runTo), the last one before runFrom ending at runFrom. Asked left to right (the e-mail rule's `@`s),
 * the paste is read once, not up to MAX_AUTHORITY characters back from every `@` (a line of 65 000 scp remotes).
 */
let runText = "";
let runFrom = 0;
let runTo = 0;

function runStartBefore(text: string, i: number): number {
  if (text !== runText || i < runTo) {
    // A new text, or a step back: walk back from `i`, at most as far as a caller looks (a start found at that
    // bound stands for any earlier one: later calls look no further back).
    const floor = Math.max(0, i - MAX_AUTHORITY);
    let j = i;
    while (j > floor && !isRunStop(text.charCodeAt(j - 1))) j--;
    runText = text;
    runFrom = j;
    runTo = i;
    return j;
  }
  for (let k = runTo; k < i; k++) if (isRunStop(text.charCodeAt(k))) runFrom = k + 1;
  runTo = i;
  return runFrom;
}

/** The first `://` at or after an offset, remembered likewise. */
const SCHEME_MARK = new NextOccurrence("://");

/** Forgets the texts remembered (the redactor calls it around each paste). */
export function resetUrlMemos(): void {
  runText = "";
  SCHEME_MARK.reset();
}

/** The `://` URL whose userinfo holds offset `i`, or ends at the `@` at `i`; null if none. */
export function authorityAround(text: string, i: number): Authority | null {
  const from = Math.max(0, i - MAX_AUTHORITY);
  const j = Math.max(from, runStartBefore(text, i));
  const marker = SCHEME_MARK.find(text, j);
  if (marker < 0 || marker + 3 > i) return null;
  const next = text.slice(marker + 3, marker + 3 + MAX_AUTHORITY).indexOf("://");
  const auth = readAuthority(text, marker + 3, next < 0 ? text.length : marker + 3 + next);
  return auth !== null && auth.start <= i && i <= auth.at ? auth : null;
}

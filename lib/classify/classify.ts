import { cardFor } from "../branches";
import type { BranchId, Diagnosis, Evidence, Occurrence, Route, Signal, Surface } from "../diagnosis";
import {
  findAttempts,
  findEndpoint,
  findGatewayRequestIds,
  findModel,
  findRateLimitHeaders,
  findRequestIds,
  findRetryAfterMs,
  findSdk,
  findShouldRetry,
  findTimestamps,
  type Located,
} from "./extract";
import { CLAUDE_MODEL, OTHER_MODEL, UNEXAMPLED_SIGNATURES } from "./families";
import { confidenceFrom, zeroFeatures, type Features } from "./confidence";
import { headlineFor } from "./headline";
import { bareStatusMeaning } from "./meanings";
import { TOKEN_SIGNATURES, tokenFamilyHits } from "./tokens";
import { lineOf, lineStarts, normalize } from "./normalize";
import { prefilterView } from "./prefilter";
import { compose, repairView } from "./repair";
import { SIGNATURES, TIER, type HitFields, type Signature } from "./signatures";

/** Bumped whenever a change to signatures or weighing can change a stored diagnosis. */
export const CLASSIFIER_VERSION = "3";

export type ClassifyOptions = {
  occurredAt?: string | null;
  /** False reads a large paste whole instead of its candidate regions (to compare the two). */
  prefilter?: boolean;
};

type Hit = { sig: Signature; start: number; end: number; line: number; fields: HitFields };

/** What a bare status means when nothing more specific is said (claude-errors.md §1.1, §5.5). */
export function statusBranch(status: number): BranchId {
  switch (status) {
    case 400:
    case 409:
    case 422:
      return "invalid_request";
    case 401:
      return "authentication";
    case 402:
      return "billing";
    case 403:
      return "permission";
    case 404:
      return "not_found";
    case 408:
    case 504:
    case 524:
      return "timeout";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit";
    case 529:
      return "overloaded";
    default:
      return status >= 500 ? "api_error" : "invalid_request";
  }
}

/** Everything the scan runs: the signature table, the concept families, the status grammar, client prints. */
const SCANNED: readonly Signature[] = [...SIGNATURES, ...UNEXAMPLED_SIGNATURES];

// A paste of 1 MiB of one repeated shape must not grow memory without bound: keep the first and the
// last hits of each signature (the last ones matter most: the primary error is the final one).
const HITS_KEPT_PER_SIGNATURE = 2000;

/** Scans the repaired view; every offset is in view coordinates until the answer maps it to the paste. */
function scan(norm: string, starts: number[]): Hit[] {
  const hits: Hit[] = [];
  for (const sig of SCANNED) {
    const head: Hit[] = [];
    let tail: Hit[] = [];
    for (const m of norm.matchAll(sig.pattern)) {
      // A pattern may open with the line break or indentation before its words: the hit starts at its first
      // visible character, so it belongs to the line it is read on (and its highlight starts there too).
      const lead = m[0].length - m[0].trimStart().length;
      if (m[0].length === lead) continue;
      const hit: Hit = {
        sig,
        start: m.index + lead,
        end: m.index + m[0].length,
        line: 0,
        fields: sig.fields?.(m) ?? {},
      };
      if (head.length < HITS_KEPT_PER_SIGNATURE / 2) head.push(hit);
      else {
        tail.push(hit);
        if (tail.length > HITS_KEPT_PER_SIGNATURE) tail = tail.slice(-HITS_KEPT_PER_SIGNATURE / 2);
      }
    }
    hits.push(...head, ...tail.slice(-HITS_KEPT_PER_SIGNATURE / 2));
  }
  // Concept families over normalised tokens (camelCase and SNAKE_CASE split, plurals stemmed).
  for (const t of tokenFamilyHits(norm)) {
    const sig = TOKEN_SIGNATURES.get(t.identifier ? `${t.family.id}#name` : t.family.id);
    if (sig) hits.push({ sig, start: t.start, end: t.end, line: 0, fields: {} });
  }
  for (const h of hits) h.line = lineOf(starts, h.start);
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

const votesFor = (h: Hit): BranchId | undefined =>
  h.sig.votes === false
    ? undefined
    : (h.sig.branch ?? (h.fields.status !== undefined ? statusBranch(h.fields.status) : undefined));
const tierOf = (h: Hit): number => h.sig.tier ?? TIER.status;
const isMember = (h: Hit): boolean =>
  votesFor(h) !== undefined ||
  h.fields.errorType !== undefined ||
  h.fields.status !== undefined ||
  h.sig.head === true;

type Cluster = { hits: Hit[]; firstLine: number; lastLine: number; headLine: number | null };

const MAX_LINE_GAP = 3;
const MAX_OCCURRENCES = 1000;

const MAX_DEPTH = 16;

/**
 * The bracket depth at the end of each line: how many `{` / `[` are still open there (clamped, never
 * negative). A wrapped or pretty-printed body keeps its lines inside one record.
 */
function bodyDepths(norm: string, starts: number[]): number[] {
  const depths: number[] = [];
  let d = 0;
  for (let l = 0; l < starts.length; l++) {
    const from = starts[l] ?? 0;
    const to = starts[l + 1] ?? norm.length;
    for (let i = from; i < to; i++) {
      const c = norm.charCodeAt(i);
      if (c === 123 || c === 91) d = Math.min(MAX_DEPTH, d + 1);
      else if ((c === 125 || c === 93) && d > 0) d--;
    }
    depths.push(d);
  }
  return depths;
}

/** Groups hits into error statements: neighbouring lines of one statement, split at blank lines and new heads. */
function clusterHits(hits: Hit[], norm: string, starts: number[]): Cluster[] {
  const clusters: Cluster[] = [];
  let current: Cluster | null = null;
  const blankBetween = (from: number, to: number): boolean => {
    for (let l = from + 1; l < to; l++) {
      const s = starts[l] ?? 0;
      const e = (starts[l + 1] ?? norm.length + 1) - 1;
      if (norm.slice(s, e).trim() === "") return true;
    }
    return false;
  };
  const depth = bodyDepths(norm, starts);
  // Every line end from `from` up to (not including) `to` is inside an open body: one record, however long.
  const insideBody = (from: number, to: number): boolean => {
    for (let l = from; l < to; l++) if ((depth[l] ?? 0) === 0) return false;
    return true;
  };
  for (const h of hits) {
    if (!isMember(h)) continue;
    // A long body keeps its lines together across the line gap; a blank line still ends a record (a
    // whole log relayed inside one envelope has its entries apart).
    const apart =
      current !== null &&
      ((h.line - current.lastLine > MAX_LINE_GAP && !insideBody(current.lastLine, h.line)) ||
        (h.line > current.lastLine && blankBetween(current.lastLine, h.line)));
    const startsNew =
      current === null ||
      apart ||
      (h.sig.head === true && current.headLine !== null && h.line > current.headLine);
    if (startsNew || current === null) {
      current = { hits: [], firstLine: h.line, lastLine: h.line, headLine: null };
      clusters.push(current);
    }
    current.hits.push(h);
    current.lastLine = Math.max(current.lastLine, h.line);
    if (h.sig.head && current.headLine === null) current.headLine = h.line;
  }
  return mergeStatusWithBody(clusters);
}

const MAX_HEADER_LINES = 40;

/**
 * A status line and the body it introduced can sit apart (curl -i prints headers and a blank line
 * between them): a cluster that only knows a status joins the next one when that one has none.
 */
function mergeStatusWithBody(clusters: Cluster[]): Cluster[] {
  const out: Cluster[] = [];
  for (const c of clusters) {
    const prev = out.at(-1);
    const prevStatusOnly =
      prev !== undefined &&
      prev.hits.some((h) => h.fields.status !== undefined && !h.sig.incidental) &&
      prev.hits.every((h) => votesFor(h) === undefined || tierOf(h) <= TIER.status);
    const hasStatus = c.hits.some((h) => h.fields.status !== undefined);
    if (prev && prevStatusOnly && !hasStatus && c.firstLine - prev.lastLine <= MAX_HEADER_LINES) {
      prev.hits.push(...c.hits);
      prev.lastLine = c.lastLine;
      continue;
    }
    out.push(c);
  }
  return out;
}

type Decided = {
  branch: BranchId;
  variant: string | null;
  topTier: number;
  conflict: boolean;
  status: number | null;
  errorType: string | null;
  deciders: Hit[];
  incidentalOnly: boolean;
  /** Every branch with evidence in the statement, with its strongest tier and summed weight. */
  scores: Map<BranchId, { tier: number; weight: number; last: number }>;
};

function decide(cluster: Cluster): Decided {
  const score = new Map<BranchId, { tier: number; weight: number; last: number }>();
  for (const h of cluster.hits) {
    const b = votesFor(h);
    if (!b) continue;
    const t = tierOf(h);
    const w = h.sig.weight ?? 1;
    const cur = score.get(b);
    if (!cur || t > cur.tier) score.set(b, { tier: t, weight: w, last: h.start });
    else if (t === cur.tier) score.set(b, { tier: t, weight: cur.weight + w, last: h.start });
  }
  let branch: BranchId = "unknown";
  let best: { tier: number; weight: number; last: number } | null = null;
  for (const [b, s] of score) {
    if (
      !best ||
      s.tier > best.tier ||
      (s.tier === best.tier && (s.weight > best.weight || (s.weight === best.weight && s.last > best.last)))
    ) {
      best = s;
      branch = b;
    }
  }
  const topTier = best?.tier ?? 0;
  const conflict = [...score.entries()].some(([b, s]) => b !== branch && s.tier === topTier);
  const deciders = cluster.hits.filter((h) => votesFor(h) === branch);
  const withVariant = [...deciders]
    .filter((h) => h.sig.variant)
    .sort((a, b) => tierOf(b) - tierOf(a) || (b.sig.weight ?? 1) - (a.sig.weight ?? 1));
  let variant = withVariant[0]?.sig.variant ?? null;
  if (branch === "api_error" && cluster.hits.some((h) => h.sig.id === "msg.overloaded_bare"))
    variant = "overloaded_message";
  const status =
    cluster.hits.find((h) => h.fields.status !== undefined && !h.sig.incidental)?.fields.status ??
    cluster.hits.find((h) => h.fields.status !== undefined)?.fields.status ??
    null;
  const typed = cluster.hits.filter((h) => h.fields.errorType !== undefined);
  const errorType =
    (typed.find((h) => h.sig.id.startsWith("type.") && h.sig.branch) ?? typed[0])?.fields.errorType ?? null;
  const incidentalOnly = cluster.hits.every((h) => h.sig.incidental || votesFor(h) === undefined);
  return { branch, variant, topTier, conflict, status, errorType, deciders, incidentalOnly, scores: score };
}

// Compact JSON bodies are printed by the TypeScript SDK and by curl alike: the weakest surface evidence.
const SURFACE_ORDER: Array<Surface | "explicit-unknown" | "compact-json"> = [
  "claude-code",
  "sdk-python",
  "sdk-go",
  "sdk-java",
  "sdk-ruby",
  "sdk-csharp",
  "sdk-rust",
  "explicit-unknown",
  "sdk-typescript",
  "curl",
  "browser",
  "compact-json",
];
// A platform route beats the library that called it (LiteLLM in-process calling Bedrock is a Bedrock
// route); a gateway process in front of it (a LiteLLM proxy) is the outermost API-speaking author and wins.
const ROUTE_ORDER: Route[] = ["bedrock", "vertex", "openrouter", "litellm", "other-gateway", "anthropic"];

function pickSurface(hits: Hit[]): Surface {
  const seen = new Set<Surface | "explicit-unknown" | "compact-json">();
  for (const h of hits) {
    if (!h.sig.surface) continue;
    seen.add(
      h.sig.id === "ts.compact_body" || h.sig.id === "ts.compact_error_line"
        ? "compact-json"
        : h.sig.surface === "unknown"
          ? "explicit-unknown"
          : h.sig.surface,
    );
  }
  const first = SURFACE_ORDER.find((s) => seen.has(s));
  if (first === "compact-json") return "sdk-typescript";
  return !first || first === "explicit-unknown" ? "unknown" : first;
}

function pickRoute(hits: Hit[], surface: Surface, hasRequestId: boolean): Route {
  if (hits.some((h) => h.sig.id === "route.litellm_proxy")) return "litellm";
  const seen = new Set<Route>();
  for (const h of hits) if (h.sig.route) seen.add(h.sig.route);
  const first = ROUTE_ORDER.find((r) => seen.has(r));
  if (first) return first;
  if (
    hasRequestId &&
    (surface === "claude-code" ||
      surface === "sdk-python" ||
      surface === "sdk-typescript" ||
      surface === "curl")
  )
    return "anthropic";
  return "unknown";
}

function pickStreaming(hits: Hit[]): boolean | null {
  if (hits.some((h) => h.sig.streaming === true)) return true;
  if (hits.some((h) => h.sig.streaming === false)) return false;
  return null;
}

const MESSAGE_KEY = /message\\{0,3}["']\s?:\s?(\\{0,3})(["'])/g;
const MAX_MESSAGE = 600;

/** The `message` string of the first error body inside [from, to), unescaped; null when there is none. */
function messageField(norm: string, from: number, to: number): string | null {
  const region = norm.slice(from, Math.min(to, from + 200_000));
  for (const m of region.matchAll(MESSAGE_KEY)) {
    const slashes = m[1] ?? "";
    const quote = m[2] ?? '"';
    const closing = slashes + quote;
    const begin = m.index + m[0].length;
    let i = begin;
    const limit = Math.min(region.length, begin + MAX_MESSAGE);
    while (i < limit) {
      const at = region.indexOf(closing, i);
      if (at === -1 || at >= limit) break;
      // A closing quote preceded by one more backslash is an escaped quote inside the message.
      if (
        region[at - 1] === "\\" &&
        (slashes.length === 0 ||
          region.slice(at - slashes.length - 1, at) === "\\".repeat(slashes.length + 1))
      ) {
        i = at + closing.length;
        continue;
      }
      const raw = region.slice(begin, at);
      const text = raw
        .replace(/\\{1,8}n/g, " ")
        .replace(/\\{1,8}(["'`])/g, "$1")
        .replace(/\s{1,64}/g, " ")
        .trim();
      if (text && text !== "error") return text;
      break;
    }
  }
  return null;
}

const LOG_PREFIX = /^[\s>|*#]{0,40}(?:[\w.-]{1,40}\s{1,8}\|\s{1,8})?/;

function lineText(norm: string, starts: number[], line: number): string {
  const s = starts[line] ?? 0;
  const e = (starts[line + 1] ?? norm.length + 1) - 1;
  const raw = norm.slice(s, Math.min(e, s + 2000));
  return raw.replace(LOG_PREFIX, "").replace(/\s+/g, " ").trim().slice(0, 300);
}

/**
 * The time of a statement: one inside it, else the last one shortly before it, else (a `/bug` entry whose
 * stack trace sits between the error and its `timestamp` field) the first one shortly after it.
 */
function nearestTime(
  times: Located<string>[],
  from: number,
  to: number,
  earliest: number,
  latest: number,
): string | null {
  let best: string | null = null;
  for (const t of times) {
    if (t.start >= from && t.start < to) return t.value;
    if (t.start < from && t.start >= earliest) best = t.value;
    if (t.start >= to) return best ?? (t.start < latest ? t.value : null);
  }
  return best;
}

function toOccurrence(
  c: Cluster,
  d: Decided,
  norm: string,
  starts: number[],
  requestIds: Located<string>[],
  times: Located<string>[],
): Occurrence {
  const from = starts[c.firstLine] ?? 0;
  const to = (starts[c.lastLine + 1] ?? norm.length + 1) - 1;
  const start = Math.min(...c.hits.map((h) => h.start));
  const end = Math.max(...c.hits.map((h) => h.end));
  const requestId = requestIds.find((r) => r.start >= from && r.start < to)?.value ?? null;
  const earliest = starts[Math.max(0, c.firstLine - 50)] ?? 0;
  const latest = starts[c.lastLine + 20] ?? norm.length;
  return {
    branch: d.branch,
    variant: d.variant,
    status: d.status,
    errorType: d.errorType,
    requestId,
    at: nearestTime(times, from, to, earliest, latest),
    start,
    end,
  };
}

// A Claude Code `/bug` report's errors array, or a JSON array of `{"error": …}` log entries.
const LOG_MARKER = /^\s{0,8}\*\*Errors\*\*|\[\{\s?\\{0,3}"error\\{0,3}"\s?:/m;

/** Where a log of earlier errors starts in the paste, or past its end when there is none. */
function findLogStart(norm: string): number {
  const m = LOG_MARKER.exec(norm);
  // A paste that is only the array has no headline: nothing is log then.
  return m && norm.slice(0, m.index).trim() !== "" ? m.index : Number.POSITIVE_INFINITY;
}

/** Statuses that a more specific branch arrives under (the message beats the status for these). */
const CARRIES: Partial<Record<BranchId, readonly number[]>> = {
  context_window: [400, 413],
  billing: [400, 402, 429],
  subscription_limit: [429, 400, 403],
  not_found: [400, 404],
  authentication: [401, 403],
  overloaded: [500, 503, 529],
  timeout: [408, 504, 524, 500],
  invalid_request: [400, 422],
};

const agrees = (d: Decided, branch: BranchId): boolean =>
  d.branch === branch ||
  (d.topTier <= TIER.status &&
    d.status !== null &&
    (statusBranch(d.status) === branch || (CARRIES[branch]?.includes(d.status) ?? false))) ||
  d.branch === "unknown";

/**
 * Status and type come from the primary statement, else from the nearest statement that agrees with its
 * branch (the same branch, a bare status that branch arrives under, or a 2xx fact), never from one that
 * disagrees.
 */
function mergeAgreeing(decided: Decided[], primary: number, occurrences: Occurrence[]): void {
  const p = decided[primary];
  const o = occurrences[primary];
  if (!p || !o || p.branch === "unknown") return;
  const order = decided
    .map((_d, i) => i)
    .filter((i) => i !== primary)
    .sort((a, b) => Math.abs(a - primary) - Math.abs(b - primary));
  for (const i of order) {
    const d = decided[i] as Decided;
    if (!agrees(d, p.branch)) continue;
    if (p.status === null && d.status !== null) p.status = d.status;
    if (p.errorType === null && d.errorType !== null && (d.branch === p.branch || d.branch === "unknown"))
      p.errorType = d.errorType;
  }
  o.status = p.status;
  o.errorType = p.errorType;
}

/** Branches whose message beats the status and type they arrive under (the plan's, money, the window). */
const MESSAGE_DECIDES: ReadonlySet<BranchId> = new Set(["billing", "subscription_limit", "context_window"]);

/**
 * A headline that only names the error's kind (`API Error: Rate limit reached`) and a log entry that is
 * the same error (its status or type says the headline's branch, nothing contradicts) but whose message is
 * more specific (the plan's long-context gating under a 429 rate_limit_error): the entry decides, and the
 * status, type and id come from it. An entry that is a different error still never overrules the headline.
 */
function sameErrorInLog(decided: Decided[], primary: number, inLog: (i: number) => boolean): number {
  const p = decided[primary];
  if (!p || p.branch === "unknown" || inLog(primary) || MESSAGE_DECIDES.has(p.branch)) return primary;
  for (let i = decided.length - 1; i >= 0; i--) {
    const d = decided[i] as Decided;
    if (!inLog(i) || d.topTier < TIER.message || !MESSAGE_DECIDES.has(d.branch)) continue;
    const saysHeadline = d.scores.has(p.branch) || (d.status !== null && statusBranch(d.status) === p.branch);
    const contradicts =
      (p.status !== null && d.status !== null && p.status !== d.status) ||
      (p.errorType !== null && d.errorType !== null && p.errorType !== d.errorType);
    if (saysHeadline && !contradicts) return i;
  }
  return primary;
}

/** Classifies one paste. Pure and total: any string in, a valid Diagnosis out. */
export function classify(text: string, options: ClassifyOptions = {}): Diagnosis {
  return classifyExplained(text, options).diagnosis;
}

/** The Diagnosis and the features its confidence was computed from (for fitting and reports). */
export function classifyExplained(
  text: string,
  options: ClassifyOptions = {},
): { diagnosis: Diagnosis; features: Features } {
  // A large paste is first cut to its candidate regions (the literal prefilter, on the raw text), then
  // normalised (length-preserving) and read through its repaired view (wraps removed, escaping undone, split
  // tokens joined). Everything below works in view offsets; the answer maps its spans back to the paste.
  const regions = options.prefilter === false ? null : prefilterView(text);
  const norm = normalize(regions?.text ?? text);
  const repaired = repairView(norm);
  const view = compose(regions, repaired);
  const scanned = repaired?.text ?? norm;
  const starts = lineStarts(scanned);
  const toPaste = (start: number, end: number): { start: number; end: number } =>
    view ? { start: view.origin(start), end: view.originEnd(end) } : { start, end };
  const hits = scan(scanned, starts);
  const claude = hits.some((h) => h.sig.claude);
  const foreign = hits.some((h) => h.sig.foreign);

  const clusters = clusterHits(hits, scanned, starts).slice(-MAX_OCCURRENCES);
  const decided = clusters.map((c) => decide(c));
  const partialIds: Located<string>[] = [];
  const requestIds = findRequestIds(scanned, partialIds);
  const times = findTimestamps(scanned);
  const occurrences = clusters.map((c, i) =>
    toOccurrence(c, decided[i] as Decided, scanned, starts, requestIds, times),
  );

  // Roles: a Claude Code `/bug` errors array (or any log of earlier errors after the headline) holds older
  // or side-request entries; the headline the user saw wins unless it carries no branch evidence.
  const logStart = findLogStart(scanned);
  const inLog = (i: number): boolean => (occurrences[i]?.start ?? 0) >= logStart;
  // The primary error: a message or type beats a bare status, which beats weaker words; echoes come last;
  // among equals, the last statement wins.
  const rank = (d: Decided): number =>
    d.branch === "unknown"
      ? 0
      : d.incidentalOnly
        ? 1
        : d.topTier >= TIER.type
          ? 4
          : d.topTier >= TIER.status
            ? 3
            : 2;
  const headlineHasBranch = decided.some((d, i) => !inLog(i) && rank(d) >= 2);
  let primary = -1;
  for (let i = 0; i < decided.length; i++) {
    const d = decided[i] as Decided;
    if (headlineHasBranch && inLog(i)) continue;
    if (primary === -1 || rank(d) >= rank(decided[primary] as Decided)) primary = i;
  }
  primary = sameErrorInLog(decided, primary, inLog);
  mergeAgreeing(decided, primary, occurrences);
  const d: Decided | undefined = decided[primary];
  const occ: Occurrence | undefined = occurrences[primary];
  const cluster: Cluster | undefined = clusters[primary];

  const surface = pickSurface(hits);
  const route = pickRoute(hits, surface, requestIds.length > 0);
  // A bare status means what the route that answered means by it (a bare 503 from Bedrock is its capacity
  // error): the (route, status, type) table, read only when no type or message said more.
  if (d && d.topTier === TIER.status && d.errorType === null && d.status !== null) {
    const meant = bareStatusMeaning(route, d.status);
    if (meant) {
      d.branch = meant.branch;
      d.variant = meant.variant ?? null;
    }
  }
  let branch: BranchId = d?.branch ?? "unknown";
  let variant = d?.variant ?? null;
  const untied = !claude && branch !== "unknown";
  const features = zeroFeatures();
  if (d && branch !== "unknown") {
    features.tierMessage = d.topTier >= TIER.message ? 1 : 0;
    features.tierType = d.topTier === TIER.type ? 1 : 0;
    features.tierStatus = d.topTier === TIER.status ? 1 : 0;
    features.tierClass = d.topTier === TIER.class ? 1 : 0;
    features.conflict = d.conflict ? 1 : 0;
    features.untied = untied ? 1 : 0;
    features.foreign = foreign ? 1 : 0;
    features.disagreeing = decided.some(
      (o, i) => i !== primary && o.branch !== "unknown" && !agrees(o, branch),
    )
      ? 1
      : 0;
    features.statusAgrees =
      d.status !== null && agrees({ ...d, topTier: TIER.status, branch: "unknown" }, branch) ? 1 : 0;
    features.logOverruled =
      headlineHasBranch && decided.some((o, i) => inLog(i) && o.branch !== "unknown" && o.branch !== branch)
        ? 1
        : 0;
    features.echoOnly = d.incidentalOnly ? 1 : 0;
  }
  let confidence = d && branch !== "unknown" ? confidenceFrom(features) : 0.15;
  const candidates = candidatesFor(d, decided, primary);
  if (untied && foreign) {
    branch = "unknown";
    variant = "other_provider";
    confidence = 0.7;
  } else if (branch !== "unknown" && OTHER_MODEL.test(scanned) && !CLAUDE_MODEL.test(scanned)) {
    // Positive evidence that the request never reached Claude: another model is named and no Claude one.
    branch = "unknown";
    variant = "other_model";
    confidence = 0.7;
  } else {
    const notClaude = notClaudesError({ d, cluster, scanned, starts, untied, route, surface });
    if (notClaude) {
      branch = "unknown";
      variant = notClaude;
      confidence = notClaude === "unattributed" ? 0.5 : 0.7;
    }
  }
  const streaming = pickStreaming(hits);
  if (branch === "overloaded" && streaming === true && variant === null) variant = "in_stream";

  const given = options.occurredAt ? new Date(options.occurredAt) : null;
  const userTime = given && !Number.isNaN(given.getTime()) ? given.toISOString() : null;
  const timeRef = userTime ?? occ?.at ?? times.at(-1)?.value ?? null;
  const from = cluster ? (starts[cluster.firstLine] ?? 0) : 0;
  const to = cluster ? (starts[cluster.lastLine + 1] ?? scanned.length + 1) - 1 : 0;
  const topHit = d?.deciders.slice().sort((a, b) => tierOf(b) - tierOf(a))[0];
  const message = cluster
    ? (messageField(scanned, from, to) ?? (topHit ? lineText(scanned, starts, topHit.line) : null))
    : null;

  const evidence: Evidence = {
    status: d?.status ?? null,
    errorType: d?.errorType ?? null,
    message,
    requestIds: [...new Set(requestIds.map((r) => r.value))],
    gatewayRequestIds: [...new Set(findGatewayRequestIds(scanned).map((r) => r.value))],
    partialRequestIds: [...new Set(partialIds.map((r) => r.value))],
    model: findModel(scanned),
    endpoint: findEndpoint(scanned),
    surface,
    route,
    streaming,
    occurredAt: timeRef,
    retryAfterMs: findRetryAfterMs(scanned, timeRef),
    shouldRetry: findShouldRetry(scanned),
    rateLimit: findRateLimitHeaders(scanned),
    attempts: findAttempts(scanned),
    sdk: findSdk(scanned),
  };

  const signals: Signal[] =
    branch === "unknown" || !d || !cluster
      ? []
      : cluster.hits
          .filter(
            (h) =>
              votesFor(h) === branch || h.fields.status !== undefined || h.fields.errorType !== undefined,
          )
          // The catch-all error.type record only matters when no specific one marked the same body.
          .filter(
            (h, _i, all) =>
              h.sig.id !== "type.unknown_error_type" ||
              !all.some((o) => o !== h && o.sig.id.startsWith("type.") && o.start < h.end && h.start < o.end),
          )
          .map((h) => ({ id: h.sig.id, label: h.sig.label, ...toPaste(h.start, h.end) }));

  const diagnosis: Diagnosis = {
    classifierVersion: CLASSIFIER_VERSION,
    branch,
    variant,
    confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100,
    headline: headlineFor({
      branch,
      variant,
      evidence,
      untied: untied && !foreign,
      foreign,
      empty: hits.length === 0,
    }),
    card: cardFor(branch, variant),
    evidence,
    signals,
    occurrences: occurrences.map((o) => ({ ...o, ...toPaste(o.start, o.end) })),
    alternatives: alternativesFor(branch, confidence, candidates),
  };
  return { diagnosis, features };
}

// A generic HTTP client of a multi-provider library, reporting only that a status came back.
const GENERIC_HTTP_CLIENT =
  /\bFaraday::[A-Z]\w{1,40}|\brequests\.exceptions\.HTTPError\b|\b\d{3}\sClient\sError:|\bhttpx\.HTTPStatusError\b|\bClientResponseError\b|\bRestClient::[A-Z]\w{1,40}|\bAxiosError\b|Request\sfailed\swith\sstatus\scode\s\d{3}|\bunexpected\sstatus(?:\scode)?:?\s\d{3}\b|\bNet::HTTP[A-Z]\w{1,40}|\bokhttp3?\./;
// A local failure before any request: the program broke, not the call.
const LOCAL_FAILURE =
  /\bTypeError:\sCannot\sread\spropert(?:y|ies)\sof\s(?:undefined|null)|\bReferenceError:\s\w{1,60}\sis\snot\sdefined|\bModuleNotFoundError:|\bImportError:\scannot\simport|\bAttributeError:\s'\w{1,60}'\sobject\shas\sno\sattribute|\bNameError:\sname\s|\bspawn\s\S{1,200}\sENOENT\b|\bENOENT:\sno\ssuch\sfile|\bEACCES:\spermission\sdenied|\bPermissionError:\s\[Errno\s13\]|:\scommand\snot\sfound\b|\bSegmentation\sfault\b/;
// A tool that failed on its own service before any API call: a package registry, git, a container daemon.
const UNRELATED_TOOL =
  /^\s{0,8}npm\s(?:ERR!|error)\s|\bfatal:\sunable\sto\saccess\s'|\bError\sresponse\sfrom\sdaemon:|\bERROR:\sCould\snot\sfind\sa\sversion\sthat\ssatisfies|\bE:\sUnable\sto\slocate\spackage\b/m;
// A gateway or router that has nothing to send the request to.
const NO_PROVIDER =
  /\bno\s(?:available\s|enabled\s|healthy\s)?(?:providers?|channels?|upstreams?|backends?|deployments?)\s(?:(?:is|are)\s)?(?:configured|set\sup|(?:available\s|found\s)?for\s(?:the\s)?model)|\b(?:provider|upstream|model)\s(?:is\s)?not\sconfigured\b|\bLLM\sProvider\sNOT\sprovided\b|\bno\s(?:route|provider)\sfound\sfor\smodel\b/i;

/**
 * Positive evidence that the paste's error is not Claude's, weighed after the branch is chosen: a gateway
 * with no provider configured, a package registry, git or a container daemon failing on its own, a local
 * failure before any request (when nothing stronger than a class name or a generic word points at a branch),
 * or a generic HTTP client of an unknown library reporting a bare status with nothing tying the call to
 * Claude. The would-be branch stays a candidate.
 */
function notClaudesError(x: {
  d: Decided | undefined;
  cluster: Cluster | undefined;
  scanned: string;
  starts: number[];
  untied: boolean;
  route: Route;
  surface: Surface;
}): string | null {
  const { d, cluster, scanned, starts } = x;
  const region = cluster
    ? scanned.slice(
        starts[Math.max(0, cluster.firstLine - 3)] ?? 0,
        (starts[cluster.lastLine + 4] ?? scanned.length + 1) - 1,
      )
    : scanned;
  if (NO_PROVIDER.test(region.slice(0, 200_000))) return "no_provider";
  if (UNRELATED_TOOL.test(region.slice(0, 200_000))) return "unrelated_service";
  if (!d || d.branch === "unknown")
    return LOCAL_FAILURE.test(scanned.slice(0, 200_000)) ? "local_failure" : null;
  if (d.topTier <= TIER.class && LOCAL_FAILURE.test(region.slice(0, 200_000))) return "local_failure";
  const bare = d.topTier <= TIER.status && d.errorType === null;
  if (
    bare &&
    x.untied &&
    x.route === "unknown" &&
    x.surface !== "claude-code" &&
    !CLAUDE_MODEL.test(scanned) &&
    GENERIC_HTTP_CLIENT.test(scanned.slice(0, 200_000))
  )
    return "unattributed";
  return null;
}

/** Branches the paste also supports, strongest first: rivals inside the deciding statement, then other statements. */
function candidatesFor(d: Decided | undefined, decided: Decided[], primary: number): BranchId[] {
  if (!d) return [];
  const rivals = [...d.scores.entries()]
    .filter(([b]) => b !== d.branch)
    .sort(([, a], [, b]) => b.tier - a.tier || b.weight - a.weight)
    .map(([b]) => b);
  const others = decided
    .map((o, i) => ({ o, i }))
    .filter(({ o, i }) => i !== primary && o.branch !== "unknown" && !o.incidentalOnly)
    .sort((a, b) => b.o.topTier - a.o.topTier || b.i - a.i)
    .map(({ o }) => o.branch);
  return [...new Set([d.branch, ...rivals, ...others])];
}

// Below this, the answer comes with its runners-up.
const WEAK = 0.9;

function alternativesFor(
  branch: BranchId,
  confidence: number,
  candidates: BranchId[],
): Array<{ branch: BranchId; confidence: number }> {
  // An `unknown` from positive evidence keeps the would-be branch as a candidate.
  const rest = candidates.filter((b) => b !== branch).slice(0, 2);
  if (rest.length === 0 || (branch !== "unknown" && confidence >= WEAK)) return [];
  const share = Math.max(0, 1 - confidence) / rest.length;
  return rest.map((b) => ({ branch: b, confidence: Math.round(share * 100) / 100 }));
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnosis } from "../diagnosis";

/**
 * Scores the classifier against the shared corpora of real pastes (../shared/corpus, ../shared/corpus-2).
 * Pure data in, figures out: scripts/score-classifier.ts prints them, the corpus tests assert them.
 *
 * The blind slice is every corpus-2 case whose id ends in 3 or 8: it is kept out of development and scored
 * once, as aggregates only. `loadCorpus(dir, { blind: "skip" })` never reads those files.
 */
export type CorpusCase = {
  id: string;
  source: string;
  text: string;
  notes: string;
  expected: {
    branch: string;
    accept?: string[];
    status: number | null;
    error_type: string | null;
    request_id: string | null;
    request_id_kind?: "partial" | "gateway";
    surface: string;
    context_surface?: string;
    client?: string;
    streaming: boolean | null;
    model: string | null;
  };
};

export const CORPUS_DIR = join(__dirname, "..", "..", "..", "shared", "corpus");
export const CORPUS_2_DIR = join(__dirname, "..", "..", "..", "shared", "corpus-2");

/** Ids of the blind slice of corpus-2: the last digit is 3 or 8. */
export const isBlindId = (id: string): boolean => /[38]$/.test(id);

export type BlindMode = "skip" | "only" | "include";

/** The cases of one corpus folder, sorted by file name; blind files are not even read when skipped. */
export function loadCorpus(
  dir: string,
  options: { blind?: BlindMode; blindSlice?: boolean } = {},
): CorpusCase[] {
  const mode = options.blind ?? "include";
  const hasBlind = options.blindSlice ?? false;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .filter((f) => {
      if (!hasBlind || mode === "include") return true;
      const blind = isBlindId(f.split("-")[0] ?? "");
      return mode === "only" ? blind : !blind;
    })
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusCase);
}

/** The surface or route a case expects, or null when the text shows neither. */
export function expectedSurface(c: CorpusCase): string | null {
  const s = c.expected.surface;
  if (s !== "unknown") return s;
  return c.expected.client ?? null;
}

/** The corpus names the route for gateway and platform traffic, the client otherwise. */
export const answeredSurface = (d: Diagnosis): string =>
  d.evidence.route !== "anthropic" && d.evidence.route !== "unknown" ? d.evidence.route : d.evidence.surface;

export type CaseScore = {
  id: string;
  branch: boolean;
  status: boolean;
  errorType: boolean;
  /** null when the case has no request id to find. */
  requestId: boolean | null;
  /** An id reported that the case does not have (or a different first one). */
  inventedId: boolean;
  /** null when the text shows no surface or route. */
  surface: boolean | null;
  confidence: number;
  got: {
    branch: string;
    status: number | null;
    errorType: string | null;
    requestId: string | null;
    surface: string;
  };
};

export function scoreCase(c: CorpusCase, d: Diagnosis): CaseScore {
  const e = c.expected;
  const accepted = [e.branch, ...(e.accept ?? [])];
  const firstId =
    e.request_id_kind === "gateway"
      ? (d.evidence.gatewayRequestIds[0] ?? d.evidence.requestIds[0] ?? null)
      : e.request_id_kind === "partial"
        ? (d.evidence.partialRequestIds?.[0] ?? d.evidence.requestIds[0] ?? null)
        : (d.evidence.requestIds[0] ?? null);
  const want = expectedSurface(c);
  const surface = answeredSurface(d);
  return {
    id: c.id,
    branch: accepted.includes(d.branch),
    status: d.evidence.status === e.status,
    errorType: d.evidence.errorType === e.error_type,
    requestId: e.request_id === null ? null : firstId === e.request_id,
    inventedId: firstId !== null && firstId !== e.request_id,
    surface: want === null ? null : surface === want,
    confidence: d.confidence,
    got: {
      branch: d.branch,
      status: d.evidence.status,
      errorType: d.evidence.errorType,
      requestId: firstId,
      surface,
    },
  };
}

export type Totals = {
  cases: number;
  branch: number;
  status: number;
  errorType: number;
  requestIdCases: number;
  requestIdFound: number;
  inventedIds: number;
  surfaceCases: number;
  surface: number;
};

export function totals(scores: CaseScore[]): Totals {
  const count = (f: (s: CaseScore) => boolean) => scores.filter(f).length;
  return {
    cases: scores.length,
    branch: count((s) => s.branch),
    status: count((s) => s.status),
    errorType: count((s) => s.errorType),
    requestIdCases: count((s) => s.requestId !== null),
    requestIdFound: count((s) => s.requestId === true),
    inventedIds: count((s) => s.inventedId),
    surfaceCases: count((s) => s.surface !== null),
    surface: count((s) => s.surface === true),
  };
}

const pct = (n: number, d: number): string =>
  d === 0 ? "n/a" : `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`;

/** One line per figure, for the console and BENCHMARKS.md. */
export function formatTotals(label: string, t: Totals): string {
  return [
    `${label}: ${t.cases} cases`,
    `  branch          ${pct(t.branch, t.cases)}`,
    `  status          ${pct(t.status, t.cases)}`,
    `  error type      ${pct(t.errorType, t.cases)}`,
    `  request id      ${pct(t.requestIdFound, t.requestIdCases)} recall, ${t.inventedIds} invented`,
    `  surface/route   ${pct(t.surface, t.surfaceCases)} where the text shows it`,
  ].join("\n");
}

export type Bucket = { from: number; to: number; cases: number; right: number };

/** Confidence bucket → how often the branch was right in it. */
export function reliability(scores: CaseScore[], edges = [0, 0.5, 0.7, 0.8, 0.9, 1.0001]): Bucket[] {
  const buckets: Bucket[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    const inside = scores.filter((s) => s.confidence >= from && s.confidence < to);
    buckets.push({
      from,
      to: Math.min(to, 1),
      cases: inside.length,
      right: inside.filter((s) => s.branch).length,
    });
  }
  return buckets;
}

export function formatReliability(label: string, buckets: Bucket[]): string {
  const rows = buckets.map(
    (b) =>
      `  ${b.from.toFixed(2)}–${b.to.toFixed(2)}  ${String(b.cases).padStart(4)} cases  ${
        b.cases === 0 ? "   —" : `${((100 * b.right) / b.cases).toFixed(1).padStart(5)}% right`
      }`,
  );
  return [`${label} reliability (confidence → branch accuracy):`, ...rows].join("\n");
}

/** What one case got wrong, in words (`branch rate_limit ≠ billing`), for the scoring scripts. */
export function describeMisses(s: CaseScore, c: CorpusCase): string[] {
  const e = c.expected;
  const parts: string[] = [];
  if (!s.branch)
    parts.push(`branch ${s.got.branch} ≠ ${e.branch}${e.accept ? ` (accept ${e.accept.join(",")})` : ""}`);
  if (!s.status) parts.push(`status ${s.got.status} ≠ ${e.status}`);
  if (!s.errorType) parts.push(`type ${s.got.errorType} ≠ ${e.error_type}`);
  if (s.requestId === false || s.inventedId) parts.push(`id ${s.got.requestId} ≠ ${e.request_id}`);
  if (s.surface === false)
    parts.push(`surface ${s.got.surface} ≠ ${e.surface}${e.client ? `/${e.client}` : ""}`);
  return parts;
}

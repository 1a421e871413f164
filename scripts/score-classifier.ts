// Scores the classifier on the shared corpora. `npm run score` prints aggregates for every slice;
// `npm run score -- --dev` reads only the development cases (corpus/ and corpus-2 minus the blind slice)
// and lists each miss. The blind slice (corpus-2 ids ending in 3 or 8) is only ever printed as aggregates.
import { classify } from "../lib/classify";
import {
  CORPUS_2_DIR,
  CORPUS_DIR,
  formatReliability,
  formatTotals,
  loadCorpus,
  reliability,
  scoreCase,
  totals,
  type CaseScore,
  type CorpusCase,
} from "../lib/classify/score";

const dev = process.argv.includes("--dev");
const score = (cases: CorpusCase[]): CaseScore[] => cases.map((c) => scoreCase(c, classify(c.text)));

const first = score(loadCorpus(CORPUS_DIR));
const secondDev = score(loadCorpus(CORPUS_2_DIR, { blindSlice: true, blind: "skip" }));
const devAll = [...first, ...secondDev];

console.log(formatTotals("corpus/ (41)", totals(first)));
console.log(formatTotals("corpus-2 development slice", totals(secondDev)));
console.log(formatTotals("development (both folders)", totals(devAll)));
console.log(formatReliability("development", reliability(devAll)));

if (dev) {
  const misses = devAll.filter(
    (s) =>
      !s.branch || !s.status || !s.errorType || s.requestId === false || s.inventedId || s.surface === false,
  );
  console.log(`\n${misses.length} development cases with a miss:`);
  const cases = new Map(
    [...loadCorpus(CORPUS_DIR), ...loadCorpus(CORPUS_2_DIR, { blindSlice: true, blind: "skip" })].map((c) => [
      c.id,
      c,
    ]),
  );
  for (const s of misses) {
    const e = cases.get(s.id)!.expected;
    const parts: string[] = [];
    if (!s.branch)
      parts.push(`branch ${s.got.branch} ≠ ${e.branch}${e.accept ? ` (accept ${e.accept.join(",")})` : ""}`);
    if (!s.status) parts.push(`status ${s.got.status} ≠ ${e.status}`);
    if (!s.errorType) parts.push(`type ${s.got.errorType} ≠ ${e.error_type}`);
    if (s.requestId === false || s.inventedId) parts.push(`id ${s.got.requestId} ≠ ${e.request_id}`);
    if (s.surface === false)
      parts.push(`surface ${s.got.surface} ≠ ${e.surface}${e.client ? `/${e.client}` : ""}`);
    console.log(`  ${s.id}: ${parts.join("; ")}`);
  }
} else {
  const blind = score(loadCorpus(CORPUS_2_DIR, { blindSlice: true, blind: "only" }));
  const secondAll = [...secondDev, ...blind];
  console.log(formatTotals("corpus-2 all (158)", totals(secondAll)));
  console.log(formatTotals("corpus-2 blind slice", totals(blind)));
  console.log(formatReliability("blind", reliability(blind)));
}

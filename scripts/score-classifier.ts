// Scores the classifier on the shared corpora. `npm run score` prints aggregates for every slice;
// `npm run score -- --dev` also lists each miss. corpus-2's former blind slice (ids ending in 3 or 8) was
// opened and scored once with classifier version 2 and is development data since: it is still printed as a
// slice of its own so that figures stay comparable, and its misses are listed with the rest. Held-out
// folders are never read here.
import { classify } from "../lib/classify";
import {
  CORPUS_2_DIR,
  describeMisses,
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

const former = score(loadCorpus(CORPUS_2_DIR, { blindSlice: true, blind: "only" }));
const secondAll = [...secondDev, ...former];
console.log(formatTotals("corpus-2 all (158)", totals(secondAll)));
console.log(formatTotals("corpus-2 former blind slice (no longer blind)", totals(former)));
console.log(formatReliability("former blind slice", reliability(former)));
console.log(formatTotals("both folders, all cases", totals([...first, ...secondAll])));
console.log(formatReliability("both folders", reliability([...first, ...secondAll])));

if (dev) {
  const all = [...devAll, ...former];
  const misses = all.filter(
    (s) =>
      !s.branch || !s.status || !s.errorType || s.requestId === false || s.inventedId || s.surface === false,
  );
  console.log(`\n${misses.length} cases with a miss:`);
  const cases = new Map([...loadCorpus(CORPUS_DIR), ...loadCorpus(CORPUS_2_DIR)].map((c) => [c.id, c]));
  for (const s of misses) console.log(`  ${s.id}: ${describeMisses(s, cases.get(s.id)!).join("; ")}`);
}

// Scores the classifier on the held-out folder corpus-3/ (real pastes collected and labelled after the
// classifier was built, before it was ever run on them). `npm run score:holdout` prints aggregates and the
// reliability table only; `-- --misses` lists each miss, which ends the folder's use as a held-out measure.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { classify } from "../lib/classify";
import {
  describeMisses,
  formatReliability,
  formatTotals,
  loadCorpus,
  reliability,
  scoreCase,
  totals,
} from "../lib/classify/score";

const dir = join(__dirname, "..", "corpus-3");
if (!existsSync(dir)) {
  console.error(`No held-out folder at ${dir}.`);
  process.exit(1);
}
const cases = loadCorpus(dir);
const scores = cases.map((c) => scoreCase(c, classify(c.text)));
console.log(formatTotals(`corpus-3 held-out (${cases.length})`, totals(scores)));
console.log(formatReliability("corpus-3", reliability(scores)));

if (process.argv.includes("--misses")) {
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const s of scores) {
    const parts = describeMisses(s, byId.get(s.id)!);
    if (parts.length > 0) console.log(`  ${s.id} (conf ${s.confidence.toFixed(2)}): ${parts.join("; ")}`);
  }
}

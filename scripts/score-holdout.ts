// Scores the classifier on the held-out folder corpus-3/ (real pastes collected and labelled after the
// classifier was built, before it was ever run on them). `npm run score:holdout` prints aggregates and the
// reliability table only; `-- --misses` lists each miss, which ends the folder's use as a held-out measure.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { classify } from "../lib/classify";
import {
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
    const e = byId.get(s.id)!.expected;
    const parts: string[] = [];
    if (!s.branch)
      parts.push(`branch ${s.got.branch} ≠ ${e.branch}${e.accept ? ` (accept ${e.accept.join(",")})` : ""}`);
    if (!s.status) parts.push(`status ${s.got.status} ≠ ${e.status}`);
    if (!s.errorType) parts.push(`type ${s.got.errorType} ≠ ${e.error_type}`);
    if (s.requestId === false || s.inventedId) parts.push(`id ${s.got.requestId} ≠ ${e.request_id}`);
    if (s.surface === false) parts.push(`surface ${s.got.surface} ≠ ${e.surface}`);
    if (parts.length > 0) console.log(`  ${s.id} (conf ${s.confidence.toFixed(2)}): ${parts.join("; ")}`);
  }
}

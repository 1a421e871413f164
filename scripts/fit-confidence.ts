// Fits the confidence model (lib/classify/confidence.ts) on both corpus folders: corpus/ and all of corpus-2
// (its former blind slice was opened and scored once with classifier version 2, and is development data
// since). Logistic regression by gradient descent, with an L2 pull towards the prior weights (the old tier
// table), so the few misses cannot drive a weight to infinity. Held-out folders are never read here.
// Writes lib/classify/confidence-weights.json and prints the reliability table before and after.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { classifyExplained } from "../lib/classify/classify";
import {
  confidenceFrom,
  FEATURE_NAMES,
  PRIOR_WEIGHTS,
  type Features,
  type Weights,
} from "../lib/classify/confidence";
import {
  CORPUS_2_DIR,
  CORPUS_DIR,
  formatReliability,
  loadCorpus,
  reliability,
  scoreCase,
  type CaseScore,
} from "../lib/classify/score";

const cases = [...loadCorpus(CORPUS_DIR), ...loadCorpus(CORPUS_2_DIR)];
// Only answers that name a Claude branch get the model's confidence; `unknown` keeps its fixed figures.
const rows: Array<{ f: Features; y: number; score: CaseScore }> = [];
for (const c of cases) {
  const { diagnosis, features } = classifyExplained(c.text);
  if (diagnosis.branch === "unknown") continue;
  const score = scoreCase(c, diagnosis);
  rows.push({ f: features, y: score.branch ? 1 : 0, score });
}

const L2 = 10; // pull towards the prior, per weight: the development cases were tuned on, so their misses are too few to trust alone
const RATE = 0.05;
const STEPS = 4000;
const w: Weights = { ...PRIOR_WEIGHTS };
for (let step = 0; step < STEPS; step++) {
  const grad = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Weights;
  for (const { f, y } of rows) {
    const p = confidenceFrom(f, w);
    for (const n of FEATURE_NAMES) grad[n] += (p - y) * f[n];
  }
  for (const n of FEATURE_NAMES) {
    grad[n] = grad[n] / rows.length + (L2 * (w[n] - PRIOR_WEIGHTS[n])) / rows.length;
    w[n] -= RATE * grad[n] * 10;
  }
}

const logLoss = (weights: Weights): number =>
  rows.reduce((sum, { f, y }) => {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, confidenceFrom(f, weights)));
    return sum - (y * Math.log(p) + (1 - y) * Math.log(1 - p));
  }, 0) / rows.length;

const rounded = Object.fromEntries(FEATURE_NAMES.map((n) => [n, Math.round(w[n] * 1000) / 1000])) as Weights;
writeFileSync(
  join(__dirname, "..", "lib", "classify", "confidence-weights.json"),
  `${JSON.stringify(rounded, null, 2)}\n`,
);

const withWeights = (weights: Weights): CaseScore[] =>
  rows.map(({ f, score }) => ({ ...score, confidence: confidenceFrom(f, weights) }));
console.log(`${rows.length} answers naming a branch, ${rows.filter((r) => r.y === 0).length} wrong`);
console.log(`log loss: prior ${logLoss(PRIOR_WEIGHTS).toFixed(4)}, fitted ${logLoss(rounded).toFixed(4)}`);
console.log(formatReliability("prior weights", reliability(withWeights(PRIOR_WEIGHTS))));
console.log(formatReliability("fitted weights", reliability(withWeights(rounded))));
console.log("weights:", JSON.stringify(rounded));

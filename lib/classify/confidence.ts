import WEIGHTS from "./confidence-weights.json";

/**
 * Calibrated confidence: a small log-linear (logistic) model over what the decision rested on. Its weights
 * start from the old tier table (message 0.95, type 0.9, status 0.75, class 0.6, generic 0.5) and are fitted
 * on the development corpus by scripts/fit-confidence.ts (`npm run fit:confidence`), which prints the
 * reliability table; `npm run score` prints it again for every slice.
 */
export const FEATURE_NAMES = [
  "bias",
  /** The deciding evidence: one of these four is 1 (generic words leave all at 0). */
  "tierMessage",
  "tierType",
  "tierStatus",
  "tierClass",
  /** Another branch had evidence of the same strength in the deciding statement. */
  "conflict",
  /** Nothing in the paste ties it to Claude. */
  "untied",
  /** Another provider or service is named. */
  "foreign",
  /** Other statements in the paste point at a different branch. */
  "disagreeing",
  /** A status and a type (or message) that agree with the branch were both read. */
  "statusAgrees",
  /** The headline was chosen over an errors log that says something else. */
  "logOverruled",
  /** Only an echo (an access-log line) carried the branch. */
  "echoOnly",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export const zeroFeatures = (): Features =>
  Object.fromEntries(FEATURE_NAMES.map((n) => [n, n === "bias" ? 1 : 0])) as Features;

export type Weights = Record<FeatureName, number>;

/** The logistic of the weighted features. */
export function confidenceFrom(f: Features, w: Weights = WEIGHTS as Weights): number {
  let z = 0;
  for (const n of FEATURE_NAMES) z += (w[n] ?? 0) * f[n];
  return 1 / (1 + Math.exp(-z));
}

const logit = (p: number): number => Math.log(p / (1 - p));

/** The starting point of the fit: today's tier table, as log-odds. */
export const PRIOR_WEIGHTS: Weights = {
  bias: logit(0.5),
  tierMessage: logit(0.95) - logit(0.5),
  tierType: logit(0.9) - logit(0.5),
  tierStatus: logit(0.75) - logit(0.5),
  tierClass: logit(0.6) - logit(0.5),
  conflict: -0.8,
  untied: -1.2,
  foreign: -0.5,
  disagreeing: -0.3,
  statusAgrees: 0.3,
  logOverruled: -0.2,
  echoOnly: -0.5,
};

import { diagnosisSchema, type BranchId, type Diagnosis, type Evidence } from "../diagnosis";

// Test fixtures only: a valid Diagnosis built by hand so the retry tests do not depend on the classifier.

/** What a retry test varies; everything else gets a neutral value. */
export interface DiagnosisFixture {
  branch: BranchId;
  variant?: string | null;
  evidence?: Partial<Evidence>;
}

const NEUTRAL_EVIDENCE: Evidence = {
  status: null,
  errorType: null,
  message: null,
  requestIds: [],
  gatewayRequestIds: [],
  model: null,
  endpoint: null,
  surface: "unknown",
  route: "anthropic",
  streaming: null,
  occurredAt: null,
  retryAfterMs: null,
  shouldRetry: null,
  rateLimit: {},
  attempts: null,
  sdk: null,
};

/** A Diagnosis that passes diagnosisSchema, so fixtures cannot drift from the shared contract. */
export function makeDiagnosis({ branch, variant = null, evidence = {} }: DiagnosisFixture): Diagnosis {
  return diagnosisSchema.parse({
    classifierVersion: "test",
    branch,
    variant,
    confidence: 0.9,
    headline: `fixture for ${branch}`,
    card: {
      title: branch,
      treatAs: "fixture",
      firstMove: "fixture",
      verify: "fixture",
      switchWhen: "fixture",
      whoActs: ["you"],
      doNot: ["fixture"],
      retry: "no",
    },
    evidence: { ...NEUTRAL_EVIDENCE, ...evidence },
    signals: [],
    occurrences: [],
  });
}

// The retry planner of issue 4: `planRetry` for the Diagnosis JSON, `retrySnippets` for the page and the CLI.
export { planRetry, CONTEXT_PROFILES, CIRCUIT_BREAKERS, type PlanOptions } from "./plan";
export { retrySnippets, type RetrySnippets } from "./snippets";
export { DEFAULT_RETRY_CONTEXT, RETRY_MODES } from "./context";
export {
  SDK_CLIENT_IDS,
  retryContextSchema,
  retryPlanSchema,
  retryWindowSchema,
  scheduledRetrySchema,
  sdkBehaviourSchema,
  sdkComparisonSchema,
  circuitBreakerSchema,
  type CircuitBreaker,
  type RetryContext,
  type RetryPlan,
  type RetryWindow,
  type ScheduledRetry,
  type SdkBehaviour,
  type SdkClientId,
  type SdkComparison,
} from "./schema";
export { MAX_WAIT_MS, backoffWindow, sampleDelay, type Backoff, type DelayWindow } from "./backoff";
export { parseResumeAt, readResumeAt, type ResumeReading } from "./resume-at";
export { findRetryAfterMs, parseRetryAfterValue, retryAfterMsFromHeaders } from "./retry-after";
export { SDK_DEFAULTS, CLAUDE_CODE_DEFAULTS } from "./sdk-comparison";
export { formatDuration, formatInstant } from "./format";

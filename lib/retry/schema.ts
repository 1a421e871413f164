import { z } from "zod";
import { RETRY_MODES, type RetryContext } from "./context";

/** Who is waiting for the answer, and whether the work around the call changes the world. */
export const retryContextSchema = z.object({
  mode: z.enum(RETRY_MODES),
  sideEffects: z.boolean(),
}) satisfies z.ZodType<RetryContext>;
/** The caller's situation a retry plan is made for (defined in context.ts, without zod). */
export type { RetryContext };

const windowShape = {
  attempt: z.number().int().min(2),
  minDelayMs: z.number().int().nonnegative(),
  maxDelayMs: z.number().int().nonnegative(),
};

/** One wait before `attempt` (2 is the first retry); delays are milliseconds after the previous failure. */
export const retryWindowSchema = z
  .object(windowShape)
  .refine((w) => w.minDelayMs <= w.maxDelayMs, { message: "minDelayMs must not exceed maxDelayMs" });
/** One wait of a retry schedule. */
export type RetryWindow = z.infer<typeof retryWindowSchema>;

/** One wait of a plan, with one full-jitter draw from its window made with the caller's `random`. */
export const scheduledRetrySchema = z
  .object({ ...windowShape, sampleDelayMs: z.number().int().nonnegative() })
  .refine((w) => w.minDelayMs <= w.sampleDelayMs && w.sampleDelayMs <= w.maxDelayMs, {
    message: "sampleDelayMs must lie inside the window",
  });
/** One wait of a retry plan's schedule. */
export type ScheduledRetry = z.infer<typeof scheduledRetrySchema>;

export const SDK_CLIENT_IDS = ["python", "typescript", "claude-code"] as const;
export const sdkClientIdSchema = z.enum(SDK_CLIENT_IDS);
/** A client whose built-in retries the plan is compared with. */
export type SdkClientId = z.infer<typeof sdkClientIdSchema>;

/** What one client's defaults would do with this error. */
export const sdkBehaviourSchema = z.object({
  client: sdkClientIdSchema,
  label: z.string(),
  retriesThisCase: z.boolean(),
  /** Total attempts it makes, the first included. */
  attempts: z.number().int().positive(),
  /** Its waits, one per retry; Claude Code's are observed values (min = max), not documented ones. */
  delays: z.array(retryWindowSchema),
  delaysSource: z.enum(["sdk-source", "observed"]),
  totalWaitMs: z.number().int().nonnegative(),
  /** It stops while the plan would still make attempts. */
  givesUpFirst: z.boolean(),
  /** It retries although the plan says another attempt is not worth making. */
  retriesWhenItShouldNot: z.boolean(),
  /** One of its waits can end before the server's `retry-after`. */
  retriesTooEarly: z.boolean(),
  /** It keeps retrying well past the plan: more attempts, or over twice its waiting (absent in older reports). */
  outlastsPlan: z.boolean().optional(),
  /**
   * Its numbers agree with the plan: none of the flags above, a similar number of attempts and of waiting.
   * Faces say "in line with the plan" only when this is true (absent in older reports).
   */
  inLineWithPlan: z.boolean().optional(),
  note: z.string(),
});
/** One client's default behaviour for this error. */
export type SdkBehaviour = z.infer<typeof sdkBehaviourSchema>;

/** The plan next to the SDK defaults and Claude Code. */
export const sdkComparisonSchema = z.object({
  python: sdkBehaviourSchema,
  typescript: sdkBehaviourSchema,
  claudeCode: sdkBehaviourSchema,
  summary: z.string(),
});
export type SdkComparison = z.infer<typeof sdkComparisonSchema>;

/** Open the circuit after `failureThreshold` failures within `windowMs`; send one probe after `probeAfterMs`. */
export const circuitBreakerSchema = z.object({
  failureThreshold: z.number().int().positive(),
  windowMs: z.number().int().positive(),
  probeAfterMs: z.number().int().positive(),
});
export type CircuitBreaker = z.infer<typeof circuitBreakerSchema>;

/** Retry guidance for one diagnosis in one context (issue 4). */
export const retryPlanSchema = z.object({
  retryable: z.boolean(),
  reason: z.string(),
  maxAttempts: z.number().int().positive(),
  schedule: z.array(scheduledRetrySchema),
  retryAfterMs: z.number().int().nonnegative().nullable(),
  resumeAt: z.iso.datetime().nullable(),
  totalBudgetMs: z.number().int().nonnegative(),
  stopRule: z.string(),
  circuitBreaker: circuitBreakerSchema.nullable(),
  idempotency: z.string(),
  sdkComparison: sdkComparisonSchema,
});
/** Retry guidance for one diagnosis in one context. */
export type RetryPlan = z.infer<typeof retryPlanSchema>;

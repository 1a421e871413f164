import { z } from "zod";

/** Every recovery branch the classifier can choose; `unknown` when the paste is not a Claude error. */
export const BRANCH_IDS = [
  "api_error",
  "overloaded",
  "rate_limit",
  "subscription_limit",
  "billing",
  "timeout",
  "connection",
  "invalid_request",
  "context_window",
  "request_too_large",
  "authentication",
  "permission",
  "not_found",
  "unknown",
] as const;

export const branchIdSchema = z.enum(BRANCH_IDS);
/** A recovery branch id. */
export type BranchId = z.infer<typeof branchIdSchema>;

/** Where the error was seen: the client that printed it. */
export const surfaceSchema = z.enum([
  "sdk-python",
  "sdk-typescript",
  "claude-code",
  "curl",
  "browser",
  "sdk-go",
  "sdk-java",
  "sdk-ruby",
  "sdk-csharp",
  "sdk-rust",
  "unknown",
]);
export type Surface = z.infer<typeof surfaceSchema>;

/** Which way the request travelled to Claude. */
export const routeSchema = z.enum([
  "anthropic",
  "bedrock",
  "vertex",
  "openrouter",
  "litellm",
  "other-gateway",
  "unknown",
]);
export type Route = z.infer<typeof routeSchema>;

/** The `anthropic-ratelimit-*` response headers found in the paste, by header name. */
export const rateLimitHeadersSchema = z.record(z.string(), z.string());

/** Facts read from the paste; null where the paste does not show them. */
export const evidenceSchema = z.object({
  status: z.number().int().nullable(),
  errorType: z.string().nullable(),
  message: z.string().nullable(),
  requestIds: z.array(z.string()),
  gatewayRequestIds: z.array(z.string()),
  /** `req_…` ids visibly cut off or masked in the paste: reported as written, never completed. */
  partialRequestIds: z.array(z.string()).optional(),
  model: z.string().nullable(),
  endpoint: z.string().nullable(),
  surface: surfaceSchema,
  route: routeSchema,
  streaming: z.boolean().nullable(),
  occurredAt: z.string().nullable(),
  retryAfterMs: z.number().nonnegative().nullable(),
  shouldRetry: z.boolean().nullable(),
  rateLimit: rateLimitHeadersSchema,
  attempts: z
    .object({ seen: z.number().int().nonnegative(), of: z.number().int().positive().nullable() })
    .nullable(),
  sdk: z.object({ name: z.string(), version: z.string().nullable() }).nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A span of the input (UTF-16 offsets, end exclusive) that decided something. */
export const signalSchema = z.object({
  id: z.string(),
  label: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Signal = z.infer<typeof signalSchema>;

/** One error found in the paste; the primary diagnosis is the last one that carries a real signal. */
export const occurrenceSchema = z.object({
  branch: branchIdSchema,
  variant: z.string().nullable(),
  status: z.number().int().nullable(),
  errorType: z.string().nullable(),
  requestId: z.string().nullable(),
  at: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

/** Who has to act for a branch. */
export const actorSchema = z.enum([
  "anthropic",
  "your-account",
  "your-request",
  "your-network",
  "gateway",
  "you",
]);
export type Actor = z.infer<typeof actorSchema>;

/** What to do about a branch, in the order a developer reads it during an incident. */
export const branchCardSchema = z.object({
  title: z.string(),
  treatAs: z.string(),
  firstMove: z.string(),
  verify: z.string(),
  switchWhen: z.string(),
  whoActs: z.array(actorSchema).min(1),
  doNot: z.array(z.string()).min(1),
  retry: z.enum(["yes", "after-reset", "no"]),
});
export type BranchCard = z.infer<typeof branchCardSchema>;

/** The classifier's answer for one paste. */
export const diagnosisSchema = z.object({
  classifierVersion: z.string(),
  branch: branchIdSchema,
  variant: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  headline: z.string(),
  card: branchCardSchema,
  evidence: evidenceSchema,
  signals: z.array(signalSchema),
  occurrences: z.array(occurrenceSchema),
  /**
   * Other branches the paste supports, best first, when the evidence is weak or contested (and, for an
   * `unknown` answer given because the error is not Claude's, the branch it would otherwise have been).
   */
  alternatives: z
    .array(z.object({ branch: branchIdSchema, confidence: z.number().min(0).max(1) }))
    .optional(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

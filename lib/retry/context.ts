// The caller's situation, without zod: code running in the browser (planRetry, retrySnippets) loads this
// and never schema.ts. schema.ts builds its zod schema from these names, so the two cannot drift.

/** Who waits for the answer: a person now, or a job that can wait minutes. */
export const RETRY_MODES = ["interactive", "background"] as const;

/** Who is waiting for the answer, and whether the work around the call changes the world. */
export type RetryContext = { mode: (typeof RETRY_MODES)[number]; sideEffects: boolean };

/** A person waiting on a request that has no side effects: the most common paste. */
export const DEFAULT_RETRY_CONTEXT: RetryContext = { mode: "interactive", sideEffects: false };

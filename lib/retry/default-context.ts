import type { RetryContext } from "./schema";

// Kept apart from schema.ts so that code running in the browser (planRetry, retrySnippets) does not pull zod in.

/** A person waiting on a request that has no side effects: the most common paste. */
export const DEFAULT_RETRY_CONTEXT: RetryContext = { mode: "interactive", sideEffects: false };

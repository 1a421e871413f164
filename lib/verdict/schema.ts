import { z } from "zod";

/** Who has to do something for the error to go away. */
export const WHO_ACTS = [
  "anthropic",
  "platform",
  "gateway",
  "account",
  "request",
  "network",
  "other-provider",
] as const;
export const whoActsSchema = z.enum(WHO_ACTS);
export type WhoActs = z.infer<typeof whoActsSchema>;

/**
 * `now`: retrying can help at once. `later`: only after `retryAt`, or after an event (an incident
 * clearing, a plan window resetting) named in `retryWhen`. `no`: retrying cannot help.
 */
export const verdictRetrySchema = z.enum(["now", "later", "no"]);
export type VerdictRetry = z.infer<typeof verdictRetrySchema>;

/** How the incident sits in time against the error. */
export const verdictRelationSchema = z.enum(["during", "shortly-before", "shortly-after"]);

/** The status-page incident the verdict rests on. */
export const verdictIncidentSchema = z.object({
  name: z.string(),
  url: z.string(),
  impact: z.string(),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  relation: verdictRelationSchema,
  /** Still open at the time of the reading (false when resolved, or when the page could not confirm it). */
  ongoing: z.boolean(),
  components: z.array(z.string()),
  /** The incident's newest update text, when the page gave one. */
  latestUpdate: z.string().nullable(),
});
export type VerdictIncident = z.infer<typeof verdictIncidentSchema>;

/** A status page worth opening for this error: `primary` answers for the path the request took. */
export const statusPageLinkSchema = z.object({
  name: z.string(),
  url: z.string(),
  role: z.enum(["primary", "context"]),
});
export type StatusPageLink = z.infer<typeof statusPageLinkSchema>;

/** The rate limit a 429 names: which one, its value, its window, and its reset when the headers show it. */
export const verdictLimitSchema = z.object({
  kind: z.enum(["requests", "input-tokens", "output-tokens", "tokens"]),
  value: z.number().nonnegative().nullable(),
  per: z.enum(["minute", "hour", "day"]),
  resetAt: z.iso.datetime().nullable(),
  source: z.enum(["message", "headers"]),
});
export type VerdictLimit = z.infer<typeof verdictLimitSchema>;

/**
 * The one answer a person acts on: computed from the diagnosis, the status reading, the error's time and
 * the client it came from. Every face (page, CLI, API, packet, hook) shows `summary` first.
 */
export const verdictSchema = z.object({
  /** One sentence: what happened, who acts, what to do. */
  summary: z.string().min(1),
  whoActs: z.array(whoActsSchema).min(1),
  retry: verdictRetrySchema,
  /** ISO time after which a retry can help; null when `retry` is not `later` or waits for an event. */
  retryAt: z.iso.datetime().nullable(),
  /** The event a `later` retry waits for, in words; null otherwise. */
  retryWhen: z.string().nullable(),
  incident: verdictIncidentSchema.nullable(),
  /** `past` when the error's time is well before the diagnosis: nothing is said of "right now". */
  tense: z.enum(["current", "past"]),
  /** The error's time as read (ISO), null when neither the paste nor the user gave one. */
  occurredAt: z.string().nullable(),
  /** A major outage on the error's path at the time of the reading: every face shows it loudly. */
  outage: z.boolean(),
  /** What to do now, most useful first, in the words of the client the error came from. */
  doNow: z.array(z.string()).min(1),
  /** What would change this answer. */
  changesIf: z.array(z.string()),
  /** What the status page does and does not say here, in one sentence; null when it was not asked. */
  statusNote: z.string().nullable(),
  /** A note about the error's time (in the future, unreadable); null when there is nothing to say. */
  timeNote: z.string().nullable(),
  statusPages: z.array(statusPageLinkSchema),
  /** The rate limit the paste names (rate-limit errors only); null when it names none. */
  limit: verdictLimitSchema.nullable(),
});
export type Verdict = z.infer<typeof verdictSchema>;

import { z } from "zod";
import { branchIdSchema, routeSchema, surfaceSchema } from "@/lib/diagnosis";

/** The user's "ruled out" ticks; each false until the user says otherwise. */
export const checklistSchema = z.object({
  statusChecked: z.boolean(),
  samePathRetried: z.boolean(),
  networkChecked: z.boolean(),
  otherModelTried: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;

/** How the client authenticated, inferred from the paste; never the credential itself. */
export const authKindSchema = z.enum(["api-key", "oauth", "cloud-credentials", "unknown"]);
export type AuthKind = z.infer<typeof authKindSchema>;

/** One request id with the UTC time it was seen (null when the paste does not say). */
export const packetRequestSchema = z.object({
  id: z.string(),
  at: z.string().nullable(),
  source: z.enum(["anthropic", "gateway"]),
});

/** The escalation packet: what support asks for, all of it redacted. */
export const packetSchema = z.object({
  packetVersion: z.literal(1),
  generatedAt: z.string(),
  classifierVersion: z.string(),
  diagnosis: z.object({
    branch: branchIdSchema,
    variant: z.string().nullable(),
    headline: z.string(),
    confidence: z.number().min(0).max(1),
  }),
  error: z.object({
    status: z.number().int().nullable(),
    type: z.string().nullable(),
    message: z.string().nullable(),
    body: z.string().nullable(),
  }),
  requests: z.array(packetRequestSchema),
  occurredAt: z.string().nullable(),
  model: z.string().nullable(),
  endpoint: z.string().nullable(),
  client: z.object({
    surface: surfaceSchema,
    sdk: z.string().nullable(),
    sdkVersion: z.string().nullable(),
    runtime: z.string().nullable(),
  }),
  route: routeSchema,
  auth: z.object({ kind: authKindSchema, basis: z.array(z.string()) }),
  streaming: z.boolean().nullable(),
  retries: z
    .object({ seen: z.number().int().nonnegative(), of: z.number().int().positive().nullable() })
    .nullable(),
  /** The verdict shown to the user (who acts, retry, the incident), redacted; absent in older packets. */
  verdict: z
    .object({
      summary: z.string(),
      whoActs: z.array(z.string()),
      retry: z.enum(["now", "later", "no"]),
      retryAt: z.string().nullable(),
      tense: z.enum(["current", "past"]),
      incident: z
        .object({ name: z.string(), url: z.string(), relation: z.string(), ongoing: z.boolean() })
        .nullable(),
    })
    .optional(),
  statusPage: z.unknown().nullable(),
  reproduction: z.object({ excerpt: z.string(), truncated: z.boolean() }).nullable(),
  checklist: checklistSchema,
  impact: z.string().nullable(),
  redaction: z.object({
    total: z.number().int().nonnegative(),
    kinds: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number().int().nonnegative() })),
  }),
});
export type Packet = z.infer<typeof packetSchema>;

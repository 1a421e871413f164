import { z } from "zod";
import { resolvePermalinkConfig, type PermalinkConfig } from "./permalinks/config";
import { parsePrivateKey } from "./permalinks/private-key";
import { resolveStatusConfig, type StatusConfig } from "./status/env";

/**
 * The only reader of process.env for the app. Parsed once with zod; a bad value fails at start
 * (next.config.ts loads this) with a message naming the variable.
 */
const count = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .describe(name);

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: count("PORT", 1, 65_535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /** How long a client has to deliver a request (headers and body) before 408 and a closed connection. */
  BODY_TIMEOUT_MS: count("BODY_TIMEOUT_MS", 1000, 120_000).default(15_000),
  /** Worker threads for diagnoses of large pastes, and how many such diagnoses may wait for one. */
  DIAGNOSE_WORKERS: count("DIAGNOSE_WORKERS", 1, 64).optional(),
  DIAGNOSE_QUEUE: count("DIAGNOSE_QUEUE", 0, 10_000).default(8),
  /** The Ed25519 key private links are signed with (PKCS#8 PEM or base64 DER); else one kept with the links. */
  PRIVATE_LINK_KEY: z
    .string()
    .refine((value) => {
      try {
        parsePrivateKey(value);
        return true;
      } catch {
        return false;
      }
    }, "must be an Ed25519 private key in PKCS#8 (PEM, or base64 DER)")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, "must be a postgres:// connection string")
    .optional(),
});

export type AppEnv = z.infer<typeof envSchema> & {
  /** NODE_ENV is production: links are never built on a request's Host. */
  production: boolean;
  status: StatusConfig;
  permalinks: PermalinkConfig;
};

const blankToUndefined = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === "" ? undefined : v.trim();

/** Parses an environment (process.env at the edges, a plain object in tests). */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse({
    NODE_ENV: blankToUndefined(source.NODE_ENV),
    PORT: blankToUndefined(source.PORT),
    HOSTNAME: blankToUndefined(source.HOSTNAME),
    BODY_TIMEOUT_MS: blankToUndefined(source.BODY_TIMEOUT_MS),
    DIAGNOSE_WORKERS: blankToUndefined(source.DIAGNOSE_WORKERS),
    DIAGNOSE_QUEUE: blankToUndefined(source.DIAGNOSE_QUEUE),
    PRIVATE_LINK_KEY: blankToUndefined(source.PRIVATE_LINK_KEY),
    DATA_DIR: blankToUndefined(source.DATA_DIR),
    DATABASE_URL: blankToUndefined(source.DATABASE_URL),
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return {
    ...result.data,
    production: result.data.NODE_ENV === "production",
    status: resolveStatusConfig(source),
    permalinks: resolvePermalinkConfig(source),
  };
}

let cached: AppEnv | undefined;

/** The process environment, parsed on first use. */
export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

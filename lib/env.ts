import { z } from "zod";
import { resolvePermalinkConfig, type PermalinkConfig } from "./permalinks/config";
import { resolveStatusConfig, type StatusConfig } from "./status/env";

/**
 * The only reader of process.env for the app. Parsed once with zod; a bad value fails at start
 * (next.config.ts loads this) with a message naming the variable.
 */
const envSchema = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, "must be a postgres:// connection string")
    .optional(),
});

export type AppEnv = z.infer<typeof envSchema> & { status: StatusConfig; permalinks: PermalinkConfig };

const blankToUndefined = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === "" ? undefined : v.trim();

/** Parses an environment (process.env at the edges, a plain object in tests). */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse({
    DATA_DIR: blankToUndefined(source.DATA_DIR),
    DATABASE_URL: blankToUndefined(source.DATABASE_URL),
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return {
    ...result.data,
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

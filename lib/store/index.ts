import { openPostgresStore } from "./postgres";
import { openSqliteStore } from "./sqlite";
import type { PermalinkStore } from "./types";

export {
  DEFAULT_TTL_MS,
  MAX_TTL_MS,
  MIN_TTL_MS,
  expiryFor,
  hashDeleteToken,
  isDeleteToken,
  isPermalinkId,
  newDeleteToken,
  newPermalinkId,
  parseTtl,
  ttlSchema,
  type TtlResult,
} from "./ids";
export { newPermalink, type NewPermalink, type NewPermalinkInput } from "./new-permalink";
export {
  StoreClosedError,
  storedPermalinkSchema,
  type DeleteOutcome,
  type PermalinkStore,
  type StoredPermalink,
} from "./types";

/** Where the store lives; the app edge passes DATABASE_URL and DATA_DIR from lib/env.ts. */
export interface StoreLocation {
  /** PostgreSQL when set: several app instances share it. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded SQLite file, used when `databaseUrl` is unset. */
  dataDir: string;
}

/** The PostgreSQL store when a database URL is given, else SQLite under `dataDir`. Nothing connects until first use. */
export function openStore({ databaseUrl, dataDir }: StoreLocation): PermalinkStore {
  return databaseUrl !== undefined && databaseUrl !== ""
    ? openPostgresStore({ connectionString: databaseUrl })
    : openSqliteStore({ dataDir });
}

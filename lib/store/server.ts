import { env } from "../env";
import { openStore } from "./index";
import type { PermalinkStore } from "./types";

// The server's single store (DATABASE_URL or DATA_DIR from lib/env.ts), so one SQLite connection or
// one pg pool serves every request. Kept on globalThis because dev-mode module reloads would
// otherwise open another connection (and another pool) on each reload.
const STORE_KEY = Symbol.for("claude-error-triage.permalink-store");

type Holder = { [STORE_KEY]?: PermalinkStore };

/** The process-wide permalink store, opened from the environment on first use (nothing connects before). */
export function getStore(): PermalinkStore {
  const holder = globalThis as Holder;
  const existing = holder[STORE_KEY];
  if (existing !== undefined) return existing;
  const { DATABASE_URL, DATA_DIR } = env();
  const store = openStore({ databaseUrl: DATABASE_URL, dataDir: DATA_DIR });
  holder[STORE_KEY] = store;
  return store;
}

import { memoryRateLimiter } from "@/lib/permalinks/rate-limit";
import { openPostgresStore } from "@/lib/store/postgres";
import { openSqliteStore } from "@/lib/store/sqlite";
import { permalinkApi } from "../handlers";
import { serveApi } from "./http";

// Child process for durability.test.ts: `node --import tsx serve.ts <dataDir | postgres://…>`. Serves the
// permalink API on a SQLite store in <dataDir> (or on PostgreSQL) and prints its URL once listening. (A function, not top-level
// await: without "type": "module" tsx compiles this file as CommonJS.)

async function main([dataDir]: string[]): Promise<void> {
  if (dataDir === undefined) throw new Error("usage: serve <dataDir | postgres://…>");
  const store = /^postgres(?:ql)?:\/\//.test(dataDir)
    ? openPostgresStore({ connectionString: dataDir })
    : openSqliteStore({ dataDir });
  const limiter = memoryRateLimiter({ points: 1_000_000, durationMs: 60_000 });
  const served = await serveApi(
    permalinkApi({
      store: () => store,
      limiter: () => limiter,
      status: () => null,
      config: () => ({ publicBaseUrl: null, trustProxyHops: 0 }),
    }),
  );
  process.stdout.write(`${served.url}\n`);
}

void main(process.argv.slice(2));

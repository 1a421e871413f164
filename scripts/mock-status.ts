import path from "node:path";
import { parseArgs } from "node:util";
import {
  DEFAULT_FIXTURES_DIR,
  isMockScenario,
  MOCK_SCENARIOS,
  startMockStatusServer,
} from "./mock-status-server";

// npm run mock:status -- --scenario major-outage [--port 4010] [--fixtures DIR] [--slow-ms 10000]
// Then run the app with STATUS_PAGE_URL=http://127.0.0.1:4010. Switch scenario while running with
// `curl -X POST http://127.0.0.1:4010/__mock/scenario/down`.

const USAGE = `usage: tsx scripts/mock-status.ts [--scenario ${MOCK_SCENARIOS.join("|")}] [--port 4010] [--host 127.0.0.1] [--fixtures DIR] [--slow-ms 10000]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseInteger(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    fail(`${flag} must be an integer 0-${max}, got ${JSON.stringify(value)}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: "string", default: "operational" },
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      fixtures: { type: "string" },
      "slow-ms": { type: "string", default: "10000" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!isMockScenario(values.scenario)) fail(`unknown scenario ${JSON.stringify(values.scenario)}`);
  const server = await startMockStatusServer({
    scenario: values.scenario,
    port: parseInteger(values.port, "--port", 65_535),
    host: values.host,
    fixturesDir: values.fixtures === undefined ? DEFAULT_FIXTURES_DIR : path.resolve(values.fixtures),
    slowMs: parseInteger(values["slow-ms"], "--slow-ms", 600_000),
  });
  console.log(`mock status page (${server.scenario()}) at ${server.url}  — STATUS_PAGE_URL=${server.url}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

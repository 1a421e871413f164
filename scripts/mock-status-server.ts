import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

// A local stand-in for a Statuspage site, serving ../shared/fixtures/statuspage with the route
// table and headers of its README ("Layout", "HTTP behaviour"). Used by `npm run mock:status`,
// Vitest and Playwright; nothing here touches the network beyond its own port.

/** Page states: fixture folders, plus failure modes a client must survive. */
export const MOCK_SCENARIOS = [
  "operational",
  "minor-incident",
  "major-outage",
  "maintenance",
  "down",
  "slow",
  "malformed",
  "challenge",
] as const;
export type MockScenario = (typeof MOCK_SCENARIOS)[number];

export function isMockScenario(value: string): value is MockScenario {
  return (MOCK_SCENARIOS as readonly string[]).includes(value);
}

/** The shared fixtures, `../shared/fixtures/statuspage` from the repo root. */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(
  new URL("../../shared/fixtures/statuspage/", import.meta.url),
);

export type MockStatusServerOptions = {
  scenario?: MockScenario;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  fixturesDir?: string;
  /** How long `slow` waits before answering (with the operational fixtures). */
  slowMs?: number;
};

export type MockStatusServer = {
  /** Base URL to use as STATUS_PAGE_URL, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  scenario(): MockScenario;
  setScenario(scenario: MockScenario): void;
  close(): Promise<void>;
};

const JSON_TYPE = "application/json; charset=utf-8";
const HTML_TYPE = "text/html; charset=utf-8";

/** URL path → fixture file (relative to a scenario folder) and content type. */
const ROUTES: ReadonlyMap<string, { file: string; type: string }> = new Map([
  ["/api/v2/status.json", { file: "status.json", type: JSON_TYPE }],
  ["/api/v2/summary.json", { file: "summary.json", type: JSON_TYPE }],
  ["/api/v2/components.json", { file: "components.json", type: JSON_TYPE }],
  ["/api/v2/incidents.json", { file: "incidents.json", type: JSON_TYPE }],
  ["/api/v2/incidents/unresolved.json", { file: "incidents/unresolved.json", type: JSON_TYPE }],
  ["/api/v2/scheduled-maintenances.json", { file: "scheduled-maintenances.json", type: JSON_TYPE }],
  [
    "/api/v2/scheduled-maintenances/upcoming.json",
    { file: "scheduled-maintenances/upcoming.json", type: JSON_TYPE },
  ],
  [
    "/api/v2/scheduled-maintenances/active.json",
    { file: "scheduled-maintenances/active.json", type: JSON_TYPE },
  ],
  ["/history.rss", { file: "history.rss", type: "application/rss+xml; charset=utf-8" }],
  ["/history.atom", { file: "history.atom", type: "application/atom+xml; charset=utf-8" }],
]);

// Headers of a captured Statuspage response (README "CORS and caching").
const BASE_HEADERS = {
  "access-control-allow-origin": "*",
  "cache-control": "max-age=0, private, must-revalidate",
  "x-statuspage-mock": "1",
};

// `malformed`: summary.json parses but has the wrong shape; every other document is cut short.
const WRONG_SHAPE_SUMMARY = JSON.stringify({
  page: {
    id: "tymt9n04zgry",
    name: "Claude",
    url: "https://status.claude.com",
    updated_at: "2026-11-20T16:42:07.118Z",
  },
  components: { "claude.ai": "operational" },
  incidents: [],
  scheduled_maintenances: [],
  status: { indicator: 3 },
});
const TRUNCATED_JSON = '{"page":{"id":"tymt9n04zgry","name":"Cla';

const DOWN_HTML = "<!doctype html><title>503 Service Unavailable</title><h1>Service Unavailable</h1>";
// What the README reports CloudFront answering bots with since 2026-09-17.
const CHALLENGE_HTML =
  "<!doctype html><title>Human Verification</title><p>Please verify you are a human.</p>";

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...BASE_HEADERS, "content-type": type, ...extra });
  res.end(body);
}

function malformedBody(route: string): { type: string; body: string } {
  if (route === "/api/v2/summary.json") return { type: JSON_TYPE, body: WRONG_SHAPE_SUMMARY };
  const type = ROUTES.get(route)?.type ?? JSON_TYPE;
  return { type, body: type === JSON_TYPE ? TRUNCATED_JSON : '<?xml version="1.0"?><rss><chan' };
}

/** Starts the mock on `port` (default 0 = any free port) and resolves once it listens. */
export async function startMockStatusServer(
  options: MockStatusServerOptions = {},
): Promise<MockStatusServer> {
  const { port = 0, host = "127.0.0.1", fixturesDir = DEFAULT_FIXTURES_DIR, slowMs = 10_000 } = options;
  let scenario: MockScenario = options.scenario ?? "operational";
  const pendingTimers = new Set<ReturnType<typeof setTimeout>>();

  /** `/api/v2/incidents/<id>.json`, as the real page answers it: the incident from this scenario's list. */
  async function serveIncident(res: ServerResponse, folder: string, id: string): Promise<void> {
    try {
      const list = JSON.parse(await readFile(path.join(fixturesDir, folder, "incidents.json"), "utf8")) as {
        incidents: { id: string }[];
      };
      const incident = list.incidents.find((candidate) => candidate.id === id);
      if (incident !== undefined) return send(res, 200, JSON_TYPE, JSON.stringify({ incident }));
    } catch {
      // No list in this scenario: the incident is not there either.
    }
    send(res, 404, JSON_TYPE, JSON.stringify({ error: "not found" }));
  }

  async function serveFixture(res: ServerResponse, folder: string, route: string): Promise<void> {
    const single = /^\/api\/v2\/incidents\/([a-z0-9]{1,40})\.json$/.exec(route);
    if (single?.[1] !== undefined && single[1] !== "unresolved") return serveIncident(res, folder, single[1]);
    const entry = ROUTES.get(route);
    if (entry === undefined) return send(res, 404, JSON_TYPE, JSON.stringify({ error: "not found" }));
    try {
      send(res, 200, entry.type, await readFile(path.join(fixturesDir, folder, entry.file), "utf8"));
    } catch {
      send(res, 404, JSON_TYPE, JSON.stringify({ error: `no ${entry.file} in ${folder}` }));
    }
  }

  function control(req: IncomingMessage, res: ServerResponse, route: string): void {
    const requested = route.slice("/__mock/scenario".length).replace(/^\//, "");
    if (req.method === "POST" || req.method === "PUT") {
      if (!isMockScenario(requested)) {
        return send(
          res,
          400,
          JSON_TYPE,
          JSON.stringify({ error: `unknown scenario ${requested}`, scenarios: MOCK_SCENARIOS }),
        );
      }
      scenario = requested;
    }
    send(res, 200, JSON_TYPE, JSON.stringify({ scenario }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Query strings are ignored, as the real API ignores ?page= and ?limit= (README "Limits").
    const route = new URL(req.url ?? "/", "http://mock.invalid").pathname;
    if (route.startsWith("/__mock/scenario")) return control(req, res, route);
    if (req.method !== "GET" && req.method !== "HEAD")
      return send(res, 405, JSON_TYPE, JSON.stringify({ error: "GET only" }));
    switch (scenario) {
      case "down":
        return send(res, 503, HTML_TYPE, DOWN_HTML, { "retry-after": "30" });
      case "challenge":
        return send(res, 405, HTML_TYPE, CHALLENGE_HTML);
      case "malformed": {
        if (!ROUTES.has(route)) return send(res, 404, JSON_TYPE, JSON.stringify({ error: "not found" }));
        const { type, body } = malformedBody(route);
        return send(res, 200, type, body);
      }
      case "slow": {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            pendingTimers.delete(timer);
            resolve();
          }, slowMs);
          pendingTimers.add(timer);
          res.on("close", () => {
            clearTimeout(timer);
            pendingTimers.delete(timer);
            resolve();
          });
        });
        if (res.destroyed || res.writableEnded) return;
        return serveFixture(res, "operational", route);
      }
      default:
        return serveFixture(res, scenario, route);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, JSON_TYPE, JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${hostInUrl}:${actualPort}`,
    port: actualPort,
    scenario: () => scenario,
    setScenario(next) {
      scenario = next;
    },
    close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

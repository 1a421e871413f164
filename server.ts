// The production server (`npm start`): Node's HTTP server with the front door (lib/security/front-door.ts)
// in front of Next.js. It exists because Next.js alone cannot see the socket's address, bound how long a
// request body may take, or answer TRACE and undecodable paths with the app's headers.
//
//   npm run build && npm start        (PORT, HOSTNAME, BODY_TIMEOUT_MS and the rest from lib/env.ts)
import next from "next";
import { env } from "./lib/env";
import { getDiagnosePool, LARGE_PASTE_CHARS } from "./lib/pool/shared";
import { createFrontServer, frontDoor } from "./lib/security/front-door";
import { installOneLineLog } from "./lib/security/log-lines";

/** How long a large body shed by the door waits for its 503 (lib/security/front-door.ts's PoolGate). */
const SHED_DELAY_MS = 250;

async function main(): Promise<void> {
  // Errors as one line each, never a stack trace per request.
  installOneLineLog();
  const settings = env();
  const { PORT: port, HOSTNAME: hostname, BODY_TIMEOUT_MS: bodyTimeoutMs, permalinks } = settings;
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  // The worker pool for large pastes, started now (the routes find the same one): the door admits large
  // bodies up to its capacity and sheds the rest before reading them.
  const pool = getDiagnosePool();
  const door = frontDoor({
    trustProxyHops: permalinks.trustProxyHops,
    pool:
      pool === null
        ? null
        : {
            minBytes: LARGE_PASTE_CHARS,
            capacity: () => pool.capacity(),
            retryAfterSeconds: () => pool.retryAfterSeconds(),
            shedDelayMs: SHED_DELAY_MS,
          },
    limits: {
      read: permalinks.readRateLimit,
      rerun: permalinks.rerunRateLimit,
      preview: permalinks.previewRateLimit,
    },
  });

  const server = createFrontServer({ door, handle, bodyTimeoutMs });
  server.listen(port, hostname, () => {
    console.info(`Claude Error Triage on http://${hostname}:${port}`);
  });

  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

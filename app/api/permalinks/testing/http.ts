import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { permalinkApi } from "../handlers";

// Test-only: the permalink API on a plain Node HTTP server, routed the way the app's route files
// route it, so several "instances" (and a killable child process) can run without building Next.

type PermalinkApi = ReturnType<typeof permalinkApi>;

export type ServedApi = { url: string; close(): Promise<void> };

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const ITEM = /^\/api\/permalinks\/([^/]{1,100})$/;

async function route(api: PermalinkApi, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === "/api/permalinks" && request.method === "POST") return api.create(request);
  const id = ITEM.exec(pathname)?.[1];
  if (id !== undefined && request.method === "GET") return api.read(request, decodeURIComponent(id));
  if (id !== undefined && request.method === "DELETE") return api.remove(request, decodeURIComponent(id));
  return new Response(null, { status: 404 });
}

/** Serves `api` on 127.0.0.1:`port` (0 picks a free port). */
export function serveApi(api: PermalinkApi, port = 0): Promise<ServedApi> {
  const server = createServer((req, res) => {
    void (async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers.set(name, value);
      const body = req.method === "POST" ? await readBody(req) : undefined;
      const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`), {
        method: req.method ?? "GET",
        headers,
        ...(body === undefined ? {} : { body: new Uint8Array(body) }),
      });
      const response = await route(api, request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(error instanceof Error ? error.name : "error");
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

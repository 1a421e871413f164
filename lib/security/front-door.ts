import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { CLIENT_ADDRESS_HEADER, clientKey } from "../permalinks/client-key";
import type { RateLimitSetting } from "../permalinks/config";
import { memoryRateLimiter, type LinkRateLimiter } from "../permalinks/rate-limit";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./headers";

// The plain Node.js layer in front of Next.js (server.ts): what must be decided from the socket or before
// any routing — who the client is, which methods exist, whether the path can be read at all, how much
// reading of links one client may do, and how long a client may take to send its request.

/** Methods the app answers; anything else (TRACE, CONNECT, PROPFIND, …) gets 405 here. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "DELETE", "OPTIONS"] as const;

/** Which per-client allowance a request spends, if any. */
export type Allowance = "read" | "rerun" | "preview";

const LINK_ID = String.raw`[\w-]{1,64}`;
const LINK_PAGE = new RegExp(`^/d/${LINK_ID}/?$`);
const LINK_PREVIEW = new RegExp(`^/d/${LINK_ID}/opengraph-image[\\w.-]{0,40}$`);
const LINK_API = new RegExp(`^/api/permalinks/${LINK_ID}/?$`);

/** The allowance a request spends: reading a link (page or API), re-running it, or its preview image. */
export function allowanceFor(
  method: string,
  pathname: string,
  headers: IncomingMessage["headers"],
): Allowance | null {
  if (method === "GET" || method === "HEAD") {
    if (LINK_PREVIEW.test(pathname)) return "preview";
    if (LINK_PAGE.test(pathname) || LINK_API.test(pathname)) return "read";
    return null;
  }
  // The link page's only server action is the re-run.
  if (method === "POST" && LINK_PAGE.test(pathname) && headers["next-action"] !== undefined) return "rerun";
  return null;
}

/** Requests whose body, when large, is diagnosed or redacted on the worker pool (lib/pool). */
const POOLED_PATHS = new Set(["/api/diagnose", "/api/diagnose/", "/api/permalinks", "/api/permalinks/"]);

/**
 * The worker pool as the door sees it: large bodies bound for it are admitted up to its capacity (threads and
 * queue places); past that they are answered 503 at once, before a byte of the body is read or parsed.
 */
export type PoolGate = {
  /** A body declaring at least this many bytes goes to the pool. */
  minBytes: number;
  capacity(): number;
  retryAfterSeconds(): number;
  /**
   * How long a shed request waits for its 503 (its body unread meanwhile). A client that retries at once,
   * ignoring Retry-After, then sends a large body a few times a second instead of thousands, and the bodies
   * the server must still take in and discard stop competing with the requests it serves. Default 0.
   */
  shedDelayMs?: number;
};

export type FrontDoorOptions = {
  trustProxyHops: number;
  limits: Record<Allowance, RateLimitSetting>;
  pool?: PoolGate | null;
  /** One line per refused or aborted request; never a header value or anything of the body. */
  log?: (line: string) => void;
};

type Refusal = { status: number; type: string; message: string; headers?: Record<string, string> };

const SECURITY_HEADERS = Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]));

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal as the API's JSON envelope or, for pages, a small error page; with the security headers. */
export function refusalBody(
  pathname: string,
  refusal: Refusal,
): { headers: Record<string, string>; body: string } {
  const api = pathname.startsWith("/api/");
  const body = api
    ? JSON.stringify({ error: { type: refusal.type, message: refusal.message } })
    : `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${refusal.status} · Claude Error Triage</title></head>` +
      `<body><h1>${escapeHtml(refusal.message)}</h1><p><a href="/">Diagnose an error</a></p></body></html>`;
  return {
    headers: {
      ...SECURITY_HEADERS,
      "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
      "Content-Type": api ? "application/json" : "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Length": String(Buffer.byteLength(body)),
      ...refusal.headers,
    },
    body,
  };
}

function send(res: ServerResponse, pathname: string, refusal: Refusal, method: string): void {
  const { headers, body } = refusalBody(pathname, refusal);
  res.writeHead(refusal.status, headers);
  res.end(method === "HEAD" ? undefined : body);
}

/** The path of a request target, or null when it cannot be decoded (a stray `%`, invalid UTF-8). */
function readablePath(url: string | undefined): string | null {
  const pathname = (url ?? "/").split("?", 1)[0] ?? "/";
  try {
    decodeURIComponent(pathname);
    return pathname;
  } catch {
    return null;
  }
}

export type FrontDoor = {
  /**
   * Decides a request before Next.js sees it: answers it itself (405, 400, 429) and returns true, or stamps
   * the client's socket address on it and returns false for Next.js to handle.
   */
  admit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The server's 'clientError' handler: the body deadline's 408 and malformed requests, one log line each. */
  onClientError(error: Error & { code?: string }, socket: Socket): void;
};

/** `/api/healthz`'s answer, the same as its route's, made here so a health check never waits on Next's router. */
function sendHealth(res: ServerResponse, method: string): void {
  const body = JSON.stringify({ ok: true });
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "Content-Length": String(Buffer.byteLength(body)),
  });
  res.end(method === "HEAD" ? undefined : body);
}

const HEALTH_PATHS = new Set(["/api/healthz", "/api/healthz/"]);

export function frontDoor({
  trustProxyHops,
  limits,
  pool = null,
  log = (line) => console.warn(line),
}: FrontDoorOptions): FrontDoor {
  // Large pooled bodies admitted and not yet answered.
  let pooledInFlight = 0;
  const limiters: Record<Allowance, LinkRateLimiter> = {
    read: memoryRateLimiter(limits.read, "link-read"),
    rerun: memoryRateLimiter(limits.rerun, "link-rerun"),
    preview: memoryRateLimiter(limits.preview, "link-preview"),
  };

  return {
    async admit(req, res) {
      const method = (req.method ?? "GET").toUpperCase();
      const pathname = readablePath(req.url);
      // Only the server may say where a request came from.
      delete req.headers[CLIENT_ADDRESS_HEADER];
      if (req.socket.remoteAddress !== undefined)
        req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress;

      if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
        send(
          res,
          pathname ?? "/",
          {
            status: 405,
            type: "method_not_allowed",
            message: "This method is not allowed here.",
            headers: { Allow: ALLOWED_METHODS.join(", ") },
          },
          method,
        );
        return true;
      }
      if (pathname === null) {
        send(
          res,
          "/",
          { status: 400, type: "invalid_request", message: "This address cannot be read." },
          method,
        );
        return true;
      }
      if ((method === "GET" || method === "HEAD") && HEALTH_PATHS.has(pathname)) {
        sendHealth(res, method);
        return true;
      }
      if (pool !== null && method === "POST" && POOLED_PATHS.has(pathname)) {
        const declared = Number(req.headers["content-length"] ?? Number.NaN);
        if (Number.isFinite(declared) && declared >= pool.minBytes) {
          if (pooledInFlight >= pool.capacity()) {
            const retryAfterSeconds = pool.retryAfterSeconds();
            // The body is never parsed: Node discards it as it arrives once the answer is sent.
            const shed = () => {
              if (res.destroyed || res.headersSent) return;
              send(
                res,
                pathname,
                {
                  status: 503,
                  type: "overloaded",
                  message: `The server is busy with other large pastes; try again in ${retryAfterSeconds} s.`,
                  headers: { "Retry-After": String(retryAfterSeconds) },
                },
                method,
              );
            };
            const delay = pool.shedDelayMs ?? 0;
            if (delay > 0) setTimeout(shed, delay).unref();
            else shed();
            return true;
          }
          pooledInFlight += 1;
          res.once("close", () => {
            pooledInFlight -= 1;
          });
        }
      }
      const allowance = allowanceFor(method, pathname, req.headers);
      if (allowance !== null) {
        const forwarded = req.headers["x-forwarded-for"];
        const key = clientKey(
          {
            socketAddress: req.socket.remoteAddress ?? null,
            forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null),
          },
          trustProxyHops,
        );
        const decision = await limiters[allowance].consume(key);
        if (!decision.ok) {
          send(
            res,
            pathname,
            {
              status: 429,
              type: "rate_limited",
              message: `Too many requests from here; try again in ${decision.retryAfterSeconds} s.`,
              headers: { "Retry-After": String(decision.retryAfterSeconds) },
            },
            method,
          );
          return true;
        }
      }
      return false;
    },

    onClientError(error, socket) {
      const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
      if (timedOut) log("[http] closed a request that took longer than the deadline to arrive (408)");
      // Nothing answered yet on this connection: answer with the envelope and the security headers, then
      // close it (Node's own handler would send a bare 408 or 400).
      if (socket.writable && socket.bytesWritten === 0) {
        const { headers, body } = refusalBody("/api/", {
          status: timedOut ? 408 : 400,
          type: timedOut ? "request_timeout" : "invalid_request",
          message: timedOut ? "The request took too long to arrive." : "The request could not be read.",
          headers: { Connection: "close" },
        });
        const head = Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join("\r\n");
        socket.end(
          `HTTP/1.1 ${timedOut ? "408 Request Timeout" : "400 Bad Request"}\r\n${head}\r\n\r\n${body}`,
        );
        setTimeout(() => socket.destroy(), 1000).unref();
      } else socket.destroy();
    },
  };
}

/**
 * The HTTP server in front of `handle` (Next.js's request handler): the whole request, headers and body, must
 * arrive within `bodyTimeoutMs` (then 408 and a closed connection), and every request passes the door first.
 */
export function createFrontServer({
  door,
  handle,
  bodyTimeoutMs,
}: {
  door: FrontDoor;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  bodyTimeoutMs: number;
}): Server {
  const server = createServer(
    {
      requestTimeout: bodyTimeoutMs,
      headersTimeout: Math.min(bodyTimeoutMs, 10_000),
      // How often Node checks those deadlines (its default, 30 s, would let a deadline run 30 s late).
      connectionsCheckingInterval: Math.min(1000, bodyTimeoutMs),
    },
    (req, res) => {
      door.admit(req, res).then(
        (answered) => (answered ? undefined : handle(req, res)),
        () => {
          if (!res.headersSent) res.writeHead(500, refusalBody(req.url ?? "/", FAILED).headers);
          res.end(refusalBody(req.url ?? "/", FAILED).body);
        },
      );
    },
  );
  server.on("clientError", door.onClientError);
  return server;
}

const FAILED: Refusal = {
  status: 500,
  type: "internal_error",
  message: "Something went wrong on the server.",
};

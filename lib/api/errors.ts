import type { ApiErrorType } from "./json-request";

/** The API's one error shape, `{"error": {"type", "message"}}`, with `headers` added. */
export function errorResponse(
  status: number,
  type: ApiErrorType,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { type, message } },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** A failure from below a handler (store, pool, disk), as an answer the client can act on. */
export type FailureAnswer = {
  status: 500 | 503;
  type: ApiErrorType;
  message: string;
  retryAfterSeconds?: number;
};

// Codes of a store that cannot be reached or written for now: PostgreSQL restarting or its backend killed
// (57P01–57P03, 08xxx), a refused or reset connection, SQLite busy, a full disk.
const UNAVAILABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
]);
const FULL_CODES = new Set(["SQLITE_FULL", "ENOSPC", "53100"]);

/** The error's code (`SQLITE_FULL`, `57P01`, `ECONNREFUSED`) or its class name: all a log line may say. */
export function failureCode(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && /^\w{1,40}$/.test(code)) return code;
    if (error instanceof Error) {
      if (/connection terminated|timeout exceeded when trying to connect/i.test(error.message))
        return "ECONNRESET";
      return error.name;
    }
  }
  return "unknown";
}

/** What to answer for a failure: 503 with Retry-After when trying again can help, 500 otherwise. */
export function answerFor(error: unknown): FailureAnswer {
  const code = failureCode(error);
  if (FULL_CODES.has(code))
    return {
      status: 503,
      type: "unavailable",
      message: "The server cannot store anything right now (its disk is full). Try again later.",
      retryAfterSeconds: 60,
    };
  if (UNAVAILABLE_CODES.has(code))
    return {
      status: 503,
      type: "unavailable",
      message: "The link store is briefly unreachable. Try again in a moment.",
      retryAfterSeconds: 1,
    };
  return {
    status: 500,
    type: "internal_error",
    message: "Something went wrong on the server; nothing was stored.",
  };
}

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>;

/**
 * Wraps a route handler so that a failure below it answers with the error envelope, never an empty 500 or a
 * stack trace: one log line names the route and the error's code, nothing of the request.
 */
export function withErrorEnvelope<A extends unknown[]>(
  route: string,
  handler: Handler<A>,
  log: (line: string) => void = (line) => console.error(line),
): Handler<A> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const answer = answerFor(error);
      log(`[api] ${request.method} ${route} failed: ${failureCode(error)} → ${answer.status}`);
      return errorResponse(
        answer.status,
        answer.type,
        answer.message,
        answer.retryAfterSeconds === undefined ? {} : { "Retry-After": String(answer.retryAfterSeconds) },
      );
    }
  };
}

import { describe, expect, it } from "vitest";
import { withErrorEnvelope } from "./errors";

const request = () => new Request("http://localhost/api/permalinks", { method: "POST" });
const failing = (error: unknown) => async () => {
  throw error;
};

describe("withErrorEnvelope", () => {
  it.each([
    [
      "a full disk (SQLite)",
      Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }),
      503,
      "unavailable",
    ],
    [
      "a killed PostgreSQL backend",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      503,
      "unavailable",
    ],
    ["a dropped pg connection", new Error("Connection terminated unexpectedly"), 503, "unavailable"],
    ["anything else", new TypeError("x is not a function"), 500, "internal_error"],
  ])("answers %s with the envelope, not an empty 500", async (_name, error, status, type) => {
    const lines: string[] = [];
    const response = await withErrorEnvelope("/api/permalinks", failing(error), (line) => lines.push(line))(
      request(),
    );
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { type, message: expect.any(String) } });
    if (status === 503) expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // One line naming the route and the code; no message text, no stack.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[api\] POST \/api\/permalinks failed: \S+ → \d{3}$/);
  });

  it("passes a handler's own answer through", async () => {
    const ok = withErrorEnvelope("/x", async () => new Response("fine", { status: 201 }));
    expect((await ok(request())).status).toBe(201);
  });
});

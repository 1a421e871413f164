import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { redact } from "@/lib/redact";
import { diagnosisReportSchema } from "@/lib/report";
import { PASTE, PLANTED_KEY } from "@/lib/store/testing/fixtures";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// The routes run on the process-wide store and limiter, which read lib/env.ts on first use: point
// them at a temporary DATA_DIR and the in-process status mock before importing the routes.
const KEY_BODY = PLANTED_KEY.slice(13, 40);
const RATE_LIMIT = 5;
let dataDir: string;
let server: MockStatusServer;
let POST: (request: Request) => Promise<Response>;
let GET: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let DELETE: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const logged: string[] = [];

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
  dataDir = mkdtempSync(path.join(tmpdir(), "triage-routes-"));
  server = await startMockStatusServer({ scenario: "operational", port: 0 });
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    STATUS_PAGE_URL: server.url,
    TRUST_PROXY: "1",
    PERMALINK_RATE_LIMIT: `${RATE_LIMIT}/60s`,
  });
  delete process.env.DATABASE_URL;
  ({ POST } = await import("./route"));
  ({ GET, DELETE } = await import("./[id]/route"));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Every request comes from its own address unless a test says otherwise, so only the rate-limit
// test meets the limit.
let nextAddress = 1;
const freshAddress = () => `198.51.100.${nextAddress++}`;

function post(body: unknown, address = freshAddress()): Request {
  return new Request("http://localhost/api/permalinks", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.9.9.9, ${address}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const read = (id: string) => GET(new Request(`http://localhost/api/permalinks/${id}`), context(id));
const remove = (id: string, authorization?: string) =>
  DELETE(
    new Request(`http://localhost/api/permalinks/${id}`, {
      method: "DELETE",
      headers: authorization === undefined ? {} : { authorization },
    }),
    context(id),
  );

type Created = { id: string; url: string; deleteToken: string; expiresAt: string };
async function create(body: unknown = { text: PASTE }): Promise<Created> {
  const response = await POST(post(body));
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

function expectPrivateHeaders(response: Response): void {
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-robots-tag")).toBe("noindex");
}

describe("POST /api/permalinks", () => {
  it("answers 201 with the id, an absolute URL on the request's origin, the delete token and the expiry", async () => {
    const before = Date.now();
    const response = await POST(post({ text: PASTE }));
    expect(response.status).toBe(201);
    expectPrivateHeaders(response);
    const body = (await response.json()) as Created;
    expect(Object.keys(body).sort()).toEqual(["deleteToken", "expiresAt", "id", "url"]);
    expect(body.id).toMatch(/^[\w-]{22}$/);
    expect(body.deleteToken).toMatch(/^[\w-]{43}$/);
    expect(body.url).toBe(`http://localhost/d/${body.id}`);
    expect(response.headers.get("location")).toBe(body.url);
    const lifetime = Date.parse(body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(30 * 86_400_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(30 * 86_400_000 + 1000);
  });

  it("uses the Host the request was sent to", async () => {
    const request = post({ text: PASTE });
    request.headers.set("host", "triage.example.com");
    request.headers.set("x-forwarded-proto", "https");
    const body = (await (await POST(request)).json()) as Created;
    expect(body.url).toBe(`https://triage.example.com/d/${body.id}`);
  });

  it("takes a lifetime from 1h to 90d and refuses others naming the field", async () => {
    const before = Date.now();
    const hour = await create({ text: PASTE, ttl: "1h" });
    expect(Date.parse(hour.expiresAt) - before).toBeLessThanOrEqual(3_600_000 + 1000);
    const response = await POST(post({ text: PASTE, ttl: "91d" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { type: "invalid_request", message: expect.stringMatching(/^ttl: .*from 1h to 90d/) },
    });
  });

  it.each([
    ["an empty text", { text: " " }, 400],
    ["an unknown key", { text: PASTE, expires: "1d" }, 400],
    ["a bad time", { text: PASTE, occurredAt: "yesterday" }, 400],
    ["a form post", "text=x", 415],
  ])("refuses %s without storing anything", async (_name, body, status) => {
    const request =
      typeof body === "string"
        ? new Request("http://localhost/api/permalinks", {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body,
          })
        : post(body);
    const response = await POST(request);
    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).not.toContain(KEY_BODY);
  });
});

describe("GET /api/permalinks/:id", () => {
  it("answers the stored redacted text and report, without the token or its hash", async () => {
    const created = await create({ text: PASTE, occurredAt: "2026-11-21T10:00:00Z" });
    const response = await read(created.id);
    expect(response.status).toBe(200);
    expectPrivateHeaders(response);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      "classifierVersion",
      "createdAt",
      "diagnosis",
      "expiresAt",
      "id",
      "redactedText",
    ]);
    expect(body.redactedText).toBe(redact(PASTE).text);
    const report = diagnosisReportSchema.parse(body.diagnosis);
    expect(report.branch).toBe("overloaded");
    expect(report.evidence.requestIds).toEqual(["req_011CPn8q9cC1sEuYH5kQdXQm"]);
    expect(report.evidence.occurredAt).toBe("2026-11-21T10:00:00.000Z");
    // The status page was read when the link was made (live, or from the client's cache).
    expect(report.statusContext?.indicator).toBe("none");
    expect(body.expiresAt).toBe(created.expiresAt);
  });

  it("answers 404 for an unknown id and for a string that is no id", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "..%2F..%2Fetc", "x"]) {
      const response = await read(id);
      expect(response.status, id).toBe(404);
      expectPrivateHeaders(response);
    }
  });
});

describe("DELETE /api/permalinks/:id", () => {
  it("deletes with the token (204), after which the link answers 404", async () => {
    const created = await create();
    const response = await remove(created.id, `Bearer ${created.deleteToken}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await read(created.id)).status).toBe(404);
    expect((await remove(created.id, `Bearer ${created.deleteToken}`)).status).toBe(404);
  });

  it("forbids another token (403) and keeps the link", async () => {
    const created = await create();
    const other = await create();
    expect((await remove(created.id, `Bearer ${other.deleteToken}`)).status).toBe(403);
    expect((await remove(created.id, "Bearer short")).status).toBe(403);
    expect((await read(created.id)).status).toBe(200);
  });

  it("asks for the token (401) when there is no Bearer header", async () => {
    const created = await create();
    for (const header of [undefined, `Basic ${created.deleteToken}`]) {
      const response = await remove(created.id, header);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect((await read(created.id)).status).toBe(200);
  });

  it("answers 404 for an unknown id whatever the token", async () => {
    const created = await create();
    expect((await remove("AAAAAAAAAAAAAAAAAAAAAA", `Bearer ${created.deleteToken}`)).status).toBe(404);
  });
});

describe("rate limit on link creation", () => {
  it(`lets ${RATE_LIMIT} links a minute through per client, then answers 429 with Retry-After`, async () => {
    const address = freshAddress();
    for (let i = 0; i < RATE_LIMIT; i += 1)
      expect((await POST(post({ text: PASTE }, address))).status).toBe(201);
    const refused = await POST(post({ text: PASTE }, address));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({ error: { type: "rate_limited", message: expect.any(String) } });
    // Another client is not held back; the forged left-hand entry of the header never counted.
    expect((await POST(post({ text: PASTE }, freshAddress()))).status).toBe(201);
  });
});

describe("the planted secret", () => {
  it("is in no database file, no response and no console output", async () => {
    const bodies: string[] = [];
    const created = await create({ text: PASTE, ttl: "1d" });
    bodies.push(JSON.stringify(created));
    bodies.push(await (await read(created.id)).text());
    bodies.push(await (await POST(post({ text: PASTE, ttl: "bad" }))).text());
    bodies.push(await (await POST(post(`{"text": "${PLANTED_KEY}`))).text());
    expect(bodies.join("\n")).toContain(created.id);

    const files = readdirSync(dataDir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const stored = files.map((file) => readFileSync(path.join(dataDir, file)).toString("latin1")).join("\n");
    expect(stored).toContain(created.id);

    for (const [where, text] of [
      ["responses", bodies.join("\n")],
      ["database files", stored],
      ["console", logged.join("\n")],
    ] as const)
      expect(text, where).not.toContain(KEY_BODY);
    // The delete token is answered once, to its creator, and kept nowhere.
    expect(stored).not.toContain(created.deleteToken);
    expect(logged.join("\n")).not.toContain(created.deleteToken);
  });
});

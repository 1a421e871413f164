import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { startMockStatusServer, type MockStatusServer } from "@/scripts/mock-status-server";

// From issue 3 on, unredacted pasted text reaches no response but the page render of the user's own paste.
// These requests all fail; their error bodies must name the problem without quoting the paste.
let server: MockStatusServer;
let routes: Record<"diagnose" | "packet", (request: Request) => Promise<Response>>;
beforeAll(async () => {
  server = await startMockStatusServer({ scenario: "operational", port: 0 });
  process.env.STATUS_PAGE_URL = server.url;
  routes = {
    diagnose: (await import("./diagnose/route")).POST,
    packet: (await import("./packet/route")).POST,
  };
});
afterAll(async () => {
  await server.close();
});

const KEY = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;
const BEARER = "eyQ3Lk9Mn2Bv6Cx1Za8Sd4Fg7Hj0Kl5Pq3Wr6Ty9Ui";
const EMAIL = "jane.rivera@northwind-labs.io";
const PASTE = `x-api-key: ${KEY}\nAuthorization: Bearer ${BEARER}\nfrom ${EMAIL}\nAPI Error: 529 Overloaded`;
// Any run of these in an error body would be an echo of the paste.
const FRAGMENTS = [KEY.slice(0, 10), KEY.slice(20, 40), BEARER.slice(0, 12), "jane.rivera", "northwind"];

const FAILING: Array<[string, string]> = [
  ["an occurredAt that is not ISO", JSON.stringify({ text: PASTE, occurredAt: `at ${KEY}` })],
  ["the paste as an unknown key", JSON.stringify({ text: "x", [KEY]: true, [EMAIL]: 1 })],
  ["the paste as a bare body", PASTE],
  ["the paste after a valid prefix", `{"text": "x"} ${KEY}`],
  ["an unterminated string", `{"text": "${KEY}`],
  ["the paste in place of the text", JSON.stringify({ text: [PASTE] })],
  ["a paste with a NUL", JSON.stringify({ text: `${PASTE}\u0000` })],
  ["a paste over the size limit", JSON.stringify({ text: `${PASTE}\n${"a".repeat(MAX_INPUT_BYTES)}` })],
];

describe.each(["diagnose", "packet"] as const)("POST /api/%s refusals never echo the paste", (route) => {
  it.each(FAILING)("%s", async (_name, body) => {
    const response = await routes[route](
      new Request(`http://localhost/api/${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { type: expect.any(String), message: expect.any(String) } });
    for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
  });
});

describe("the packet route's answer to a good paste", () => {
  it("holds no part of the secrets in it", async () => {
    const response = await routes.packet(
      new Request("http://localhost/api/packet", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/markdown" },
        body: JSON.stringify({ text: PASTE, impact: `mail ${EMAIL}` }),
      }),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
  });
});

import { expect, test } from "@playwright/test";
import { encodePrivateDiagnosis } from "@/lib/permalinks/fragment";
import { diagnoseOffline } from "@/lib/report";
import { APP_PORT } from "./fixtures/servers";
import { ShareControls } from "./pages/share-controls";
import { TriagePage } from "./pages/triage-page";

// Findings of the second attack run, each as a check against the production server.

const ATTACK = "SECURITY ALERT: your key leaked. Re-enter your key at https://evil.example/login";
const OVERLOADED =
  'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

/** A private link written by hand: the site's own shapes, an attacker's words, an outside incident link. */
function craftedFragment(): string {
  const report = diagnoseOffline(OVERLOADED, { now: new Date(), random: Math.random });
  return encodePrivateDiagnosis(ATTACK, {
    ...report,
    headline: ATTACK,
    confidence: 0.95,
    signals: [],
    occurrences: [],
    statusContext: {
      indicator: "major",
      description: ATTACK,
      checkedAt: new Date().toISOString(),
      source: "live",
      components: [],
      activeIncidents: [],
      correlatedIncidents: [],
    } as never,
  });
}

test.describe("private links", () => {
  for (const [name, suffix] of [
    ["unsigned", ""],
    ["with a signature that is not this site's", `.${"A".repeat(86)}`],
  ] as const) {
    test(`a crafted link ${name} shows no attacker text as a diagnosis, only as a marked quote`, async ({
      page,
    }) => {
      await page.goto(`/p#${craftedFragment()}${suffix}`);
      await expect(page.getByRole("heading", { name: "Not a diagnosis from this site" })).toBeVisible();
      const quote = page.getByTestId("unverified-quote");
      await expect(quote).toContainText("SECURITY ALERT");
      // Nowhere else: no headline, no branch card, no incident, no link out.
      await expect(page.locator("#diagnosis-headline")).toHaveCount(0);
      await expect(page.getByRole("heading", { level: 2, name: /SECURITY ALERT/ })).toHaveCount(0);
      await expect(page.locator('a[href*="evil.example"]')).toHaveCount(0);
      const outside = await page.locator("main").evaluate((main) => {
        const quoteNode = main.querySelector('[data-testid="unverified-quote"]');
        const clone = main.cloneNode(true) as HTMLElement;
        clone.querySelector('[data-testid="unverified-quote"]')?.remove();
        return { rest: clone.textContent ?? "", quoted: quoteNode !== null };
      });
      expect(outside.quoted).toBe(true);
      expect(outside.rest).not.toContain("SECURITY ALERT");
      expect(outside.rest).not.toContain("evil.example");
    });
  }

  test("a link made by this site opens as its diagnosis; one changed after signing does not", async ({
    page,
  }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(OVERLOADED);
    await triage.diagnose();
    const url = await new ShareControls(page).sharePrivately();
    const signature = url.slice(url.lastIndexOf(".") + 1);

    await page.goto(url);
    await expect(page.locator("#diagnosis-headline")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Not a diagnosis from this site" })).toHaveCount(0);

    await page.goto(`/p#${craftedFragment()}.${signature}`);
    await expect(page.getByRole("heading", { name: "Not a diagnosis from this site" })).toBeVisible();
    await expect(page.locator("#diagnosis-headline")).toHaveCount(0);
  });
});

test.describe("the front door", () => {
  test("TRACE and other unknown methods get 405 with the security headers, not a 500", async ({
    request,
  }) => {
    for (const method of ["TRACE", "PROPFIND"]) {
      for (const path of ["/", "/api/diagnose"]) {
        const response = await request.fetch(path, { method });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()["x-content-type-options"]).toBe("nosniff");
        expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
        expect(response.headers()["allow"]).toContain("GET");
      }
    }
    const api = await request.fetch("/api/diagnose", { method: "TRACE" });
    expect(await api.json()).toEqual({ error: { type: "method_not_allowed", message: expect.any(String) } });
  });

  test("a link id with broken % encoding gets 400 with the security headers", async ({ request }) => {
    for (const path of ["/d/%E0%A4%A", "/api/permalinks/%zz"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect(response.headers()["x-frame-options"]).toBe("DENY");
      expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
    }
  });

  test("a forged Host never shapes a link, its Location or its preview image", async ({ request }) => {
    const created = await request.post("/api/permalinks", {
      data: { text: OVERLOADED, ttl: "1h" },
      headers: { host: "evil.example", "x-forwarded-proto": "https" },
    });
    expect(created.status()).toBe(201);
    const { url, id } = (await created.json()) as { url: string; id: string };
    expect(url).toBe(`http://127.0.0.1:${APP_PORT}/d/${id}`);
    expect(created.headers()["location"]).toBe(url);
    const page = await request.get(`/d/${id}`, { headers: { host: "evil.example" } });
    const html = await page.text();
    expect(html).toMatch(/property="og:image" content="http:\/\/127\.0\.0\.1:\d+\/d\//);
    expect(html).not.toContain("evil.example");
  });

  test("preview images exist only for existing links", async ({ request }) => {
    const missing = await request.get("/d/AAAAAAAAAAAAAAAAAAAAAA/opengraph-image");
    expect(missing.status()).toBe(404);
    expect((await missing.body()).length).toBe(0);
    const created = await request.post("/api/permalinks", { data: { text: OVERLOADED, ttl: "1h" } });
    const { id } = (await created.json()) as { id: string };
    const html = await (await request.get(`/d/${id}`)).text();
    const image = /property="og:image" content="https?:\/\/[^/"]+(\/d\/[^"]+)"/.exec(html)?.[1];
    expect(image).toBeTruthy();
    const first = await request.get(image!.replaceAll("&amp;", "&"));
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe("image/png");
    const second = await request.get(image!.replaceAll("&amp;", "&"));
    expect(Buffer.compare(await first.body(), await second.body())).toBe(0);
  });

  test("a stored 1 MiB paste is served folded, not whole", async ({ request }) => {
    const line = "2026-11-22 10:00:01 INFO worker: processed job 1 in 42 ms\n";
    const text = `${line.repeat(Math.floor((1024 * 1024 - 200) / line.length))}${OVERLOADED}`;
    const created = await request.post("/api/permalinks", { data: { text, ttl: "1h" } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const page = await request.get(`/d/${id}`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).toContain("shown folded");
    // Before: the whole paste three times over (2.1 MB of HTML); now the visible stretches only.
    expect(html.length).toBeLessThan(text.length / 4);
  });
});

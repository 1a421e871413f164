import { expect, test, type Page } from "@playwright/test";
import { PacketPanel } from "./pages/packet-panel";
import { ShareControls } from "./pages/share-controls";
import { TriagePage } from "./pages/triage-page";

// A paste that tries to run code three ways, around a real Claude error.
const HOSTILE = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'</script>`,
  `<svg onload="window.__pwned='svg'"></svg>`,
  `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"<img src=y onerror=\\"window.__pwned='body'\\">"},"request_id":"req_011CZAau32QzxDkriovTaFCB"}`,
].join("\n");

const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

/** Collects CSP violations the browser reports while a test runs. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("every page carries a nonce'd CSP that no inline script can pass, and its scripts carry the nonce", async ({
    request,
  }) => {
    const response = await request.get("/");
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers()).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(response.headers()["permissions-policy"]).toContain("camera=()");

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(policy);
  });

  test("API responses and static files carry the static headers", async ({ request }) => {
    const api = await request.get("/api/healthz");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");

    const html = await (await request.get("/")).text();
    const chunk = /<script\s[^>]*src="([^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    const file = await request.get(chunk!);
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("pasted markup stays inert", () => {
  test("on the page, in the packet preview and with no CSP violation from the app itself", async ({
    page,
  }) => {
    const violations = watchCsp(page);
    const triage = new TriagePage(page);
    await triage.open();
    await triage.pasteAtOnce(HOSTILE);
    await triage.diagnose();
    await expect(triage.result).toContainText("Overloaded");
    await expect(triage.pasteView).toContainText("<img src=x onerror=");

    const packet = new PacketPanel(page);
    await packet.waitUntilReady();
    await expect(packet.previewText).toContainText("<script>");

    expect(await pwned(page)).toBeNull();
    expect(page.locator("img[src='x'], img[src='y']")).toHaveCount(0);
    expect(violations).toEqual([]);
  });

  test("on a shared link and a private link", async ({ page, browser }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.pasteAtOnce(HOSTILE);
    await triage.diagnose();
    const share = new ShareControls(page);
    const { url } = await share.share("1 hour");
    const privateUrl = await share.sharePrivately();

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      const violations = watchCsp(other);
      for (const link of [url, privateUrl]) {
        await other.goto(link);
        await expect(other.getByRole("article")).toContainText("Overloaded");
        await expect(other.getByRole("article")).toContainText("onerror");
        expect(await pwned(other)).toBeNull();
      }
      expect(violations).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test("in the API's answers, which are JSON and never HTML", async ({ request }) => {
    const response = await request.post("/api/diagnose", { data: { text: HOSTILE } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  });
});

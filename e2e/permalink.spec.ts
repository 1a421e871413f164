import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import { ShareControls } from "./pages/share-controls";
import { SharedDiagnosisPage } from "./pages/shared-diagnosis-page";
import { TriagePage } from "./pages/triage-page";

// A fake key the redactor must remove before anything leaves the page.
const PLANTED_KEY = `sk-ant-api03-${"Zx9_Qw-8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm".repeat(3).slice(0, 93)}AA`;
const KEY_BODY = PLANTED_KEY.slice(13, 40);
const REQUEST_ID = "req_011CPn8q9cC1sEuYH5kQdXQm";
const PASTE = [
  `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${PLANTED_KEY}"`,
  "HTTP/1.1 529",
  `request-id: ${REQUEST_ID}`,
  '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
].join("\n");
const TITLE = BRANCH_CATALOGUE.overloaded.title;

async function createLink(
  request: APIRequestContext,
): Promise<{ id: string; url: string; deleteToken: string }> {
  const response = await request.post("/api/permalinks", { data: { text: PASTE, ttl: "1h" } });
  expect(response.status()).toBe(201);
  return response.json();
}

test.describe("sharing a diagnosis", () => {
  test("a shared link opens in a fresh browser with the same diagnosis and without the secret", async ({
    page,
    browser,
  }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(PASTE);
    await triage.diagnose();
    await expect(triage.branchHeading(TITLE)).toBeVisible();
    const headline = await page.getByRole("heading", { level: 2 }).first().textContent();

    const share = new ShareControls(page);
    const { url, deleteToken } = await share.share("1 day");
    expect(deleteToken).toMatch(/^[\w-]{43}$/);
    await expect(
      page.getByText("Keep the token to delete the link; it is not shown again.", { exact: false }),
    ).toBeVisible();

    const fresh = await browser.newContext();
    try {
      const shared = new SharedDiagnosisPage(await fresh.newPage());
      expect(await shared.open(url)).toBe(200);
      await expect(shared.heading).toBeVisible();
      await expect(shared.provenance).toContainText(/classifier v\S+ on \d{1,2} \w{3} \d{4}/);
      await expect(shared.result.branchHeading(TITLE)).toBeVisible();
      await expect(shared.page.getByRole("heading", { level: 2 }).first()).toHaveText(headline ?? "");
      await shared.result.openPanel("evidence");
      await expect(shared.result.evidenceValue("Request id")).toContainText(REQUEST_ID);
      await expect(shared.result.pasteView).toContainText("[REDACTED:");
      expect(await shared.page.content()).not.toContain(KEY_BODY);
    } finally {
      await fresh.close();
    }
  });

  test("a private link works with nothing asked of the store", async ({ page, browser }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(PASTE);
    await triage.diagnose();
    await expect(triage.branchHeading(TITLE)).toBeVisible();
    const url = await new ShareControls(page).sharePrivately();
    expect(url).not.toContain(KEY_BODY);

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      const requested: string[] = [];
      other.on("request", (request) => requested.push(request.url()));
      await other.goto(url);
      const opened = new TriagePage(other);
      await expect(opened.branchHeading(TITLE)).toBeVisible();
      await opened.openPanel("evidence");
      await expect(opened.evidenceValue("Request id")).toContainText(REQUEST_ID);
      await expect(opened.pasteView).toContainText("[REDACTED:");
      expect(await other.content()).not.toContain(KEY_BODY);
      const data = url.split("#")[1] ?? "";
      expect(data.length).toBeGreaterThan(0);
      expect(requested.filter((address) => address.includes("/api/permalinks"))).toEqual([]);
      // The fragment never travels: no request carries any of it.
      expect(requested.filter((address) => address.includes(data.slice(0, 32)))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test("a link deleted with its token gives the friendly 404", async ({ page, request }) => {
    const { url, id, deleteToken } = await createLink(request);
    const shared = new SharedDiagnosisPage(page);
    expect(await shared.open(url)).toBe(200);

    const wrong = await request.delete(`/api/permalinks/${id}`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.status()).toBe(403);
    const deleted = await request.delete(`/api/permalinks/${id}`, {
      headers: { authorization: `Bearer ${deleteToken}` },
    });
    expect(deleted.status()).toBe(204);

    expect(await shared.open(url)).toBe(404);
    await expect(shared.notFoundHeading).toBeVisible();
    await expect(page.getByRole("link", { name: "Diagnose an error" })).toBeVisible();
  });

  test("the shared page is served with no-referrer and noindex", async ({ request }) => {
    const { url } = await createLink(request);
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response.headers()["x-robots-tag"]).toBe("noindex");
  });

  test("re-running shows today's classifier on the stored text and keeps the stored one", async ({
    page,
    request,
  }) => {
    const { url } = await createLink(request);
    const shared = new SharedDiagnosisPage(page);
    await shared.open(url);
    await shared.rerunButton.click();
    await expect(page.getByText(/^Showing today’s classifier \(v\S+\) on the stored text/)).toBeVisible();
    await expect(shared.result.branchHeading(TITLE)).toBeVisible();
    await shared.storedButton.click();
    await expect(shared.rerunButton).toBeVisible();
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`the shared page in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("has no axe violations", async ({ page, request }) => {
      const { url } = await createLink(request);
      const shared = new SharedDiagnosisPage(page);
      await shared.open(url);
      await expect(shared.result.branchHeading(TITLE)).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(results.violations).toEqual([]);
    });

    test("with a made link on the main page has no axe violations", async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      await triage.paste(PASTE);
      await triage.diagnose();
      await new ShareControls(page).share();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(results.violations).toEqual([]);
    });
  });
}

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { RESULT_PASTES, type ResultPaste } from "./fixtures/result-pastes";
import { ShareControls } from "./pages/share-controls";
import { TriagePage } from "./pages/triage-page";

const WCAG_TAGS = ["wcag2a", "wcag2aa"];

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** Every text the page holds, the way a DOM reader sees it: markup, attributes and form values. */
async function domText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll("input, textarea")].map(
      (element) => (element as HTMLInputElement | HTMLTextAreaElement).value,
    );
    return `${document.documentElement.outerHTML}\n${values.join("\n")}`;
  });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function diagnose(page: Page, paste: ResultPaste): Promise<TriagePage> {
  const triage = new TriagePage(page);
  await triage.open();
  await triage.pasteAtOnce(paste.text);
  await triage.diagnoseOnly();
  return triage;
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of VIEWPORTS) {
    test.describe(`the result page at ${viewport.width}×${viewport.height}, ${colorScheme}`, () => {
      test.use({ colorScheme, viewport: { width: viewport.width, height: viewport.height } });

      for (const paste of RESULT_PASTES) {
        test(`${paste.name}: the answer on the first screen, short, in bounds, accessible`, async ({
          page,
        }, testInfo) => {
          const triage = await diagnose(page, paste);

          // The verdict and the first move, whole, without scrolling.
          expect(await page.evaluate(() => window.scrollY)).toBe(0);
          await expect(triage.headline).toBeInViewport({ ratio: 1 });
          await expect(triage.firstMove).not.toBeEmpty();
          await expect(triage.firstMove).toBeInViewport({ ratio: 1 });

          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          testInfo.annotations.push({
            type: "page height",
            description: `${height} px, ${(height / viewport.height).toFixed(2)} screens`,
          });
          if (viewport.name === "desktop") expect(height).toBeLessThanOrEqual(1.5 * viewport.height);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          expect(results.violations).toEqual([]);

          await page.screenshot({
            path: testInfo.outputPath(`${paste.id}-${viewport.name}-${colorScheme}.png`),
            fullPage: true,
          });
        });
      }
    });
  }
}

test.describe("the result page with every panel open", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`stays in bounds and accessible (${colorScheme}, phone)`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 390, height: 844 });
      const paste = RESULT_PASTES.find((p) => p.id === "claude-code-529") ?? RESULT_PASTES[0];
      if (paste === undefined) throw new Error("no fixture paste");
      const triage = await diagnose(page, paste);
      for (const name of ["steps", "retry", "evidence", "occurrences", "paste", "packet"])
        await triage.openPanel(name);
      await expect(page.getByRole("button", { name: "Download .md" })).toBeEnabled();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations).toEqual([]);
      await page.screenshot({
        path: testInfo.outputPath(`expanded-phone-${colorScheme}.png`),
        fullPage: true,
      });
    });
  }
});

test.describe("secrets in a paste", () => {
  const paste = RESULT_PASTES.find((p) => p.id === "curl-401-keys");

  test("are counted on the first screen and never in the page until revealed", async ({ page }) => {
    if (paste === undefined) throw new Error("no curl fixture");
    const triage = await diagnose(page, paste);
    await expect(triage.secretsNotice).toContainText(
      "2 API keys and 1 token were found: they are never stored or shared; rotate a key you pasted anywhere you do not trust.",
    );
    await expect(triage.secretsNotice).toBeInViewport();

    const hidden = async () => {
      const text = await domText(page);
      for (const secret of paste.secrets) expect(text).not.toContain(secret);
    };
    await hidden();
    // The paste view masks them: each secret is a labelled placeholder.
    await triage.openPanel("paste");
    await expect(triage.pasteView.locator("[data-secret]")).toHaveCount(3);
    await expect(triage.pasteView).toContainText("Anthropic API key #1 hidden");
    await hidden();
    // So does everything else that shows the paste (the packet is built from the redacted text).
    await triage.openPanel("packet");
    await expect(page.getByRole("button", { name: "Download .md" })).toBeEnabled();
    await triage.openPanel("evidence");
    await hidden();

    await triage.pasteView.getByRole("button", { name: "Show 3 secrets" }).click();
    const shown = await domText(page);
    for (const secret of paste.secrets) expect(shown).toContain(secret);
    await triage.pasteView.getByRole("button", { name: "Hide secrets" }).click();
    await hidden();
  });

  test("are never sent back by the server: the diagnosis answer holds offsets, not values", async ({
    page,
  }) => {
    if (paste === undefined) throw new Error("no curl fixture");
    const bodies: string[] = [];
    page.on("response", async (response) => {
      if (response.request().method() === "POST") bodies.push(await response.text().catch(() => ""));
    });
    const triage = await diagnose(page, paste);
    await expect(triage.secretsNotice).toBeVisible();
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) for (const secret of paste.secrets) expect(body).not.toContain(secret);
  });
});

test.describe("the layout", () => {
  test("a paste that is not a Claude error gets the short layout: no retry plan, no support packet", async ({
    page,
  }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(
      'openai.InternalServerError: Error code: 500 - {"error":{"message":"The server had an error","type":"server_error"}}',
    );
    await triage.diagnoseOnly();
    await expect(triage.verdict).toContainText("Who to ask:");
    await expect(triage.verdict).not.toContainText("Retry:");
    await expect(page.getByRole("region", { name: "Retry plan" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Support packet" })).toHaveCount(0);
    await expect(triage.statusLine).toHaveCount(0);
    await expect(triage.evidence).toBeVisible();
  });

  test("no retry plan where retrying cannot help (a credit-balance 400)", async ({ page }) => {
    const paste = RESULT_PASTES.find((p) => p.id === "credit-balance-400");
    if (paste === undefined) throw new Error("no billing fixture");
    const triage = await diagnose(page, paste);
    await expect(triage.verdict).toContainText("Retry: no");
    await expect(page.getByRole("region", { name: "Retry plan" })).toHaveCount(0);
    // The step names Console billing: it is a link there, and no Markdown backtick is shown anywhere.
    await expect(triage.firstMove.getByRole("link", { name: /Billing/ })).toHaveAttribute(
      "href",
      /console\.anthropic\.com\/settings\/billing/,
    );
    await triage.openPanel("steps");
    expect(await triage.result.innerText()).not.toContain("`");
  });

  test("panels remember being opened, across results and reloads", async ({ page }) => {
    const paste = RESULT_PASTES.find((p) => p.id === "python-429");
    if (paste === undefined) throw new Error("no 429 fixture");
    const triage = await diagnose(page, paste);
    await expect(page.locator('button[data-disclosure="evidence"]')).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    await triage.openPanel("evidence");
    await page.reload();
    await triage.pasteAtOnce(paste.text);
    await triage.diagnoseOnly();
    await expect(page.locator('button[data-disclosure="evidence"]')).toHaveAttribute("aria-expanded", "true");
    await expect(triage.evidence.getByRole("table")).toBeVisible();
  });

  test("request ids never break across lines", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const paste = RESULT_PASTES.find((p) => p.id === "long-log-500");
    if (paste === undefined) throw new Error("no log fixture");
    const triage = await diagnose(page, paste);
    await triage.openPanel("evidence");
    for (const id of await page.locator("code", { hasText: /^req_[A-Za-z0-9]+$/ }).all()) {
      const lines = await id.evaluate((element) => element.getClientRects().length);
      expect(lines).toBe(1);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  test("every time reads '6 Dec 2026, 14:15 UTC', with how long ago", async ({ page }) => {
    const paste = RESULT_PASTES.find((p) => p.id === "long-log-500");
    if (paste === undefined) throw new Error("no log fixture");
    const triage = await diagnose(page, paste);
    await triage.openPanel("evidence");
    await expect(triage.evidenceValue("When")).toHaveText(/^6 Dec 2026, 14:10 UTC · \d+ (min|h|d) ago$/);
    const times = await page.locator("article time").allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/);
  });
});

test.describe("the time field", () => {
  test("takes '10 min ago', refuses the future, and marks the result stale when edited", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(
      'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    );
    await triage.occurredAt.fill("2099-01-01 10:00");
    await expect(page.getByText("That time is in the future")).toBeVisible();
    await triage.diagnoseButton.click();
    await expect(triage.result).toHaveCount(0);

    await triage.occurredAt.fill("10 min ago");
    await expect(page.getByText(/^Read as \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/)).toBeVisible();
    await triage.diagnoseOnly();
    await triage.openPanel("evidence");
    await expect(triage.evidenceValue("When")).toContainText("10 min ago");

    await triage.editPaste();
    await triage.occurredAt.fill("2 h ago");
    const stale = page.getByRole("status").filter({ hasText: "changed since this diagnosis" });
    await expect(stale).toBeVisible();
    await stale.getByRole("button", { name: "Re-run" }).click();
    await expect(stale).toHaveCount(0);
    await expect(triage.evidenceValue("When")).toContainText("2 h ago");
  });

  test("is one tab stop, with the date picker as one more", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.occurredAt.focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Pick a date…" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Diagnose", exact: true })).toBeFocused();
  });
});

test.describe("sharing", () => {
  test("the delete token stays until dismissed, fields are labelled, and nothing overflows at 360 px", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const paste = RESULT_PASTES.find((p) => p.id === "claude-code-529");
    if (paste === undefined) throw new Error("no 529 fixture");
    await diagnose(page, paste);
    const share = new ShareControls(page);
    const { deleteToken } = await share.share("1 hour");
    await expect(page.locator("label", { hasText: /^Delete token$/ })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await share.sharePrivately();
    await expect(share.deleteToken).toHaveValue(deleteToken);
    await expect(page.locator("label", { hasText: /^Private link$/ })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "I have saved the token" }).click();
    await expect(share.deleteToken).toHaveCount(0);
  });
});

test.describe("the page's chrome", () => {
  test("has a favicon", async ({ page, request }) => {
    await page.goto("/");
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    const response = await request.get(href ?? "/");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/image\//);
  });

  test("says what happens to a paste before anything is pasted", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByText(/Nothing you paste is stored or logged/)).toBeInViewport();
  });
});

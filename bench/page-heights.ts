// Height of the result page for the six pastes of e2e/fixtures/result-pastes.ts, at a desktop and a phone
// viewport, as the page opens (panels as the page leaves them) and with every panel opened: CSS pixels of
// document scrollHeight and the same in screens. Run after `npm run build`; uses Debian's Chromium.
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { RESULT_PASTES } from "../e2e/fixtures/result-pastes";
import { startApp } from "../scripts/app-server";
import { startMockStatusServer } from "../scripts/mock-status-server";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function diagnose(page: Page, base: string, text: string): Promise<void> {
  await page.goto(base);
  const box = page.getByLabel("Error text", { exact: true });
  await box.evaluate((element, value) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
    setValue?.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await page.getByRole("article").waitFor();
  // Panels that build on the server (the packet) settle before the page is measured.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
}

async function openEverything(page: Page): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    // The result's panels (button[data-disclosure]); the page before them used <details>.
    const closed = page.locator(
      'article button[data-disclosure][aria-expanded="false"], article details:not([open]) > summary',
    );
    const count = await closed.count();
    if (count === 0) break;
    for (let i = count - 1; i >= 0; i -= 1) await closed.nth(i).click();
    await page.waitForLoadState("networkidle");
  }
  await page.waitForTimeout(300);
}

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function main(): Promise<void> {
  const mock = await startMockStatusServer({ scenario: "operational", port: 0 });
  const app = await startApp({ STATUS_PAGE_URL: mock.url, DATA_DIR: "test-results/bench-data" });
  const browser = await chromium
    .launch({
      executablePath:
        process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    })
    .catch(async (error: unknown) => {
      await app.stop();
      await mock.close();
      throw error;
    });
  try {
    console.log("paste                 viewport   as opened            all panels open      overflow");
    for (const paste of RESULT_PASTES) {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport, colorScheme: "light" });
        const page = await context.newPage();
        await diagnose(page, app.base, paste.text);
        const opened = await height(page);
        await openEverything(page);
        const expanded = await height(page);
        const wide = await overflow(page);
        const screens = (px: number) => `${px} px (${(px / viewport.height).toFixed(2)} screens)`;
        console.log(
          `${paste.id.padEnd(21)} ${viewport.name.padEnd(10)} ${screens(opened).padEnd(20)} ${screens(expanded).padEnd(20)} ${wide} px`,
        );
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.stop();
    await mock.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

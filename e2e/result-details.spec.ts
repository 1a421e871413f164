import { expect, test } from "@playwright/test";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import { EXAMPLES } from "@/lib/examples";
import { pasteFor } from "./fixtures/pastes";
import { TriagePage } from "./pages/triage-page";

function exampleLabel(id: string): string {
  const example = EXAMPLES.find((candidate) => candidate.id === id);
  if (!example) throw new Error(`No example with id ${id}`);
  return example.label;
}

test.describe("the diagnosis", () => {
  test("marks the deciding signals inside the paste, as text", async ({ page }) => {
    const triage = new TriagePage(page);
    const fixture = pasteFor("authentication");
    await triage.open();
    await triage.paste(fixture.text);
    await triage.diagnose();

    await expect(triage.pasteView).toBeVisible();
    const marks = triage.highlights();
    await expect(marks.first()).toBeVisible();
    const marked: string[] = [];
    for (const mark of await marks.all()) {
      expect(await mark.getAttribute("title")).toBeTruthy();
      marked.push(await mark.innerText());
    }
    // Offsets count from the first character of the paste: on line 4 a shift of even one character
    // would cut these tokens apart.
    const decisive = [
      "401",
      "authentication_error",
      "invalid x-api-key",
      "AuthenticationError",
      fixture.requestId ?? "∅",
    ];
    expect(marked.some((text) => decisive.some((token) => text.includes(token)))).toBe(true);
    // The whole short paste is shown, character for character.
    expect(await triage.pasteView.locator("pre").textContent()).toBe(fixture.text);
  });

  test("renders markup in a paste as text, never as HTML", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    const hostile = `<img src=x onerror="document.title='pwned'"><b>bold</b>\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
    await triage.paste(hostile);
    await triage.diagnose();

    await expect(triage.branchHeading(BRANCH_CATALOGUE.overloaded.title)).toBeVisible();
    await expect(triage.pasteView.locator("pre")).toContainText('<img src=x onerror="document.title=');
    await expect(triage.pasteView.locator("img, b")).toHaveCount(0);
    expect(await page.title()).not.toBe("pwned");
  });

  test("lists every occurrence when Claude Code retried", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.tryExample(exampleLabel("claude-code-529"));

    await expect(triage.occurrences).toBeVisible();
    await triage.openPanel("occurrences");
    // Header row plus one row per API Error line in the example.
    await expect(triage.occurrences.getByRole("row")).toHaveCount(1 + 4);
  });

  test("hides the occurrence list when there is one error", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(pasteFor("context_window").text);
    await triage.diagnose();

    await expect(triage.branchHeading(BRANCH_CATALOGUE.context_window.title)).toBeVisible();
    await expect(triage.occurrences).toHaveCount(0);
  });

  test("shows the confidence as a word and a number", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(pasteFor("rate_limit").text);
    await triage.diagnose();

    await expect(triage.result.getByText(/^(high|medium|low) confidence\s*\d{1,3}%$/)).toBeVisible();
  });

  test("copies a request id to the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const triage = new TriagePage(page);
    const fixture = pasteFor("rate_limit");
    await triage.open();
    await triage.paste(fixture.text);
    await triage.diagnose();

    const copy = page.getByRole("button", { name: `Copy request id ${fixture.requestId}` });
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fixture.requestId);
  });

  test("a new paste replaces the previous diagnosis", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(pasteFor("authentication").text);
    await triage.diagnose();
    await expect(triage.branchHeading(BRANCH_CATALOGUE.authentication.title)).toBeVisible();

    await triage.paste(pasteFor("connection").text);
    await triage.diagnoseWithKeyboard();
    await expect(triage.branchHeading(BRANCH_CATALOGUE.connection.title)).toBeVisible();
    await expect(triage.branchHeading(BRANCH_CATALOGUE.authentication.title)).toHaveCount(0);
  });

  test("full-page screenshot of a result, and no sideways scrolling at 360 px", async ({
    page,
  }, testInfo) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.tryExample(exampleLabel("python-rate-limit"));
    await expect(triage.branchHeading(BRANCH_CATALOGUE.rate_limit.title)).toBeVisible();

    const desktop = testInfo.outputPath("result-desktop.png");
    await page.screenshot({ path: desktop, fullPage: true });
    await testInfo.attach("result-desktop", { path: desktop, contentType: "image/png" });

    await page.setViewportSize({ width: 360, height: 780 });
    const mobile = testInfo.outputPath("result-360.png");
    await page.screenshot({ path: mobile, fullPage: true });
    await testInfo.attach("result-360", { path: mobile, contentType: "image/png" });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

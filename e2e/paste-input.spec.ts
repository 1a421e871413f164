import { expect, test } from "@playwright/test";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import { MAX_INPUT_BYTES } from "@/lib/input";
import { pasteFor } from "./fixtures/pastes";
import { TriagePage } from "./pages/triage-page";

test.describe("the paste box", () => {
  test("an empty paste is refused by the server with a message next to the box and no result", async ({
    page,
  }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.diagnose();

    await expect(page.getByText("Paste an error first")).toBeVisible();
    await expect(triage.pasteBox).toHaveAccessibleDescription(/Paste an error first/);
    await expect(triage.pasteBox).toHaveAttribute("aria-invalid", "true");
    await expect(triage.result).toHaveCount(0);
  });

  test("a whitespace-only paste is refused and stays in the box", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste("   \n\t  \n");
    await triage.diagnose();

    await expect(page.getByText("Paste an error first")).toBeVisible();
    await expect(triage.pasteBox).toHaveValue("   \n\t  \n");
    await expect(triage.result).toHaveCount(0);
  });

  test("a paste over the limit is blocked in the browser, explained, and kept", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    const line = "API Error: 529 Overloaded. This is a server-side issue, usually temporary.\n";
    const huge = line.repeat(Math.ceil((MAX_INPUT_BYTES * 1.1) / line.length));
    expect(Buffer.byteLength(huge)).toBeGreaterThan(MAX_INPUT_BYTES);
    await triage.pasteAtOnce(huge);

    await expect(page.getByText(/the limit is 1\.00 MiB/)).toBeVisible();
    await expect(triage.pasteBox).toHaveAccessibleDescription(/the limit is 1\.00 MiB/);
    await expect(triage.diagnoseButton).toBeDisabled();
    await triage.diagnoseWithKeyboard();
    await expect(triage.result).toHaveCount(0);
    expect(await triage.pasteBox.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(
      huge.length,
    );
  });

  test("a paste exactly at the limit is accepted", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    const error =
      'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';
    const atLimit = `${"x".repeat(MAX_INPUT_BYTES - error.length - 1)}\n${error}`;
    expect(Buffer.byteLength(atLimit)).toBe(MAX_INPUT_BYTES);
    await triage.pasteAtOnce(atLimit);
    await expect(triage.diagnoseButton).toBeEnabled();
    await triage.diagnose();
    await expect(triage.branchHeading(BRANCH_CATALOGUE.overloaded.title)).toBeVisible();
  });

  test("Ctrl+Enter diagnoses without touching the button", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(pasteFor("overloaded").text);
    await triage.diagnoseWithKeyboard();

    await expect(triage.branchHeading(BRANCH_CATALOGUE.overloaded.title)).toBeVisible();
  });

  test("a refusal message goes away once the paste is edited", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.diagnose();
    await expect(page.getByText("Paste an error first")).toBeVisible();
    await triage.paste("API Error: Unable to connect to API (ECONNRESET)");
    await expect(page.getByText("Paste an error first")).toHaveCount(0);
    await expect(triage.pasteBox).toHaveAttribute("aria-invalid", "false");
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import { TriagePage } from "./pages/triage-page";

const WCAG_TAGS = ["wcag2a", "wcag2aa"];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the empty page has no axe violations", async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations).toEqual([]);
    });

    test("a diagnosis, with occurrences and highlights, has no axe violations", async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      await triage.tryExample("Claude Code 529 overloaded");
      await expect(triage.branchHeading(BRANCH_CATALOGUE.overloaded.title)).toBeVisible();
      await triage.openPanel("occurrences");
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations).toEqual([]);
    });

    test("a refused paste has no axe violations", async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      await triage.diagnose();
      await expect(page.getByText("Paste an error first")).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations).toEqual([]);
    });
  });
}

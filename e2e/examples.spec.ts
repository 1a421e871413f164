import { expect, test } from "@playwright/test";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import { EXAMPLES } from "@/lib/examples";
import { TriagePage } from "./pages/triage-page";

test.describe("Try an example", () => {
  for (const example of EXAMPLES) {
    test(`"${example.label}" fills the box and diagnoses ${example.expects}`, async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      await triage.tryExample(example.label);

      await expect(triage.branchHeading(BRANCH_CATALOGUE[example.expects].title)).toBeVisible();
      await triage.editPaste();
      await expect(triage.pasteBox).toHaveValue(example.text);
    });
  }
});

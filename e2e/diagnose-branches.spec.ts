import { expect, test } from "@playwright/test";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import { BRANCH_PASTES } from "./fixtures/pastes";
import { TriagePage } from "./pages/triage-page";

test.describe("a pasted error is diagnosed to its branch", () => {
  for (const fixture of BRANCH_PASTES) {
    test(`${fixture.name} → ${fixture.branch}`, async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      await triage.paste(fixture.text);
      await triage.diagnose();

      await expect(triage.branchHeading(BRANCH_CATALOGUE[fixture.branch].title)).toBeVisible();
      await triage.openPanel("evidence");
      await expect(triage.evidenceValue("Status")).toHaveText(
        fixture.status === null ? "not in paste" : String(fixture.status),
      );
      if (fixture.requestId === null) {
        await expect(triage.evidenceValue("Request id")).toHaveText("not in paste");
      } else {
        await expect(triage.evidenceValue("Request id")).toContainText(fixture.requestId);
        await expect(
          triage.evidence.getByRole("button", { name: `Copy request id ${fixture.requestId}` }),
        ).toBeVisible();
      }
      // The box folds away after a diagnosis, with the paste kept in it.
      await expect(triage.pasteBox).toHaveCount(0);
      await triage.editPaste();
      await expect(triage.pasteBox).toHaveValue(fixture.text);
    });
  }
});

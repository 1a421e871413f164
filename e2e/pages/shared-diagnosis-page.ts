import type { Locator, Page } from "@playwright/test";
import { TriagePage } from "./triage-page";

/** /d/<id>: a stored diagnosis, rendered with the same result components as the main page. */
export class SharedDiagnosisPage {
  readonly result: TriagePage;
  readonly heading: Locator;
  readonly provenance: Locator;
  readonly rerunButton: Locator;
  readonly storedButton: Locator;
  readonly notFoundHeading: Locator;

  constructor(readonly page: Page) {
    this.result = new TriagePage(page);
    this.heading = page.getByRole("heading", { level: 1, name: "Shared diagnosis" });
    this.provenance = page.getByText(/^Diagnosed by classifier/);
    this.rerunButton = page.getByRole("button", { name: "Re-run with today’s classifier" });
    this.storedButton = page.getByRole("button", { name: "Show the stored diagnosis" });
    this.notFoundHeading = page.getByRole("heading", { name: "This link has expired or was deleted" });
  }

  async open(url: string): Promise<number | undefined> {
    const response = await this.page.goto(url);
    return response?.status();
  }
}

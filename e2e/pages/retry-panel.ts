import { expect, type Locator, type Page } from "@playwright/test";

/** The retry plan panel of a diagnosis, found by its heading, its labels and its roles. */
export class RetryPanel {
  readonly region: Locator;
  readonly chart: Locator;
  readonly timelineTable: Locator;
  readonly verdict: Locator;
  readonly snippetTabs: Locator;
  readonly snippetPanel: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole("region", { name: "Retry plan" });
    this.chart = this.region.getByRole("img", { name: /^Retry timeline/ });
    this.timelineTable = this.region.getByRole("table", {
      name: "Attempt times after the first failure, by client",
    });
    this.verdict = this.region.locator("p[aria-live]");
    this.snippetTabs = this.region.getByRole("tablist", { name: "Snippet language" });
    this.snippetPanel = this.region.getByRole("tabpanel");
  }

  /** Opens the panel (it starts closed). */
  async open(): Promise<void> {
    const button = this.page.locator('button[data-disclosure="retry"]');
    if ((await button.getAttribute("aria-expanded")) === "false") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
  }

  /** The value the plan gives for `term` ("Attempts", "Before retrying", "retry-after" …). */
  field(term: string): Locator {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return this.region
      .locator("dl > div")
      .filter({ has: this.page.locator("dt").filter({ hasText: new RegExp(`^${escaped}$`) }) })
      .locator("dd");
  }

  /** The bars the chart draws for `group` ("plan" or "sdk"). */
  bars(group: "plan" | "sdk"): Locator {
    return this.chart.locator(`rect[data-group="${group}"]`);
  }

  /** One of the chart's marker lines: the retry-after, or the time access returns. */
  marker(name: "retry-after" | "resume-at" | "blocked"): Locator {
    return this.chart.locator(`rect[data-marker="${name}"]`);
  }

  async chooseMode(label: "A person is waiting" | "Background job"): Promise<void> {
    // The radios are drawn as a segmented control: a person clicks the visible label, not the hidden input.
    await this.region.locator("label").filter({ hasText: label }).click();
    await expect(this.region.getByLabel(label, { exact: true })).toBeChecked();
  }

  async setSideEffects(on: boolean): Promise<void> {
    await this.region.getByLabel("The call has side effects", { exact: true }).setChecked(on);
  }

  snippetTab(label: "Python" | "TypeScript"): Locator {
    return this.snippetTabs.getByRole("tab", { name: label, exact: true });
  }

  copySnippetButton(label: "Python" | "TypeScript"): Locator {
    return this.region.getByRole("button", { name: `Copy ${label} snippet` });
  }
}

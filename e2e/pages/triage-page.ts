import { expect, type Locator, type Page } from "@playwright/test";

/** The paste-to-diagnosis page, found the way a person finds it: by label and role. */
export class TriagePage {
  readonly pasteBox: Locator;
  readonly diagnoseButton: Locator;
  readonly result: Locator;
  readonly evidence: Locator;
  readonly pasteView: Locator;
  readonly occurrences: Locator;
  readonly occurredAt: Locator;
  /** The result's line about Claude's status page at the time of the error. */
  readonly statusLine: Locator;

  constructor(readonly page: Page) {
    this.pasteBox = page.getByLabel("Error text", { exact: true });
    this.diagnoseButton = page.getByRole("button", { name: "Diagnose", exact: true });
    this.result = page.getByRole("article");
    this.evidence = page.getByRole("region", { name: "Evidence" });
    this.pasteView = page.getByRole("region", { name: "Your paste" });
    this.occurrences = page.getByRole("region", { name: /errors in this paste/ });
    this.occurredAt = page.getByLabel("When did it happen?");
    this.statusLine = this.result.getByRole("region", { name: /^Claude status/ });
  }

  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.pasteBox).toBeEditable();
  }

  async paste(text: string): Promise<void> {
    await this.pasteBox.fill(text);
  }

  /**
   * Puts a very large paste in the box at once, as a clipboard paste does. `fill` types multi-line text line by
   * line and takes minutes for a MiB of short lines; setting the value and firing `input` is what React sees.
   */
  async pasteAtOnce(text: string): Promise<void> {
    await this.pasteBox.evaluate((element, value) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
      if (!setValue) throw new Error("textarea has no value setter");
      setValue.call(element, value);
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
  }

  /** Types a local date and time (`YYYY-MM-DDTHH:mm`) into "When did it happen?". */
  async setOccurredAt(localDateTime: string): Promise<void> {
    await this.occurredAt.fill(localDateTime);
  }

  async diagnose(): Promise<void> {
    await this.diagnoseButton.click();
  }

  async diagnoseWithKeyboard(): Promise<void> {
    await this.pasteBox.press("ControlOrMeta+Enter");
  }

  async tryExample(label: string): Promise<void> {
    await this.page
      .getByRole("group", { name: "Try an example:" })
      .getByRole("button", { name: label })
      .click();
  }

  branchHeading(title: string): Locator {
    return this.result.getByRole("heading", { name: title, exact: true });
  }

  /** The value cell of the evidence row whose header is `label`. */
  evidenceValue(label: string): Locator {
    return this.evidence
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: label, exact: true }) })
      .getByRole("cell");
  }

  highlights(): Locator {
    return this.pasteView.locator("mark");
  }
}

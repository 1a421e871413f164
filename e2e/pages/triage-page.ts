import { expect, type Locator, type Page } from "@playwright/test";

/** The paste-to-diagnosis page, found the way a person finds it: by label and role. */
export class TriagePage {
  readonly pasteBox: Locator;
  readonly diagnoseButton: Locator;
  readonly result: Locator;
  /** The top block: who acts, the first move, retry, the key facts. */
  readonly verdict: Locator;
  readonly headline: Locator;
  readonly firstMove: Locator;
  readonly secretsNotice: Locator;
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
    this.headline = this.result.getByRole("heading", { level: 2 });
    this.verdict = this.result.locator("section[data-tone]");
    this.firstMove = this.verdict
      .getByText(/^(First move|What to do)$/)
      .locator("xpath=following-sibling::p[1]");
    this.secretsNotice = this.result.getByRole("note", { name: "Secrets in your paste" });
    this.evidence = page.getByRole("region", { name: "Evidence" });
    this.pasteView = page.getByRole("region", { name: /^(Your paste|The paste \(redacted\))$/ });
    this.occurrences = page.getByRole("region", { name: /errors in this paste/ });
    this.occurredAt = page.getByLabel("When did it happen?");
    this.statusLine = this.result.getByRole("region", { name: /^Claude status/ });
  }

  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.pasteBox).toBeEditable();
  }

  async paste(text: string): Promise<void> {
    await this.unfold();
    await this.pasteBox.fill(text);
  }

  /** Brings the paste box back if a diagnosis folded it away. */
  async unfold(): Promise<void> {
    const edit = this.page.getByRole("button", { name: "Edit paste or time" });
    if (await edit.isVisible()) await this.editPaste();
  }

  /**
   * Puts a very large paste in the box at once, as a clipboard paste does. `fill` types multi-line text line by
   * line and takes minutes for a MiB of short lines; setting the value and firing `input` is what React sees.
   */
  async pasteAtOnce(text: string): Promise<void> {
    await this.unfold();
    await this.pasteBox.evaluate((element, value) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
      if (!setValue) throw new Error("textarea has no value setter");
      setValue.call(element, value);
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
  }

  /** Types a local date and time (`YYYY-MM-DDTHH:mm`) into "When did it happen?". */
  async setOccurredAt(localDateTime: string): Promise<void> {
    await this.unfold();
    await this.occurredAt.fill(localDateTime);
  }

  /**
   * Diagnoses the paste in the box and opens the paste panel, as a reader checking what was highlighted
   * does (the result's panels start closed).
   */
  async diagnose(): Promise<void> {
    await this.diagnoseButton.click();
    // The server answers with a result or a reason; only a result has a paste panel to open.
    await this.page.waitForFunction(
      () =>
        document.querySelector("article [data-disclosure]") !== null ||
        (document.getElementById("paste-message")?.textContent ?? "") !== "" ||
        (document.getElementById("occurred-at-error")?.textContent ?? "") !== "",
    );
    if ((await this.result.count()) > 0) await this.openPanel("paste");
  }

  /** Diagnoses and leaves every panel as the page opens it. */
  async diagnoseOnly(): Promise<void> {
    await this.diagnoseButton.click();
    await expect(this.headline).toBeVisible();
  }

  /** Opens one of the result's panels by its name (steps, retry, evidence, occurrences, paste, packet). */
  async openPanel(name: string): Promise<void> {
    const button = this.result.locator(`button[data-disclosure="${name}"]`);
    await expect(button).toBeVisible();
    if ((await button.getAttribute("aria-expanded")) === "false") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
  }

  /** The folded paste box's way back to editing the paste and its time. */
  async editPaste(): Promise<void> {
    await this.page.getByRole("button", { name: "Edit paste or time" }).click();
    await expect(this.pasteBox).toBeEditable();
  }

  async diagnoseWithKeyboard(): Promise<void> {
    await this.pasteBox.press("ControlOrMeta+Enter");
  }

  async tryExample(label: string): Promise<void> {
    // After a diagnosis the box (and its examples) fold away: open it again first.
    await this.unfold();
    await this.page
      .getByRole("group", { name: "Try an example:" })
      .getByRole("button", { name: label })
      .click();
    await this.openPanel("paste");
  }

  /** The branch the diagnosis chose, as the top block names it. */
  branchHeading(title: string): Locator {
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return this.verdict.locator("[data-branch]").filter({ hasText: new RegExp(`^${escaped}$`) });
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

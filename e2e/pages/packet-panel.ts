import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** The support packet panel under a diagnosis, found by its heading and its controls' labels. */
export class PacketPanel {
  readonly region: Locator;
  readonly impact: Locator;
  readonly hidePrompt: Locator;
  readonly preview: Locator;
  readonly previewText: Locator;
  readonly markdown: Locator;
  readonly downloadMarkdownButton: Locator;
  readonly downloadJsonButton: Locator;
  readonly copyButton: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole("region", { name: "Support packet" });
    this.impact = this.region.getByLabel("Impact", { exact: true });
    this.hidePrompt = this.region.getByRole("checkbox", { name: /Hide prompt content/ });
    this.preview = this.region.getByRole("region", { name: "Redaction preview" });
    this.previewText = this.preview.getByLabel("Redacted paste, removed content marked");
    this.markdown = this.region.getByLabel("Packet Markdown", { exact: true });
    this.downloadMarkdownButton = this.region.getByRole("button", { name: "Download .md" });
    this.downloadJsonButton = this.region.getByRole("button", { name: "Download .json" });
    this.copyButton = this.region.getByRole("button", { name: "Copy", exact: true });
  }

  /** Opens the panel (it starts closed, and the packet is built only once it is open). */
  async open(): Promise<void> {
    const button = this.page.locator('button[data-disclosure="packet"]');
    if ((await button.getAttribute("aria-expanded")) === "false") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
  }

  /** Opens the panel and waits until the packet for the current inputs is built (the buttons enable only then). */
  async waitUntilReady(): Promise<void> {
    await this.open();
    await expect(this.downloadMarkdownButton).toBeEnabled();
  }

  /** The placeholders marked in the preview. */
  removedSpans(): Locator {
    return this.previewText.locator("mark");
  }

  async setImpact(text: string): Promise<void> {
    await this.open();
    await this.impact.fill(text);
  }

  async ruleOut(item: string): Promise<void> {
    await this.open();
    await this.region.getByRole("group", { name: "Ruled out" }).getByRole("checkbox", { name: item }).check();
  }

  async showMarkdown(): Promise<void> {
    await this.region.getByText("Packet Markdown", { exact: true }).click();
    await expect(this.markdown).toBeVisible();
  }

  async downloadMarkdown(): Promise<Download> {
    await this.waitUntilReady();
    const download = this.page.waitForEvent("download");
    await this.downloadMarkdownButton.click();
    return download;
  }

  async downloadJson(): Promise<Download> {
    await this.waitUntilReady();
    const download = this.page.waitForEvent("download");
    await this.downloadJsonButton.click();
    return download;
  }

  async copy(): Promise<void> {
    await this.waitUntilReady();
    await this.copyButton.click();
    await expect(this.region.getByText("Copied the packet Markdown to the clipboard.")).toBeVisible();
  }
}

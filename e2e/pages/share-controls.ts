import { expect, type Locator, type Page } from "@playwright/test";

/** The Share / Private link controls in a result's header, and what they answer. */
export class ShareControls {
  readonly group: Locator;
  readonly lifetime: Locator;
  readonly shareButton: Locator;
  readonly privateButton: Locator;
  readonly shareLink: Locator;
  readonly deleteToken: Locator;
  readonly privateLink: Locator;

  constructor(readonly page: Page) {
    this.group = page.getByRole("group", { name: "Share this diagnosis" });
    this.lifetime = this.group.getByLabel("Link lifetime");
    this.shareButton = this.group.getByRole("button", { name: "Share link" });
    this.privateButton = this.group.getByRole("button", { name: "Private link" });
    this.shareLink = page.getByRole("textbox", { name: "Share link" });
    this.deleteToken = page.getByRole("textbox", { name: "Delete token" });
    this.privateLink = page.getByRole("textbox", { name: "Private link" });
  }

  /** Makes a stored link with the chosen lifetime label; answers its URL and delete token. */
  async share(lifetime = "30 days"): Promise<{ url: string; deleteToken: string }> {
    await this.lifetime.selectOption({ label: lifetime });
    await this.shareButton.click();
    await expect(this.shareLink).toHaveValue(/\/d\/[\w-]{22}$/);
    return { url: await this.shareLink.inputValue(), deleteToken: await this.deleteToken.inputValue() };
  }

  /** Makes a private link; answers its URL. */
  async sharePrivately(): Promise<string> {
    await this.privateButton.click();
    // The packed diagnosis, a dot, and the site's signature over it.
    await expect(this.privateLink).toHaveValue(/\/p#[\w-]+\.[\w-]+$/);
    return this.privateLink.inputValue();
  }
}

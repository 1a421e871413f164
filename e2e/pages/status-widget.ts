import { expect, type Locator, type Page } from "@playwright/test";

/** The status widget in the site header, found by its role and label. */
export class StatusWidget {
  readonly header: Locator;
  readonly toggle: Locator;
  readonly details: Locator;
  /** "checked 40 s ago" or "last read 3 min ago" beside the toggle. */
  readonly checked: Locator;
  /** The polite live region that announces changes. */
  readonly announcement: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole("banner");
    this.toggle = this.header.getByRole("button", { name: /^Claude status:/ });
    this.details = page.getByRole("region", { name: "Claude status details" });
    this.checked = this.header.locator("time");
    this.announcement = this.header.locator("[aria-live=polite]");
  }

  /** Waits for a reading (not the "Checking status…" placeholder). */
  async waitForReading(): Promise<void> {
    await expect(this.toggle).not.toHaveAccessibleName(/Checking status/);
  }

  async expand(): Promise<void> {
    await this.waitForReading();
    if ((await this.toggle.getAttribute("aria-expanded")) !== "true") await this.toggle.click();
    await expect(this.details).toBeVisible();
  }

  /** A part of the expanded details: "Open incidents", "Components" or "Maintenances". */
  group(title: string): Locator {
    return this.details.getByRole("group", { name: title, exact: true });
  }

  component(name: string): Locator {
    return this.group("Components").getByRole("listitem").filter({ hasText: name });
  }
}

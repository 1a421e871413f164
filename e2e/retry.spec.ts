import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { RATE_LIMIT_RETRY_AFTER_20S, nextMonthStart, tierSpendCap } from "./fixtures/retry-pastes";
import { formatUtc } from "@/components/ui/format-time";
import { RetryPanel } from "./pages/retry-panel";
import { TriagePage } from "./pages/triage-page";

async function diagnose(page: Page, text: string): Promise<RetryPanel> {
  const triage = new TriagePage(page);
  await triage.open();
  await triage.paste(text);
  await triage.diagnose();
  const panel = new RetryPanel(page);
  await expect(panel.region).toBeVisible();
  await panel.open();
  return panel;
}

function attemptsIn(text: string): number {
  const match = /^(\d+)/.exec(text.trim());
  if (!match) throw new Error(`no attempt count in "${text}"`);
  return Number(match[1]);
}

test.describe("the retry panel", () => {
  test("a 429 with retry-after draws the line on the chart, says 20 s, and schedules nothing before it", async ({
    page,
  }) => {
    const panel = await diagnose(page, RATE_LIMIT_RETRY_AFTER_20S);

    await expect(panel.field("retry-after")).toContainText("20 s");
    await expect(panel.chart).toBeVisible();
    const line = panel.marker("retry-after");
    await expect(line).toBeVisible();
    await expect(panel.region.getByText("retry-after 20 s", { exact: true })).toBeVisible();

    // Every window of the plan starts at or right of the line.
    const lineBox = await line.boundingBox();
    const bars = await panel.bars("plan").all();
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) {
      const box = await bar.boundingBox();
      expect(box?.x ?? -1).toBeGreaterThanOrEqual((lineBox?.x ?? Infinity) - 0.5);
    }
    // The same schedule as text: attempt 2 waits for the retry-after, for this plan and the SDKs.
    const attemptTwo = panel.timelineTable
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "2", exact: true }) });
    await expect(attemptTwo).toContainText("20 s to");
  });

  test("a tier spend cap says do not retry until access returns and draws no retry window", async ({
    page,
  }) => {
    const regainOn = nextMonthStart();
    const panel = await diagnose(page, tierSpendCap(regainOn));
    const until = formatUtc(`${regainOn}T00:00:00Z`);

    await expect(panel.verdict).toHaveText(`Do not retry until ${until}`);
    await expect(panel.field("Do not retry until")).toHaveText(until);
    await expect(panel.field("Attempts")).toContainText("no retry");
    await expect(panel.chart).toBeVisible();
    await expect(panel.bars("plan")).toHaveCount(0);
    await expect(panel.marker("resume-at")).toBeVisible();
    await expect(panel.region.getByText(`do not retry until ${until}`, { exact: true })).toBeVisible();
    // The SDKs retry this 429 anyway: the comparison says so.
    await expect(panel.region.getByRole("row", { name: /Python SDK/ })).toContainText(
      "retries when it should not",
    );
  });

  test("toggling side effects changes the advice; toggling a background job changes the attempts", async ({
    page,
  }) => {
    const panel = await diagnose(page, RATE_LIMIT_RETRY_AFTER_20S);
    const advice = panel.field("Before retrying");
    await expect(advice).toContainText("no side effects of its own");

    await panel.setSideEffects(true);
    await expect(advice).toContainText("idempotency key");
    await expect(advice).not.toContainText("no side effects of its own");
    await panel.setSideEffects(false);
    await expect(advice).toContainText("no side effects of its own");

    const attempts = panel.field("Attempts");
    const interactive = attemptsIn(await attempts.innerText());
    await expect(panel.bars("plan")).toHaveCount(interactive - 1);

    const before = await attempts.innerText();
    await panel.chooseMode("Background job");
    await expect(attempts).not.toHaveText(before);
    const background = attemptsIn(await attempts.innerText());
    expect(background).toBeGreaterThan(interactive);
    await expect(panel.bars("plan")).toHaveCount(background - 1);
    await expect(panel.verdict).toContainText(`${background} attempts`);

    await panel.chooseMode("A person is waiting");
    await expect(panel.bars("plan")).toHaveCount(interactive - 1);
  });

  test("snippet tabs switch language and copy the shown code", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const panel = await diagnose(page, RATE_LIMIT_RETRY_AFTER_20S);

    await expect(panel.snippetTab("Python")).toHaveAttribute("aria-selected", "true");
    await expect(panel.snippetPanel).toContainText("anthropic.Anthropic(max_retries=0");

    await panel.snippetTab("TypeScript").click();
    await expect(panel.snippetTab("TypeScript")).toHaveAttribute("aria-selected", "true");
    await expect(panel.snippetPanel).toContainText("new Anthropic({ maxRetries: 0");
    await expect(panel.snippetPanel).not.toContainText("max_retries=0, timeout");

    const copy = panel.copySnippetButton("TypeScript");
    await copy.click();
    await expect(copy).toHaveText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("new Anthropic({ maxRetries: 0");
    expect(copied).toContain("const WAITS_MS");

    // Arrow keys move between the tabs, as the tabs pattern has it.
    await panel.snippetTab("TypeScript").press("ArrowLeft");
    await expect(panel.snippetTab("Python")).toBeFocused();
    await expect(panel.snippetPanel).toContainText("anthropic.Anthropic(max_retries=0");
  });

  test("no sideways scrolling at 360 px with the panel open", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    const panel = await diagnose(page, RATE_LIMIT_RETRY_AFTER_20S);
    await panel.chooseMode("Background job");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

const WCAG_TAGS = ["wcag2a", "wcag2aa"];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`the retry panel in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("has no axe violations with a schedule, after the toggles, and on the TypeScript tab", async ({
      page,
    }) => {
      const panel = await diagnose(page, RATE_LIMIT_RETRY_AFTER_20S);
      const scan = () =>
        new AxeBuilder({ page }).include("section[aria-label='Retry plan']").withTags(WCAG_TAGS).analyze();
      expect((await scan()).violations).toEqual([]);

      await panel.chooseMode("Background job");
      await panel.setSideEffects(true);
      await panel.snippetTab("TypeScript").click();
      await expect(panel.snippetTab("TypeScript")).toHaveAttribute("aria-selected", "true");
      expect((await scan()).violations).toEqual([]);
    });

    test("has no axe violations when access returns only later", async ({ page }) => {
      await diagnose(page, tierSpendCap(nextMonthStart()));
      const results = await new AxeBuilder({ page })
        .include("section[aria-label='Retry plan']")
        .withTags(WCAG_TAGS)
        .analyze();
      expect(results.violations).toEqual([]);
    });
  });
}

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import type { Verdict } from "@/lib/verdict";
import { setStatusScenario } from "./fixtures/mock-status";
import { StatusWidget } from "./pages/status-widget";
import { TriagePage } from "./pages/triage-page";

// The mock's scenario is global, so these tests run one after another and always leave it `operational`.
// Scenario contents: /work/shared/fixtures/statuspage/README.md ("Scenarios", "Timestamp-correlation anchors").
test.describe.configure({ mode: "serial" });
test.afterEach(async ({ request }) => {
  await setStatusScenario(request, "operational");
});

const WCAG_TAGS = ["wcag2a", "wcag2aa"];
const CLAUDE_CODE_529 =
  'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';
// A Python SDK log whose httpx line dates the error at 13:31:07 UTC on 2 May 2026.
const PYTHON_529_DATED = [
  '2026-05-02 13:31:07,118 INFO httpx: HTTP Request: POST https://api.anthropic.com/v1/messages "HTTP/1.1 529 "',
  "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
].join("\n");
const SONNET_INCIDENT = "Elevated errors on Claude Sonnet 4.6"; // 13:20:07Z → 14:05:12Z, API + Claude Code
const CLAUDE_AI_INCIDENT = "Slow responses on claude.ai"; // 13:48:55Z → 15:10:44Z
const MAJOR_OUTAGE_INCIDENT = "Claude API unavailable and elevated errors on Claude Code";

/** Loads the page on the operational page first, so the app holds a good reading to fall back on. */
async function openWithGoodReading(page: Page): Promise<StatusWidget> {
  const widget = new StatusWidget(page);
  await page.goto("/");
  await expect(widget.toggle).toHaveAccessibleName(/All Systems Operational/);
  return widget;
}

test.describe("the status widget", () => {
  test("operational: says so in words, when it was checked, and lists every component", async ({ page }) => {
    const widget = await openWithGoodReading(page);
    await expect(widget.toggle).toHaveAccessibleName("Claude status: All Systems Operational");
    await expect(widget.checked).toHaveText(/^checked (just now|\d+ s ago)$/);
    await widget.expand();
    await expect(widget.details).toContainText("Read from the status page");
    await expect(widget.group("Open incidents")).toContainText("None open.");
    await expect(widget.group("Components").getByRole("listitem")).toHaveCount(6);
    await expect(widget.component("Claude API (api.anthropic.com)")).toContainText("Operational");
    await expect(widget.details).toContainText("A green status page does not prove your path is healthy");
    await page.keyboard.press("Escape");
    await expect(widget.details).toBeHidden();
    await expect(widget.toggle).toBeFocused();
  });

  test("minor-incident: degraded, with a link to the open incident", async ({ page, request }) => {
    await setStatusScenario(request, "minor-incident");
    const widget = new StatusWidget(page);
    await page.goto("/");
    await expect(widget.toggle).toHaveAccessibleName("Claude status: Partially Degraded Service");
    const headerLink = widget.header.getByRole("link", { name: "Elevated errors on Claude Opus 5.5" });
    await expect(headerLink).toHaveAttribute("href", /^https:\/\/stspg\.io\//);
    await widget.expand();
    const incident = widget
      .group("Open incidents")
      .getByRole("link", { name: "Elevated errors on Claude Opus 5.5" });
    await expect(incident).toHaveAttribute("href", /^https:\/\/stspg\.io\//);
    await expect(widget.group("Open incidents")).toContainText("identified, minor impact");
    await expect(widget.component("Claude API (api.anthropic.com)")).toContainText("Degraded performance");
    await expect(widget.component("Claude Code")).toContainText("Operational");
  });

  test("major-outage: the page indicator and the incident's own impact, each in words", async ({
    page,
    request,
  }) => {
    await setStatusScenario(request, "major-outage");
    const widget = new StatusWidget(page);
    await page.goto("/");
    await expect(widget.toggle).toHaveAccessibleName("Claude status: Partial System Outage");
    await widget.expand();
    const incidents = widget.group("Open incidents");
    await expect(
      incidents.getByRole("link", { name: "Claude API unavailable and elevated errors on Claude Code" }),
    ).toBeVisible();
    await expect(incidents).toContainText("critical impact");
    await expect(widget.component("Claude API (api.anthropic.com)")).toContainText("Major outage");
    await expect(widget.component("Claude Code")).toContainText("Degraded performance");
  });

  test("maintenance: the running and the upcoming maintenance, with their windows", async ({
    page,
    request,
  }) => {
    await setStatusScenario(request, "maintenance");
    const widget = new StatusWidget(page);
    await page.goto("/");
    await expect(widget.toggle).toHaveAccessibleName("Claude status: Service Under Maintenance");
    await widget.expand();
    await expect(widget.component("Claude Console")).toContainText("Under maintenance");
    const maintenances = widget.group("Maintenances").getByRole("listitem");
    await expect(maintenances.filter({ hasText: "Claude Console" })).toContainText("in progress");
    await expect(maintenances.filter({ hasText: "Claude for Government" })).toContainText(
      "scheduled, 28 Nov 2026, 03:00–05:00 UTC",
    );
  });

  for (const scenario of ["down", "malformed", "slow"] as const) {
    test(`${scenario}: shows the last good reading marked stale, without waiting on the page`, async ({
      page,
      request,
    }) => {
      const widget = await openWithGoodReading(page);
      await setStatusScenario(request, scenario);
      const started = Date.now();
      await page.reload();
      // The app gives the status page 1.5 s in e2e (STATUS_TIMEOUT_MS); `slow` answers after 10 s.
      await expect(widget.toggle).toHaveAccessibleName("Claude status: All Systems Operational stale", {
        timeout: 6_000,
      });
      expect(Date.now() - started).toBeLessThan(6_000);
      await expect(widget.checked).toHaveText(/^last read /);
      await widget.expand();
      await expect(widget.details).toContainText("Stale: the status page has not answered since");
    });
  }

  test("ticks the checked time, polls every minute, and pauses while the tab is hidden", async ({
    page,
    request,
  }) => {
    await page.clock.install();
    const widget = await openWithGoodReading(page);
    await page.clock.fastForward("00:40");
    await expect(widget.checked).toHaveText(/^checked 4\d s ago$/);

    // The next poll, a minute after the first, finds the new state without a reload and announces it.
    await setStatusScenario(request, "minor-incident");
    await page.clock.fastForward("00:25");
    await expect(widget.toggle).toHaveAccessibleName("Claude status: Partially Degraded Service");
    await expect(widget.announcement).toHaveText(
      "Claude status changed: Partially Degraded Service, 1 open incident.",
    );

    let polls = 0;
    page.on("request", (sent) => {
      if (new URL(sent.url()).pathname === "/api/status") polls += 1;
    });
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    });
    await page.clock.fastForward("03:00");
    await page.waitForTimeout(500);
    expect(polls).toBe(0);

    await setStatusScenario(request, "operational");
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    });
    await expect(widget.toggle).toHaveAccessibleName("Claude status: All Systems Operational");
    expect(polls).toBeGreaterThan(0);
  });

  test("has no axe violations when expanded, in the light and the dark theme", async ({ page, request }) => {
    await setStatusScenario(request, "minor-incident");
    const widget = new StatusWidget(page);
    await page.goto("/");
    await widget.expand();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations).toEqual([]);
    }
  });
});

test.describe("the status line in the result", () => {
  test.describe("for a user in Berlin", () => {
    test.use({ timezoneId: "Europe/Berlin" });

    test("a time given in the field, inside a fixture incident, shows that incident", async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      await expect(page.getByText(/\(Europe\/Berlin\)\.$/)).toBeVisible();
      await triage.paste(CLAUDE_CODE_529);
      await triage.setOccurredAt("2026-05-02 15:30");
      await expect(page.getByText(/^Read as 2 May 2026, 13:30 UTC;/)).toBeVisible();
      await triage.diagnose();

      await expect(triage.statusLine).toHaveAccessibleName("Claude status around 2 May 2026, 13:30 UTC");
      const incidents = triage.statusLine.getByRole("list", { name: "Incidents near the time of the error" });
      const sonnet = incidents.getByRole("listitem").filter({ hasText: SONNET_INCIDENT });
      await expect(sonnet).toContainText(/^during/);
      await expect(sonnet.getByRole("link", { name: SONNET_INCIDENT })).toHaveAttribute(
        "href",
        /^https:\/\/stspg\.io\//,
      );
      await expect(sonnet).toContainText("2 May 2026, 13:20–14:05 UTC");
      const claudeAi = incidents.getByRole("listitem").filter({ hasText: CLAUDE_AI_INCIDENT });
      await expect(claudeAi).toContainText("shortly after (19 min)");
      // Claude Code's API errors go through the Claude API component (the verdict's component mapping).
      await expect(claudeAi).toContainText("not on Claude API");
      await expect(triage.statusLine).toContainText(`"${SONNET_INCIDENT}"`);
      await expect(triage.statusLine).toContainText("a likely cause");
    });

    test("an impossible time is refused at the field, described to it", async ({ page }) => {
      const triage = new TriagePage(page);
      await triage.open();
      await triage.paste(CLAUDE_CODE_529);
      // A day that does not exist: the field says so before anything is sent (the server refuses it too).
      await triage.setOccurredAt("2026-02-30 10:00");
      await triage.diagnose();
      const error = page.locator("#occurred-at-error");
      await expect(error).toHaveText("That date does not exist; check the day and month.");
      await expect(triage.result).toHaveCount(0);
      await expect(triage.occurredAt).toHaveAttribute("aria-invalid", "true");
      await expect(triage.occurredAt).toHaveAttribute("aria-describedby", /occurred-at-error/);
      await expect(triage.pasteBox).toHaveAttribute("aria-invalid", "false");
    });
  });

  test("a timestamp in the paste dates the error when the field is empty", async ({ page }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(PYTHON_529_DATED);
    await triage.diagnose();
    await expect(triage.statusLine).toHaveAccessibleName("Claude status around 2 May 2026, 13:31 UTC");
    await expect(triage.statusLine.getByRole("link", { name: SONNET_INCIDENT })).toBeVisible();
  });

  test("the diagnosis still renders while the status page is down", async ({ page, request }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await setStatusScenario(request, "down");
    await triage.paste(PYTHON_529_DATED);
    await triage.diagnose();
    await expect(triage.branchHeading(BRANCH_CATALOGUE.overloaded.title)).toBeVisible();
    // Within 30 min of a good reading the app still has one to show, marked stale; after that, none.
    await expect(triage.statusLine).toContainText(/last read .* \(stale\)|Can't reach the status page/);
    await expect(triage.statusLine).toContainText(/did not answer|could not be read/);
  });

  test("with a correlated incident, has no axe violations in the light and the dark theme", async ({
    page,
  }) => {
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(PYTHON_529_DATED);
    await triage.diagnose();
    await expect(triage.statusLine.getByRole("link", { name: SONNET_INCIDENT })).toBeVisible();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations).toEqual([]);
    }
  });
});

// The verdict (lib/verdict) through the running app against the mock page: the JSON every face reads, and
// what the result shows of it today (the status region near its top).
test.describe("the verdict", () => {
  const diagnoseJson = async (request: APIRequestContext, text: string) => {
    const response = await request.post("/api/diagnose", { data: { text } });
    expect(response.status()).toBe(200);
    return (await response.json()) as { verdict: Verdict };
  };

  test("a major outage changes the answer: from retry now to Anthropic's incident, retry once it clears", async ({
    page,
    request,
  }) => {
    const calm = (await diagnoseJson(request, CLAUDE_CODE_529)).verdict;
    expect(calm).toMatchObject({ whoActs: ["anthropic"], retry: "now", incident: null, outage: false });
    expect(calm.statusNote).toMatch(/narrows the cause but does not clear it/);

    await setStatusScenario(request, "major-outage");
    const outage = (await diagnoseJson(request, CLAUDE_CODE_529)).verdict;
    expect(outage).toMatchObject({
      whoActs: ["anthropic"],
      retry: "later",
      outage: true,
      incident: { name: MAJOR_OUTAGE_INCIDENT, ongoing: true, relation: "during", impact: "critical" },
    });
    expect(outage.summary).toMatch(/^It's Anthropic's incident: "Claude API unavailable/);
    expect(outage.summary).not.toBe(calm.summary);

    // The top of the result on the page: the verdict's sentence is the result's heading.
    await setStatusScenario(request, "operational");
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(CLAUDE_CODE_529);
    await triage.diagnose();
    const top = triage.result.getByRole("heading", { level: 2 }).first();
    await expect(top).toContainText("Anthropic is overloaded");
    await setStatusScenario(request, "major-outage");
    await triage.open();
    await triage.paste(CLAUDE_CODE_529);
    await triage.diagnose();
    await expect(top).toContainText(`It's Anthropic's incident: "${MAJOR_OUTAGE_INCIDENT}"`);
  });

  test("a Claude Code 529 during an incident on the Claude API is told it is Anthropic's incident", async ({
    page,
    request,
  }) => {
    await setStatusScenario(request, "minor-incident");
    const { verdict } = await diagnoseJson(request, CLAUDE_CODE_529);
    expect(verdict.summary).toMatch(/^It's Anthropic's incident: "Elevated errors on Claude Opus 5\.5"/);
    expect(verdict).toMatchObject({ whoActs: ["anthropic"], retry: "later" });

    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(CLAUDE_CODE_529);
    await triage.diagnose();
    await expect(triage.result.getByRole("heading", { level: 2 }).first()).toContainText(
      `It's Anthropic's incident: "Elevated errors on Claude Opus 5.5"`,
    );
    await expect(triage.statusLine).toContainText('Open incident now: "Elevated errors on Claude Opus 5.5"');
    await expect(triage.statusLine).not.toContainText("not your answer");
  });

  test("a major outage makes the top of the result loud and names the incident", async ({
    page,
    request,
  }) => {
    await setStatusScenario(request, "major-outage");
    const triage = new TriagePage(page);
    await triage.open();
    await triage.paste(CLAUDE_CODE_529);
    await triage.diagnoseOnly();
    await expect(triage.verdict).toHaveAttribute("data-tone", "incident");
    await expect(triage.verdict).toContainText("Major outage");
    await expect(triage.verdict.getByRole("link", { name: MAJOR_OUTAGE_INCIDENT })).toBeVisible();
    await expect(triage.headline).toContainText("It's Anthropic's incident");
    await expect(triage.headline).toBeInViewport({ ratio: 1 });
    await expect(triage.firstMove).toBeInViewport({ ratio: 1 });
  });

  test("a page that stops answering is dated, never passed off as the present", async ({ request }) => {
    await setStatusScenario(request, "minor-incident");
    await diagnoseJson(request, CLAUDE_CODE_529);
    await setStatusScenario(request, "down");
    const { verdict } = await diagnoseJson(request, CLAUDE_CODE_529);
    expect(verdict.summary).toMatch(
      /\(as the status page said at \d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? UTC\)\.$/,
    );
    expect(verdict.statusNote).toMatch(/as last read at .*the page has not answered since/);
  });
});

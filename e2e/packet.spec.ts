import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Download } from "@playwright/test";
import { PacketPanel } from "./pages/packet-panel";
import { TriagePage } from "./pages/triage-page";

// An invented key in the documented sk-ant-api03 shape, and an id in the documented req_ format.
const KEY = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;
const KEY_CORE = KEY.slice(20, 50);
const REQ = "req_011CUu5kPtvoJm5pgrTyZxGk";
const EMAIL = "jane.rivera@northwind-labs.io";
const PASTE = [
  "POST https://api.anthropic.com/v1/messages",
  `x-api-key: ${KEY}`,
  `on-call: ${EMAIL}`,
  `request-id: ${REQ}`,
  `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"${REQ}"}`,
].join("\n");

async function content(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, "utf8");
}

async function diagnosed(page: TriagePage["page"], text = PASTE): Promise<PacketPanel> {
  const triage = new TriagePage(page);
  await triage.open();
  await triage.paste(text);
  await triage.diagnose();
  const panel = new PacketPanel(page);
  await expect(panel.region).toBeVisible();
  await panel.waitUntilReady();
  return panel;
}

test.describe("the support packet panel", () => {
  test("previews the redaction: the key is a placeholder and nowhere in the panel", async ({ page }) => {
    const panel = await diagnosed(page);
    await expect(panel.removedSpans()).toHaveText(["[REDACTED:anthropic-api-key#1]", "[REDACTED:email#1]"]);
    await expect(panel.previewText).toContainText(`x-api-key: [REDACTED:anthropic-api-key#1]`);
    await expect(panel.previewText).toContainText(REQ);
    await expect(panel.preview).toContainText("2 removed");
    await expect(panel.region).not.toContainText(KEY_CORE);
    await expect(panel.region).not.toContainText("jane.rivera");
    // The user's own paste is shown to them with the key masked, and unmasked only when they ask.
    const paste = page.getByRole("region", { name: "Your paste" });
    await expect(paste).not.toContainText(KEY_CORE);
    await paste.getByRole("button", { name: /^Show / }).click();
    await expect(paste).toContainText(KEY_CORE);
  });

  test("carries impact and ruled-out ticks into the Markdown and both downloads", async ({ page }) => {
    const panel = await diagnosed(page);
    await panel.setImpact("Checkout summaries fail for all users");
    await panel.ruleOut("Checked the status page");
    await panel.ruleOut("Tried another model");
    await panel.showMarkdown();
    await expect(panel.markdown).toContainText("- Impact: Checkout summaries fail for all users");
    await expect(panel.markdown).toContainText("- [x] Checked the status page");
    await expect(panel.markdown).toContainText("- [ ] Retried the same request path");
    await expect(panel.markdown).toContainText("- [x] Tried another model");

    const md = await panel.downloadMarkdown();
    expect(md.suggestedFilename()).toBe(`claude-support-packet-${REQ}.md`);
    const markdown = await content(md);
    expect(markdown).toContain("# Claude API support packet");
    expect(markdown).toContain(REQ);
    expect(markdown).toContain("- Impact: Checkout summaries fail for all users");
    expect(markdown).toContain("- [x] Tried another model");
    expect(markdown).not.toContain(KEY_CORE);
    expect(markdown).not.toContain("jane.rivera");

    const json = await panel.downloadJson();
    expect(json.suggestedFilename()).toBe(`claude-support-packet-${REQ}.json`);
    const raw = await content(json);
    expect(raw).not.toContain(KEY_CORE);
    expect(raw).not.toContain("jane.rivera");
    const packet = JSON.parse(raw) as {
      impact: string;
      checklist: Record<string, boolean>;
      requests: Array<{ id: string }>;
      redaction: { total: number };
    };
    expect(packet.impact).toBe("Checkout summaries fail for all users");
    expect(packet.checklist).toEqual({
      statusChecked: true,
      samePathRetried: false,
      networkChecked: false,
      otherModelTried: true,
    });
    expect(packet.requests.map((r) => r.id)).toContain(REQ);
    expect(packet.redaction.total).toBe(2);
  });

  test("Copy puts the packet Markdown on the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const panel = await diagnosed(page);
    await panel.setImpact("Nightly batch stalls");
    await panel.copy();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith("# Claude API support packet\n")).toBe(true);
    expect(copied).toContain("- Impact: Nightly batch stalls");
    expect(copied).toContain(REQ);
    expect(copied).not.toContain(KEY_CORE);
    await panel.showMarkdown();
    expect(await panel.markdown.textContent()).toBe(copied);
  });

  test("hides prompt content when asked", async ({ page }) => {
    const prompt = "Summarise the acquisition memo for Project Heron";
    const panel = await diagnosed(
      page,
      `Request options: {"model": "claude-opus-4-6", "messages": [{"role": "user", "content": "${prompt}"}]}\n${PASTE}`,
    );
    await expect(panel.previewText).toContainText("Project Heron");
    await panel.hidePrompt.check();
    await expect(panel.previewText).toContainText(`[prompt content hidden: ${prompt.length} chars]`);
    await expect(panel.region).not.toContainText("Project Heron");
    const markdown = await content(await panel.downloadMarkdown());
    expect(markdown).not.toContain("Project Heron");
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`the packet panel in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("has no axe violations", async ({ page }) => {
      const panel = await diagnosed(page);
      await panel.ruleOut("Checked the network (proxy, VPN, firewall)");
      await panel.showMarkdown();
      await panel.waitUntilReady();
      const results = await new AxeBuilder({ page })
        .include('section[aria-label="Support packet"]')
        .withTags(["wcag2a", "wcag2aa"])
        .analyze();
      expect(results.violations).toEqual([]);
    });
  });
}

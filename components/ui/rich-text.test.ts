import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BRANCH_CATALOGUE } from "@/lib/branches";
import { RichText } from "./rich-text";

const render = (text: string) => renderToStaticMarkup(createElement(RichText, { text }));
/** What a reader sees: the markup's text. */
const shown = (text: string) => render(text).replace(/<[a-z/][^<>]*>/g, "");

describe("RichText", () => {
  it("turns backticked runs into code, with no backtick left", () => {
    const html = render("Run `curl -sS https://api.anthropic.com/v1/messages` (expect 405)");
    expect(html).toContain("<code");
    expect(html).toContain(">curl -sS https://api.anthropic.com/v1/messages</code>");
    expect(html).not.toContain("`");
    // A URL inside code stays code, not a link.
    expect(html).not.toContain("<a ");
  });

  it("links the pages a step names and bare URLs, without the sentence's full stop", () => {
    const html = render("Open Console → Billing, then watch https://status.claude.com.");
    expect(html).toContain('href="https://console.anthropic.com/settings/billing"');
    expect(html).toContain('href="https://status.claude.com"');
    expect(html).toMatch(/status\.claude\.com<\/a>\.<\/span>$/);
  });

  it("writes a library's ISO times the page's way", () => {
    const text = shown("A server error at 2026-12-06 14:10 UTC; seen again at 2026-12-06T15:00:00.000Z.");
    expect(text).toBe("A server error at 6 Dec 2026, 14:10 UTC; seen again at 6 Dec 2026, 15:00 UTC.");
  });

  it("leaves an unpaired backtick as text", () => {
    expect(shown("a ` b")).toBe("a ` b");
  });

  it("renders every line of the branch catalogue without a Markdown backtick", () => {
    for (const card of Object.values(BRANCH_CATALOGUE)) {
      for (const line of [card.treatAs, card.firstMove, card.verify, card.switchWhen, ...card.doNot]) {
        const html = render(line);
        if (line.split("`").length % 2 === 1) expect(html).not.toContain("`");
      }
    }
  });
});

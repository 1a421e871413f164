import { describe, expect, it } from "vitest";
import { unwrapHardWraps } from "./unwrap";

const wrap = (line: string, width: number) => line.match(new RegExp(`.{1,${width}}`, "g"))!.join("\n");

describe("unwrapping terminal hard wraps", () => {
  const line = `API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 219898 tokens > 200000 maximum"}}`;

  it("joins lines cut at the terminal width and maps every offset back to the paste", () => {
    const pasted = `${wrap(line, 80)}\nnext line`;
    const view = unwrapHardWraps(pasted)!;
    expect(view.text).toBe(`${line}\nnext line`);
    const at = view.text.indexOf("prompt is too long");
    const start = view.origin(at);
    const end = view.originEnd(at + "prompt is too long".length);
    expect(pasted.slice(start, end).replace("\n", "")).toBe("prompt is too long");
    for (let i = 0; i < view.text.length; i++) expect(pasted[view.origin(i)]).toBe(view.text[i]);
    expect(view.toView(view.origin(at))).toBe(at);
  });

  it("leaves ordinary text, short lines and indented continuations alone", () => {
    expect(unwrapHardWraps("short\nlines\nonly")).toBeNull();
    expect(unwrapHardWraps(`${"x".repeat(70)}\n    indented continuation`)).toBeNull();
    expect(unwrapHardWraps(line)).toBeNull();
  });

  it("keeps a break between two whole words when only the longest line ends there (a word wrap that ate a space)", () => {
    const head = `API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"This account has been`;
    const pasted = `${head}\nsuspended."}}\n\nshort note`;
    expect(unwrapHardWraps(pasted)?.text ?? pasted).toContain("has been\nsuspended");
  });

  it("keeps a break after an upper-case code before a capitalised word on the next line", () => {
    const pasted =
      "litellm.APIError: AnthropicException - Error: read ECONNRESET\nReceived Model Group=claude-sonnet-4";
    expect(unwrapHardWraps(pasted)?.text ?? pasted).toContain("ECONNRESET\nReceived");
  });

  it("still joins a cut inside a word, even when both halves are words of their own", () => {
    const head = `API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Over`;
    const pasted = `${head}\nloaded"}}\nnext`;
    expect(unwrapHardWraps(pasted)?.text).toContain('"message":"Overloaded"');
  });

  it("joins every break of a paste cut at one width many times, words or not", () => {
    // Three lines at the width, each ending in a whole word that the next line's first word continues: a
    // terminal's character wrap (it never eats a space), so every break goes.
    const line = `${"x".repeat(55)} been`;
    const pasted = `${line}\ndisabled${line.slice(8)}\ndisabled${line.slice(8)}\ndisabled.`;
    expect(unwrapHardWraps(pasted)?.text).toBe(pasted.replace(/\n/g, ""));
  });
});

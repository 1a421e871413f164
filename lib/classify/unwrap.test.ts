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
});

import { describe, expect, it } from "vitest";
import { checkInputBytes, checkInputText, MAX_INPUT_BYTES } from "./input";

const enc = new TextEncoder();

describe("input checks", () => {
  it("accepts ordinary text as it is", () => {
    expect(checkInputText("API Error: 529 Overloaded")).toEqual({
      ok: true,
      text: "API Error: 529 Overloaded",
    });
  });
  it("refuses empty and blank text with a clear message", () => {
    for (const t of ["", "  \n\t"]) {
      const r = checkInputText(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatchObject({ code: "empty", message: expect.stringMatching(/empty/) });
    }
  });
  it("measures the limit in UTF-8 bytes, not characters", () => {
    const exact = "a".repeat(MAX_INPUT_BYTES);
    expect(checkInputText(exact).ok).toBe(true);
    const r = checkInputText("é".repeat(MAX_INPUT_BYTES / 2 + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe("too_large");
  });
  it("refuses NUL bytes as binary", () => {
    expect(checkInputText("abc\u0000def")).toMatchObject({ ok: false, problem: { code: "binary" } });
    expect(checkInputBytes(new Uint8Array([0x41, 0x00, 0x42]))).toMatchObject({
      ok: false,
      problem: { code: "binary" },
    });
  });
  it("refuses invalid UTF-8 bytes and decodes valid ones, CRLF and ANSI kept", () => {
    expect(checkInputBytes(new Uint8Array([0x41, 0xff, 0xfe]))).toMatchObject({
      ok: false,
      problem: { code: "invalid_utf8" },
    });
    const text = "\u001b[31mAPI Error: 529\u001b[0m\r\nnext";
    expect(checkInputBytes(enc.encode(text))).toEqual({ ok: true, text });
  });
  it("refuses bytes over the limit before decoding them", () => {
    expect(checkInputBytes(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41))).toMatchObject({
      ok: false,
      problem: { code: "too_large" },
    });
  });
});

import { describe, expect, it } from "vitest";
import type { Signal } from "@/lib/diagnosis";
import { segmentPaste, type PasteSegment } from "./paste-segments";

function signal(id: string, start: number, end: number): Signal {
  return { id, label: `label ${id}`, start, end };
}

function shownText(segments: PasteSegment[]): string {
  return segments.map((s) => (s.kind === "gap" ? "…" : s.text)).join("");
}

/** Only the characters actually shown, gaps left out. */
function visibleOnly(segments: PasteSegment[]): string {
  return segments.map((s) => (s.kind === "gap" ? "" : s.text)).join("");
}

describe("segmentPaste on a short paste", () => {
  const text = "line one\nAPI Error: 529 Overloaded\nline three";
  const start = text.indexOf("529");

  it("returns the text unchanged when there is no signal", () => {
    expect(segmentPaste(text, [])).toEqual([{ kind: "text", start: 0, text }]);
  });

  it("marks a signal and keeps every character in order", () => {
    const segments = segmentPaste(text, [signal("status", start, start + 3)]);
    expect(shownText(segments)).toBe(text);
    expect(segments).toContainEqual({ kind: "mark", start, text: "529", labels: ["label status"] });
  });

  it("gives an overlapped stretch every covering label", () => {
    const segments = segmentPaste(text, [signal("a", start, start + 14), signal("b", start + 4, start + 14)]);
    expect(shownText(segments)).toBe(text);
    expect(segments.filter((s) => s.kind === "mark")).toEqual([
      { kind: "mark", start, text: "529 ", labels: ["label a"] },
      { kind: "mark", start: start + 4, text: "Overloaded", labels: ["label a", "label b"] },
    ]);
  });

  it("clamps signals past the end and drops empty ones", () => {
    const segments = segmentPaste(text, [
      signal("past", text.length - 5, text.length + 50),
      signal("empty", 3, 3),
    ]);
    expect(shownText(segments)).toBe(text);
    expect(segments.filter((s) => s.kind === "mark").map((s) => (s.kind === "mark" ? s.text : ""))).toEqual([
      "three",
    ]);
  });

  it("splits on UTF-16 offsets, so astral characters before a signal do not shift it", () => {
    const emoji = "🚨 ⎿ API Error: 529";
    const at = emoji.indexOf("529");
    const segments = segmentPaste(emoji, [signal("status", at, at + 3)]);
    expect(segments.at(-1)).toEqual({ kind: "mark", start: at, text: "529", labels: ["label status"] });
  });
});

describe("segmentPaste on a long paste", () => {
  const filler = "DEBUG noise that says nothing about the error\n".repeat(2_000);
  const error = "anthropic.RateLimitError: Error code: 429";
  const text = `${filler}${error}\n${filler}`;
  const at = text.indexOf("429");

  it("keeps the lines around the signal and counts what it leaves out", () => {
    const segments = segmentPaste(text, [signal("status", at, at + 3)], {
      showWholeBelow: 10_000,
      context: 100,
    });
    const gaps = segments.filter((s) => s.kind === "gap");
    expect(gaps).toHaveLength(2);
    const shown = visibleOnly(segments);
    expect(shown).toContain(error);
    expect(shown.length).toBeLessThan(1_000);
    const omitted = gaps.reduce((sum, g) => sum + (g.kind === "gap" ? g.omittedChars : 0), 0);
    expect(omitted + shown.length).toBe(text.length);
    // Windows snap to whole lines.
    expect(shown.startsWith("DEBUG")).toBe(true);
  });

  it("shows the tail when nothing was found", () => {
    const segments = segmentPaste(text, [], { showWholeBelow: 10_000, context: 100 });
    expect(segments[0]).toMatchObject({ kind: "gap", start: 0 });
    const last = segments.at(-1);
    expect(last?.kind).toBe("text");
    expect(text.endsWith(last?.kind === "text" ? last.text : "∅")).toBe(true);
  });

  it("stays an excerpt when the paste is one enormous line", () => {
    const oneLine = `${"x".repeat(50_000)}${error}${"y".repeat(50_000)}`;
    const where = oneLine.indexOf("429");
    const segments = segmentPaste(oneLine, [signal("status", where, where + 3)], { context: 100 });
    const shown = visibleOnly(segments);
    expect(shown.length).toBeLessThan(300);
    expect(shown).toContain("429");
  });
});

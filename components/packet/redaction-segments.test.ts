import { describe, expect, it } from "vitest";
import { redact, kindLabel } from "@/lib/redact";
import type { PacketFinding } from "./packet-action-types";
import { redactionSegments, redactionSummary } from "./redaction-segments";

const KEY = `sk-ant-api03-${"Qm4Rt7Yu2Io9Pa6Sd3Fg8Hj5Kl1Zx0Cv".repeat(3).slice(0, 93)}AA`;

/** Findings as the packet action sends them. */
function findingsFor(text: string): { text: string; findings: PacketFinding[] } {
  const r = redact(text);
  return { text: r.text, findings: r.findings.map((f) => ({ ...f, label: kindLabel(f.kind) })) };
}

describe("redactionSegments", () => {
  it("marks exactly the placeholders, each labelled with its kind", () => {
    const { text, findings } = findingsFor(
      `x-api-key: ${KEY}\nfrom jane.rivera@northwind-labs.io\nkey again ${KEY}`,
    );
    const marks = redactionSegments(text, findings).filter((s) => s.kind === "mark");
    expect(marks.map((m) => m.kind === "mark" && m.text)).toEqual([
      "[REDACTED:anthropic-api-key#1]",
      "[REDACTED:email#1]",
      "[REDACTED:anthropic-api-key#1]",
    ]);
    expect(marks[0]?.kind === "mark" && marks[0].labels).toEqual([kindLabel("anthropic-api-key")]);
  });

  it("gives back the whole redacted text for a short paste", () => {
    const { text, findings } = findingsFor(`Authorization: Bearer ${"Zq8Xw7Vu6Ts5Rq4Po3Nm2Lk1".repeat(2)}`);
    const joined = redactionSegments(text, findings)
      .map((s) => (s.kind === "gap" ? "" : s.text))
      .join("");
    expect(joined).toBe(text);
  });

  it("keeps every placeholder in view in a long paste", () => {
    const filler = "INFO nothing to see here\n".repeat(4000);
    const { text, findings } = findingsFor(`${filler}x-api-key: ${KEY}\n${filler}`);
    const segments = redactionSegments(text, findings);
    expect(segments.some((s) => s.kind === "gap")).toBe(true);
    expect(segments.filter((s) => s.kind === "mark")).toHaveLength(1);
  });
});

describe("redactionSummary", () => {
  it("names each kind with its count, or says nothing was removed", () => {
    expect(redactionSummary(findingsFor(`a ${KEY} b ${KEY}`).findings)).toBe(
      `${kindLabel("anthropic-api-key")} ×2`,
    );
    expect(redactionSummary([])).toBeNull();
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosisSchema, type Diagnosis } from "../diagnosis";
import { classify } from "./classify";

// The shared corpus sits beside the project (../shared), in CI too.
const CORPUS_DIR = join(__dirname, "..", "..", "..", "shared", "corpus");

type CorpusCase = {
  id: string;
  source: string;
  text: string;
  notes: string;
  expected: {
    branch: string;
    status: number | null;
    error_type: string | null;
    request_id: string | null;
    surface: string;
    streaming: boolean | null;
    model: string | null;
  };
};

const cases: CorpusCase[] = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(CORPUS_DIR, f), "utf8")) as CorpusCase);

/** The corpus names the route for gateway traffic and the client otherwise. */
const corpusSurface = (d: Diagnosis): string =>
  d.evidence.route !== "anthropic" && d.evidence.route !== "unknown" ? d.evidence.route : d.evidence.surface;

describe("the shared corpus of real pasted errors", () => {
  it("is there to test against", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(cases.map((c) => [`${c.id} ${c.expected.branch} (${c.source})`, c] as const))(
    "%s",
    (_name, c) => {
      const d = classify(c.text);

      it("produces a valid Diagnosis", () => {
        expect(() => diagnosisSchema.parse(d)).not.toThrow();
      });
      it("picks the expected branch", () => {
        expect(d.branch).toBe(c.expected.branch);
      });
      it("reads status, error.type and the first request id", () => {
        expect({
          status: d.evidence.status,
          errorType: d.evidence.errorType,
          requestId: d.evidence.requestIds[0] ?? null,
        }).toEqual({
          status: c.expected.status,
          errorType: c.expected.error_type,
          requestId: c.expected.request_id,
        });
      });
      it("reads streaming and the model", () => {
        expect({ streaming: d.evidence.streaming, model: d.evidence.model }).toEqual({
          streaming: c.expected.streaming,
          model: c.expected.model,
        });
      });
      it("marks spans of the paste that voted for the branch", () => {
        expect(d.signals.length).toBeGreaterThan(0);
        for (const s of d.signals) {
          expect(s.start).toBeLessThan(s.end);
          expect(s.end).toBeLessThanOrEqual(c.text.length);
        }
      });
    },
  );

  describe("keeps every branch when the paste is mangled the way terminals, logs and trackers mangle it", () => {
    const wrap = (text: string, width: number) =>
      text
        .split("\n")
        .map((line) => line.match(new RegExp(`.{1,${width}}`, "g"))?.join("\n") ?? "")
        .join("\n");
    const MANGLES: Record<string, (text: string) => string> = {
      "hard-wrapped at 80 columns": (t) => wrap(t, 80),
      "hard-wrapped at 120 columns": (t) => wrap(t, 120),
      "behind a log prefix": (t) =>
        t
          .split("\n")
          .map((l) => `web.1 | 2026-11-22 10:00:05,123 ERROR ${l}`)
          .join("\n"),
      "coloured with ANSI codes": (t) => `\u001b[31m${t.split("\n").join("\u001b[0m\n\u001b[31m")}\u001b[0m`,
      "with CRLF line ends": (t) => t.replace(/\n/g, "\r\n"),
      "between unrelated log lines": (t) =>
        `2026-11-22T10:00:00.000Z INFO server listening on :8080\n${t}\n2026-11-22T10:00:09.000Z INFO GET /healthz 200 2ms`,
      "escaped into a /bug errors array": (t) =>
        JSON.stringify([{ error: t, timestamp: "2026-11-22T10:00:05.000Z" }]),
      "quoted in a GitHub comment": (t) =>
        t
          .split("\n")
          .map((l) => `> ${l}`)
          .join("\n"),
      "inside a code fence": (t) => `\`\`\`\n${t}\n\`\`\``,
    };
    it.each(Object.entries(MANGLES))("%s", (_name, mangle) => {
      const wrong = cases
        .filter((c) => classify(mangle(c.text)).branch !== c.expected.branch)
        .map((c) => c.id);
      expect(wrong).toEqual([]);
    });
  });

  it("names the surface or route for at least 90% of cases (some labels come from the issue, not the text)", () => {
    const agreeing = cases.filter((c) => corpusSurface(classify(c.text)) === c.expected.surface).length;
    expect(agreeing / cases.length).toBeGreaterThanOrEqual(0.9);
  });
});

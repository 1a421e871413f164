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

  it("names the surface or route for at least 90% of cases (some labels come from the issue, not the text)", () => {
    const agreeing = cases.filter((c) => corpusSurface(classify(c.text)) === c.expected.surface).length;
    expect(agreeing / cases.length).toBeGreaterThanOrEqual(0.9);
  });
});

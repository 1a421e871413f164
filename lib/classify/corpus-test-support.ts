import { expect, it } from "vitest";
import { diagnosisSchema, type Diagnosis } from "../diagnosis";
import { totals, type CaseScore } from "./score";

/** The misses a corpus test lists exactly: a fix removes its id, and a new miss fails the test. */
export type KnownMisses = {
  branch: string[];
  status: string[];
  errorType: string[];
  requestId: string[];
  surface: string[];
  confidentMisses: string[];
};

/** The shared checks of a corpus folder's test: call inside a `describe`. */
export function corpusScoreTests(
  scored: { d: Diagnosis; s: CaseScore }[],
  known: KnownMisses,
  bar: { surface: number },
): void {
  const scores = scored.map((x) => x.s);
  const ids = (f: (s: CaseScore) => boolean): string[] => scores.filter(f).map((s) => s.id);

  it("produces a valid Diagnosis for every case", () => {
    for (const { d } of scored) expect(() => diagnosisSchema.parse(d)).not.toThrow();
  });
  it("picks the branch (or one the label accepts) except for the listed misses", () => {
    expect(ids((s) => !s.branch)).toEqual(known.branch);
  });
  it("reads the status", () => {
    expect(ids((s) => !s.status)).toEqual(known.status);
  });
  it("reads the error type", () => {
    expect(ids((s) => !s.errorType)).toEqual(known.errorType);
  });
  it("finds the first request id (partial ids flagged, relay ids apart) and invents none", () => {
    expect(ids((s) => s.requestId === false || s.inventedId)).toEqual(known.requestId);
  });
  it("names the surface or route where the text shows it", () => {
    expect(ids((s) => s.surface === false)).toEqual(known.surface);
  });
  it(`meets the bar: branch and status ≥ 97%, surface/route ≥ ${Math.round(bar.surface * 100)}%`, () => {
    const t = totals(scores);
    expect(t.branch / t.cases).toBeGreaterThanOrEqual(0.97);
    expect(t.status / t.cases).toBeGreaterThanOrEqual(0.97);
    expect(t.surface / t.surfaceCases).toBeGreaterThanOrEqual(bar.surface);
  });
  it("answers ≥ 0.9 confidence only when right", () => {
    expect(ids((s) => s.confidence >= 0.9 && !s.branch)).toEqual(known.confidentMisses);
  });
}

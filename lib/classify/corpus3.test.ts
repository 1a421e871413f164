import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosisSchema } from "../diagnosis";
import { classify } from "./classify";
import { loadCorpus, scoreCase, totals, type CaseScore } from "./score";

// The held-out folder corpus-3/ (80 real pastes, ids 601–680), scored once blind with classifier v3 and
// opened afterwards: since then it is development data like the others, and these figures are no longer a
// held-out measure.
const cases = loadCorpus(join(__dirname, "..", "..", "corpus-3"));
const scored = cases.map((c) => ({ c, d: classify(c.text) }));
const scores: CaseScore[] = scored.map(({ c, d }) => scoreCase(c, d));

/**
 * Known misses, listed exactly: a fix removes its id here, and a new miss fails the test.
 * - Status and type: 637 (a free proxy's Anthropic-shaped 429 around another provider's error; billing is
 *   read from the inner message, but the terminal-wrapped envelope's status and the upstream's type are not).
 * - Type: 638 (a gateway's numeric type "1113" is not read).
 * - Surface or route: 606 (a hosted web app the text does not name), 616 (claude.ai named only in the
 *   report's version field), 621 (Claude Code's bare "Request timed out after N minutes"), 626 (a gateway
 *   named only as "continue-proxy"), 637 (the proxy, read as Claude Code), 638 (Claude Code with a gateway's
 *   body, read as the TypeScript SDK), 662 (a Rust agent's own client, read as the TypeScript SDK), 666 (the
 *   Python SDK's message under an app's "API Error:" prefix, read as Claude Code), 680 (a Python traceback
 *   that names only `anthropic.Anthropic`).
 */
const KNOWN = {
  branch: [] as string[],
  status: ["637"],
  errorType: ["637", "638"],
  requestId: [] as string[],
  surface: ["606", "616", "621", "626", "637", "638", "662", "666", "680"],
  confidentMisses: [] as string[],
};

const ids = (f: (s: CaseScore) => boolean): string[] => scores.filter(f).map((s) => s.id);

describe("every case of the corpus-3 folder (no longer held-out)", () => {
  it("is there to test against (80 cases, ids 601–680)", () => {
    expect(cases.length).toBe(80);
    expect([cases[0]?.id, cases.at(-1)?.id]).toEqual(["601", "680"]);
  });

  it("produces a valid Diagnosis for every case", () => {
    for (const { d } of scored) expect(() => diagnosisSchema.parse(d)).not.toThrow();
  });

  it("picks the branch (or one the label accepts) except for the listed misses", () => {
    expect(ids((s) => !s.branch)).toEqual(KNOWN.branch);
  });
  it("reads the status", () => {
    expect(ids((s) => !s.status)).toEqual(KNOWN.status);
  });
  it("reads the error type", () => {
    expect(ids((s) => !s.errorType)).toEqual(KNOWN.errorType);
  });
  it("finds the first request id (partial ids flagged, relay ids apart) and invents none", () => {
    expect(ids((s) => s.requestId === false || s.inventedId)).toEqual(KNOWN.requestId);
  });
  it("names the surface or route where the text shows it", () => {
    expect(ids((s) => s.surface === false)).toEqual(KNOWN.surface);
  });

  it("meets the bar: branch and status ≥ 97%, surface/route ≥ 80%", () => {
    const t = totals(scores);
    expect(t.branch / t.cases).toBeGreaterThanOrEqual(0.97);
    expect(t.status / t.cases).toBeGreaterThanOrEqual(0.97);
    expect(t.surface / t.surfaceCases).toBeGreaterThanOrEqual(0.8);
  });

  it("answers ≥ 0.9 confidence only when right", () => {
    expect(ids((s) => s.confidence >= 0.9 && !s.branch)).toEqual(KNOWN.confidentMisses);
  });
});

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { corpusScoreTests, type KnownMisses } from "./corpus-test-support";
import { loadCorpus, scoreCase } from "./score";

// The held-out folder corpus-3/ (80 real pastes, ids 601–680), scored once blind with classifier v3 and
// opened afterwards: since then it is development data like the others, and these figures are no longer a
// held-out measure.
const cases = loadCorpus(join(__dirname, "..", "..", "corpus-3"));
const scored = cases.map((c) => {
  const d = classify(c.text);
  return { d, s: scoreCase(c, d) };
});

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
const KNOWN: KnownMisses = {
  branch: [] as string[],
  status: ["637"],
  errorType: ["637", "638"],
  requestId: [] as string[],
  surface: ["606", "616", "621", "626", "637", "638", "662", "666", "680"],
  confidentMisses: [] as string[],
};

describe("every case of the corpus-3 folder (no longer held-out)", () => {
  it("is there to test against (80 cases, ids 601–680)", () => {
    expect(cases.length).toBe(80);
    expect([cases[0]?.id, cases.at(-1)?.id]).toEqual(["601", "680"]);
  });

  corpusScoreTests(scored, KNOWN, { surface: 0.8 });
});

import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { corpusScoreTests, type KnownMisses } from "./corpus-test-support";
import { CORPUS_2_DIR, CORPUS_DIR, loadCorpus, scoreCase } from "./score";

// Both corpus folders, scored the way `npm run score` scores them: the development cases, then the blind
// slice of corpus-2 (ids ending in 3 or 8), kept out of development and added here once, with whatever it
// scored when it was first run (classifier version 2).
const development = [
  ...loadCorpus(CORPUS_DIR),
  ...loadCorpus(CORPUS_2_DIR, { blindSlice: true, blind: "skip" }),
];
const blind = loadCorpus(CORPUS_2_DIR, { blindSlice: true, blind: "only" });
const scored = [...development, ...blind].map((c) => {
  const d = classify(c.text);
  return { d, s: scoreCase(c, d) };
});

/**
 * Known misses, listed exactly: a fix removes its id here, and a new miss fails the test.
 * Development:
 * - Surface or route: 929, 514 (a hosted web app the text does not name), 933 (Vertex known from the
 *   thread), 509 and 555 (a gateway relaying Vertex's error, read as Vertex), 535 (a relay's 404 in the errors
 *   log names the route), 551 (a multi-account router's own log lines), 556 (a Go test name, no Go stack).
 * Blind slice (opened and scored once with classifier version 2; used as development data since):
 * - Types: 523 (a Groq envelope's "tokens" read as a type; the label has none).
 * - Surface or route: 423 (a self-hosted relay behind the Python SDK), 518 (GitHub Copilot's proxy), 553 (a
 *   C++ client's log).
 * Fixed since version 2 by general rules, each tested with phrasings of its own (families.test.ts,
 * meanings.test.ts): 426 (a generic HTTP client's bare status, nothing Claude: unattributed), 538 (no
 * response: "Status Code: N/A"), 543 (an org ban under a generic 400 type, behind a word wrap that ate a
 * space), 558 (AWS's raw Coral body), 408 (a Google status string printed as "with code X"); surfaces 448 (a
 * litellm exception sent as an error body's message: the LiteLLM proxy) and 493 (a JS `Error: 413 {…}`); 436
 * (the weekly plan limit in Italian: the plan-limit family in the languages Claude's apps are shown in).
 */
const KNOWN: KnownMisses = {
  branch: [] as string[],
  status: [] as string[],
  errorType: ["523"],
  requestId: [] as string[],
  surface: ["929", "933", "509", "514", "535", "551", "555", "556", "423", "518", "553"],
  confidentMisses: [] as string[],
};

describe("every case of both corpus folders, the blind slice included", () => {
  it("is there to test against (41 + 126 development cases, 32 blind)", () => {
    expect([development.length, blind.length]).toEqual([167, 32]);
  });

  corpusScoreTests(scored, KNOWN, { surface: 0.9 });
});

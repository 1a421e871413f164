import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// .ci/ is outside Vitest's include globs, so the CI summariser's test lives with the other scripts' tests.
const SCRIPT = fileURLToPath(new URL("../.ci/summarise-tests.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cet-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function summarise(...paths: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...paths], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Trimmed from a real Vitest 4 JSON report: one file with a pass, a fail, a skip and a todo; one file that failed to import.
const VITEST = {
  numTotalTests: 4,
  numPassedTests: 1,
  numFailedTests: 1,
  numPendingTests: 1,
  numTodoTests: 1,
  success: false,
  testResults: [
    {
      status: "failed",
      message: "",
      assertionResults: [
        { status: "passed" },
        { status: "failed" },
        { status: "skipped" },
        { status: "todo" },
      ],
    },
    { status: "failed", message: "Cannot find module './does-not-exist'", assertionResults: [] },
  ],
};

// The `stats` block of a Playwright JSON report.
const PLAYWRIGHT = {
  suites: [],
  errors: [],
  stats: {
    startTime: "2026-11-21T10:00:00.000Z",
    duration: 1234,
    expected: 3,
    skipped: 1,
    unexpected: 1,
    flaky: 1,
  },
};

describe(".ci/summarise-tests.mjs", () => {
  it("adds up both reports into the one closing line", () => {
    const { status, stdout } = summarise(report("unit.json", VITEST), report("e2e.json", PLAYWRIGHT));
    expect(status).toBe(0);
    // unit: 1 passed, 1 failed + 1 file that did not load, 2 skipped; e2e: 3 + 1 flaky passed, 1 failed, 1 skipped.
    expect(stdout).toBe("Tests: 5 passed, 3 failed, 3 skipped\n");
  });

  it("counts a Playwright run-level error (a web server that never started) as a failure", () => {
    const broken = {
      ...PLAYWRIGHT,
      errors: [{ message: "Timed out waiting for the webServer" }],
      stats: { ...PLAYWRIGHT.stats, expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
    };
    expect(summarise(report("e2e-broken.json", broken)).stdout).toBe(
      "Tests: 0 passed, 1 failed, 0 skipped\n",
    );
  });

  it("still prints the line, and says why on stderr, when a report is missing or not a report", () => {
    const { status, stdout, stderr } = summarise(
      join(dir, "never-written.json"),
      report("junk.json", "{not json"),
      report("other.json", { hello: 1 }),
    );
    expect(status).toBe(0);
    expect(stdout).toBe("Tests: 0 passed, 0 failed, 0 skipped\n");
    expect(stderr).toContain("never-written.json: no report");
    expect(stderr).toContain("junk.json: unreadable");
    expect(stderr).toContain("other.json: neither a Vitest nor a Playwright JSON report");
  });
});

#!/usr/bin/env node
// Prints the one closing line CI reads, `Tests: N passed, N failed, N skipped`, from the Vitest and
// Playwright JSON reports named on the command line. No dependencies: it runs even when `npm ci` failed.
// A missing or unreadable report is said on stderr and counts nothing; this script always exits 0 so the
// test command's own exit code is what CI sees.
import { readFileSync } from "node:fs";

/** Counts from a Vitest JSON report (Jest-compatible shape). */
function countVitest(report) {
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  // A test file that fails to load has no tests to fail, yet the run failed: count the file once.
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((test) => test.status === "failed").length;
    if (file.status === "failed" && failedInFile === 0) counts.failed += 1;
  }
  return counts;
}

/** Counts from a Playwright JSON report; flaky tests passed on retry, and top-level errors (a web server that did not start) fail the run. */
function countPlaywright(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

function countReport(path) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason =
      error?.code === "ENOENT"
        ? "no report (the run stopped before these tests)"
        : `unreadable (${error?.message})`;
    process.stderr.write(`summarise-tests: ${path}: ${reason}\n`);
    return { passed: 0, failed: 0, skipped: 0 };
  }
  if (typeof report?.numTotalTests === "number") return countVitest(report);
  if (typeof report?.stats === "object" && report.stats !== null) return countPlaywright(report);
  process.stderr.write(`summarise-tests: ${path}: neither a Vitest nor a Playwright JSON report\n`);
  return { passed: 0, failed: 0, skipped: 0 };
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const path of process.argv.slice(2)) {
  const counts = countReport(path);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
process.stdout.write(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);

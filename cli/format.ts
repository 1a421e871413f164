import type { Diagnosis, Evidence } from "../lib/diagnosis";
import type { DiagnosisReport } from "../lib/report";
import { formatDuration, formatInstant } from "../lib/retry";

/** How a diagnosis is printed for a person reading a terminal. */
export type FormatOptions = {
  /** The input's name, printed above the diagnosis when several inputs are read. */
  file: string | null;
  color: boolean;
};

const ESC = "\u001b[";
type Style = "bold" | "dim" | "label" | "warn";
const STYLE_CODES: Record<Style, string> = { bold: "1", dim: "2", label: "36", warn: "33" };

// Evidence text is copied from the paste; a pasted escape sequence must not drive the reader's terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const MESSAGE_PREVIEW_CHARS = 240;

function clean(text: string): string {
  return text.replace(CONTROL_CHARS, "\uFFFD");
}

function preview(text: string): string {
  const oneLine = clean(text).replace(/\s+/g, " ").trim();
  return oneLine.length > MESSAGE_PREVIEW_CHARS ? `${oneLine.slice(0, MESSAGE_PREVIEW_CHARS - 1)}…` : oneLine;
}

function evidenceLines(evidence: Evidence): string[] {
  const facts: Array<[string, string | null]> = [
    ["status", evidence.status === null ? null : String(evidence.status)],
    ["error type", evidence.errorType],
    ["message", evidence.message === null ? null : preview(evidence.message)],
    ["request id", evidence.requestIds.length > 0 ? evidence.requestIds.join(", ") : null],
    [
      "gateway request id",
      evidence.gatewayRequestIds.length > 0 ? evidence.gatewayRequestIds.join(", ") : null,
    ],
    ["model", evidence.model],
    ["endpoint", evidence.endpoint],
    ["surface", evidence.surface === "unknown" ? null : evidence.surface],
    ["route", evidence.route === "unknown" ? null : evidence.route],
    ["streaming", evidence.streaming === null ? null : String(evidence.streaming)],
    ["retry after", evidence.retryAfterMs === null ? null : `${evidence.retryAfterMs / 1000} s`],
    [
      "attempts",
      evidence.attempts === null
        ? null
        : `${evidence.attempts.seen}${evidence.attempts.of === null ? "" : ` of ${evidence.attempts.of}`}`,
    ],
    [
      "sdk",
      evidence.sdk === null
        ? null
        : `${evidence.sdk.name}${evidence.sdk.version === null ? "" : ` ${evidence.sdk.version}`}`,
    ],
    ["occurred at", evidence.occurredAt],
  ];
  return facts.flatMap(([name, value]) => (value === null ? [] : [`${name}: ${clean(value)}`]));
}

function occurrencesLine(count: number): string {
  if (count === 0) return "No Claude error found in the input.";
  return count === 1 ? "1 error found in the input." : `${count} errors found in the input.`;
}

/** Renders one diagnosis as readable text ending in a newline; ANSI styles only when `color` is set. */
export function formatDiagnosis(diagnosis: Diagnosis, options: FormatOptions): string {
  const paint = (style: Style, text: string) =>
    options.color ? `${ESC}${STYLE_CODES[style]}m${text}${ESC}0m` : text;
  const { card } = diagnosis;
  const variant = diagnosis.variant === null ? "" : ` · variant ${diagnosis.variant}`;
  // A report leads with its verdict, the one answer to act on; the classifier's headline follows when it
  // says something else. A bare diagnosis leads with the headline.
  const verdict = "verdict" in diagnosis ? (diagnosis as DiagnosisReport).verdict : null;
  const first = verdict === null ? diagnosis.headline : verdict.summary;
  const lines = [
    ...(options.file === null ? [] : [paint("dim", `==> ${options.file} <==`)]),
    paint(verdict?.outage ? "warn" : "bold", clean(first)),
    ...(verdict !== null && verdict.summary !== diagnosis.headline ? [clean(diagnosis.headline)] : []),
    `${paint("label", "Branch:")} ${diagnosis.branch} (${card.title})${variant} · confidence ${Math.round(diagnosis.confidence * 100)}%`,
    `${paint("label", "First move:")} ${card.firstMove}`,
    `${paint("label", "Verify:")} ${card.verify}`,
    `${paint("label", "Do not:")}`,
    ...card.doNot.map((item) => `  ${paint("warn", "✗")} ${item}`),
  ];
  const evidence = evidenceLines(diagnosis.evidence);
  if (evidence.length > 0) lines.push(paint("label", "Evidence:"), ...evidence.map((line) => `  ${line}`));
  if ("retry" in diagnosis) lines.push(...retryLines(diagnosis as DiagnosisReport, paint));
  lines.push(paint("dim", occurrencesLine(diagnosis.occurrences.length)));
  return `${lines.join("\n")}\n`;
}

/** The retry plan in words: verdict, waits, when access returns, when to stop. */
function retryLines(report: DiagnosisReport, paint: (style: Style, text: string) => string): string[] {
  const plan = report.retry;
  const context = `${report.retryContext.mode}${report.retryContext.sideEffects ? ", with side effects" : ""}`;
  const lines = [
    `${paint("label", "Retry:")} ${plan.retryable ? "yes" : "no"} (${context}) · ${plan.reason}`,
  ];
  if (plan.schedule.length > 0) {
    const waits = plan.schedule.map((w) => `${formatDuration(w.minDelayMs)}–${formatDuration(w.maxDelayMs)}`);
    lines.push(
      `  ${plan.maxAttempts} attempts in all; waits before each retry: ${waits.join(", ")} (worst case ${formatDuration(plan.totalBudgetMs)})`,
    );
  }
  if (plan.retryAfterMs !== null) lines.push(`  retry-after: ${formatDuration(plan.retryAfterMs)}`);
  if (plan.resumeAt !== null)
    lines.push(`  ${paint("warn", "do not retry until")} ${formatInstant(plan.resumeAt)}`);
  lines.push(`  stop: ${plan.stopRule}`);
  return lines;
}

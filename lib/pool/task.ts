import { parseDiagnoseBytes } from "../api/diagnose-request";
import type { Refusal } from "../api/json-request";
import { findPasteSecrets, type PasteSecret } from "../paste-secrets";
import { redact } from "../redact";
import { diagnoseOffline, type DiagnosisReport } from "../report";
import type { RetryContext } from "../retry";

// What a worker thread runs: the CPU-heavy parts of a request (decoding and validating a large body, the
// classifier, the redaction passes, the retry plan). No network and no store: the status reading and the
// store stay on the request thread. Every input and output is plain data, as it crosses a thread boundary
// by structured clone (a body's bytes are moved, not copied).

/** One diagnosis of a paste. */
export type DiagnoseTask = {
  text: string;
  occurredAt: string | null;
  retryContext?: RetryContext | undefined;
  /** The request's clock, so the worker's report is the one the request thread would have made. */
  nowMs: number;
};

/** The classifier, evidence redaction and retry plan on a paste; lib/report.ts's diagnoseOffline. */
export function runDiagnoseTask(task: DiagnoseTask): DiagnosisReport {
  return diagnoseOffline(task.text, {
    occurredAt: task.occurredAt,
    ...(task.retryContext === undefined ? {} : { retryContext: task.retryContext }),
    now: new Date(task.nowMs),
    random: Math.random,
  });
}

/** The report and where the paste holds secrets (the page's masking): one round trip for both passes. */
export type ReportWithSecrets = { report: DiagnosisReport; secrets: PasteSecret[] };

export function diagnoseWithSecrets(task: DiagnoseTask): ReportWithSecrets {
  return { report: runDiagnoseTask(task), secrets: findPasteSecrets(task.text) };
}

/** The paste redacted, and the report on the redacted text (what a link keeps; lib/permalinks/create.ts). */
export type RedactedReportTask = { redactedText: string; report: DiagnosisReport };

export function redactThenDiagnose(task: DiagnoseTask): RedactedReportTask {
  const redactedText = redact(task.text).text;
  return { redactedText, report: runDiagnoseTask({ ...task, text: redactedText }) };
}

/** A `POST /api/diagnose` body as it arrived, still bytes: decoded, parsed and checked on the worker. */
export type DiagnoseBodyTask = { body: Uint8Array; nowMs: number };

export type DiagnoseBodyOutcome = { ok: true; report: DiagnosisReport } | Refusal;

export function diagnoseBody(task: DiagnoseBodyTask): DiagnoseBodyOutcome {
  const parsed = parseDiagnoseBytes(task.body);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    report: runDiagnoseTask({
      text: parsed.text,
      occurredAt: parsed.occurredAt,
      retryContext: parsed.retryContext,
      nowMs: task.nowMs,
    }),
  };
}

/** The worker's tasks by name (piscina's `name`); the default export is runDiagnoseTask. */
export const WORKER_TASKS = {
  diagnose: runDiagnoseTask,
  diagnoseWithSecrets,
  redactThenDiagnose,
  diagnoseBody,
} as const;
export type WorkerTasks = typeof WORKER_TASKS;
export type WorkerTaskName = keyof WorkerTasks;

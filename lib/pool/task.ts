import { diagnoseOffline, type DiagnosisReport } from "../report";
import type { RetryContext } from "../retry";

/** One diagnosis for a worker: plain data only, as it crosses a thread boundary by structured clone. */
export type DiagnoseTask = {
  text: string;
  occurredAt: string | null;
  retryContext?: RetryContext | undefined;
  /** The request's clock, so the worker's report is the one the request thread would have made. */
  nowMs: number;
};

/** The CPU-heavy part of a diagnosis (classifier, evidence redaction, retry plan); no network, no store. */
export function runDiagnoseTask(task: DiagnoseTask): DiagnosisReport {
  return diagnoseOffline(task.text, {
    occurredAt: task.occurredAt,
    ...(task.retryContext === undefined ? {} : { retryContext: task.retryContext }),
    now: new Date(task.nowMs),
    random: Math.random,
  });
}

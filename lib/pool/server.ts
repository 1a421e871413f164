import { findPasteSecrets } from "../paste-secrets";
import { redactedReport, type PasteToShare, type RedactedReport, type ShareDeps } from "../permalinks/create";
import { diagnose, withStatus, type DiagnosisReport } from "../report";
import type { RetryContext } from "../retry";
import type { StatusClient } from "../status/client";
import type { DiagnosePool } from "./pool";
import { getDiagnosePool, LARGE_PASTE_CHARS } from "./shared";
import type { DiagnoseBodyOutcome, ReportWithSecrets } from "./task";

export { getDiagnosePool, LARGE_PASTE_CHARS } from "./shared";

export type DiagnoseOptions = {
  occurredAt: string | null;
  retryContext?: RetryContext | undefined;
  now: Date;
  /** null diagnoses offline (no status reading in the report). */
  status: Pick<StatusClient, "getContext"> | null;
  /** The client went away: stop the work. */
  signal?: AbortSignal | undefined;
};

/**
 * The report for a paste, as lib/report.ts's diagnose() makes it, with the CPU-heavy part of a large paste on
 * a worker thread. Rejects with PoolBusyError when the pool sheds load and DiagnosisCancelledError when
 * `signal` aborts first.
 */
export async function diagnoseBounded(
  text: string,
  options: DiagnoseOptions,
  pool: DiagnosePool | null = text.length >= LARGE_PASTE_CHARS ? getDiagnosePool() : null,
): Promise<DiagnosisReport> {
  // A small paste (or no pool): lib/report.ts's diagnose(), on this thread.
  if (pool === null)
    return diagnose(text, {
      occurredAt: options.occurredAt,
      ...(options.retryContext === undefined ? {} : { retryContext: options.retryContext }),
      now: options.now,
      random: Math.random,
      status: options.status,
    });
  const report = await pool.run(
    {
      text,
      occurredAt: options.occurredAt,
      retryContext: options.retryContext,
      nowMs: options.now.getTime(),
    },
    options.signal,
  );
  return addStatus(report, options);
}

/** The status step of diagnose(), on a report a worker made. */
async function addStatus(
  report: DiagnosisReport,
  options: Pick<DiagnoseOptions, "status" | "now">,
): Promise<DiagnosisReport> {
  if (options.status === null) return report;
  const statusContext = await options.status
    .getContext({
      occurredAt: report.evidence.occurredAt,
      surface: report.evidence.surface,
      route: report.evidence.route,
    })
    .catch(() => null);
  return withStatus(report, statusContext, options.now);
}

/**
 * diagnoseBounded() and where the paste holds secrets (lib/paste-secrets.ts, a whole redaction pass): for a
 * large paste both run on the worker in one round trip, so neither holds the request thread.
 */
export async function diagnoseWithSecretsBounded(
  text: string,
  options: DiagnoseOptions,
  pool: DiagnosePool | null = text.length >= LARGE_PASTE_CHARS ? getDiagnosePool() : null,
): Promise<ReportWithSecrets> {
  if (pool === null) {
    const report = await diagnoseBounded(text, options, null);
    return { report, secrets: findPasteSecrets(text) };
  }
  const { report, secrets } = await pool.call(
    "diagnoseWithSecrets",
    {
      text,
      occurredAt: options.occurredAt,
      retryContext: options.retryContext,
      nowMs: options.now.getTime(),
    },
    { signal: options.signal },
  );
  return { report: await addStatus(report, options), secrets };
}

/**
 * lib/permalinks/create.ts's redactedReport() (redact, then diagnose the redacted text), with both passes of a
 * large paste on the worker: what link creation and private links run. Sheds with PoolBusyError like
 * diagnoseBounded().
 */
export async function redactedReportBounded(
  paste: PasteToShare,
  deps: ShareDeps & { signal?: AbortSignal | undefined },
  pool: DiagnosePool | null = paste.text.length >= LARGE_PASTE_CHARS ? getDiagnosePool() : null,
): Promise<RedactedReport> {
  if (pool === null) return redactedReport(paste, deps);
  const { redactedText, report } = await pool.call(
    "redactThenDiagnose",
    {
      text: paste.text,
      occurredAt: paste.occurredAt,
      retryContext: paste.retryContext,
      nowMs: deps.now.getTime(),
    },
    { signal: deps.signal },
  );
  return { redactedText, report: await addStatus(report, { status: deps.status, now: deps.now }) };
}

/**
 * A `POST /api/diagnose` body still in bytes, handed whole to the worker: decoding, JSON parsing, the schema
 * and the paste checks run there with the classifier, so a large body costs the request thread only its
 * reading. Answers the report (with its status reading) or the refusal parseDiagnoseRequest would have made.
 */
export async function diagnoseBodyBounded(
  body: Uint8Array,
  options: Pick<DiagnoseOptions, "now" | "status" | "signal">,
  pool: DiagnosePool,
): Promise<DiagnoseBodyOutcome> {
  // Moved to the thread rather than copied; a view over part of a larger buffer is copied out first.
  const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
  const outcome = await pool.call(
    "diagnoseBody",
    { body: owned, nowMs: options.now.getTime() },
    { signal: options.signal, transfer: [owned.buffer as ArrayBuffer] },
  );
  if (!outcome.ok) return outcome;
  return { ok: true, report: await addStatus(outcome.report, options) };
}

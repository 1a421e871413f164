import { z } from "zod";
import { classify } from "./classify";
import { diagnosisSchema, type Diagnosis, type Evidence } from "./diagnosis";
import { redact } from "./redact";
import {
  DEFAULT_RETRY_CONTEXT,
  planRetry,
  retryContextSchema,
  retryPlanSchema,
  type RetryContext,
} from "./retry";
import { statusContextSchema, type StatusContext } from "./status/context";
import type { StatusClient } from "./status/client";
import { buildVerdict, verdictSchema } from "./verdict";

const reportWithoutVerdictSchema = diagnosisSchema.extend({
  retry: retryPlanSchema,
  retryContext: retryContextSchema,
  /** null when the status page was not asked (offline CLI, tests) */
  statusContext: statusContextSchema.nullable(),
});

/**
 * Reports stored before the verdict existed (permalinks, private links) get one made from what they hold,
 * dated at their status reading (or the error's time) so an old link does not speak of today.
 */
function withVerdict(value: unknown): unknown {
  if (typeof value !== "object" || value === null || "verdict" in value) return value;
  const parsed = reportWithoutVerdictSchema.safeParse(value);
  if (!parsed.success) return value;
  const report = parsed.data;
  const stamp = report.statusContext?.checkedAt ?? report.evidence.occurredAt;
  const at = stamp === null ? Number.NaN : Date.parse(stamp);
  const now = new Date(Number.isFinite(at) ? at : 0);
  return {
    ...report,
    verdict: buildVerdict({ diagnosis: report, plan: report.retry, status: report.statusContext, now }),
  };
}

/**
 * What every face returns for a paste: the classifier's diagnosis, its retry plan, the status page reading
 * and the verdict made from all three (the one answer a person acts on).
 */
export const diagnosisReportSchema = z.preprocess(
  withVerdict,
  reportWithoutVerdictSchema.extend({ verdict: verdictSchema }),
);
export type DiagnosisReport = z.infer<typeof diagnosisReportSchema>;

export type ReportOptions = {
  occurredAt?: string | null;
  retryContext?: RetryContext;
  now: Date;
  random: () => number;
};

const redactText = (value: string | null): string | null => (value === null ? null : redact(value).text);

/**
 * Evidence copied from the paste (the message, model, endpoint, header values) may hold a secret: every
 * face gets it redacted. Offsets in signals and occurrences carry no text and stay as they are.
 */
export function redactEvidence(evidence: Evidence): Evidence {
  return {
    ...evidence,
    message: redactText(evidence.message),
    model: redactText(evidence.model),
    endpoint: redactText(evidence.endpoint),
    rateLimit: Object.fromEntries(Object.entries(evidence.rateLimit).map(([k, v]) => [k, redact(v).text])),
    sdk: evidence.sdk
      ? { name: redact(evidence.sdk.name).text, version: redactText(evidence.sdk.version) }
      : null,
  };
}

/** The report without the status page: pure and synchronous. */
export function reportFor(diagnosis: Diagnosis, options: ReportOptions): DiagnosisReport {
  const retryContext = options.retryContext ?? DEFAULT_RETRY_CONTEXT;
  const redacted = { ...diagnosis, evidence: redactEvidence(diagnosis.evidence) };
  const retry = planRetry(diagnosis, retryContext, { random: options.random, now: options.now });
  return {
    ...redacted,
    retry,
    retryContext,
    statusContext: null,
    verdict: buildVerdict({ diagnosis: redacted, plan: retry, status: null, now: options.now }),
  };
}

/** The report with a status reading joined in: the verdict is made again with it. */
export function withStatus(
  report: DiagnosisReport,
  statusContext: StatusContext | null,
  now: Date,
): DiagnosisReport {
  return {
    ...report,
    statusContext,
    verdict: buildVerdict({ diagnosis: report, plan: report.retry, status: statusContext, now }),
  };
}

/** Classifies a paste and plans the retry; no network. */
export function diagnoseOffline(text: string, options: ReportOptions): DiagnosisReport {
  return reportFor(classify(text, { occurredAt: options.occurredAt ?? null }), options);
}

/**
 * Classifies, plans, and reads the status page for the error's time. The status client never throws and
 * never waits past its timeout, so a slow or dead status page cannot fail or stall a diagnosis.
 */
export async function diagnose(
  text: string,
  options: ReportOptions & { status: Pick<StatusClient, "getContext"> | null },
): Promise<DiagnosisReport> {
  const report = diagnoseOffline(text, options);
  if (!options.status) return report;
  const statusContext: StatusContext | null = await options.status
    .getContext({
      occurredAt: report.evidence.occurredAt,
      surface: report.evidence.surface,
      route: report.evidence.route,
    })
    .catch(() => null);
  return withStatus(report, statusContext, options.now);
}

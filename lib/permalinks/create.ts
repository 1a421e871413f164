import { redact } from "../redact";
import { diagnose, type DiagnosisReport } from "../report";
import type { RetryContext } from "../retry";
import type { StatusClient } from "../status/client";
import type { RandomBytes } from "../store/ids";
import { newPermalink } from "../store/new-permalink";
import type { PermalinkStore } from "../store/types";

/** A paste and the choices it was diagnosed with; the text may hold secrets until it is redacted here. */
export type PasteToShare = {
  text: string;
  occurredAt: string | null;
  retryContext?: RetryContext | undefined;
};

/** Time, randomness and the status page, from the edge that calls. */
export type ShareDeps = {
  now: Date;
  random: () => number;
  /** null diagnoses offline (no status reading in the report). */
  status: Pick<StatusClient, "getContext"> | null;
  randomBytes?: RandomBytes;
  /** The caller went away: work not yet done may stop (DiagnosisCancelledError from lib/pool). */
  signal?: AbortSignal | undefined;
  /** How the paste is redacted and diagnosed; redactedReport below unless given (lib/pool: off the request thread). */
  redactAndDiagnose?: (paste: PasteToShare, deps: ShareDeps) => Promise<RedactedReport>;
};

/** The paste after the redactor and the report on that redacted text: all that may leave the page. */
export type RedactedReport = { redactedText: string; report: DiagnosisReport };

/**
 * Redacts first, then diagnoses the redacted text, so the report's signal offsets point into the
 * text that is kept and nothing in the report can quote a secret.
 */
export async function redactedReport(paste: PasteToShare, deps: ShareDeps): Promise<RedactedReport> {
  const redactedText = redact(paste.text).text;
  const report = await diagnose(redactedText, {
    occurredAt: paste.occurredAt,
    ...(paste.retryContext === undefined ? {} : { retryContext: paste.retryContext }),
    now: deps.now,
    random: deps.random,
    status: deps.status,
  });
  return { redactedText, report };
}

/** A stored link as its creator sees it once: the delete token is in no other place. */
export type CreatedPermalink = RedactedReport & {
  id: string;
  deleteToken: string;
  createdAt: string;
  expiresAt: string;
};

/** Redacts, diagnoses and stores a link living `ttlMs`; resolves once the store has it (a 201 may follow). */
export async function createPermalink(
  store: Pick<PermalinkStore, "create">,
  paste: PasteToShare & { ttlMs: number },
  deps: ShareDeps,
): Promise<CreatedPermalink> {
  const { redactedText, report } = await (deps.redactAndDiagnose ?? redactedReport)(paste, deps);
  const { record, deleteToken } = newPermalink(
    { redactedText, diagnosis: report, ttlMs: paste.ttlMs },
    { now: deps.now, ...(deps.randomBytes === undefined ? {} : { randomBytes: deps.randomBytes }) },
  );
  await store.create(record);
  return {
    id: record.id,
    deleteToken,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    redactedText: record.redactedText,
    report: record.diagnosis,
  };
}

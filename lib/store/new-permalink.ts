import type { DiagnosisReport } from "../report";
import { expiryFor, hashDeleteToken, newDeleteToken, newPermalinkId, type RandomBytes } from "./ids";
import { storedPermalinkSchema, type StoredPermalink } from "./types";

/** What a caller brings: text already through the redactor and the report on that same text. */
export interface NewPermalinkInput {
  redactedText: string;
  diagnosis: DiagnosisReport;
  ttlMs: number;
}

/** The record to store and the delete token to show its creator once (never stored). */
export interface NewPermalink {
  record: StoredPermalink;
  deleteToken: string;
}

/** Builds a validated record with a fresh id and delete token; throws on an invalid input. */
export function newPermalink(
  input: NewPermalinkInput,
  { now, randomBytes }: { now: Date; randomBytes?: RandomBytes },
): NewPermalink {
  const deleteToken = newDeleteToken(randomBytes);
  const record = storedPermalinkSchema.parse({
    id: newPermalinkId(randomBytes),
    redactedText: input.redactedText,
    diagnosis: input.diagnosis,
    classifierVersion: input.diagnosis.classifierVersion,
    createdAt: now.toISOString(),
    expiresAt: expiryFor(now, input.ttlMs).toISOString(),
    deleteTokenHash: hashDeleteToken(deleteToken),
  });
  return { record, deleteToken };
}

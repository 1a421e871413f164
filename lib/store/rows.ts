import { statusIncidentSchema, type StatusIncident } from "../status/reading";
import { incidentSpan } from "../status/span";
import { storedPermalinkSchema, type StoredPermalink } from "./types";

// Row <-> record conversions both adapters share. Everything read back is parsed again with the
// same schema that guarded the write, so a row edited by hand or by an older version fails loudly.

/** A permalink's columns before the dialect's own time type is applied. */
export interface PermalinkColumns {
  id: string;
  redactedText: string;
  diagnosisJson: string;
  classifierVersion: string;
  createdAtMs: number;
  expiresAtMs: number;
  deleteTokenHash: string;
}

export function permalinkColumns(input: StoredPermalink): PermalinkColumns {
  const record = storedPermalinkSchema.parse(input);
  return {
    id: record.id,
    redactedText: record.redactedText,
    diagnosisJson: JSON.stringify(record.diagnosis),
    classifierVersion: record.classifierVersion,
    createdAtMs: Date.parse(record.createdAt),
    expiresAtMs: Date.parse(record.expiresAt),
    deleteTokenHash: record.deleteTokenHash,
  };
}

export function permalinkFromColumns(columns: {
  id: string;
  redactedText: string;
  diagnosis: unknown;
  classifierVersion: string;
  createdAtMs: number;
  expiresAtMs: number;
  deleteTokenHash: string;
}): StoredPermalink {
  return storedPermalinkSchema.parse({
    id: columns.id,
    redactedText: columns.redactedText,
    diagnosis: columns.diagnosis,
    classifierVersion: columns.classifierVersion,
    createdAt: new Date(columns.createdAtMs).toISOString(),
    expiresAt: new Date(columns.expiresAtMs).toISOString(),
    deleteTokenHash: columns.deleteTokenHash,
  });
}

/** An incident's columns: the span as epoch ms (end null while open) for the range query. */
export interface IncidentColumns {
  id: string;
  bodyJson: string;
  startedAtMs: number;
  endedAtMs: number | null;
}

export function incidentColumns(incident: StatusIncident): IncidentColumns {
  const span = incidentSpan(incident);
  return {
    id: incident.id,
    bodyJson: JSON.stringify(incident),
    startedAtMs: span.start,
    endedAtMs: Number.isFinite(span.end) ? span.end : null,
  };
}

export function incidentFromBody(body: unknown): StatusIncident {
  return statusIncidentSchema.parse(typeof body === "string" ? JSON.parse(body) : body);
}

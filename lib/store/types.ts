import { z } from "zod";
import { diagnosisReportSchema } from "../report";
import type { IncidentHistoryStore } from "../status/history";
import { deleteTokenHashSchema, permalinkIdSchema } from "./ids";

/** An ISO-8601 UTC instant, normalised to `Date#toISOString` so every adapter reads back the same string. */
const instantSchema = z.iso.datetime().transform((value) => new Date(value).toISOString());

/**
 * One shared diagnosis as stored. The paste itself has no field here: only its redacted text is
 * kept, and `strictObject` rejects a record that carries anything else (a raw `text`, the token).
 */
export const storedPermalinkSchema = z
  .strictObject({
    id: permalinkIdSchema,
    // lib/input.ts refuses pastes with NUL, and PostgreSQL text cannot hold one; refusing it here
    // keeps both adapters answering alike.
    redactedText: z.string().refine((text) => !text.includes("\u0000"), "redacted text cannot contain NUL"),
    // The whole report (diagnosis, retry plan, status reading at creation), so the shared page shows
    // what its creator saw; every part of it was made from the redacted text.
    diagnosis: diagnosisReportSchema,
    classifierVersion: z.string().min(1),
    createdAt: instantSchema,
    expiresAt: instantSchema,
    deleteTokenHash: deleteTokenHashSchema,
  })
  .refine((record) => record.expiresAt > record.createdAt, {
    message: "expiresAt must be after createdAt",
    path: ["expiresAt"],
  });
export type StoredPermalink = z.infer<typeof storedPermalinkSchema>;

/** What a delete came to: `forbidden` when the token does not match, `not_found` when unknown or expired. */
export type DeleteOutcome = "deleted" | "not_found" | "forbidden";

/** Where permalinks (and the status incident history) live; SQLite or PostgreSQL behind one contract. */
export interface PermalinkStore extends IncidentHistoryStore {
  readonly kind: "sqlite" | "postgres";
  /** Stores a new record; rejects an invalid record or an id already taken. */
  create(record: StoredPermalink): Promise<void>;
  /** The record, or null when the id is unknown or the record expired at or before `now`. */
  get(id: string, now: Date): Promise<StoredPermalink | null>;
  /** Deletes when `deleteTokenHash` matches the stored hash (compared in constant time). */
  delete(id: string, deleteTokenHash: string, now: Date): Promise<DeleteOutcome>;
  /** Removes every record expired at or before `now`; answers how many went. */
  purgeExpired(now: Date): Promise<number>;
  /** Releases the connection(s); later calls reject. Safe to call twice. */
  close(): Promise<void>;
}

/** Raised by every method of a closed store. */
export class StoreClosedError extends Error {
  constructor(kind: PermalinkStore["kind"]) {
    super(`the ${kind} permalink store is closed`);
    this.name = "StoreClosedError";
  }
}

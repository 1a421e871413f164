/** The instant an error happened, with the UTC offset its timestamp was written in (null when it showed none). */
export interface ReferenceTime {
  ms: number;
  offsetMinutes: number | null;
}

const ISO_LOCAL =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads `occurredAt` (ISO 8601); falls back to `now` when it is null or unreadable. A timestamp without an offset
 * is read as UTC, because nothing in the paste says which zone its writer was in.
 */
export function referenceTime(occurredAt: string | null, now: Date): ReferenceTime {
  const text = occurredAt?.trim() ?? "";
  const m = ISO_LOCAL.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, zone] = m;
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
    const offsetMinutes = zone === undefined ? null : parseOffset(zone);
    if (Number.isFinite(wall)) return { ms: wall - (offsetMinutes ?? 0) * 60_000, offsetMinutes };
  }
  const parsed = text === "" ? Number.NaN : Date.parse(text);
  return { ms: Number.isFinite(parsed) ? parsed : now.getTime(), offsetMinutes: null };
}

function parseOffset(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

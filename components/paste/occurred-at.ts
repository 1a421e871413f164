// The "When did it happen?" field gives a wall-clock time without a zone (`<input type="datetime-local">`);
// the server wants an instant. The browser knows the user's zone, so the conversion happens there.

// `YYYY-MM-DDTHH:mm`, optionally `:ss` and `.sss`: the forms a datetime-local input's value takes.
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, "0");
}

/**
 * A datetime-local value read in the runtime's time zone, as ISO 8601 with that zone's offset at that
 * moment, e.g. "2026-05-02T15:30:00+02:00"; null when the value is not a date and time.
 */
export function localDateTimeToIso(value: string): string | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second = "0", fraction = "0"] = match;
  const date = new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction.padEnd(3, "0")),
  );
  if (!Number.isFinite(date.getTime()) || date.getMonth() !== Number(month) - 1) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    (date.getMilliseconds() > 0 ? `.${pad(date.getMilliseconds(), 3)}` : "") +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** What the time field's text means: no time, an instant (ISO), or why it cannot be used. */
export type ParsedTime = { ok: true; iso: string | null } | { ok: false; error: string };

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
// "10 min ago", "2 hours ago", "90s ago", "1 d ago".
const RELATIVE = /^(\d{1,5})\s?(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|[dhms])\s+ago$/i;
// An ISO time with its zone: "2026-12-06T14:15Z", "2026-12-06 14:15:00+01:00".
const ZONED = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})$/i;
// A wall-clock time without a zone, read in the user's zone: "2026-12-06 14:15", "2026-12-06T14:15:30".
const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)$/;

/** A small allowance for clocks that disagree before a time counts as the future. */
const FUTURE_SLACK_MS = 60_000;

export const TIME_FORMAT_HINT = "a time like 2026-12-06 14:15 (your zone), 2026-12-06T14:15Z or 10 min ago";

/**
 * Reads the "When did it happen?" text at `now`: empty (the paste's own time is used), "now", "10 min ago",
 * an ISO time with a zone, or a date and time in the user's zone. A time in the future is refused.
 */
export function parseOccurredAt(input: string, now: number): ParsedTime {
  const text = input.trim();
  if (text === "") return { ok: true, iso: null };
  let ms: number | null = null;
  if (/^(?:just )?now$/i.test(text)) ms = now;
  const relative = RELATIVE.exec(text);
  if (relative !== null) {
    const unit = (relative[2] ?? "s").toLowerCase().startsWith("mi")
      ? "m"
      : (relative[2] ?? "s")[0]?.toLowerCase();
    ms = now - Number(relative[1]) * (UNIT_MS[unit ?? "s"] ?? 1000);
  }
  const zoned = ZONED.exec(text);
  if (zoned !== null) {
    const zone = (zoned[3] ?? "Z").toUpperCase();
    const offset = zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    ms = Date.parse(`${zoned[1]}T${zoned[2]}${offset}`);
  }
  const local = LOCAL.exec(text);
  if (local !== null) {
    const iso = localDateTimeToIso(`${local[1]}T${local[2]}`);
    ms = iso === null ? Number.NaN : Date.parse(iso);
  }
  if (ms === null) return { ok: false, error: `Write ${TIME_FORMAT_HINT}.` };
  if (!Number.isFinite(ms)) return { ok: false, error: "That date does not exist; check the day and month." };
  if (ms > now + FUTURE_SLACK_MS)
    return { ok: false, error: "That time is in the future: give the time the error happened." };
  return { ok: true, iso: new Date(ms).toISOString() };
}

/** A datetime-local picker's value ("2026-12-06T14:15") as the field writes it ("2026-12-06 14:15"). */
export function pickerValueToText(value: string): string {
  return value.replace("T", " ");
}

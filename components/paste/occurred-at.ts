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

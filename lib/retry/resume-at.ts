import { referenceTime, type ReferenceTime } from "./reference-time";

// When access comes back, read from the message of a spend limit, a tier spend cap or a plan limit. Shapes are
// from ../shared/reference/claude-errors.md §1.3 and §4.2 #13/#15 (claude-code#2127, #11429, #9236, #7157, #39937).

/** A reset time found in a message. */
export interface ResumeReading {
  /** ISO 8601 instant (UTC). */
  at: string;
  /** The IANA zone the message named, if any. */
  zone: string | null;
  /**
   * True when the message gave a wall time without a zone: it is the user's local time, which the paste does not
   * show, so it is read in the offset of `occurredAt` (UTC when that has none or is missing).
   */
  localTimeAssumed: boolean;
}

// "You will regain access on 2026-12-01 at 00:00 UTC." (user spend limit 400, tier spend cap 429)
const REGAIN_ACCESS = /regain access on (\d{4})-(\d{2})-(\d{2})(?: at (\d{1,2}):(\d{2}) ?UTC)?/i;
// "Claude AI usage limit reached|1762952400" (Claude Code, epoch seconds; milliseconds tolerated)
const EPOCH = /usage limit reached\|(\d{9,13})/i;
// "resets 3:45pm", "resets Mon 12:00am", "resets 1pm (America/Los_Angeles)", "reset at 3pm (America/Santiago)"
const WALL_CLOCK =
  /\bresets?(?: at)? (?:(mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? )?(\d{1,2})(?::(\d{2}))? ?(?:([ap])\.?m\b\.?)?(?: ?\(([a-z][\w+-]{0,30}(?:\/[\w+-]{1,30}){0,2})\))?/i;

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The instant access returns, as an ISO string, or null when the message names none. */
export function parseResumeAt(message: string | null, occurredAt: string | null, now: Date): string | null {
  return readResumeAt(message, occurredAt, now)?.at ?? null;
}

/** Like parseResumeAt, and says which zone the time was read in. */
export function readResumeAt(
  message: string | null,
  occurredAt: string | null,
  now: Date,
): ResumeReading | null {
  if (message === null) return null;
  const text = message.slice(0, 100_000);

  const regain = REGAIN_ACCESS.exec(text);
  if (regain) {
    const [, y, mo, d, h, mi] = regain;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
    return Number.isFinite(ms)
      ? { at: new Date(ms).toISOString(), zone: "UTC", localTimeAssumed: false }
      : null;
  }

  const epoch = EPOCH.exec(text);
  if (epoch?.[1] !== undefined) {
    const n = Number(epoch[1]);
    const ms = n >= 1e12 ? n : n * 1000;
    return { at: new Date(ms).toISOString(), zone: "UTC", localTimeAssumed: false };
  }

  const wall = WALL_CLOCK.exec(text);
  if (wall) return readWallClock(wall, referenceTime(occurredAt, now));
  return null;
}

function readWallClock(match: RegExpExecArray, ref: ReferenceTime): ResumeReading | null {
  const [, day, hourText, minuteText, meridiem, zoneText] = match;
  const time = wallTime(
    Number(hourText),
    minuteText === undefined ? null : Number(minuteText),
    meridiem ?? null,
  );
  if (time === null) return null;
  const weekday = day === undefined ? null : WEEKDAYS.indexOf(day.toLowerCase());
  const zone = zoneText !== undefined && isTimeZone(zoneText) ? zoneText : null;

  const toInstant =
    zone === null
      ? (y: number, mo: number, d: number) =>
          Date.UTC(y, mo, d, time.hour, time.minute) - (ref.offsetMinutes ?? 0) * 60_000
      : (y: number, mo: number, d: number) => zonedWallToUtc(y, mo, d, time.hour, time.minute, zone);
  const today =
    zone === null
      ? new Date(ref.ms + (ref.offsetMinutes ?? 0) * 60_000)
      : new Date(zonedWallMs(ref.ms, zone));

  // The next occurrence strictly after the error: at most a week ahead for a weekday, a day otherwise.
  for (let k = 0; k <= 8; k += 1) {
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + k));
    if (weekday !== null && date.getUTCDay() !== weekday) continue;
    const ms = toInstant(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    if (ms > ref.ms) return { at: new Date(ms).toISOString(), zone, localTimeAssumed: zone === null };
  }
  return null;
}

function wallTime(
  hour: number,
  minute: number | null,
  meridiem: string | null,
): { hour: number; minute: number } | null {
  const m = minute ?? 0;
  if (m > 59) return null;
  if (meridiem === null) {
    // A bare "resets 15" is too weak to read as a time; "resets 15:00" is a 24-hour clock.
    return minute !== null && hour <= 23 ? { hour, minute: m } : null;
  }
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === "p";
  return { hour: (hour % 12) + (pm ? 12 : 0), minute: m };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `zone` at instant `ms`, written as if it were UTC (milliseconds dropped). */
function zonedWallMs(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** The instant at which `zone`'s clock shows the wall time; two passes settle offsets across DST changes. */
function zonedWallToUtc(
  y: number,
  mo: number,
  d: number,
  hour: number,
  minute: number,
  zone: string,
): number {
  const wall = Date.UTC(y, mo, d, hour, minute);
  const first = wall - (zonedWallMs(wall, zone) - wall);
  return wall - (zonedWallMs(first, zone) - first);
}

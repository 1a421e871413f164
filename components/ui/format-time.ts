// The page's one way of writing a time: "6 Dec 2026, 14:15 UTC", and beside it, where the reader's clock is
// known, how long ago that was ("3 h ago"). Built by hand rather than with Intl so Node and every browser
// render the same text; UTC because the status page and the logs are in UTC.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (value: number) => String(value).padStart(2, "0");

/** The day and the minute of an ISO time in UTC, or null for null or unreadable input. */
export function utcParts(iso: string | null): { day: string; time: string } | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return null;
  return {
    day: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ""} ${date.getUTCFullYear()}`,
    time: `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`,
  };
}

/** "6 Dec 2026, 14:15 UTC"; "unknown time" for null or unreadable input. */
export function formatUtc(iso: string | null): string {
  const at = utcParts(iso);
  return at === null ? "unknown time" : `${at.day}, ${at.time} UTC`;
}

/** "just now", "40 s ago", "12 min ago", "3 h ago", "2 d ago", or "in 5 min" for a time ahead of `now`. */
export function formatRelative(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return "";
  const ahead = ms < 0;
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 5) return "just now";
  let amount: string;
  if (seconds < 60) amount = `${seconds} s`;
  else if (seconds < 3600) amount = `${Math.round(seconds / 60)} min`;
  else if (seconds < 48 * 3600) amount = `${Math.round(seconds / 3600)} h`;
  else amount = `${Math.round(seconds / 86_400)} d`;
  return ahead ? `in ${amount}` : `${amount} ago`;
}

/** "6 Dec 2026, 14:15 UTC · 3 h ago" with a clock, the absolute part alone without one. */
export function formatWhen(iso: string | null, now: number | null): string {
  const absolute = formatUtc(iso);
  if (iso === null || now === null || absolute === "unknown time") return absolute;
  return `${absolute} · ${formatRelative(iso, now)}`;
}

/** A wait in words: "0.5 s", "45 s", "2 min", "3 min 2 s", "2 h 5 min". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.round(ms / 100) / 10;
    return `${seconds} s`;
  }
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** An ISO instant as "2026-12-01 00:00 UTC", with seconds only when they are not zero ("10:00:45"). */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  const time = date.getUTCSeconds() === 0 ? text.slice(11, 16) : text.slice(11, 19);
  return `${text.slice(0, 10)} ${time} UTC`;
}

/**
 * Dates, one way across Crosslink. An exact time is always UTC and says so ("2025-11-22 06:08:12
 * UTC"): pages are rendered on the server and read by people in many time zones (consumer and
 * provider are different organisations), so a local time would mean different things to each.
 * Lists may show a relative age instead, with the exact time in its tooltip (see Timestamp).
 * Framework-free: the inbox formats its rows in the browser.
 */

/** The exact time, in UTC and saying so: "2025-11-22 06:08:12 UTC". */
export function exactTime(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** "just now", "3 min ago", "2 hours ago", "5 days ago", or the (UTC) date for older ones. */
export function relativeAge(date: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} day${days === 1 ? "" : "s"} ago`;
  return date.toISOString().slice(0, 10);
}

/**
 * The "since" field of the delivery log is a datetime-local input read as UTC, like every time
 * on Crosslink's pages (app/_lib/dates.ts), so an admin copies a time from the log as it is.
 */
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?$/;

/** "2025-11-22T06:08" (UTC) → "2025-11-22T06:08:00.000Z"; anything else → "" (the use case then asks for a time). */
export function utcInputToIso(value: string): string {
  const match = LOCAL.exec(value.trim());
  if (!match) return "";
  const date = new Date(`${match[1]}T${match[2]}${match[3] ?? ":00"}Z`);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/** A date as a datetime-local value in UTC, to the minute: "2025-11-22T06:08". */
export function isoToUtcInput(date: Date): string {
  return date.toISOString().slice(0, 16);
}

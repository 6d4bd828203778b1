/**
 * Small text helpers every channel shares, so a name reads the same in a subject, a card and a
 * Slack message. Data comes from people and from Azure: it may hold line breaks or control
 * characters that must never reach a one-line field (an email subject, a card title).
 */

/** Line breaks, tabs and other control characters (C0, DEL, C1, the Unicode line/paragraph separators). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line: control characters (CR, LF, tabs …) become single spaces, runs of spaces one. */
export function oneLine(value: string): string {
  return value.replace(CONTROL, " ").replace(/ {2,}/g, " ").trim();
}

/** At most `max` characters (counted in code points, so an emoji is never cut in half), with "…" when cut. */
export function clip(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars.slice(0, Math.max(0, max - 1)).join("").trimEnd()}…`;
}

/** Text people wrote, quoted: “…”. Line breaks stay (bodies show them); other control characters go. */
export function quoted(value: string): string {
  return `“${value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g, " ").trim()}”`;
}

/** How long something has waited, in whole hours ("26 h"); under an hour says so. */
export function hoursLabel(hours: number): string {
  return hours < 1 ? "under 1 h" : `${Math.floor(hours)} h`;
}

/** The first letter in upper case: "approving" → "Approving". */
export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Ends a sentence with a full stop unless it already ends with one (also inside a closing quote). */
export function sentence(value: string): string {
  return /[.!?…]["”’)]?$/.test(value) ? value : `${value}.`;
}

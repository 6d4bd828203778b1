/**
 * How a route's target is shown: email addresses as they are; a URL by its scheme, host and
 * path start only, because Teams, Slack (and some webhook) URLs carry their secret in the path
 * or query and must not appear on pages, logs or delivery lists.
 */
export function recipientLabel(channel: string, target: string): string {
  if (channel === "email") return target;
  try {
    const url = new URL(target);
    const path = url.pathname.length > 12 ? `${url.pathname.slice(0, 12)}…` : url.pathname;
    return `${url.protocol}//${url.host}${path}${url.search ? "?…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}

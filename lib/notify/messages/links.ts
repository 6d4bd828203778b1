import type { NotificationFacts } from "../facts";

/**
 * The links a notification carries. Only http(s) links are ever put into an email, a card or a
 * button: the facts hold a URL Crosslink built from its own base URL, and this refuses anything
 * else (a javascript: or data: URL) instead of rendering it.
 */
export function safeLink(link: string): string {
  const url = new URL(link);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`A notification link must be http(s), not ${url.protocol}`);
  return url.toString();
}

/**
 * The consumer's notification settings page. Crosslink is served at the root of its base URL
 * (no base path), so the settings page lives at the origin of the link.
 */
export function settingsLink(facts: Pick<NotificationFacts, "link">): string {
  return `${new URL(safeLink(facts.link)).origin}/settings/notifications`;
}

/** The words on the button that opens `facts.link`. */
export function linkLabel(facts: Pick<NotificationFacts, "type" | "audience">): string {
  if (facts.type.startsWith("route.")) return "Open the route in Crosslink";
  return facts.audience === "consumer" ? "Open your request" : "Review in Crosslink";
}

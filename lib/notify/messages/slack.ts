/**
 * The Slack message of a notification, for an incoming webhook: Block Kit blocks, and `text`
 * as the fallback notifications and screen readers use.
 *
 * mrkdwn text escapes &, < and > as Slack requires, so data can't form a link (<https://…|…>),
 * a mention (<!channel>, <@U…>) or break the markup. Slack has no escape for *, _ and ~, so
 * those may still style a word; they can't make a link or a mention. Plain-text fields (the
 * header, the button) are shown as they are and need no escaping.
 */
import type { NotificationFacts } from "../facts";
import { NOTIFICATION_TYPE_LABELS } from "../notification-types";
import { describeNotification } from "./describe";
import { detailRows } from "./details";
import { clip } from "./format";
import { linkLabel, safeLink } from "./links";

type PlainText = { type: "plain_text"; text: string; emoji?: boolean };
type Mrkdwn = { type: "mrkdwn"; text: string };
export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn }
  | { type: "section"; fields: Mrkdwn[] }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "actions"; elements: { type: "button"; action_id: string; text: PlainText; url: string; style: "primary" }[] };

export type SlackMessage = { text: string; blocks: SlackBlock[] };

/** Slack's limits: header 150, section text 3,000, a field 2,000, at most 10 fields. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_MAX = 10;

/** Escapes the three characters Slack's mrkdwn gives meaning to. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escaped and at most `max` long, cut before escaping so no entity is cut in half. */
function escapedWithin(text: string, max: number): string {
  let n = max;
  for (;;) {
    const out = escapeSlack(clip(text, n));
    if (out.length <= max) return out;
    n -= out.length - max;
  }
}

export function slackMessage(facts: NotificationFacts): SlackMessage {
  const text = describeNotification(facts);
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(text.title, HEADER_MAX), emoji: false } },
    { type: "section", text: { type: "mrkdwn", text: escapedWithin(text.summary, SECTION_MAX) } },
  ];
  const rows = detailRows(facts).slice(0, FIELDS_MAX);
  if (rows.length > 0) blocks.push({ type: "section", fields: rows.map((r) => ({ type: "mrkdwn", text: `*${escapeSlack(r.label)}*\n${escapedWithin(r.value, FIELD_MAX - r.label.length - 4)}` })) });
  if (text.nextSteps.length > 0) {
    const steps = text.nextSteps.map((s) => `• ${s}`).join("\n");
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*What to do*\n${escapedWithin(steps, SECTION_MAX - 14)}` } });
  }
  const seconds = Math.floor(Date.parse(facts.occurredAt) / 1000);
  blocks.push({
    type: "context",
    // Slack shows the time in each reader's own time zone; the ISO time is the fallback.
    elements: [{ type: "mrkdwn", text: `Crosslink · ${escapeSlack(NOTIFICATION_TYPE_LABELS[facts.type].label)} · <!date^${seconds}^{date_short_pretty} at {time}|${facts.occurredAt}>` }],
  });
  blocks.push({
    type: "actions",
    elements: [{ type: "button", action_id: "open-in-crosslink", text: { type: "plain_text", text: linkLabel(facts) }, url: safeLink(facts.link), style: "primary" }],
  });
  return { text: escapeSlack(text.title), blocks };
}

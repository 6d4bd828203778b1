/**
 * The Microsoft Teams message of a notification: an Adaptive Card posted to a Teams Workflows
 * webhook ("When a Teams webhook request is received"), which expects a message with the card
 * as an attachment.
 *
 * Teams renders TextBlock and FactSet text as Markdown, so every piece of text is escaped: a
 * request message like "[Approve here](https://evil.example)" shows as typed instead of
 * becoming a link, and "**urgent**" is not bold.
 */
import type { NotificationFacts } from "../facts";
import { describeNotification } from "./describe";
import { detailRows } from "./details";
import { linkLabel, safeLink } from "./links";

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

type TextBlock = { type: "TextBlock"; text: string; wrap: true; size?: "Medium"; weight?: "Bolder"; spacing?: "Small" | "Medium"; isSubtle?: boolean };
type FactSet = { type: "FactSet"; facts: { title: string; value: string }[] };

export type TeamsMessage = {
  type: "message";
  attachments: [
    {
      contentType: "application/vnd.microsoft.card.adaptive";
      contentUrl: null;
      content: {
        $schema: typeof ADAPTIVE_CARD_SCHEMA;
        type: "AdaptiveCard";
        version: "1.4";
        body: (TextBlock | FactSet)[];
        actions: [{ type: "Action.OpenUrl"; title: string; url: string }];
      };
    },
  ];
};

/** Backslash-escapes what Teams' Markdown acts on; line breaks become paragraph breaks (Markdown ignores a single one). */
export function escapeTeamsMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\\`*_~[\]<>]/g, "\\$&")
    .replace(/^([ \t]*)([#+-]|\d+(?=[.)]))/gm, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`))
    .replace(/\n+/g, "\n\n");
}

export function teamsMessage(facts: NotificationFacts): TeamsMessage {
  const text = describeNotification(facts);
  const body: (TextBlock | FactSet)[] = [
    { type: "TextBlock", text: escapeTeamsMarkdown(text.title), wrap: true, size: "Medium", weight: "Bolder" },
    { type: "TextBlock", text: escapeTeamsMarkdown(text.summary), wrap: true },
  ];
  const rows = detailRows(facts);
  if (rows.length > 0) body.push({ type: "FactSet", facts: rows.map((r) => ({ title: escapeTeamsMarkdown(r.label), value: escapeTeamsMarkdown(r.value) })) });
  if (text.nextSteps.length > 0) {
    body.push({ type: "TextBlock", text: "What to do", wrap: true, weight: "Bolder", spacing: "Medium" });
    for (const step of text.nextSteps) body.push({ type: "TextBlock", text: `• ${escapeTeamsMarkdown(step)}`, wrap: true, spacing: "Small" });
  }
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: ADAPTIVE_CARD_SCHEMA,
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: [{ type: "Action.OpenUrl", title: linkLabel(facts), url: safeLink(facts.link) }],
        },
      },
    ],
  };
}

import { describe, expect, it } from "vitest";
import type { NotificationFacts } from "../facts";
import { NOTIFICATION_TYPES } from "../notification-types";
import { exampleFacts } from "./example-facts";
import { escapeTeamsMarkdown, teamsMessage } from "./teams";

function pendingWith(change: Partial<NonNullable<NotificationFacts["request"]>>): NotificationFacts {
  const facts = exampleFacts("request.pending", "provider");
  return { ...facts, request: { ...facts.request!, ...change } };
}

const texts = (message: ReturnType<typeof teamsMessage>) =>
  message.attachments[0].content.body.flatMap((b) => (b.type === "TextBlock" ? [b.text] : b.facts.flatMap((f) => [f.title, f.value])));

describe("teamsMessage", () => {
  it("is a Workflows webhook message with one Adaptive Card that opens the request", () => {
    const message = teamsMessage(exampleFacts("request.pending"));
    expect(message.type).toBe("message");
    expect(message.attachments).toHaveLength(1);
    const attachment = message.attachments[0];
    expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment.contentUrl).toBeNull();
    expect(attachment.content).toMatchObject({ $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.4" });
    expect(attachment.content.actions).toEqual([
      { type: "Action.OpenUrl", title: "Review in Crosslink", url: "https://crosslink.example.com/provider/requests/cm8r4k2qv0007lb08h3x9d5ty" },
    ]);
  });

  it("says who asks, for what, their message and the state", () => {
    const card = teamsMessage(exampleFacts("request.pending")).attachments[0].content;
    expect(card.body[0]).toMatchObject({ type: "TextBlock", text: "Fabrikam asks for a private endpoint to contoso-orders", weight: "Bolder" });
    const facts = card.body.find((b) => b.type === "FactSet");
    expect(facts?.type === "FactSet" && Object.fromEntries(facts.facts.map((f) => [f.title, f.value]))).toMatchObject({
      Consumer: "Fabrikam",
      "Requested by": "Felix Fischer",
      Resource: "contoso-orders (web app)",
      State: "Pending",
    });
    expect(texts(teamsMessage(exampleFacts("request.pending"))).join("\n")).toContain("needs private access to the orders API");
  });

  it("escapes Markdown in data so it can't make a link or emphasis", () => {
    const all = texts(teamsMessage(pendingWith({ requestMessage: "[Approve here](https://evil.example) **now**", consumerTenantName: "Fab_rikam" }))).join("\n");
    expect(all).toContain("\\[Approve here\\](https://evil.example) \\*\\*now\\*\\*");
    expect(all).not.toMatch(/(^|[^\\])\[Approve/);
    expect(all).toContain("Fab\\_rikam");
  });

  it("escapes list and heading markers at the start of a line, and keeps line breaks", () => {
    expect(escapeTeamsMarkdown("# big\n- item\n1. first")).toBe("\\# big\n\n\\- item\n\n1\\. first");
    expect(escapeTeamsMarkdown("a\\b <at>x</at>")).toBe("a\\\\b \\<at\\>x\\</at\\>");
  });

  it("renders every type", () => {
    for (const type of NOTIFICATION_TYPES) {
      const card = teamsMessage(exampleFacts(type)).attachments[0].content;
      expect(card.body.length).toBeGreaterThanOrEqual(2);
      expect(card.actions[0].url).toMatch(/^https:\/\/crosslink\.example\.com\//);
    }
  });
});

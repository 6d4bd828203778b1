import { describe, expect, it } from "vitest";
import type { NotificationFacts } from "../facts";
import { NOTIFICATION_TYPES } from "../notification-types";
import { exampleFacts } from "./example-facts";
import { escapeSlack, slackMessage, type SlackBlock } from "./slack";

function pendingWith(change: Partial<NonNullable<NotificationFacts["request"]>>): NotificationFacts {
  const facts = exampleFacts("request.pending", "provider");
  return { ...facts, request: { ...facts.request!, ...change } };
}

/** All mrkdwn text of a message. */
function mrkdwn(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === "section") return "text" in b ? [b.text.text] : b.fields.map((f) => f.text);
    if (b.type === "context") return b.elements.map((e) => e.text);
    return [];
  });
}

describe("slackMessage", () => {
  it("has a fallback text, a header, the summary, the facts, a context line and a button to the request", () => {
    const message = slackMessage(exampleFacts("request.pending"));
    expect(message.text).toBe("Fabrikam asks for a private endpoint to contoso-orders");
    expect(message.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "section", "context", "actions"]);
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Fabrikam asks for a private endpoint to contoso-orders", emoji: false } });
    const actions = message.blocks.at(-1);
    expect(actions).toMatchObject({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Review in Crosslink" }, url: "https://crosslink.example.com/provider/requests/cm8r4k2qv0007lb08h3x9d5ty" }],
    });
    const all = mrkdwn(message.blocks).join("\n");
    expect(all).toContain("*Consumer*\nFabrikam");
    expect(all).toContain("*State*\nPending");
    expect(all).toContain("needs private access to the orders API");
    expect(all).toMatch(/<!date\^\d+\^\{date_short_pretty\} at \{time\}\|2026-03-02T09:15:12\.000Z>/);
  });

  it("escapes &, < and > in mrkdwn so data can't mention or link", () => {
    const message = slackMessage(pendingWith({ requestMessage: "<!channel> see <https://evil.example|here> & more", consumerTenantName: "A&B <Co>" }));
    const all = mrkdwn(message.blocks).join("\n");
    expect(all).toContain("&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; more");
    expect(all).not.toContain("<!channel>");
    expect(all).toContain("*Consumer*\nA&amp;B &lt;Co&gt;");
    expect(message.text).toBe("A&amp;B &lt;Co&gt; asks for a private endpoint to contoso-orders");
    // The header is plain text: Slack shows it as it is.
    expect(message.blocks[0]).toMatchObject({ text: { type: "plain_text", text: "A&B <Co> asks for a private endpoint to contoso-orders" } });
  });

  it("stays within Slack's limits without cutting an escape in half", () => {
    const message = slackMessage(pendingWith({ requestMessage: "&".repeat(5000), targetName: "x".repeat(300) }));
    const header = message.blocks[0];
    expect(header?.type === "header" && header.text.text.length).toBeLessThanOrEqual(150);
    for (const text of mrkdwn(message.blocks)) {
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it("escapes exactly the three characters", () => {
    expect(escapeSlack("a & b < c > d * _ ~")).toBe("a &amp; b &lt; c &gt; d * _ ~");
  });

  it("renders every type with a button to its link", () => {
    for (const type of NOTIFICATION_TYPES) {
      const facts = exampleFacts(type);
      const actions = slackMessage(facts).blocks.find((b) => b.type === "actions");
      expect(actions?.type === "actions" && actions.elements[0]?.url).toBe(facts.link);
    }
  });
});

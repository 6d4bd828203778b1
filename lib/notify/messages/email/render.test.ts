import { describe, expect, it } from "vitest";
import { AUDIENCES, type NotificationFacts } from "../../facts";
import { NOTIFICATION_TYPES } from "../../notification-types";
import { describeNotification } from "../describe";
import { exampleFacts } from "../example-facts";
import { SUBJECT_MAX, renderEmail } from "./render";

function pendingWith(change: Partial<NonNullable<NotificationFacts["request"]>>): NotificationFacts {
  const facts = exampleFacts("request.pending", "provider");
  return { ...facts, request: { ...facts.request!, ...change } };
}

describe("renderEmail", () => {
  it.each(NOTIFICATION_TYPES.flatMap((t) => AUDIENCES.map((a) => [t, a] as const)))("renders %s for the %s: subject, HTML and text with the link", async (type, audience) => {
    const facts = exampleFacts(type, audience);
    const email = await renderEmail(facts);
    expect(email.subject).toBe(describeNotification(facts).title);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain(`href="${facts.link}"`);
    expect(email.text).toContain(facts.link);
    expect(email.text).toContain(describeNotification(facts).title);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("links the provider to the request and says which route sent it", async () => {
    const email = await renderEmail(exampleFacts("request.pending", "provider"), { routeName: "Contoso platform team" });
    expect(email.subject).toBe("Fabrikam asks for a private endpoint to contoso-orders");
    expect(email.text).toContain("Review in Crosslink https://crosslink.example.com/provider/requests/cm8r4k2qv0007lb08h3x9d5ty");
    expect(email.text).toContain("the Crosslink notification route “Contoso platform team” sends these notifications to this address");
    expect(email.html).toContain("Review in Crosslink");
    expect(email.html).not.toContain("/settings/notifications");
  });

  it("tells the consumer they filed the request and where to choose their emails", async () => {
    const email = await renderEmail(exampleFacts("request.approved", "consumer"));
    expect(email.text).toContain("Open your request https://crosslink.example.com/requests/cm8r4k2qv0007lb08h3x9d5ty");
    expect(email.text).toContain("you filed this request");
    expect(email.html).toContain('href="https://crosslink.example.com/settings/notifications"');
    expect(email.text).toContain("contoso-orders.azurewebsites.net → 10.0.1.4");
  });

  it("escapes data in the HTML and keeps it as written in the text", async () => {
    const email = await renderEmail(pendingWith({ requestMessage: '<script>alert("x")</script> & <b>bold</b>', targetName: "contoso<img src=x onerror=alert(1)>" }));
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).not.toContain("<b>bold");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.text).toContain('<script>alert("x")</script> & <b>bold</b>');
  });

  it("keeps the subject to one line of at most 120 characters", async () => {
    const email = await renderEmail(pendingWith({ consumerTenantName: "Fabrikam\r\nBcc: victim@example.com", targetName: "a".repeat(200) }));
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(email.subject).toMatch(/^Fabrikam Bcc: victim@example\.com asks for a private endpoint to a+…$/);
  });

  it("keeps line breaks of a request message in the plain text", async () => {
    const email = await renderEmail(pendingWith({ requestMessage: "First line\nSecond line" }));
    expect(email.text).toMatch(/First line\nSecond line/);
  });

  it("refuses a link that isn't http(s)", async () => {
    await expect(renderEmail({ ...exampleFacts("request.pending"), link: "javascript:alert(1)" })).rejects.toThrow(/http/);
  });
});

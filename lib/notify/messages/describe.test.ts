import { describe, expect, it } from "vitest";
import { AUDIENCES, type NotificationFacts } from "../facts";
import { NOTIFICATION_TYPES, type NotificationType } from "../notification-types";
import { describeNotification } from "./describe";
import { exampleFacts } from "./example-facts";

/** An example with its request changed. */
function withRequest(type: NotificationType, audience: "provider" | "consumer", change: Partial<NonNullable<NotificationFacts["request"]>>, more: Partial<NotificationFacts> = {}) {
  const facts = exampleFacts(type, audience);
  return { ...facts, ...more, request: { ...facts.request!, ...change } };
}

describe("describeNotification", () => {
  it.each(NOTIFICATION_TYPES.flatMap((t) => AUDIENCES.map((a) => [t, a] as const)))("%s for the %s has a one-line title and a summary", (type, audience) => {
    const text = describeNotification(exampleFacts(type, audience));
    expect(text.title.length).toBeGreaterThan(10);
    expect(text.title).not.toMatch(/[\r\n]/);
    expect(text.summary.length).toBeGreaterThan(20);
    for (const words of [text.title, text.summary, ...text.nextSteps]) expect(words).not.toMatch(/\b(undefined|null|NaN)\b|\[object/);
  });

  it("gives every type and audience its own title (no type falls back to another's words)", () => {
    for (const audience of AUDIENCES) {
      const titles = NOTIFICATION_TYPES.filter((t) => !t.startsWith("route.")).map((t) => describeNotification(exampleFacts(t, audience)).title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it("tells the provider who asks for what", () => {
    const text = describeNotification(exampleFacts("request.pending", "provider"));
    expect(text.title).toBe("Fabrikam asks for a private endpoint to contoso-orders");
    expect(text.summary).toContain("Felix Fischer (Fabrikam)");
    expect(text.summary).toContain("contoso-orders (web app, sub-resource sites)");
    expect(text.summary).toContain("needs private access to the orders API");
    expect(text.nextSteps.join(" ")).toMatch(/approve or reject/);
  });

  it("names the consumer's tenant alone when the requester is not known", () => {
    const text = describeNotification(withRequest("request.pending", "provider", { requesterName: null }));
    expect(text.summary).toMatch(/^Fabrikam asks for a private endpoint/);
  });

  it("gives an approved consumer the DNS zone, the A records and where the guide is", () => {
    const text = describeNotification(exampleFacts("request.approved", "consumer"));
    expect(text.title).toBe("Approved: your private endpoint to contoso-orders");
    const steps = text.nextSteps.join("\n");
    expect(steps).toContain("privatelink.azurewebsites.net");
    expect(steps).toContain("contoso-orders.azurewebsites.net → 10.0.1.4");
    expect(steps).toContain("contoso-orders.scm.azurewebsites.net → 10.0.1.4");
    expect(steps).toContain("DNS guide on your request's page");
  });

  it("doesn't invent addresses before Azure reports them, and names no zone when there is none", () => {
    const noIps = describeNotification(withRequest("request.approved", "consumer", { privateIps: [] }));
    expect(noIps.nextSteps.join(" ")).not.toContain("→");
    expect(noIps.nextSteps.join(" ")).toContain("once Azure reports the endpoint's private IP address");

    const pls = describeNotification(
      withRequest("request.approved", "consumer", { privateDnsZone: null, targetTypeLabel: "Private Link service", privateIps: [{ fqdn: "orders.contoso.com", ips: ["10.0.2.5"] }] }),
    );
    const steps = pls.nextSteps.join(" ");
    expect(steps).toContain("no standard private DNS zone");
    expect(steps).toContain("orders.contoso.com → 10.0.2.5");
    expect(steps).not.toContain("privatelink");
  });

  it("carries the rejection's reason and says what to do", () => {
    const text = describeNotification(exampleFacts("request.rejected", "consumer"));
    expect(text.summary).toContain("“Please file from your production subscription; we don't connect sandbox networks.”");
    expect(text.summary).toContain("Priya Patel (Contoso) rejected");
    const steps = text.nextSteps.join(" ");
    expect(steps).toContain("contact Priya Patel (Contoso)");
    expect(steps).toMatch(/file a new request with more detail/);
  });

  it("says so when a rejection came without a reason", () => {
    const text = describeNotification(withRequest("request.rejected", "consumer", { decisionNote: null }, { note: null }));
    expect(text.summary).toContain("No reason was given.");
  });

  it("tells a disconnected consumer how to clean up", () => {
    const steps = describeNotification(exampleFacts("request.disconnected", "consumer")).nextSteps.join(" ");
    expect(steps).toMatch(/withdraw the request/);
    expect(steps).toContain("deletes the private endpoint");
    expect(steps).toContain("contoso-orders.azurewebsites.net → 10.0.1.4");
  });

  it("says why a creation failed and that it can be retried", () => {
    const text = describeNotification(exampleFacts("request.failed", "consumer"));
    expect(text.summary).toContain("SubnetIsFull");
    expect(text.nextSteps.join(" ")).toContain("choose Retry");
    const unknown = describeNotification(withRequest("request.failed", "consumer", { stateReason: null }, { note: null }));
    expect(unknown.summary).toContain("Azure did not say why.");
  });

  it("says which change Azure refused and why", () => {
    const text = describeNotification(exampleFacts("request.action_failed", "provider"));
    expect(text.title).toBe("Azure refused to approve Fabrikam's request for contoso-orders");
    expect(text.summary).toContain("AuthorizationFailed");
    expect(text.summary).toContain("stays Pending");
    const reject = describeNotification({ ...exampleFacts("request.action_failed", "provider"), action: "reject" });
    expect(reject.title).toMatch(/^Azure refused to reject/);
  });

  it("puts the wait in reminders and escalations", () => {
    expect(describeNotification(exampleFacts("request.reminder", "provider")).title).toBe("Waiting 26 h: Fabrikam's request for contoso-orders");
    expect(describeNotification({ ...exampleFacts("request.reminder", "provider"), waitingHours: 26.9 }).title).toBe("Waiting 26 h: Fabrikam's request for contoso-orders");
    expect(describeNotification(exampleFacts("request.escalated", "provider")).title).toBe("Escalated, waiting 48 h: Fabrikam's request for contoso-orders");
  });

  it("says a change found in Azure was made outside Crosslink instead of naming someone", () => {
    const text = describeNotification({ ...exampleFacts("request.approved", "consumer"), actor: { kind: "azure", label: "Azure" } });
    expect(text.summary).toContain("approved outside Crosslink");
  });

  it("describes the route's own messages", () => {
    expect(describeNotification(exampleFacts("route.test")).title).toBe("Test event from Crosslink");
    const disabled = describeNotification(exampleFacts("route.disabled"));
    expect(disabled.title).toBe("Route disabled: Contoso platform team");
    expect(disabled.summary).toContain("410 Gone");
    expect(disabled.nextSteps.join(" ")).toMatch(/enable the route again/);
  });

  it("keeps line breaks in names out of the title", () => {
    const text = describeNotification(withRequest("request.pending", "provider", { consumerTenantName: "Fabrikam\r\nBcc: victim@example.com" }));
    expect(text.title).toBe("Fabrikam Bcc: victim@example.com asks for a private endpoint to contoso-orders");
  });
});

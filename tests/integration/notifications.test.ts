import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { startTestWorld, FAST, type TestWorld } from "@/tests/support/test-world";
import { drainOutbox, openJourney, type Journey } from "@/tests/support/journey";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { signInAs } from "@/tests/support/sign-in-as";
import { createServices, type Services } from "@/lib/services";
import { fileRequest } from "@/lib/connections/file-request";
import { decide } from "@/lib/connections/decide";
import { createRoute, deliveryLog, getRoute, redeliverFailedSince, rotateSecret, sendTestEvent, setRoutePaused, updateRoute } from "@/lib/notify/routes";
import { saveEmailPreferences } from "@/lib/notify/preferences";
import { raiseDueReminders } from "@/lib/notify/reminders";
import { claimDue } from "@/lib/outbox/outbox";
import { NotFoundError } from "@/lib/core/errors";
import type { Principal } from "@/lib/auth/principal";
import { DEMO_RESOURCES } from "@/dev/world/demo-resources";
import { startMailCatcher, type MailCatcher } from "@/dev/mail-catcher/server";
import { clearMail, listMail } from "@/dev/mail-catcher/client";

/**
 * Notifications end to end below the browser: real events from the request writer, fanned out to
 * routes and people, delivered by the real jobs to a real webhook receiver and a real SMTP catcher.
 */
let world: TestWorld;
let catcher: MailCatcher;
let receiver: WebhookReceiver;
let journey: Journey;
let services: Services;
let adam: Principal;

const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;

beforeAll(async () => {
  world = await startTestWorld();
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
});
afterAll(async () => {
  await catcher.stop();
  await world.close();
});
beforeEach(async () => {
  await world.reset();
  await clearMail(catcher.url);
  receiver = await startWebhookReceiver();
  journey = await openJourney(world);
  const config = world.configFor({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(catcher.smtpPort), MAIL_CATCHER_URL: catcher.url });
  services = createServices(journey.db, config, FAST);
  adam = await signInAs(journey.db, config, "adam@contoso.onmicrosoft.com");
});
afterEach(async () => {
  services.worker.stop();
  await receiver.close();
  await journey.cleanup();
});

async function fileAsFelix() {
  const { felix } = journey;
  const r = await fileRequest({ db: journey.db, consumerAzure: services.consumerAzureFor(felix) }, felix, {
    targetResourceId: ORDERS,
    groupId: "sites",
    requestMessage: "Fabrikam billing needs private access (ticket 4711)",
    subscriptionId: DEMO_RESOURCES.fabrikam.subscriptionId,
    subnetId: DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id,
    endpointName: `pe-orders-${Math.random().toString(36).slice(2, 8)}`,
  });
  return r.requestId;
}

async function webhookRoute(events = ["request.pending", "request.approved"]) {
  return createRoute(services.notify, adam, { name: "Ops webhook", channel: "webhook", purpose: "notify", scope: "tenant", events, target: receiver.url });
}

const bodies = () => receiver.received.map((r) => JSON.parse(r.body) as { type: string; data: { request?: { id: string } } });

describe("a filed request reaches the provider's routes and the consumer", () => {
  it("a signed request.pending webhook, the provider's email, then Felix's approval email and in-app notification", async () => {
    const { secret } = await webhookRoute();
    await createRoute(services.notify, adam, { name: "Team mail", channel: "email", purpose: "notify", scope: "tenant", events: ["request.pending"], target: "platform-team@contoso.example" });
    const requestId = await fileAsFelix();
    await drainOutbox(journey.db, services);

    const pending = receiver.received.find((r) => JSON.parse(r.body).type === "request.pending");
    expect(pending, "the webhook receiver got request.pending").toBeDefined();
    const verified = new Webhook(secret as string).verify(pending!.body, pending!.headers as Record<string, string>) as { data: { request: { id: string } } };
    expect(verified.data.request.id).toBe(requestId);

    const mail = await listMail(catcher.url, { to: "platform-team@contoso.example" });
    expect(mail.map((m) => m.subject).join("\n")).toMatch(/Fabrikam/);

    await decide(journey.db, journey.priya, { requestId, decision: "approve", note: "welcome" });
    await drainOutbox(journey.db, services);
    const felixMail = await listMail(catcher.url, { to: "felix@fabrikam.example" });
    expect(felixMail.some((m) => /approved/i.test(m.subject))).toBe(true);
    const inApp = await journey.db.inAppNotification.findMany({ where: { userId: journey.felix.userId, requestId } });
    expect(inApp.map((n) => n.eventType).sort()).toEqual(["request.approved", "request.pending"]);
    expect(bodies().map((b) => b.type)).toEqual(["request.pending", "request.approved"]);
  });

  it("a receiver that fails for a while gets the same webhook-id again once it recovers, and the log shows each try", async () => {
    const { routeId } = await webhookRoute(["request.pending"]);
    receiver.answer = (n) => (n < 2 ? 500 : 200);
    await fileAsFelix();
    await drainOutbox(journey.db, services, { fastForwardRetries: true });
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const log = await deliveryLog(journey.db, adam, routeId, {});
    expect(log.rows[0]?.status).toBe("delivered");
    expect(log.rows[0]?.tries.map((t) => t.statusCode)).toEqual([200, 500, 500]);
  });

  it("410 Gone disables the route at once and tells the person who set it up", async () => {
    const { routeId } = await webhookRoute(["request.pending"]);
    receiver.answer = () => 410;
    await fileAsFelix();
    await drainOutbox(journey.db, services, { fastForwardRetries: true });
    expect(receiver.received).toHaveLength(1);
    const route = await getRoute(journey.db, adam, routeId);
    expect(route.status).toBe("disabled");
    expect(route.disabledReason).toMatch(/410/);
    const adamMail = await listMail(catcher.url, { to: "adam@contoso.example" });
    expect(adamMail.some((m) => /disabled/i.test(m.subject))).toBe(true);
    // Resuming enables it again; a redelivery of what failed goes through.
    receiver.answer = () => 200;
    await setRoutePaused(journey.db, adam, routeId, false);
    expect(await redeliverFailedSince(journey.db, adam, routeId, { since: new Date(Date.now() - 60_000).toISOString() })).toBe(1);
    await drainOutbox(journey.db, services);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.headers["webhook-id"]).toBe(receiver.received[0]?.headers["webhook-id"]);
  });

  it("a crash mid-delivery loses nothing, and what was acknowledged is never sent again", async () => {
    await webhookRoute(["request.pending"]);
    await fileAsFelix();
    // Run everything up to the deliveries, then "crash" while holding the delivery's claim.
    for (let i = 0; i < 10; i++) await drainUntilDeliveries();
    // Every delivery (the webhook, the demo team's email, Felix's email) was claimed by the worker that crashed.
    const claimed = await claimDue(journey.db, { kind: "job", topics: ["notify.deliver"], lockMs: 1 });
    expect(claimed).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 5)); // the crashed worker's lock runs out
    await drainOutbox(journey.db, services);
    expect(receiver.received).toHaveLength(1);
    expect(await listMail(catcher.url, { to: "felix@fabrikam.example" })).toHaveLength(1);
    // A second job for the same delivery (a duplicate after a crash before the job was marked done) sends nothing.
    const delivery = await journey.db.delivery.findFirstOrThrow({ where: { routeId: { not: null } } });
    await journey.db.outboxMessage.create({ data: { kind: "job", topic: "notify.deliver", payload: JSON.stringify({ deliveryId: delivery.id }) } });
    await drainOutbox(journey.db, services);
    expect(receiver.received).toHaveLength(1);
  });

  it("a person who opted out of approvals gets no approval email, but still sees it in the app", async () => {
    await saveEmailPreferences(journey.db, journey.felix, { emailed: ["request.pending", "request.rejected", "request.disconnected", "request.failed"] });
    const requestId = await fileAsFelix();
    await drainOutbox(journey.db, services);
    await decide(journey.db, journey.priya, { requestId, decision: "approve", note: "ok" });
    await drainOutbox(journey.db, services);
    const subjects = (await listMail(catcher.url, { to: "felix@fabrikam.example" })).map((m) => m.subject);
    expect(subjects.some((s) => /approved/i.test(s))).toBe(false);
    expect(subjects.length).toBeGreaterThan(0); // the pending email did go
    expect(await journey.db.inAppNotification.count({ where: { userId: journey.felix.userId, eventType: "request.approved" } })).toBe(1);
  });
});

async function drainUntilDeliveries() {
  const { processDue, laneOf } = await import("@/lib/outbox/worker");
  await processDue(journey.db, services.jobs, laneOf(services.jobs, { topics: services.jobs.topics.filter((t) => t !== "notify.deliver") }));
  await processDue(journey.db, services.events);
}

describe("routes", () => {
  it("a rotated secret: both the old and the new secret verify for a day", async () => {
    const { routeId, secret: oldSecret } = await webhookRoute(["request.pending"]);
    const { secret: newSecret, previousValidUntil } = await rotateSecret(services.notify, adam, routeId);
    expect(previousValidUntil.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await sendTestEvent(services.notify, adam, routeId);
    await drainOutbox(journey.db, services);
    const [test] = receiver.received;
    expect(JSON.parse(test!.body).type).toBe("route.test");
    for (const secret of [oldSecret as string, newSecret]) expect(new Webhook(secret).verify(test!.body, test!.headers as Record<string, string>)).toBeTruthy();
  });

  it("a paused route hears nothing; only admins of the provider tenant see routes; a foreign id is not found", async () => {
    const { routeId } = await webhookRoute(["request.pending"]);
    await setRoutePaused(journey.db, adam, routeId, true);
    await fileAsFelix();
    await drainOutbox(journey.db, services);
    expect(receiver.received).toHaveLength(0);
    await expect(getRoute(journey.db, journey.priya, routeId)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(getRoute(journey.db, adam, "no-such-route")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("editing a webhook route with the URL left empty keeps the saved URL (it is never shown again)", async () => {
    const { routeId } = await webhookRoute(["request.pending"]);
    await updateRoute(services.notify, adam, routeId, { name: "Renamed", purpose: "notify", scope: "tenant", events: ["request.approved"], target: "" });
    const saved = await journey.db.notificationRoute.findUniqueOrThrow({ where: { id: routeId } });
    expect(saved).toMatchObject({ name: "Renamed", target: receiver.url, eventFilter: JSON.stringify(["request.approved"]) });
  });

  it("refuses a private address and saves nothing", async () => {
    await expect(createRoute(services.notify, adam, { name: "Bad", channel: "webhook", purpose: "notify", scope: "tenant", events: ["request.pending"], target: "https://10.0.0.5/hook" })).rejects.toMatchObject({ kind: "validation" });
    expect(await journey.db.notificationRoute.count({ where: { name: "Bad" } })).toBe(0);
  });
});

describe("reminders", () => {
  it("a request Pending past the reminder time reminds once, escalates at twice the time, and stops once decided", async () => {
    await webhookRoute(["request.reminder"]);
    const escalation = await startWebhookReceiver();
    try {
      await createRoute(services.notify, adam, { name: "On-call", channel: "webhook", purpose: "escalation", scope: "tenant", events: ["request.escalated"], target: escalation.url });
      const requestId = await fileAsFelix();
      await drainOutbox(journey.db, services);
      const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
      await journey.db.stateTransition.updateMany({ where: { requestId, toState: "Pending" }, data: { createdAt: hoursAgo(25) } });
      await journey.db.connectionRequest.update({ where: { id: requestId }, data: { createdAt: hoursAgo(26) } });
      expect(await raiseDueReminders(journey.db, 24)).toBe(1);
      expect(await raiseDueReminders(journey.db, 24)).toBe(0);
      await drainOutbox(journey.db, services);
      expect(bodies().map((b) => b.type)).toEqual(["request.reminder"]);

      await journey.db.stateTransition.updateMany({ where: { requestId, toState: "Pending" }, data: { createdAt: hoursAgo(49) } });
      await journey.db.connectionRequest.update({ where: { id: requestId }, data: { createdAt: hoursAgo(50) } });
      expect(await raiseDueReminders(journey.db, 24)).toBe(1);
      await drainOutbox(journey.db, services);
      expect(escalation.received.map((r) => JSON.parse(r.body).type)).toEqual(["request.escalated"]);
      expect(receiver.received).toHaveLength(1); // the notify route is not told of escalations
    } finally {
      await escalation.close();
    }
  });

  it("a reminder still queued when the request is decided is not sent", async () => {
    await webhookRoute(["request.reminder"]);
    const requestId = await fileAsFelix();
    await drainOutbox(journey.db, services);
    await journey.db.stateTransition.updateMany({ where: { requestId, toState: "Pending" }, data: { createdAt: new Date(Date.now() - 30 * 3_600_000) } });
    await journey.db.connectionRequest.update({ where: { id: requestId }, data: { createdAt: new Date(Date.now() - 31 * 3_600_000) } });
    expect(await raiseDueReminders(journey.db, 24)).toBe(1);
    await drainUntilDeliveries(); // the reminder's delivery is queued, not sent
    await decide(journey.db, journey.priya, { requestId, decision: "reject", note: "not expected" });
    for (let i = 0; i < 5; i++) await drainUntilDeliveries(); // Azure applies the rejection first
    expect((await journey.db.connectionRequest.findUniqueOrThrow({ where: { id: requestId } })).state).toBe("Rejected");
    await drainOutbox(journey.db, services);
    expect(bodies().map((b) => b.type)).not.toContain("request.reminder");
    const skipped = await journey.db.delivery.findFirstOrThrow({ where: { eventType: "request.reminder" } });
    expect(skipped.status).toBe("skipped");
  });
});

import type { Db } from "../db/client";
import type { AzureCloudName } from "../config/azure-clouds";
import type { RequestState } from "../domain/connection-lifecycle";
import { REQUEST_EVENT_TYPES, requestEventSchema } from "../connections/request-events";
import { factsForRequestEvent, loadRequestFacts } from "./build-facts";
import type { NotificationFacts } from "./facts";
import { describeNotification } from "./messages/describe";
import { isConsumerEmailEvent, REMINDER_TYPES } from "./notification-types";
import { reminderEventSchema } from "./reminder-events";
import { routeHears } from "./route-matching";
import { recipientLabel } from "./route-target";
import type { EventSubscriber } from "../events/dispatcher";
import { createDeliveries, type DeliveryDraft } from "./deliveries";

/**
 * Turns one event into its deliveries: one per provider route that hears it, and, for the
 * consumer, an email to the person who filed the request (unless they opted out) and an in-app
 * notification. Everything is written in one transaction with a key per (event, recipient), so
 * running the fan-out again (a retry after a crash) adds nothing twice.
 */
export type FanOutDeps = { db: Db; appBaseUrl: string; /** Names the private DNS zone in messages; default public. */ cloud?: AzureCloudName };

export async function fanOut(deps: FanOutDeps, message: { id: string; topic: string; payload: unknown }): Promise<number> {
  const event = parseEvent(message.topic, message.payload);
  return deps.db.$transaction(async (tx) => {
    const loaded = await loadRequestFacts(tx, event.requestId, deps.cloud);
    if (!loaded) return 0; // the request is gone: nothing left to tell
    // The event may be fanned out after later changes: it tells the state it announced.
    const request = { ...loaded.facts, state: event.state, previousState: event.previousState };
    const eventId = `evt_${message.id}`;
    const drafts: DeliveryDraft[] = [];

    const providerFacts = factsForRequestEvent(event, eventId, request, "provider", deps.appBaseUrl, event.waitingHours);
    const routes = event.providerTenantId
      ? await tx.notificationRoute.findMany({ where: { tenantId: event.providerTenantId, enabled: true, disabledAt: null } })
      : [];
    for (const route of routes) {
      if (!routeHears(route, { type: event.type, providerTenantId: event.providerTenantId, providerResourceId: event.providerResourceId })) continue;
      drafts.push({ key: `${eventId}:route:${route.id}`, routeId: route.id, userId: null, channel: route.channel, recipient: recipientLabel(route.channel, route.target), facts: providerFacts });
    }

    const requester = isConsumerEmailEvent(event.type) ? loaded.requester : null;
    if (requester) {
      const consumerFacts = factsForRequestEvent(event, eventId, request, "consumer", deps.appBaseUrl);
      const optedOut = await tx.notificationOptOut.findUnique({ where: { userId_eventType: { userId: requester.id, eventType: event.type } } });
      if (requester.address && !optedOut) {
        drafts.push({ key: `${eventId}:user:${requester.id}`, routeId: null, userId: requester.id, channel: "email", recipient: requester.address, facts: consumerFacts });
      }
      const words = describeNotification(consumerFacts);
      await tx.inAppNotification.upsert({
        where: { key: `${eventId}:user:${requester.id}` },
        update: {},
        create: { key: `${eventId}:user:${requester.id}`, userId: requester.id, requestId: request.id, eventType: event.type, title: words.title, body: words.summary },
      });
    }
    return createDeliveries(tx, eventId, event.type, request.id, drafts);
  });
}

type ParsedEvent = {
  type: NotificationFacts["type"];
  requestId: string;
  occurredAt: string;
  actor: NotificationFacts["actor"];
  note: string | null;
  action: string | null;
  providerTenantId: string | null;
  providerResourceId: string | null;
  waitingHours: number | null;
  state: RequestState;
  previousState: RequestState | null;
};

function parseEvent(topic: string, payload: unknown): ParsedEvent {
  if ((REMINDER_TYPES as readonly string[]).includes(topic)) {
    const r = reminderEventSchema.parse(payload);
    return { ...r, actor: { kind: "crosslink", label: "Crosslink" }, note: null, action: null, waitingHours: r.waitingHours, state: "Pending", previousState: null };
  }
  const e = requestEventSchema.parse(payload);
  return { ...e, actor: { kind: e.actor.kind, label: e.actor.label }, note: e.note ?? null, action: e.action ?? null, waitingHours: null, state: e.after.state, previousState: e.before && e.before.state !== e.after.state ? e.before.state : null };
}

/** The notifications subscriber of the event dispatcher. */
export function notificationSubscriber(deps: FanOutDeps): EventSubscriber {
  return {
    name: "notifications",
    topics: [...REQUEST_EVENT_TYPES, ...REMINDER_TYPES],
    handle: async (message) => {
      await fanOut(deps, message);
    },
  };
}

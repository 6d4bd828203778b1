import { DEFAULT_ROUTE_EVENTS, ESCALATION_ROUTE_EVENTS, NOTIFICATION_TYPE_LABELS, ROUTE_EVENT_TYPES, type RouteEventType } from "@/lib/notify/notification-types";
import type { RoutePurpose } from "@/lib/notify/route-input";

/**
 * The events a route form offers, grouped as an admin thinks of them, with the defaults ticked
 * for each purpose. A notify route never hears escalations and an escalation route hears only
 * them (lib/notify/route-matching.ts), so each purpose offers only what it can receive.
 */
export type EventChoice = { type: RouteEventType; label: string; description: string };
export type EventGroup = { legend: string; events: EventChoice[] };
export type EventChoices = Record<RoutePurpose, { groups: EventGroup[]; defaults: RouteEventType[] }>;

const NOTIFY_GROUPS: { legend: string; types: RouteEventType[] }[] = [
  { legend: "New requests", types: ["request.pending", "request.registered", "request.filed", "request.retried", "request.reminder"] },
  { legend: "Decisions", types: ["request.approved", "request.rejected", "request.disconnected", "request.action_requested"] },
  { legend: "Withdrawals and failures", types: ["request.withdrawn", "request.failed", "request.action_failed"] },
];

const choice = (type: RouteEventType): EventChoice => ({ type, ...NOTIFICATION_TYPE_LABELS[type] });

export function eventChoices(): EventChoices {
  return {
    notify: { groups: NOTIFY_GROUPS.map((g) => ({ legend: g.legend, events: g.types.map(choice) })), defaults: [...DEFAULT_ROUTE_EVENTS] },
    escalation: { groups: [{ legend: "Escalations", events: ESCALATION_ROUTE_EVENTS.map(choice) }], defaults: [...ESCALATION_ROUTE_EVENTS] },
  };
}

/** Every event a notify route can hear, for the check that the groups above miss none. */
export const NOTIFY_ROUTE_EVENTS = ROUTE_EVENT_TYPES.filter((t) => !ESCALATION_ROUTE_EVENTS.includes(t));

/** An event type in words ("New request waiting"); an unknown one as it is. */
export function eventLabel(type: string): string {
  return (NOTIFICATION_TYPE_LABELS as Record<string, { label: string } | undefined>)[type]?.label ?? type;
}

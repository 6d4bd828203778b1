import { REQUEST_EVENT_TYPES, type RequestEventType } from "../connections/request-events";

/**
 * Everything Crosslink can notify about: the domain events of requests (raised by the request
 * writer), the reminders raised for requests left Pending, and the route's own messages (a test
 * event an admin asked for; a route Crosslink disabled). One list, so route filters, opt-outs,
 * templates, webhook schemas and docs all cover the same types.
 */
export const REMINDER_TYPES = ["request.reminder", "request.escalated"] as const;
export const ROUTE_MESSAGE_TYPES = ["route.test", "route.disabled"] as const;
export const NOTIFICATION_TYPES = [...REQUEST_EVENT_TYPES, ...REMINDER_TYPES, ...ROUTE_MESSAGE_TYPES] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** What a route can subscribe to: request events and reminders (route messages always go to the route itself). */
export const ROUTE_EVENT_TYPES = [...REQUEST_EVENT_TYPES, ...REMINDER_TYPES] as const;
export type RouteEventType = (typeof ROUTE_EVENT_TYPES)[number];

/**
 * A new route is offered these, checked: what a provider acts on or must know. The steps in
 * between (filed, retried, a change asked for) are for integrations that want every step.
 */
export const DEFAULT_ROUTE_EVENTS: readonly RouteEventType[] = [
  "request.pending",
  "request.registered",
  "request.withdrawn",
  "request.failed",
  "request.approved",
  "request.rejected",
  "request.disconnected",
  "request.action_failed",
  "request.reminder",
];

/** Escalation routes hear only escalations. */
export const ESCALATION_ROUTE_EVENTS: readonly RouteEventType[] = ["request.escalated"];

/** What a consumer is emailed about (each can be turned off on the settings page). */
export const CONSUMER_EMAIL_EVENTS = [
  "request.pending",
  "request.approved",
  "request.rejected",
  "request.disconnected",
  "request.failed",
] as const satisfies readonly RequestEventType[];
export type ConsumerEmailEvent = (typeof CONSUMER_EMAIL_EVENTS)[number];

export function isConsumerEmailEvent(type: string): type is ConsumerEmailEvent {
  return (CONSUMER_EMAIL_EVENTS as readonly string[]).includes(type);
}

/** How each type is named on settings and route pages. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, { label: string; description: string }> = {
  "request.filed": { label: "Request filed", description: "A consumer filed a request; the endpoint is being created." },
  "request.registered": { label: "Existing endpoint registered", description: "A consumer registered an endpoint created outside Crosslink." },
  "request.retried": { label: "Creation retried", description: "A failed endpoint creation is being tried again." },
  "request.pending": { label: "New request waiting", description: "The endpoint exists and the connection waits for the provider's decision." },
  "request.approved": { label: "Approved", description: "The connection was approved; traffic can flow once DNS is set up." },
  "request.rejected": { label: "Rejected", description: "The connection was rejected." },
  "request.disconnected": { label: "Disconnected", description: "An approved connection was disconnected." },
  "request.withdrawn": { label: "Withdrawn", description: "The consumer withdrew the request and deleted the endpoint." },
  "request.failed": { label: "Creation failed", description: "Creating the consumer's endpoint failed." },
  "request.action_requested": { label: "Change requested", description: "Someone asked for a decision or change that Azure now carries out." },
  "request.action_failed": { label: "Azure refused a change", description: "Azure keeps refusing a decision or change; the request shows why." },
  "request.reminder": { label: "Reminder", description: "A request has waited longer than the reminder time." },
  "request.escalated": { label: "Escalation", description: "A request has waited twice the reminder time." },
  "route.test": { label: "Test event", description: "An admin sent a test event to check the route." },
  "route.disabled": { label: "Route disabled", description: "Crosslink disabled a route that kept failing or answered 410 Gone." },
};

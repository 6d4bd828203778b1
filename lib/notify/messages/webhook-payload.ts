/**
 * The public webhook body, version 1. Receivers build on it, so it is a documented, stable
 * projection of the facts, not the facts themselves: fields are named for a reader outside
 * Crosslink, nothing internal or personal beyond a requester's display name goes out (no email
 * addresses, no secrets), and v1 only ever gains fields. Removing or changing one means v2.
 *
 * The shape follows Standard Webhooks' recommendation: `{ type, timestamp, data }`. The schemas
 * here are the source of the JSON Schema files in docs/webhooks/schemas (scripts/webhook-schemas.ts).
 */
import { z } from "zod";
import { REQUEST_STATES, type RequestState } from "../../domain/connection-lifecycle";
import type { NotificationFacts, RequestFacts } from "../facts";
import { NOTIFICATION_TYPE_LABELS, NOTIFICATION_TYPES, ROUTE_MESSAGE_TYPES, type NotificationType } from "../notification-types";

export const WEBHOOK_SCHEMA_VERSION = 1;

const actorSchema = z
  .object({
    kind: z.enum(["person", "crosslink", "policy", "azure"]).describe("person: someone in Crosslink; crosslink: Crosslink itself; policy: an approval policy; azure: a change found in Azure"),
    label: z.string().describe('Who, as Crosslink names them: "Priya Patel (Contoso)", "Crosslink", "Azure"'),
  })
  .describe("Who caused the event");

function requestSchema(states: readonly RequestState[]) {
  return z
    .object({
      id: z.string().describe("The request's ID in Crosslink"),
      state: z.enum(states as [RequestState, ...RequestState[]]).describe("The request's state after the event"),
      previousState: z.enum(REQUEST_STATES).nullable().describe("The state before the event; null for a new request or when the event changed no state"),
      consumer: z.object({ tenantId: z.string().describe("The consumer's Entra tenant ID"), tenantName: z.string() }),
      requesterName: z.string().nullable().describe("The display name of the person who filed the request, when known"),
      target: z
        .object({
          resourceId: z.string().describe("The ARM ID of the provider's resource"),
          name: z.string(),
          typeLabel: z.string().describe('"web app", "deployment slot", "Private Link service"'),
          groupId: z.string().describe("The sub-resource the endpoint connects to (sites, sites-<slot>)"),
        })
        .describe("The provider's resource the private endpoint connects to"),
      message: z.string().describe("The consumer's request message, as sent to Azure"),
      endpoint: z
        .object({ resourceId: z.string().describe("The ARM ID of the consumer's private endpoint"), name: z.string() })
        .nullable()
        .describe("The consumer's private endpoint; null until it exists"),
      privateIps: z
        .array(z.object({ fqdn: z.string(), ips: z.array(z.string()) }))
        .describe("The endpoint's private addresses by name, as Azure reports them (empty until known)"),
      privateDnsZone: z.string().nullable().describe("The private DNS zone the consumer needs; null when the target has no standard zone"),
      decisionNote: z.string().nullable().describe("The provider's note or reason with their last decision"),
      stateReason: z.string().nullable().describe("Why the request is in its state (a failure's reason)"),
      createdAt: z.iso.datetime(),
      url: z.url().describe("The request's page in Crosslink"),
    })
    .describe("The request, as it was when the event happened");
}

const routeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    reason: z.string().nullable().describe("route.disabled: why Crosslink disabled the route"),
    url: z.url().describe("The route's page in Crosslink"),
  })
  .describe("The route this message is about");

const common = {
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION).describe("The payload's version: 1 for this schema"),
  eventId: z.string().min(1).describe("The event's ID; the same as the webhook-id header and on every retry (use it to deduplicate)"),
  actor: actorSchema,
};

/** The states a request event leaves the request in; events not listed may leave it in any state. */
const STATES_AFTER: Partial<Record<NotificationType, readonly RequestState[]>> = {
  "request.filed": ["Filed", "Creating"],
  "request.retried": ["Creating"],
  "request.pending": ["Pending"],
  "request.approved": ["Approved"],
  "request.rejected": ["Rejected"],
  "request.disconnected": ["Disconnected"],
  "request.withdrawn": ["Withdrawn"],
  "request.failed": ["Failed"],
  "request.reminder": ["Pending"],
  "request.escalated": ["Pending"],
};

const ACTION_TYPES: readonly NotificationType[] = ["request.action_requested", "request.action_failed"];
const REMINDER_TYPES: readonly NotificationType[] = ["request.reminder", "request.escalated"];

function requestDataSchema(type: NotificationType) {
  return z.object({
    ...common,
    request: requestSchema(STATES_AFTER[type] ?? REQUEST_STATES),
    note: z.string().nullable().describe("The decision note or the failure's reason, as people wrote or should read it"),
    action: ACTION_TYPES.includes(type)
      ? z.string().describe("The change asked for or refused: approve, reject, disconnect, withdraw")
      : z.string().nullable().describe("The change asked for or refused, for request.action_*; otherwise null"),
    waitingHours: REMINDER_TYPES.includes(type)
      ? z.number().nonnegative().describe("How long the request has waited Pending, in hours")
      : z.number().nonnegative().nullable().describe("For reminders: how long the request has waited, in hours; otherwise null"),
  });
}

function routeDataSchema() {
  return z.object({ ...common, route: routeSchema });
}

const isRouteMessage = (type: NotificationType) => (ROUTE_MESSAGE_TYPES as readonly string[]).includes(type);

function buildSchema(type: NotificationType) {
  return z
    .object({
      type: z.literal(type).describe("The event type"),
      timestamp: z.iso.datetime().describe("When the event happened (ISO 8601, UTC)"),
      data: isRouteMessage(type) ? routeDataSchema() : requestDataSchema(type),
    })
    .meta({ title: `Crosslink webhook: ${type} (v${WEBHOOK_SCHEMA_VERSION})`, description: NOTIFICATION_TYPE_LABELS[type].description });
}

/** Any version 1 payload; `webhookPayloadSchema(type)` narrows it per type. */
export type WebhookPayload = {
  type: NotificationType;
  timestamp: string;
  data: z.infer<ReturnType<typeof requestDataSchema>> | z.infer<ReturnType<typeof routeDataSchema>>;
};

const SCHEMAS = new Map<NotificationType, z.ZodType<WebhookPayload>>(NOTIFICATION_TYPES.map((t) => [t, buildSchema(t) as z.ZodType<WebhookPayload>]));

/** The payload's schema for one event type (v1). */
export function webhookPayloadSchema(type: NotificationType): z.ZodType<WebhookPayload> {
  return SCHEMAS.get(type)!;
}

/** The webhook body for these facts. */
export function webhookPayload(facts: NotificationFacts): WebhookPayload {
  const base = { schemaVersion: WEBHOOK_SCHEMA_VERSION, eventId: facts.eventId, actor: { kind: facts.actor.kind, label: facts.actor.label } } as const;
  if (isRouteMessage(facts.type)) {
    if (!facts.route) throw new Error(`A ${facts.type} notification needs its route`);
    return {
      type: facts.type,
      timestamp: facts.occurredAt,
      data: { ...base, route: { id: facts.route.id, name: facts.route.name, reason: facts.route.reason, url: facts.link } },
    };
  }
  if (!facts.request) throw new Error(`A ${facts.type} notification needs its request`);
  return {
    type: facts.type,
    timestamp: facts.occurredAt,
    data: { ...base, request: projectRequest(facts.request, facts.link), note: facts.note, action: facts.action, waitingHours: facts.waitingHours },
  };
}

function projectRequest(r: RequestFacts, url: string) {
  return {
    id: r.id,
    state: r.state,
    previousState: r.previousState,
    consumer: { tenantId: r.consumerTenantId, tenantName: r.consumerTenantName },
    requesterName: r.requesterName,
    target: { resourceId: r.targetResourceId, name: r.targetName, typeLabel: r.targetTypeLabel, groupId: r.groupId },
    message: r.requestMessage,
    endpoint: r.endpointResourceId ? { resourceId: r.endpointResourceId, name: r.endpointName ?? lastSegment(r.endpointResourceId) } : null,
    privateIps: r.privateIps.map((p) => ({ fqdn: p.fqdn, ips: [...p.ips] })),
    privateDnsZone: r.privateDnsZone,
    decisionNote: r.decisionNote,
    stateReason: r.stateReason,
    createdAt: r.createdAt,
    url,
  };
}

/** An ARM ID's last segment is the resource's name. */
function lastSegment(id: string): string {
  return id.split("/").filter(Boolean).at(-1) ?? id;
}

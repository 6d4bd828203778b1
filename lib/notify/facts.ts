import { z } from "zod";
import { REQUEST_STATES } from "../domain/connection-lifecycle";
import { NOTIFICATION_TYPES } from "./notification-types";

/**
 * What a notification says, fixed when its event happened and stored on each delivery, so an
 * email, a Teams card, a Slack message and a webhook body all tell the same story, and a retry
 * a day later says what was true then. Every channel renders from these facts alone.
 */
export const AUDIENCES = ["provider", "consumer"] as const;
export type Audience = (typeof AUDIENCES)[number];

const requestFacts = z.object({
  id: z.string(),
  state: z.enum(REQUEST_STATES),
  previousState: z.enum(REQUEST_STATES).nullable(),
  consumerTenantId: z.string(),
  consumerTenantName: z.string(),
  requesterName: z.string().nullable(),
  providerTenantId: z.string().nullable(),
  /** The provider resource's display name (contoso-orders), or the target's name. */
  targetName: z.string(),
  /** "web app", "deployment slot", "Private Link service". */
  targetTypeLabel: z.string(),
  targetResourceId: z.string(),
  groupId: z.string(),
  requestMessage: z.string(),
  endpointResourceId: z.string().nullable(),
  endpointName: z.string().nullable(),
  /** The endpoint's private addresses by name, as Azure reports them. */
  privateIps: z.array(z.object({ fqdn: z.string(), ips: z.array(z.string()) })),
  /** The private DNS zone the consumer links to their VNet (null: no standard zone). */
  privateDnsZone: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Why the request is in its state (a failure's reason). */
  stateReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type RequestFacts = z.infer<typeof requestFacts>;

export const notificationFactsSchema = z.object({
  /** The event's id: the webhook-id, the same on every retry. */
  eventId: z.string().min(1),
  type: z.enum(NOTIFICATION_TYPES),
  occurredAt: z.iso.datetime(),
  audience: z.enum(AUDIENCES),
  /** Where the reader acts: the request's page for this audience (or the routes page). */
  link: z.string().url(),
  actor: z.object({ kind: z.enum(["person", "crosslink", "policy", "azure"]), label: z.string() }),
  /** null for route messages (test, disabled). */
  request: requestFacts.nullable(),
  /** The decision note or the failure's reason, as people wrote or should read it. */
  note: z.string().nullable(),
  /** The change asked for or refused (approve, reject, disconnect, withdraw). */
  action: z.string().nullable(),
  /** Reminders: how long the request has waited. */
  waitingHours: z.number().nullable(),
  /** Route messages: which route, and (disabled) why. */
  route: z.object({ id: z.string(), name: z.string(), reason: z.string().nullable() }).nullable(),
});
export type NotificationFacts = z.infer<typeof notificationFactsSchema>;

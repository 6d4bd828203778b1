/**
 * A realistic example of each notification: Felix Fischer at Fabrikam asks Contoso (Priya Patel)
 * for a private endpoint to the web app contoso-orders. The docs' examples and the JSON Schema
 * tests are built from these, so an example can never show a field the payload doesn't have.
 *
 * Fixed IDs and times: the generated docs stay the same from one run to the next. The URLs use
 * crosslink.example.com, the base URL the configuration's own example names.
 */
import type { RequestState } from "../../domain/connection-lifecycle";
import { notificationFactsSchema, type Audience, type NotificationFacts, type RequestFacts } from "../facts";
import type { NotificationType } from "../notification-types";

const BASE = "https://crosslink.example.com";
const REQUEST_ID = "cm8r4k2qv0007lb08h3x9d5ty";
const ROUTE_ID = "cm8q9z1wd0002lb08c7n4e0pk";
const FABRIKAM_SUBSCRIPTION = "9b2d6c41-58e3-4a0f-b7d2-3e1c8f5a6d90";
const CONTOSO_SUBSCRIPTION = "4c8e1f27-0a93-4d65-9b1e-7f2a3c5d8e04";

const PRIYA = { kind: "person", label: "Priya Patel (Contoso)" } as const;
const FELIX = { kind: "person", label: "Felix Fischer (Fabrikam)" } as const;
const CROSSLINK = { kind: "crosslink", label: "Crosslink" } as const;

const ENDPOINT = {
  endpointResourceId: `/subscriptions/${FABRIKAM_SUBSCRIPTION}/resourceGroups/rg-fabrikam-network/providers/Microsoft.Network/privateEndpoints/pe-contoso-orders`,
  endpointName: "pe-contoso-orders",
  privateIps: [
    { fqdn: "contoso-orders.azurewebsites.net", ips: ["10.0.1.4"] },
    { fqdn: "contoso-orders.scm.azurewebsites.net", ips: ["10.0.1.4"] },
  ],
};
const NO_ENDPOINT = { endpointResourceId: null, endpointName: null, privateIps: [] };

const REQUEST: RequestFacts = {
  id: REQUEST_ID,
  state: "Pending",
  previousState: "Creating",
  consumerTenantId: "5f0e2b7a-3c41-4d8e-a9f6-1b2c3d4e5f60",
  consumerTenantName: "Fabrikam",
  requesterName: "Felix Fischer",
  providerTenantId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  targetName: "contoso-orders",
  targetTypeLabel: "web app",
  targetResourceId: `/subscriptions/${CONTOSO_SUBSCRIPTION}/resourceGroups/rg-orders-prod/providers/Microsoft.Web/sites/contoso-orders`,
  groupId: "sites",
  requestMessage: "Fabrikam's order sync (ticket FAB-1042) needs private access to the orders API from vnet-fabrikam-prod.",
  ...ENDPOINT,
  privateDnsZone: "privatelink.azurewebsites.net",
  decisionNote: null,
  stateReason: null,
  createdAt: "2026-03-02T09:14:05.000Z",
};

type Example = {
  at: string;
  actor: NotificationFacts["actor"];
  request?: Partial<RequestFacts> & { state: RequestState; previousState: RequestState | null };
  note?: string;
  action?: string;
  waitingHours?: number;
  route?: NotificationFacts["route"];
};

const APPROVE_NOTE = "Approved for the order sync; please keep traffic to the orders API.";
const REJECT_NOTE = "Please file from your production subscription; we don't connect sandbox networks.";
const DISCONNECT_NOTE = "The orders API moves to a new app on 1 April; please file a request for it.";
const FAILURE = "The subnet snet-endpoints in vnet-fabrikam-prod has no free addresses (SubnetIsFull).";
const REFUSAL = "AuthorizationFailed: Crosslink's identity may not write privateEndpointConnections on contoso-orders.";

const EXAMPLES: Record<NotificationType, Example> = {
  "request.filed": { at: "2026-03-02T09:14:05.000Z", actor: FELIX, request: { state: "Filed", previousState: null, ...NO_ENDPOINT } },
  "request.registered": { at: "2026-03-02T09:14:05.000Z", actor: FELIX, request: { state: "Pending", previousState: null } },
  "request.retried": { at: "2026-03-02T09:41:30.000Z", actor: FELIX, request: { state: "Creating", previousState: "Failed", ...NO_ENDPOINT } },
  "request.pending": { at: "2026-03-02T09:15:12.000Z", actor: CROSSLINK, request: { state: "Pending", previousState: "Creating" } },
  "request.approved": {
    at: "2026-03-02T11:02:48.000Z",
    actor: PRIYA,
    request: { state: "Approved", previousState: "Pending", decisionNote: APPROVE_NOTE },
    note: APPROVE_NOTE,
  },
  "request.rejected": {
    at: "2026-03-02T11:02:48.000Z",
    actor: PRIYA,
    request: { state: "Rejected", previousState: "Pending", decisionNote: REJECT_NOTE },
    note: REJECT_NOTE,
  },
  "request.disconnected": {
    at: "2026-03-20T16:45:00.000Z",
    actor: PRIYA,
    request: { state: "Disconnected", previousState: "Approved", decisionNote: DISCONNECT_NOTE },
    note: DISCONNECT_NOTE,
  },
  "request.withdrawn": { at: "2026-03-02T10:05:19.000Z", actor: FELIX, request: { state: "Withdrawn", previousState: "Pending" } },
  "request.failed": {
    at: "2026-03-02T09:15:40.000Z",
    actor: CROSSLINK,
    request: { state: "Failed", previousState: "Creating", stateReason: FAILURE, ...NO_ENDPOINT },
    note: FAILURE,
  },
  "request.action_requested": { at: "2026-03-02T11:02:31.000Z", actor: PRIYA, request: { state: "Pending", previousState: null },
    action: "approve" },
  "request.action_failed": {
    at: "2026-03-02T11:09:02.000Z",
    actor: CROSSLINK,
    request: { state: "Pending", previousState: null },
    action: "approve",
    note: REFUSAL,
  },
  "request.reminder": { at: "2026-03-03T11:15:12.000Z", actor: CROSSLINK, request: { state: "Pending", previousState: null }, waitingHours: 26 },
  "request.escalated": { at: "2026-03-04T09:15:12.000Z", actor: CROSSLINK, request: { state: "Pending", previousState: null }, waitingHours: 48 },
  "route.test": { at: "2026-03-01T15:30:00.000Z", actor: PRIYA, route: { id: ROUTE_ID, name: "Contoso platform team", reason: null } },
  "route.disabled": {
    at: "2026-03-05T08:00:00.000Z",
    actor: CROSSLINK,
    route: { id: ROUTE_ID, name: "Contoso platform team", reason: "The receiver answered 410 Gone" },
  },
};

/** Event IDs in the form Crosslink's are (cuid), one per type. */
function eventIdFor(type: NotificationType): string {
  const n = Object.keys(EXAMPLES).indexOf(type);
  return `cm8s${String(n).padStart(2, "0")}x5hw0001lb08q2v7r9mk`;
}

/** The example facts of a type, for the provider (what routes and webhooks get) or the consumer. */
export function exampleFacts(type: NotificationType, audience: Audience = "provider"): NotificationFacts {
  const ex = EXAMPLES[type];
  const requestLink = audience === "provider" ? `${BASE}/provider/requests/${REQUEST_ID}` : `${BASE}/requests/${REQUEST_ID}`;
  return notificationFactsSchema.parse({
    eventId: eventIdFor(type),
    type,
    occurredAt: ex.at,
    audience,
    link: ex.route ? `${BASE}/admin/routes/${ex.route.id}` : requestLink,
    actor: ex.actor,
    request: ex.request ? { ...REQUEST, ...ex.request } : null,
    note: ex.note ?? null,
    action: ex.action ?? null,
    waitingHours: ex.waitingHours ?? null,
    route: ex.route ?? null,
  });
}

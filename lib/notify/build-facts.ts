import { z } from "zod";
import type { DbOrTx } from "../db/client";
import { catalogEntryFor, inSentence, privateDnsZoneOf, targetTypeLabel } from "../domain/private-link-catalog";
import type { AzureCloudName } from "../config/azure-clouds";
import type { RequestEvent } from "../connections/request-events";
import type { Audience, NotificationFacts, RequestFacts } from "./facts";
import type { NotificationType } from "./notification-types";
import { emailAddressOf } from "./user-address";

/**
 * Reads what a notification about a request says, once, when the event is fanned out: the
 * request as it is right after the change, named as people know it (tenant names, the
 * resource's name), with the link each audience acts on.
 */
const privateIpsSchema = z.array(z.object({ fqdn: z.string().optional(), ips: z.array(z.string()) })).catch([]);

/** The request's facts, and who filed it (id and address: never part of the facts, which webhooks carry). */
export async function loadRequestFacts(tx: DbOrTx, requestId: string, cloud: AzureCloudName = "AzurePublicCloud"): Promise<{ facts: RequestFacts; requester: { id: string; address: string | null } | null } | null> {
  const r = await tx.connectionRequest.findUnique({
    where: { id: requestId },
    include: {
      consumerTenant: { select: { displayName: true } },
      requester: { select: { id: true, displayName: true, email: true, username: true } },
      providerResource: { select: { name: true, kind: true } },
      transitions: { orderBy: { createdAt: "desc" }, take: 2, select: { toState: true, fromState: true } },
    },
  });
  if (!r) return null;
  const ips = privateIpsSchema.parse(safeJson(r.privateIps));
  const entry = catalogEntryFor(r.targetType);
  const facts: RequestFacts = {
    id: r.id,
    state: r.state as RequestFacts["state"],
    previousState: (r.transitions[0]?.fromState ?? null) as RequestFacts["previousState"],
    consumerTenantId: r.consumerTenantId,
    consumerTenantName: r.consumerTenant.displayName,
    requesterName: r.requester?.displayName ?? null,
    providerTenantId: r.providerTenantId,
    targetName: r.providerResource?.name ?? (r.targetName || r.targetResourceId.split("/").pop() || r.targetResourceId),
    targetTypeLabel: labelInSentence(targetTypeLabel(r.targetType, r.providerResource?.kind)),
    targetResourceId: r.targetResourceId,
    groupId: r.groupId,
    requestMessage: r.requestMessage,
    endpointResourceId: r.endpointResourceId,
    endpointName: r.endpointName,
    privateIps: ips.filter((e) => e.fqdn).map((e) => ({ fqdn: e.fqdn as string, ips: e.ips })),
    privateDnsZone: entry ? privateDnsZoneOf(entry, cloud) : null,
    decisionNote: r.decisionNote,
    stateReason: r.stateReason ?? r.lastError,
    createdAt: r.createdAt.toISOString(),
  };
  return { facts, requester: r.requester ? { id: r.requester.id, address: emailAddressOf(r.requester) } : null };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

// "App Service" is a product name: it keeps its capitals mid-sentence.
const labelInSentence = (label: string) => (label.startsWith("App Service") ? label : inSentence(label));

/** Where each audience acts on a request. */
export function requestLink(appBaseUrl: string, audience: Audience, requestId: string): string {
  const path = audience === "consumer" ? "/requests/" : "/provider/requests/";
  return `${appBaseUrl}${path}${encodeURIComponent(requestId)}`;
}

/** What a notification needs from the event it announces (a request event or a reminder). */
export type AnnouncedEvent = {
  type: NotificationType;
  occurredAt: string;
  actor: Pick<RequestEvent["actor"], "kind" | "label">;
  note?: string | null;
  action?: string | null;
};

export function factsForRequestEvent(
  event: AnnouncedEvent,
  eventId: string,
  request: RequestFacts,
  audience: Audience,
  appBaseUrl: string,
  waitingHours: number | null = null,
): NotificationFacts {
  return {
    eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    audience,
    link: requestLink(appBaseUrl, audience, request.id),
    actor: { kind: event.actor.kind, label: event.actor.label },
    request,
    note: event.note ?? null,
    action: event.action ?? null,
    waitingHours,
    route: null,
  };
}

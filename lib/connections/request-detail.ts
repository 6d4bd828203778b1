import { z } from "zod";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { availableCommands, type CommandKey, type RequestState } from "../domain/connection-lifecycle";
import { parseResourceId, parseTargetResourceId } from "../domain/resource-id";
import type { AzureCloudName } from "../config/azure-clouds";
import { buildDnsGuide, type DnsGuide } from "../domain/dns-guide";
import { NotFoundError } from "../core/errors";
import { idOrNotFound } from "../core/parse";
import { personLabel } from "../core/actor";
import { requestScope, type Viewpoint } from "./visibility";

/**
 * One request with its timeline, as the consumer or the provider sees it. Who may see it is part
 * of the query (the consumer's tenant, or the provider tenant), so a foreign ID is "not found".
 */
const privateIpsSchema = z.array(z.object({ fqdn: z.string().optional(), ips: z.array(z.string()) })).catch([]);

type DetailRow = Awaited<ReturnType<typeof loadDetail>>;
export type RequestView = Omit<DetailRow, "privateIps"> & {
  actions: CommandKey[];
  dnsGuide: DnsGuide | null;
  privateIps: { fqdn?: string; ips: string[] }[];
  /** Who took the last decision, named as everywhere ("Priya Patel (Contoso)"); null when nobody did in Crosslink. */
  decidedByLabel: string | null;
};

async function loadDetail(db: Db, principal: Principal, as: Viewpoint, requestId: unknown) {
  const scope = requestScope(principal, as);
  // A malformed ID is just an unknown one: 404, never a validation error page.
  const request = await db.connectionRequest.findFirst({
    where: { id: idOrNotFound(requestId), ...scope.where },
    include: {
      consumerTenant: { select: { id: true, displayName: true } },
      requester: { select: { displayName: true, email: true, username: true } },
      decidedBy: { select: { displayName: true, tenant: { select: { displayName: true } } } },
      transitions: { orderBy: { createdAt: "asc" } },
      providerResource: { select: { name: true, kind: true, displayResourceId: true, tenant: { select: { displayName: true } } } },
    },
  });
  if (!request) throw new NotFoundError();
  return request;
}

function actionsFor(state: string, role: "consumer" | "provider", pendingAction: string | null): CommandKey[] {
  if (pendingAction) return [];
  return availableCommands(state as RequestState, role);
}

/** `cloud` names the private DNS zones of the DNS guide (they differ per Azure cloud). */
export async function requestForConsumer(db: Db, principal: Principal, requestId: unknown, cloud: AzureCloudName = "AzurePublicCloud"): Promise<RequestView> {
  const request = await loadDetail(db, principal, "consumer", requestId);
  const privateIps = privateIpsSchema.parse(safeJson(request.privateIps));
  return { ...request, privateIps, decidedByLabel: deciderLabel(request), actions: actionsFor(request.state, "consumer", request.pendingAction), dnsGuide: dnsGuideFor(request, privateIps, cloud) };
}

export async function requestForProvider(db: Db, principal: Principal, requestId: unknown): Promise<RequestView> {
  const request = await loadDetail(db, principal, "provider", requestId);
  const privateIps = privateIpsSchema.parse(safeJson(request.privateIps));
  return { ...request, privateIps, decidedByLabel: deciderLabel(request), actions: actionsFor(request.state, "provider", request.pendingAction), dnsGuide: null };
}

function deciderLabel(request: DetailRow): string | null {
  return request.decidedBy ? personLabel(request.decidedBy.displayName, request.decidedBy.tenant.displayName) : null;
}

function dnsGuideFor(
  request: { state: string; targetResourceId: string; groupId: string; endpointResourceId: string | null; subnetId: string | null; endpointResourceGroup: string | null },
  privateIps: { fqdn?: string; ips: string[] }[],
  cloud: AzureCloudName,
): DnsGuide | null {
  if (request.state !== "Approved" || !request.endpointResourceId || !request.subnetId) return null;
  const target = parseTargetResourceId(request.targetResourceId);
  const subnet = parseResourceId(request.subnetId, { expect: ["subnet"] });
  if (!target.ok || !subnet.ok || subnet.kind !== "subnet") return null;
  const guide = buildDnsGuide({
    target,
    groupId: request.groupId || null,
    privateEndpointId: request.endpointResourceId,
    customDnsConfigs: privateIps.filter((p) => p.fqdn).map((p) => ({ fqdn: p.fqdn, ipAddresses: p.ips })),
    privateIpAddresses: [...new Set(privateIps.flatMap((p) => p.ips))],
    virtualNetworkId: subnet.virtualNetworkId,
    resourceGroup: request.endpointResourceGroup ?? subnet.resourceGroup,
    cloud,
  });
  return guide.ok ? guide : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

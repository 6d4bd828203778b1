import { z } from "zod";
import type { Db } from "../db/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { isAzureError, type ConsumerAzure, type PrivateEndpointInfo } from "../azure";
import { parseAzureConnectionStatus } from "../domain/connection-lifecycle";
import { parseResourceId, parseTargetResourceId, sameResourceId, type TargetResourceId } from "../domain/resource-id";
import { privateLinkConnectionFor, validateGroupId } from "../domain/private-link-catalog";
import { personActor } from "../core/actor";
import { ValidationError } from "../core/errors";
import { parseInput } from "../core/parse";
import { managedTarget } from "./managed-target";
import { createRequest } from "./request-writer";

/**
 * "I created it with the CLI": a consumer registers a private endpoint that already exists in
 * their subscription, so Crosslink follows it like one it created. Azure is asked, with the
 * consumer's own token, whether they can read the endpoint and whether its connection really is a
 * manual request to the named resource; only a resource a provider manages through Crosslink can
 * be named. The request starts in the state Azure reports (Pending, Approved, …), with its
 * timeline entry and audit entry written in one transaction.
 */
export const registerExistingInput = z.object({
  privateEndpointId: z.string().trim().min(1, "Paste the resource ID of your private endpoint.").max(2048, "That is too long for a resource ID."),
  targetResourceId: z.string().trim().min(1, "Enter the resource ID of the app or service the endpoint connects to.").max(2048, "That is too long for a resource ID."),
});
export type RegisterExistingInput = z.input<typeof registerExistingInput>;

/** The endpoint could not be read with the user's account: missing, another tenant's, or no rights. */
export const UNREADABLE_ENDPOINT_MESSAGE =
  "Crosslink could not read that endpoint with your account. Check the ID, and that the endpoint is in a subscription of your organization where you have at least Reader.";

/** Requests in these states no longer hold an endpoint: a live endpoint with the same ID is a new one. */
const ENDED_STATES = ["Withdrawn"];

export async function registerExistingEndpoint(
  deps: { db: Db; consumerAzure: ConsumerAzure },
  principal: Principal,
  raw: RegisterExistingInput,
  context: { httpRequestId?: string } = {},
): Promise<{ requestId: string; state: string }> {
  // Who may register: any signed-in consumer. Whether the endpoint is theirs, Azure answers below.
  authorize(principal);
  const input = parseInput(registerExistingInput, raw);

  // Both IDs are checked before anything is asked of Azure, and both errors are reported at once.
  const errors: Record<string, string> = {};
  const pe = parseResourceId(input.privateEndpointId, { expect: ["privateEndpoint"] });
  if (!pe.ok) errors.privateEndpointId = pe.message;
  const target = parseTargetResourceId(input.targetResourceId);
  if (!target.ok) errors.targetResourceId = target.message;
  if (!pe.ok || !target.ok) throw new ValidationError(errors);

  const { db, consumerAzure } = deps;
  const targetColumns = await managedTarget(db, target);

  const endpoint = await readEndpoint(consumerAzure, pe.id);
  const connection = endpoint.connection;
  if (!connection) {
    throw new ValidationError({ privateEndpointId: "That private endpoint has no Private Link connection, so there is nothing for a provider to decide." });
  }
  if (connection.kind !== "manual") {
    throw new ValidationError({
      privateEndpointId:
        "That endpoint's connection is automatic (approved by the creator's own rights on the target), not a manual connection request. Crosslink follows manual requests that a provider approves.",
    });
  }
  const state = endpoint.provisioningState?.toLowerCase();
  if (state === "failed" || state === "deleting") {
    throw new ValidationError({
      privateEndpointId:
        state === "failed"
          ? "Azure reports that this endpoint's creation failed. Delete it in Azure and file a new request through Crosslink instead."
          : "Azure is deleting this endpoint right now; there is nothing to register.",
    });
  }

  const groupId = connectionGroupId(target, connection.targetResourceId, connection.groupIds);
  if (!groupId.ok) throw new ValidationError({ targetResourceId: groupId.message });

  const status = parseAzureConnectionStatus(connection.state?.status);
  if (!status) {
    throw new ValidationError({ privateEndpointId: "Azure reports no connection state for this endpoint yet. Wait a minute until its creation has finished, then register it." });
  }

  const alreadyRegistered = async (tx: Pick<Db, "connectionRequest">) => {
    // SQLite compares text case-sensitively and ARM IDs are case-insensitive: narrow by the
    // subscription (stored lower-case), then compare the IDs properly.
    const candidates = await tx.connectionRequest.findMany({
      where: { endpointSubscriptionId: endpoint.subscriptionId.toLowerCase(), endpointResourceId: { not: null }, state: { notIn: ENDED_STATES } },
      select: { id: true, endpointResourceId: true, consumerTenantId: true },
    });
    return candidates.find((c) => sameResourceId(c.endpointResourceId!, endpoint.id));
  };
  const already = await alreadyRegistered(db);
  if (already) throw new ValidationError({ privateEndpointId: alreadyMessage(already, principal) });

  // IPs from the NIC and the DNS names as Azure reports them (the DNS guide needs both).
  const details = await consumerAzure.endpointDetails(endpoint.id).catch((err: unknown) => {
    if (isUnreadable(err)) return null;
    throw err;
  });
  const privateIps = details
    ? [...details.dnsRecords.map((r) => ({ fqdn: r.fqdn, ips: r.ipAddresses })), ...(details.privateIpAddresses.length > 0 ? [{ ips: details.privateIpAddresses }] : [])]
    : endpoint.customDnsConfigs.map((c) => (c.fqdn ? { fqdn: c.fqdn, ips: c.ipAddresses } : { ips: c.ipAddresses }));

  const subnet = endpoint.subnetId ? parseResourceId(endpoint.subnetId, { expect: ["subnet"] }) : null;
  const note =
    `Registered an existing private endpoint created outside Crosslink; Azure reports the connection ${status}.` +
    (connection.state?.description && status !== "Pending" ? ` Provider's note in Azure: “${connection.state.description}”` : "");

  return db.$transaction(async (tx) => {
    const again = await alreadyRegistered(tx);
    if (again) throw new ValidationError({ privateEndpointId: alreadyMessage(again, principal) });
    const created = await createRequest(tx, {
      origin: "registered",
      azureStatus: status,
      actor: personActor("consumer", principal),
      data: {
        consumerTenantId: principal.tenantId,
        requesterId: principal.userId,
        ...targetColumns,
        groupId: groupId.groupId ?? "",
        requestMessage: connection.requestMessage ?? "",
        endpointResourceId: endpoint.id,
        endpointName: endpoint.name,
        endpointSubscriptionId: endpoint.subscriptionId.toLowerCase(),
        endpointResourceGroup: endpoint.resourceGroup,
        endpointLocation: endpoint.location,
        subnetId: subnet?.ok ? subnet.id : endpoint.subnetId,
        privateIps: JSON.stringify(privateIps),
        azureStatus: status,
        // A decision taken in Azure before registration: its note is Azure's description.
        decisionNote: status === "Pending" ? null : (connection.state?.description ?? null),
      },
      note,
      audit: {
        action: "request.registered",
        details: { endpoint: endpoint.id, target: target.id, groupId: groupId.groupId, azureStatus: status, location: endpoint.location },
      },
      httpRequestId: context.httpRequestId,
    });
    return { requestId: created.id, state: created.state };
  });
}

async function readEndpoint(azure: ConsumerAzure, id: string): Promise<PrivateEndpointInfo> {
  let endpoint: PrivateEndpointInfo | null;
  try {
    endpoint = await azure.getPrivateEndpoint(id);
  } catch (err) {
    if (isUnreadable(err)) throw new ValidationError({ privateEndpointId: UNREADABLE_ENDPOINT_MESSAGE });
    throw err; // throttling, outages, an expired sign-in: the entry point explains those
  }
  if (!endpoint) throw new ValidationError({ privateEndpointId: UNREADABLE_ENDPOINT_MESSAGE });
  return endpoint;
}

/**
 * Azure's "you can't see that": not found, another tenant's subscription, no role. Kept apart
 * from an expired sign-in (the credential's ReauthenticationRequired is not an AzureError).
 */
function isUnreadable(err: unknown): boolean {
  // By shape as well as by class: the ConsumerAzure may come from another bundle's copy of lib/azure
  // (the app's shared services), whose AzureError is a different class.
  const e = isAzureError(err) ? err : (err as { name?: unknown; status?: unknown; code?: unknown } | null);
  if (!e || typeof e !== "object" || e.name !== "AzureError") return false;
  if (e.status === 403 || e.status === 404) return true;
  return e.status === 401 && e.code === "InvalidAuthenticationTokenTenant";
}

/**
 * Whether the endpoint's connection reaches the named target, and the group ID it uses: a site
 * with `sites` (or `sites-<slot>` for one of its slots), a slot through its site's ID with
 * `sites-<slot>`, a Private Link Service by its own ID (group IDs don't apply).
 */
function connectionGroupId(
  target: TargetResourceId,
  connectedTo: string,
  groupIds: readonly string[],
): { ok: true; groupId: string | null } | { ok: false; message: string } {
  const expectedId = privateLinkConnectionFor(target).privateLinkServiceId;
  const reached = describeReached(connectedTo, groupIds);
  if (!sameResourceId(connectedTo, expectedId)) {
    return { ok: false, message: `That endpoint connects to ${reached}, not to ${target.name}. Name the resource the endpoint connects to.` };
  }
  if (target.kind === "privateLinkService") return { ok: true, groupId: null };
  const group = validateGroupId(target, groupIds);
  if (!group.ok) {
    return {
      ok: false,
      message:
        target.kind === "slot"
          ? `That endpoint connects to ${reached}, not to the slot ${target.slotName}. Name the resource the endpoint connects to.`
          : `That endpoint's connection uses the group ID “${groupIds.join(", ")}”, which doesn't reach ${target.name}: ${group.message}`,
    };
  }
  return { ok: true, groupId: group.groupId };
}

function describeReached(connectedTo: string, groupIds: readonly string[]): string {
  const parsed = parseTargetResourceId(connectedTo);
  const name = parsed.ok ? parsed.name : (connectedTo.split("/").filter(Boolean).pop() ?? connectedTo);
  const slot = groupIds.find((g) => /^sites-/i.test(g));
  return slot ? `${name} (slot ${slot.slice("sites-".length)})` : name;
}

function alreadyMessage(existing: { id: string; consumerTenantId: string }, principal: Principal): string {
  return existing.consumerTenantId === principal.tenantId
    ? `Crosslink already follows this endpoint (request ${existing.id}). Open it from My requests.`
    : "Crosslink already follows this endpoint for another organization.";
}

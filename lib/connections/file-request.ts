import { z } from "zod";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { parseResourceId, parseTargetResourceId, sameResourceId } from "../domain/resource-id";
import { catalogEntryForTarget, privateLinkConnectionFor, validateGroupId, validateRequestMessage } from "../domain/private-link-catalog";
import { validateEndpointName } from "../domain/endpoint-name";
import { personActor } from "../core/actor";
import { ValidationError } from "../core/errors";
import { parseInput } from "../core/parse";
import { jobOrder } from "../jobs/job";
import type { ConsumerAzure } from "../azure";
import { requireRegisteredProviders } from "./consumer-prerequisites";
import { createEndpointJob } from "./jobs/create-endpoint";
import { managedTarget } from "./managed-target";
import { createRequest } from "./request-writer";
import { requestScope } from "./visibility";

/**
 * A consumer files a connection request. The request is recorded first (Filed, with its timeline
 * entry, audit entry and the "create the endpoint" job in one transaction); the endpoint is then
 * created in the consumer's subscription by the worker, with the consumer's own token.
 */
export const fileRequestInput = z.object({
  targetResourceId: z.string().trim().min(1, "Enter the resource ID of the app or service.").max(2048),
  groupId: z.string().trim().max(80).default(""),
  requestMessage: z.string().max(4000).default(""),
  subscriptionId: z.string().trim().min(1, "Choose a subscription."),
  subnetId: z.string().trim().min(1, "Choose a subnet."),
  endpointName: z.string().trim().min(1, "Enter a name for the private endpoint."),
});
export type FileRequestInput = z.input<typeof fileRequestInput>;

export async function fileRequest(
  deps: { db: Db; consumerAzure: ConsumerAzure },
  principal: Principal,
  raw: FileRequestInput,
  context: { httpRequestId?: string } = {},
): Promise<{ requestId: string }> {
  const scope = requestScope(principal, "consumer");
  const input = parseInput(fileRequestInput, raw);
  const errors: Record<string, string> = {};

  const target = parseTargetResourceId(input.targetResourceId);
  if (!target.ok) throw new ValidationError({ targetResourceId: target.message });
  const group = validateGroupId(target, input.groupId);
  if (!group.ok) errors.groupId = group.message;
  const message = validateRequestMessage(input.requestMessage, catalogEntryForTarget(target).resourceType);
  if (!message.ok) errors.requestMessage = message.message;
  const name = validateEndpointName(input.endpointName);
  if (!name.ok) errors.endpointName = name.message;
  const subnet = parseResourceId(input.subnetId, { expect: ["subnet"] });
  if (!subnet.ok || subnet.kind !== "subnet") errors.subnetId = "Choose one of the listed subnets.";
  if (Object.keys(errors).length > 0 || !subnet.ok || subnet.kind !== "subnet" || !group.ok || !message.ok || !name.ok) {
    throw new ValidationError(errors);
  }
  if (subnet.subscriptionId !== input.subscriptionId.toLowerCase()) {
    throw new ValidationError({ subnetId: "The subnet is not in the chosen subscription." });
  }

  const { db, consumerAzure } = deps;
  const targetColumns = await managedTarget(db, target);

  // Placement is read live with the consumer's own rights: the VNet decides the region, and a
  // subnet that cannot hold private endpoints is refused here rather than by Azure later.
  const vnets = await consumerAzure.listVirtualNetworks(input.subscriptionId);
  const vnet = vnets.find((v) => v.subnets.some((s) => sameResourceId(s.id, subnet.id)));
  const chosen = vnet?.subnets.find((s) => sameResourceId(s.id, subnet.id));
  if (!vnet || !chosen) throw new ValidationError({ subnetId: "That subnet was not found in your subscription, or you cannot read it." });
  if (!chosen.endpointAllowed) throw new ValidationError({ subnetId: chosen.reason ?? "Private endpoints cannot be placed in that subnet." });
  await requireRegisteredProviders(consumerAzure, subnet.subscriptionId, target);

  const duplicate = await db.connectionRequest.findFirst({
    where: {
      ...scope.where,
      endpointSubscriptionId: subnet.subscriptionId,
      endpointResourceGroup: { equals: vnet.resourceGroup },
      endpointName: name.name,
      state: { in: ["Filed", "Creating", "Pending", "Approved"] },
    },
    select: { id: true },
  });
  if (duplicate) throw new ValidationError({ endpointName: "You already have an active request with an endpoint of this name in that resource group. Choose another name." });

  const connection = privateLinkConnectionFor(target, group.groupId);
  const requestId = await db.$transaction(async (tx) => {
    const created = await createRequest(tx, {
      origin: "filed",
      actor: personActor("consumer", principal),
      data: {
        consumerTenantId: principal.tenantId,
        requesterId: principal.userId,
        ...targetColumns,
        groupId: connection.groupIds[0] ?? "",
        requestMessage: message.message,
        endpointName: name.name,
        endpointSubscriptionId: subnet.subscriptionId,
        endpointResourceGroup: vnet.resourceGroup,
        endpointLocation: vnet.location,
        subnetId: chosen.id,
      },
      note: message.message || null,
      progress: "Waiting to create the private endpoint…",
      audit: { action: "request.filed", details: { target: target.id, groupId: connection.groupIds[0] ?? null, endpoint: name.name, location: vnet.location } },
      httpRequestId: context.httpRequestId,
      // The endpoint is created with the session of whoever filed (their delegated token).
      job: (requestId) => jobOrder(createEndpointJob, { requestId, sessionId: principal.sessionId }),
    });
    return created.id;
  });
  return { requestId };
}

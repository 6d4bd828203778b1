/**
 * Microsoft.Network/privateLinkServices — a provider's own Private Link Service (seeded; GET and
 * list) and its private endpoint connections: list, GET, PUT (approve/reject; synchronous 200 as
 * the spec and azure-facts.md say) and DELETE (long-running; the consumer's endpoint becomes
 * Disconnected).
 */
import { z } from "zod";
import { Errors } from "../http/errors";
import type { Ctx, Reply, Route } from "../http/router";
import { decide, findProviderLink, PLS_APPROVAL_ACTION, providerLinks } from "../world/connections";
import { idKey } from "../world/ids";
import type { ConnectionLink, PrivateLinkServiceRecord } from "../world/model";
import type { World } from "../world/store";
import { anotherOperationInProgress, beginOperation, emitChange, newEtag, noContent, ok, okRaw, paged, requireAction, weak } from "./common";

const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network";
const TYPE = "Microsoft.Network/privateLinkServices";

export function renderPlsConnection(pls: PrivateLinkServiceRecord, link: ConnectionLink): Record<string, unknown> {
  return {
    name: link.providerConnectionName,
    id: `${pls.id}/privateEndpointConnections/${link.providerConnectionName}`,
    etag: weak(link.etag),
    type: `${TYPE}/privateEndpointConnections`,
    properties: {
      provisioningState: link.provisioningState,
      privateEndpoint: { id: link.privateEndpointId },
      privateLinkServiceConnectionState: {
        status: link.status,
        description: link.description,
        actionsRequired: link.actionsRequired,
      },
      linkIdentifier: link.linkId,
      privateEndpointLocation: link.privateEndpointLocation,
    },
  };
}

export function renderPls(world: World, pls: PrivateLinkServiceRecord): Record<string, unknown> {
  return {
    name: pls.name,
    id: pls.id,
    etag: weak(pls.etag),
    type: TYPE,
    location: pls.location,
    tags: pls.tags ?? {},
    properties: {
      provisioningState: pls.provisioningState,
      alias: pls.alias,
      fqdns: pls.fqdns,
      visibility: { subscriptions: pls.visibility },
      autoApproval: { subscriptions: pls.autoApproval },
      enableProxyProtocol: pls.enableProxyProtocol,
      loadBalancerFrontendIpConfigurations: pls.loadBalancerFrontendIpConfigurationIds.map((id) => ({ id })),
      ipConfigurations: pls.ipConfigurations.map((c) => ({
        name: c.name,
        id: `${pls.id}/ipConfigurations/${c.name}`,
        etag: weak(pls.etag),
        type: `${TYPE}/ipConfigurations`,
        properties: {
          provisioningState: "Succeeded",
          privateIPAddress: c.privateIPAddress,
          privateIPAllocationMethod: "Static",
          privateIPAddressVersion: "IPv4",
          subnet: { id: c.subnetId },
          primary: c.primary,
        },
      })),
      privateEndpointConnections: providerLinks(world, pls.id).map((l) => renderPlsConnection(pls, l)),
      networkInterfaces: [],
    },
  };
}

function plsOr404(ctx: Ctx): PrivateLinkServiceRecord {
  const { subscriptionId, resourceGroupName, serviceName } = ctx.params;
  const pls = ctx.svc.world.get(
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${TYPE}/${serviceName}`,
    "privateLinkService",
  );
  if (!pls) throw Errors.resourceNotFound(TYPE, serviceName!, resourceGroupName!);
  return pls;
}

function connectionOr404(ctx: Ctx, pls: PrivateLinkServiceRecord): ConnectionLink {
  const link = findProviderLink(ctx.svc.world, pls.id, ctx.params.peConnectionName!);
  if (!link) throw Errors.networkChildNotFound(`${pls.id}/privateEndpointConnections/${ctx.params.peConnectionName}`);
  return link;
}

const UpdateBody = z.object({
  properties: z.object(
    {
      privateLinkServiceConnectionState: z.object(
        { status: z.unknown(), description: z.string().optional(), actionsRequired: z.string().optional() },
        { error: "properties.privateLinkServiceConnectionState is required" },
      ),
    },
    { error: "properties is required" },
  ),
});

function update(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const pls = plsOr404(ctx);
  const link = connectionOr404(ctx, pls);
  requireAction(ctx, PLS_APPROVAL_ACTION, pls.id);
  const parsed = UpdateBody.safeParse(ctx.body);
  if (!parsed.success) {
    throw Errors.invalidRequestFormat(
      parsed.error.issues.map((i) => ({ code: "InvalidJson", message: i.message, target: i.path.join(".") })),
    );
  }
  if (link.provisioningState === "Updating" || link.provisioningState === "Deleting") {
    throw anotherOperationInProgress(`${pls.id}/privateEndpointConnections/${link.providerConnectionName}`);
  }
  const decision = decide(link, parsed.data.properties.privateLinkServiceConnectionState);
  world.mutate(() => {
    link.status = decision.status;
    link.description = decision.description;
    link.actionsRequired = decision.actionsRequired;
    link.etag = newEtag();
  });
  const connId = `${pls.id}/privateEndpointConnections/${link.providerConnectionName}`;
  emitChange(ctx, "write", connId, `${TYPE}/privateEndpointConnections/write`);
  return ok(renderPlsConnection(pls, link));
}

function del(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const pls = plsOr404(ctx);
  const link = findProviderLink(world, pls.id, ctx.params.peConnectionName!);
  if (!link) return noContent();
  if (link.provisioningState === "Updating" || link.provisioningState === "Deleting") {
    throw anotherOperationInProgress(`${pls.id}/privateEndpointConnections/${link.providerConnectionName}`);
  }
  const connId = `${pls.id}/privateEndpointConnections/${link.providerConnectionName}`;
  world.mutate(() => (link.provisioningState = "Deleting"));
  const op = beginOperation(ctx, {
    family: "network",
    method: "DELETE",
    resourceId: connId,
    location: pls.location,
    apply: () =>
      world.mutate(() => {
        link.providerDeleted = true;
        link.provisioningState = "Succeeded";
      }),
    fail: () => world.mutate(() => (link.provisioningState = "Failed")),
    finalReply: () => ({ status: 204 }),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "delete", connId, `${TYPE}/privateEndpointConnections/delete`),
  });
  return { status: 202, headers: ctx.svc.lro.headers(ctx.svc.baseUrl, op, { asyncOperation: true, location: true }) };
}

export const privateLinkServiceRoutes: Route[] = [
  {
    method: "GET",
    template: `${RG}/privateLinkServices/{serviceName}`,
    operationId: "PrivateLinkServices_Get",
    family: "network",
    type: TYPE,
    action: `${TYPE}/read`,
    handle: (ctx) => {
      const pls = plsOr404(ctx);
      const w = ctx.svc.world;
      return okRaw(w.cached(`pls:${idKey(pls.id)}`, () => JSON.stringify(renderPls(w, pls))), 200, { ETag: weak(pls.etag) });
    },
  },
  {
    method: "GET",
    template: `${RG}/privateLinkServices`,
    operationId: "PrivateLinkServices_List",
    family: "network",
    type: TYPE,
    action: `${TYPE}/read`,
    handle: (ctx) => {
      const w = ctx.svc.world;
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
      return paged(ctx, w.list("privateLinkService", scope).map((p) => renderPls(w, p)));
    },
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/privateLinkServices",
    operationId: "PrivateLinkServices_ListBySubscription",
    family: "network",
    type: TYPE,
    action: `${TYPE}/read`,
    handle: (ctx) => {
      const w = ctx.svc.world;
      return paged(ctx, w.list("privateLinkService", `/subscriptions/${ctx.params.subscriptionId}`).map((p) => renderPls(w, p)));
    },
  },
  {
    method: "GET",
    template: `${RG}/privateLinkServices/{serviceName}/privateEndpointConnections`,
    operationId: "PrivateLinkServices_ListPrivateEndpointConnections",
    family: "network",
    type: `${TYPE}/privateEndpointConnections`,
    action: `${TYPE}/privateEndpointConnections/read`,
    handle: (ctx) => {
      const pls = plsOr404(ctx);
      return paged(ctx, providerLinks(ctx.svc.world, pls.id).map((l) => renderPlsConnection(pls, l)));
    },
  },
  {
    method: "GET",
    template: `${RG}/privateLinkServices/{serviceName}/privateEndpointConnections/{peConnectionName}`,
    operationId: "PrivateLinkServices_GetPrivateEndpointConnection",
    family: "network",
    type: `${TYPE}/privateEndpointConnections`,
    action: `${TYPE}/privateEndpointConnections/read`,
    handle: (ctx) => {
      const pls = plsOr404(ctx);
      const link = connectionOr404(ctx, pls);
      return ok(renderPlsConnection(pls, link), 200, { ETag: weak(link.etag) });
    },
  },
  {
    method: "PUT",
    template: `${RG}/privateLinkServices/{serviceName}/privateEndpointConnections/{peConnectionName}`,
    operationId: "PrivateLinkServices_UpdatePrivateEndpointConnection",
    family: "network",
    type: `${TYPE}/privateEndpointConnections`,
    action: `${TYPE}/privateEndpointConnections/write`,
    namespace: "Microsoft.Network",
    bodyErrors: "network",
    validateBody: true,
    handle: update,
  },
  {
    method: "DELETE",
    template: `${RG}/privateLinkServices/{serviceName}/privateEndpointConnections/{peConnectionName}`,
    operationId: "PrivateLinkServices_DeletePrivateEndpointConnection",
    family: "network",
    type: `${TYPE}/privateEndpointConnections`,
    action: `${TYPE}/privateEndpointConnections/delete`,
    namespace: "Microsoft.Network",
    handle: del,
  },
];


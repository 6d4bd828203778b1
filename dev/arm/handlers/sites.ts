/**
 * Microsoft.Web/sites and sites/slots — the provider side of App Service private endpoints.
 *
 * Sites are seeded (GET/list only). Their private endpoint connections are views of the world's
 * connection links: a consumer's endpoint naming the site with group ID `sites` appears under
 * `.../sites/{name}/privateEndpointConnections`, one naming `sites-<slot>` under
 * `.../sites/{name}/slots/{slot}/privateEndpointConnections`. Approve/reject (PUT) and delete are
 * long-running as the spec says (202 + Location, plus Azure-AsyncOperation as the examples show).
 * Approving needs `.../privateEndpointConnectionsApproval/action` besides `.../write`.
 */
import { z } from "zod";
import { ArmError, Errors } from "../http/errors";
import type { Ctx, Reply, Route } from "../http/router";
import { decide, findProviderLink, providerLinks, siteGroupIds, SITE_APPROVAL_ACTION } from "../world/connections";
import { idKey, sameId } from "../world/ids";
import { displayNameOf } from "../world/locations";
import type { ConnectionLink, SiteRecord } from "../world/model";
import type { World } from "../world/store";
import { anotherOperationInProgress, beginOperation, emitChange, newEtag, noContent, ok, okRaw, paged, requireAction } from "./common";

const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Web";
const SITE = "Microsoft.Web/sites";
const SLOT_APPROVAL_ACTION = "Microsoft.Web/sites/slots/privateEndpointConnectionsApproval/action";

function siteHost(site: SiteRecord): string {
  return site.slotName ? `${site.name.split("/")[0]}-${site.slotName}` : site.name;
}

export function renderSite(site: SiteRecord): Record<string, unknown> {
  const host = siteHost(site);
  const defaultHostName = `${host}.azurewebsites.net`;
  const scm = `${host}.scm.azurewebsites.net`;
  return {
    id: site.id,
    name: site.name,
    type: site.slotName ? "Microsoft.Web/sites/slots" : SITE,
    kind: site.siteKind,
    location: displayNameOf(site.location),
    tags: site.tags ?? {},
    properties: {
      name: site.name,
      state: "Running",
      hostNames: [defaultHostName],
      webSpace: `${site.resourceGroup}-${displayNameOf(site.location).replace(/\s+/g, "")}webspace`,
      repositorySiteName: site.name.split("/")[0],
      usageState: "Normal",
      enabled: true,
      enabledHostNames: [defaultHostName, scm],
      availabilityState: "Normal",
      hostNameSslStates: [
        { name: defaultHostName, sslState: "Disabled", hostType: "Standard" },
        { name: scm, sslState: "Disabled", hostType: "Repository" },
      ],
      serverFarmId: site.serverFarmId,
      reserved: false,
      isXenon: false,
      hyperV: false,
      scmSiteAlsoStopped: false,
      clientAffinityEnabled: true,
      clientCertEnabled: false,
      hostNamesDisabled: false,
      containerSize: 0,
      dailyMemoryTimeQuota: 0,
      resourceGroup: site.resourceGroup,
      defaultHostName,
      httpsOnly: true,
      redundancyMode: "None",
      publicNetworkAccess: "Enabled",
      ...(site.slotName ? { slotName: site.slotName } : {}),
    },
  };
}

export function renderSiteConnection(parent: SiteRecord, link: ConnectionLink): Record<string, unknown> {
  return {
    id: `${parent.id}/privateEndpointConnections/${link.providerConnectionName}`,
    name: link.providerConnectionName,
    type: parent.slotName ? "Microsoft.Web/sites/slots/privateEndpointConnections" : "Microsoft.Web/sites/privateEndpointConnections",
    properties: {
      provisioningState: link.provisioningState,
      privateEndpoint: { id: link.privateEndpointId },
      // Not in the REST spec's schema, but what tells a slot's connection (`sites-<slot>`) apart
      // when App Service lists it under the parent site (see protocol/behaviour.ts).
      groupIds: [link.groupId ?? "sites"],
      privateLinkServiceConnectionState: {
        status: link.status,
        description: link.description,
        actionsRequired: link.actionsRequired,
      },
      ipAddresses: [link.privateIp],
    },
  };
}

function siteId(p: Ctx["params"]): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/${SITE}/${p.name}`;
}

function siteOr404(ctx: Ctx): SiteRecord {
  const site = ctx.svc.world.get(siteId(ctx.params), "site");
  if (!site || site.parentSiteId) throw Errors.resourceNotFound(SITE, ctx.params.name!, ctx.params.resourceGroupName!);
  return site;
}

/** The site, or the slot when the route has `{slot}`. */
function parentOr404(ctx: Ctx): SiteRecord {
  const site = siteOr404(ctx);
  const slotName = ctx.params.slot;
  if (slotName === undefined) return site;
  const slot = ctx.svc.world.get(`${site.id}/slots/${slotName}`, "site");
  if (!slot) throw Errors.resourceNotFound(SITE, `${ctx.params.name}/slots/${slotName}`, ctx.params.resourceGroupName!);
  return slot;
}

function slotsOf(world: World, site: SiteRecord): SiteRecord[] {
  return world.list("site").filter((s) => s.parentSiteId && sameId(s.parentSiteId, site.id));
}

function connectionOr404(ctx: Ctx, parent: SiteRecord): ConnectionLink {
  const name = ctx.params.privateEndpointConnectionName!;
  const link = findProviderLink(ctx.svc.world, parent.id, name, ctx.svc.behaviour.slotConnections);
  if (!link) {
    throw new ArmError(404, "NotFound", `The private endpoint connection '${name}' was not found on ${parent.slotName ? "slot" : "site"} '${parent.name}'.`);
  }
  return link;
}

const ApproveBody = z.object({
  properties: z.object(
    {
      privateLinkServiceConnectionState: z.object(
        {
          status: z.unknown(),
          description: z.string().optional(),
          actionsRequired: z.string().optional(),
        },
        { error: "properties.privateLinkServiceConnectionState is required" },
      ),
    },
    { error: "properties is required" },
  ),
});

function approveOrReject(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const parent = parentOr404(ctx);
  const link = connectionOr404(ctx, parent);
  requireAction(ctx, parent.slotName ? SLOT_APPROVAL_ACTION : SITE_APPROVAL_ACTION, parent.id);
  const parsed = ApproveBody.safeParse(ctx.body);
  if (!parsed.success) {
    throw Errors.badRequest(
      `The request body is invalid: ${parsed.error.issues.map((i) => i.message).join("; ")}.`,
      parsed.error.issues.map((i) => ({ code: "InvalidParameter", message: i.message, target: i.path.join(".") })),
    );
  }
  if (link.provisioningState === "Updating" || link.provisioningState === "Deleting") {
    throw anotherOperationInProgress(`${parent.id}/privateEndpointConnections/${link.providerConnectionName}`);
  }
  const decision = decide(link, parsed.data.properties.privateLinkServiceConnectionState);
  const connId = `${parent.id}/privateEndpointConnections/${link.providerConnectionName}`;
  world.mutate(() => (link.provisioningState = "Updating"));
  const op = beginOperation(ctx, {
    family: "web",
    method: "PUT",
    resourceId: connId,
    location: parent.location,
    apply: () =>
      world.mutate(() => {
        link.status = decision.status;
        link.description = decision.description;
        link.actionsRequired = decision.actionsRequired;
        link.provisioningState = "Succeeded";
        link.etag = newEtag();
      }),
    fail: () => world.mutate(() => (link.provisioningState = "Failed")),
    finalReply: () => ok(renderSiteConnection(parent, link)),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "write", connId, `${parent.slotName ? "Microsoft.Web/sites/slots" : SITE}/privateEndpointConnections/write`),
  });
  return ok(renderSiteConnection(parent, link), 202, ctx.svc.lro.headers(ctx.svc.baseUrl, op, { asyncOperation: true, location: true }));
}

function deleteConnection(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const parent = parentOr404(ctx);
  const link = findProviderLink(world, parent.id, ctx.params.privateEndpointConnectionName!, ctx.svc.behaviour.slotConnections);
  if (!link) return noContent();
  if (link.provisioningState === "Updating" || link.provisioningState === "Deleting") {
    throw anotherOperationInProgress(`${parent.id}/privateEndpointConnections/${link.providerConnectionName}`);
  }
  const connId = `${parent.id}/privateEndpointConnections/${link.providerConnectionName}`;
  world.mutate(() => (link.provisioningState = "Deleting"));
  const op = beginOperation(ctx, {
    family: "web",
    method: "DELETE",
    resourceId: connId,
    location: parent.location,
    apply: () =>
      world.mutate(() => {
        link.providerDeleted = true;
        link.provisioningState = "Succeeded";
        link.etag = newEtag();
      }),
    fail: () => world.mutate(() => (link.provisioningState = "Failed")),
    finalReply: () => ({ status: 204 }),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "delete", connId, `${parent.slotName ? "Microsoft.Web/sites/slots" : SITE}/privateEndpointConnections/delete`),
  });
  return ok({}, 202, ctx.svc.lro.headers(ctx.svc.baseUrl, op, { asyncOperation: true, location: true }));
}

function privateLinkResources(ctx: Ctx): Reply {
  const world = ctx.svc.world;
  const parent = parentOr404(ctx);
  const site = parent.parentSiteId ? world.get(parent.parentSiteId, "site")! : parent;
  const groups = parent.slotName ? [`sites-${parent.slotName}`] : siteGroupIds(world, site);
  return ok({
    value: groups.map((g) => ({
      id: `${parent.id}/privateLinkResources/${g}`,
      name: g,
      type: parent.slotName ? "Microsoft.Web/sites/slots/privateLinkResources" : "Microsoft.Web/sites/privateLinkResources",
      properties: { groupId: g, requiredMembers: [g], requiredZoneNames: ["privatelink.azurewebsites.net"] },
    })),
  });
}

function connectionRoutes(prefix: string, slot: boolean): Route[] {
  const typeBase = slot ? "Microsoft.Web/sites/slots" : SITE;
  const suffix = slot ? "Slot" : "";
  return [
    {
      method: "GET",
      template: `${prefix}/privateEndpointConnections`,
      operationId: `WebApps_GetPrivateEndpointConnectionList${suffix}`,
      family: "web",
      type: `${typeBase}/privateEndpointConnections`,
      action: `${typeBase}/privateEndpointConnections/read`,
      handle: (ctx) => {
        const parent = parentOr404(ctx);
        return paged(ctx, providerLinks(ctx.svc.world, parent.id, ctx.svc.behaviour.slotConnections).map((l) => renderSiteConnection(parent, l)));
      },
    },
    {
      method: "GET",
      template: `${prefix}/privateEndpointConnections/{privateEndpointConnectionName}`,
      operationId: `WebApps_GetPrivateEndpointConnection${suffix}`,
      family: "web",
      type: `${typeBase}/privateEndpointConnections`,
      action: `${typeBase}/privateEndpointConnections/read`,
      handle: (ctx) => {
        const parent = parentOr404(ctx);
        return ok(renderSiteConnection(parent, connectionOr404(ctx, parent)));
      },
    },
    {
      method: "PUT",
      template: `${prefix}/privateEndpointConnections/{privateEndpointConnectionName}`,
      operationId: `WebApps_ApproveOrRejectPrivateEndpointConnection${suffix}`,
      family: "web",
      type: `${typeBase}/privateEndpointConnections`,
      action: `${typeBase}/privateEndpointConnections/write`,
      namespace: "Microsoft.Web",
      bodyErrors: "web",
      validateBody: true,
      handle: approveOrReject,
    },
    {
      method: "DELETE",
      template: `${prefix}/privateEndpointConnections/{privateEndpointConnectionName}`,
      operationId: `WebApps_DeletePrivateEndpointConnection${suffix}`,
      family: "web",
      type: `${typeBase}/privateEndpointConnections`,
      action: `${typeBase}/privateEndpointConnections/delete`,
      namespace: "Microsoft.Web",
      handle: deleteConnection,
    },
    {
      method: "GET",
      template: `${prefix}/privateLinkResources`,
      operationId: `WebApps_GetPrivateLinkResources${suffix}`,
      family: "web",
      type: `${typeBase}/privateLinkResources`,
      action: `${typeBase}/privateLinkResources/read`,
      handle: privateLinkResources,
    },
  ];
}

export const siteRoutes: Route[] = [
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers/Microsoft.Web/sites",
    operationId: "WebApps_List",
    family: "web",
    type: SITE,
    action: "Microsoft.Web/sites/read",
    handle: (ctx) =>
      paged(
        ctx,
        ctx.svc.world
          .list("site", `/subscriptions/${ctx.params.subscriptionId}`)
          .filter((s) => !s.parentSiteId)
          .map(renderSite),
      ),
  },
  {
    method: "GET",
    template: `${RG}/sites`,
    operationId: "WebApps_ListByResourceGroup",
    family: "web",
    type: SITE,
    action: "Microsoft.Web/sites/read",
    handle: (ctx) =>
      paged(
        ctx,
        ctx.svc.world
          .list("site", `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`)
          .filter((s) => !s.parentSiteId)
          .map(renderSite),
      ),
  },
  {
    method: "GET",
    template: `${RG}/sites/{name}`,
    operationId: "WebApps_Get",
    family: "web",
    type: SITE,
    action: "Microsoft.Web/sites/read",
    handle: (ctx) => {
      const site = siteOr404(ctx);
      return okRaw(ctx.svc.world.cached(`site:${idKey(site.id)}`, () => JSON.stringify(renderSite(site))));
    },
  },
  {
    method: "GET",
    template: `${RG}/sites/{name}/slots`,
    operationId: "WebApps_ListSlots",
    family: "web",
    type: "Microsoft.Web/sites/slots",
    action: "Microsoft.Web/sites/slots/read",
    handle: (ctx) => paged(ctx, slotsOf(ctx.svc.world, siteOr404(ctx)).map(renderSite)),
  },
  {
    method: "GET",
    template: `${RG}/sites/{name}/slots/{slot}`,
    operationId: "WebApps_GetSlot",
    family: "web",
    type: "Microsoft.Web/sites/slots",
    action: "Microsoft.Web/sites/slots/read",
    handle: (ctx) => ok(renderSite(parentOr404(ctx))),
  },
  ...connectionRoutes(`${RG}/sites/{name}`, false),
  ...connectionRoutes(`${RG}/sites/{name}/slots/{slot}`, true),
];

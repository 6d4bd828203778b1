/**
 * Microsoft.Network/privateEndpoints — the consumer side.
 *
 * PUT validates everything before touching the world (so a refused request changes nothing), in
 * ARM's order: name and location, linked access checks (subnet join, and for an automatic
 * connection the approval right on the target → LinkedAuthorizationFailed), the subnet (same
 * region as the endpoint, not delegated), the target and its group ID, the request message, the IP.
 * It then creates the endpoint (Updating), its NIC with an IP from the subnet, and the connection,
 * and answers 201 + Azure-AsyncOperation. The provider sees the connection when the operation ends.
 * DELETE is long-running (202 + Azure-AsyncOperation + Location) and removes the connection on
 * the provider's side.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ArmError, Errors } from "../http/errors";
import type { Ctx, Reply, Route } from "../http/router";
import { consumerState, linksOfEndpoint, resolveTarget, type Target } from "../world/connections";
import { idKey, parseResourceId, sameId } from "../world/ids";
import { allocateIp, cidrContains, isReserved, parseCidr, parseIpv4 } from "../world/ip";
import type { ConnectionLink, NetworkInterfaceRecord, PrivateEndpointRecord } from "../world/model";
import type { World } from "../world/store";
import {
  anotherOperationInProgress,
  beginOperation,
  checkNetworkName,
  emitChange,
  noContent,
  okRaw,
  paged,
  tagsOf,
  trackedLocation,
  weak,
  newEtag,
} from "./common";
import { findSubnet, usedIps } from "./virtual-networks";

const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network";
const TYPE = "Microsoft.Network/privateEndpoints";
const WRITE = "Microsoft.Network/privateEndpoints/write";
const SUBNET_JOIN = "Microsoft.Network/virtualNetworks/subnets/join/action";

const ConnectionSchema = z.object({
  name: z.string().optional(),
  properties: z.object({
    privateLinkServiceId: z.string({ error: "properties.privateLinkServiceId is required" }),
    groupIds: z.array(z.string()).optional(),
    requestMessage: z.string().optional(),
  }),
});

const BodySchema = z.object({
  location: z.unknown().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  properties: z.object({
    subnet: z.object({ id: z.string({ error: "properties.subnet.id is required" }) }, { error: "properties.subnet is required" }),
    privateLinkServiceConnections: z.array(ConnectionSchema).optional(),
    manualPrivateLinkServiceConnections: z.array(ConnectionSchema).optional(),
    ipConfigurations: z
      .array(
        z.object({
          name: z.string(),
          properties: z.object({
            groupId: z.string().optional(),
            memberName: z.string().optional(),
            privateIPAddress: z.string().optional(),
          }),
        }),
      )
      .optional(),
    customNetworkInterfaceName: z.string().optional(),
    applicationSecurityGroups: z.array(z.object({ id: z.string() })).optional(),
    ipVersionType: z.string().optional(),
  }, { error: "properties is required" }),
});

type Body = z.infer<typeof BodySchema>;

export function peIdOf(p: { subscriptionId?: string; resourceGroupName?: string; privateEndpointName?: string }): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/${TYPE}/${p.privateEndpointName}`;
}

export function renderPrivateEndpoint(world: World, pe: PrivateEndpointRecord): Record<string, unknown> {
  const connections = pe.connections.map((c) => {
    const collection = c.manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections";
    const link = world.link(c.linkId);
    const state = link
      ? consumerState(link)
      : { status: "Disconnected", description: "The connection was not established.", actionsRequired: "None" };
    return {
      name: c.name,
      id: `${pe.id}/${collection}/${c.name}`,
      etag: weak(pe.etag),
      type: `${TYPE}/${collection}`,
      properties: {
        provisioningState: pe.provisioningState,
        privateLinkServiceId: c.privateLinkServiceId,
        groupIds: c.groupIds,
        ...(c.requestMessage !== undefined ? { requestMessage: c.requestMessage } : {}),
        privateLinkServiceConnectionState: state,
      },
    };
  });
  return {
    name: pe.name,
    id: pe.id,
    etag: weak(pe.etag),
    type: TYPE,
    location: pe.location,
    tags: pe.tags ?? {},
    properties: {
      provisioningState: pe.provisioningState,
      privateLinkServiceConnections: connections.filter((_, i) => !pe.connections[i]!.manual),
      manualPrivateLinkServiceConnections: connections.filter((_, i) => pe.connections[i]!.manual),
      subnet: { id: pe.subnetId },
      ipVersionType: pe.ipVersionType ?? "IPv4",
      networkInterfaces: [{ id: pe.nicId }],
      customDnsConfigs: pe.fqdns.map((fqdn) => ({ fqdn, ipAddresses: [pe.privateIp] })),
      applicationSecurityGroups: pe.applicationSecurityGroups,
      ipConfigurations: pe.ipConfigurations.map((c) => ({ name: c.name, properties: { ...c, name: undefined } })),
      ...(pe.customNetworkInterfaceName ? { customNetworkInterfaceName: pe.customNetworkInterfaceName } : {}),
    },
  };
}

function render(ctx: Ctx, pe: PrivateEndpointRecord): string {
  const w = ctx.svc.world;
  return w.cached(`pe:${idKey(pe.id)}`, () => JSON.stringify(renderPrivateEndpoint(w, pe)));
}

function parseBody(body: unknown): Body {
  const r = BodySchema.safeParse(body);
  if (r.success) return r.data;
  throw Errors.invalidRequestFormat(
    r.error.issues.map((i) => ({ code: "InvalidJson", message: i.message, target: i.path.join(".") })),
  );
}

/** Static IP requests: inside the subnet, not reserved, free, and naming the target's member. */
function staticIp(
  ctx: Ctx,
  peId: string,
  body: Body,
  target: Target,
  subnetPrefix: string,
  subnetFullId: string,
): string | undefined {
  const configs = body.properties.ipConfigurations ?? [];
  if (configs.length === 0) return undefined;
  if (target.kind === "site") {
    const named = configs.map((c) => c.properties.memberName ?? "");
    if (!named.includes(target.requiredMemberName)) {
      throw new ArmError(
        400,
        "PrivateEndpointIpConfigurationMissingMemberNamesRequiredByFps",
        `Private Endpoint ${peId} contains static ipconfigurations: [${configs
          .map((c) => `PrivateIPAddress: ${c.properties.privateIPAddress ?? ""}, GroupId: ${c.properties.groupId ?? ""}, MemberName: ${c.properties.memberName ?? ""}`)
          .join("; ")}] and its missing these membernames/groupids requested by Private Link service [GroupId: ${target.groupId}, MemberName: ${target.requiredMemberName}]. Private Endpoint needs to be reconfigured with missing memberNames.`, // (Azure)
      );
    }
  }
  const ipText = configs[0]!.properties.privateIPAddress;
  if (!ipText) return undefined;
  const cidr = parseCidr(subnetPrefix)!;
  const ip = parseIpv4(ipText);
  if (ip === undefined || !cidrContains(cidr, ip)) {
    throw new ArmError(
      400,
      "PrivateIPAddressNotInSubnet",
      `Private static IP address ${ipText} does not belong to the range of subnet prefix ${subnetPrefix}.`,
    );
  }
  if (isReserved(cidr, ip)) {
    throw new ArmError(400, "PrivateIPAddressInReservedRange", `Private static IP address ${ipText} falls within reserved IP range of subnet prefix ${subnetPrefix}.`);
  }
  if (usedIps(ctx.svc.world, subnetFullId).includes(ipText)) {
    throw new ArmError(400, "PrivateIPAddressInUse", `IP configuration ${peId} is using the private IP address ${ipText} which is already allocated to another resource.`);
  }
  return ipText;
}

function connectionsEqual(pe: PrivateEndpointRecord, body: Body): boolean {
  const manual = body.properties.manualPrivateLinkServiceConnections ?? [];
  const auto = body.properties.privateLinkServiceConnections ?? [];
  const wanted = [...auto.map((c) => ({ c, manual: false })), ...manual.map((c) => ({ c, manual: true }))];
  if (wanted.length !== pe.connections.length) return false;
  return wanted.every(({ c, manual }, i) => {
    const have = pe.connections[i]!;
    return (
      have.manual === manual &&
      sameId(have.privateLinkServiceId, c.properties.privateLinkServiceId) &&
      JSON.stringify(have.groupIds) === JSON.stringify(c.properties.groupIds ?? []) &&
      (c.name === undefined || c.name === have.name)
    );
  });
}

function plsVisibleTo(pls: { visibility: string[]; autoApproval: string[] }, subscriptionId: string): boolean {
  const listed = (list: string[]) => list.some((s) => s === "*" || s.toLowerCase() === subscriptionId.toLowerCase());
  return listed(pls.visibility) || listed(pls.autoApproval);
}

function put(ctx: Ctx): Reply {
  const { world, config } = ctx.svc;
  const peName = ctx.params.privateEndpointName!;
  const peId = peIdOf(ctx.params);
  checkNetworkName(peName);
  // ARM checks the location of a tracked resource before the provider reads the body.
  const location = trackedLocation(ctx.body as { location?: unknown }, TYPE);
  const body = parseBody(ctx.body);
  const existing = world.get(peId, "privateEndpoint");
  if (existing) {
    if (existing.provisioningState === "Updating" || existing.provisioningState === "Deleting") throw anotherOperationInProgress(existing.id);
    if (existing.location !== location) throw Errors.invalidResourceLocation(peName, existing.location, ctx.params.resourceGroupName!, location);
  }

  const manual = body.properties.manualPrivateLinkServiceConnections ?? [];
  const auto = body.properties.privateLinkServiceConnections ?? [];
  if (manual.length + auto.length !== 1) {
    throw new ArmError(
      400,
      "PrivateEndpointMustHaveOnePrivateLinkServiceConnection",
      `Private endpoint ${peId} must have exactly one private link service connection or manual private link service connection; it has ${manual.length + auto.length}.`,
    );
  }

  // Subnet: a linked resource the caller must be allowed to join.
  const subnetIdText = body.properties.subnet.id;
  const parsedSubnet = parseResourceId(subnetIdText);
  if (!parsedSubnet || parsedSubnet.fullType?.toLowerCase() !== "microsoft.network/virtualnetworks/subnets") {
    throw Errors.linkedInvalidPropertyId(subnetIdText, "properties.subnet.id");
  }
  if (!ctx.svc.rbac.can(ctx.principal.oid, SUBNET_JOIN, subnetIdText)) {
    throw Errors.linkedAuthorizationFailed(ctx.principal.client, ctx.principal.oid, WRITE, peId, SUBNET_JOIN, subnetIdText);
  }

  if (existing) {
    // Azure cannot re-point an existing endpoint; an identical PUT (a retry) only updates tags.
    if (!sameId(existing.subnetId, subnetIdText) || !connectionsEqual(existing, body)) {
      throw new ArmError(
        400,
        "PrivateEndpointConnectionsCannotBeModified",
        `The subnet and private link service connections of private endpoint ${peId} cannot be changed after creation. Create a new private endpoint instead.`,
      );
    }
    world.mutate(() => {
      existing.tags = tagsOf(body) ?? existing.tags;
      existing.provisioningState = "Updating";
      existing.etag = newEtag();
    });
    const op = beginOperation(ctx, {
      family: "network",
      method: "PUT",
      resourceId: peId,
      location,
      apply: () => world.mutate(() => (existing.provisioningState = "Succeeded")),
      fail: () => world.mutate(() => (existing.provisioningState = "Failed")),
      finalReply: () => okRaw(render(ctx, existing)),
      onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "write", peId, WRITE),
    });
    return okRaw(render(ctx, existing), 200, ctx.svc.lro.headers(ctx.svc.baseUrl, op, { asyncOperation: true, location: false }));
  }

  const { vnet, subnet } = findSubnet(world, subnetIdText);
  const vnetId = subnetIdText.replace(/\/subnets\/[^/]+$/i, "");
  if (!vnet || vnet.location !== location) throw Errors.invalidResourceReference(vnetId, peId, vnetId);
  if (!subnet) throw Errors.invalidResourceReference(subnetIdText, peId, subnetIdText);
  const subnetFullId = `${vnet.id}/subnets/${subnet.name}`;
  if (subnet.delegations.length > 0) {
    throw new ArmError(
      400,
      "PrivateEndpointCannotBeCreatedInSubnetThatHasDelegations",
      `Private endpoint ${peId} cannot be created in subnet ${subnetFullId} since it has delegations: [${subnet.delegations
        .map((d) => d.serviceName)
        .join(", ")}]. Use a subnet without delegations for private endpoints.`,
    );
  }

  // The connection and its target.
  const isManual = manual.length === 1;
  const conn = (isManual ? manual[0] : auto[0])!;
  const collection = isManual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections";
  const connName = conn.name ?? peName;
  const connectionId = `${peId}/${collection}/${connName}`;
  const at = `properties.${collection}[0].properties`;
  const groupIds = conn.properties.groupIds ?? [];
  const target = resolveTarget(world, conn.properties.privateLinkServiceId, groupIds, at, connectionId);
  const targetId = target.kind === "site" ? target.site.id : target.pls.id;
  const consumerSubscription = ctx.params.subscriptionId!;

  // Prerequisites on the consumer's side: the target's resource provider registered in the
  // endpoint's subscription (Microsoft.Network is checked by the pipeline), and for a Private Link
  // Service, the subscription on its visibility list (its auto-approval list implies visibility).
  if (target.kind === "site" && !world.isRegistered(consumerSubscription, "Microsoft.Web")) {
    throw Errors.missingSubscriptionRegistration("Microsoft.Web");
  }
  if (target.kind === "pls" && !plsVisibleTo(target.pls, consumerSubscription)) {
    throw Errors.privateLinkServiceNotVisible(target.pls.id, consumerSubscription);
  }

  if (!isManual && !ctx.svc.rbac.can(ctx.principal.oid, target.approvalAction, targetId)) {
    throw Errors.linkedAuthorizationFailed(ctx.principal.client, ctx.principal.oid, WRITE, peId, target.approvalAction, targetId);
  }
  const message = conn.properties.requestMessage;
  const limit = config.requestMessageLimits[target.limitKey] ?? 128;
  if (message !== undefined && message.length > limit) {
    throw new ArmError(
      400,
      "RequestMessageTooLong",
      `The request message of private link service connection ${connectionId} is ${message.length} characters long; ${target.kind === "site" ? "Microsoft.Web/sites" : "Microsoft.Network/privateLinkServices"} accepts at most ${limit}.`,
    );
  }

  const wantedIp = staticIp(ctx, peId, body, target, subnet.addressPrefix, subnetFullId);
  const ip = wantedIp ?? allocateIp(subnet.addressPrefix, usedIps(world, subnetFullId));
  if (!ip) {
    throw new ArmError(
      400,
      "SubnetIsFull",
      `Subnet ${subnet.name} with address prefix ${subnet.addressPrefix} does not have enough capacity for 1 IP addresses.`,
    );
  }
  const nicName = body.properties.customNetworkInterfaceName ?? `${peName}.nic.${randomUUID()}`;
  checkNetworkName(nicName);
  const nicId = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}/providers/Microsoft.Network/networkInterfaces/${nicName}`;
  if (world.any(nicId)) {
    throw Errors.badRequest(`A network interface named ${nicName} already exists in resource group ${ctx.params.resourceGroupName}.`);
  }

  // Provider-side auto-approval: the approval right (automatic connection) or, for a Private
  // Link Service, the consumer's subscription on its auto-approval list.
  const autoApproved =
    !isManual ||
    (target.kind === "pls" &&
      target.pls.autoApproval.some((s) => s === "*" || s.toLowerCase() === ctx.params.subscriptionId!.toLowerCase()));

  const linkId = randomUUID();
  const link: ConnectionLink = {
    linkId,
    privateEndpointId: peId,
    privateEndpointLocation: location,
    peConnectionName: connName,
    manual: isManual,
    targetId,
    groupId: target.groupId,
    slotName: target.slotName,
    providerConnectionName: target.kind === "site" ? `${peName}-${linkId}` : `${peName}.${linkId}`,
    requestMessage: message ?? "",
    status: autoApproved ? "Approved" : "Pending",
    description: autoApproved ? "Auto-Approved" : (message ?? ""),
    actionsRequired: "None",
    providerDeleted: false,
    provisioningState: "Succeeded",
    visible: false,
    etag: newEtag(),
    privateIp: ip,
  };
  const pe: PrivateEndpointRecord = {
    kind: "privateEndpoint",
    id: peId,
    name: peName,
    subscriptionId: ctx.params.subscriptionId!,
    resourceGroup: ctx.params.resourceGroupName!,
    location,
    tags: tagsOf(body) ?? {},
    etag: newEtag(),
    provisioningState: "Updating",
    resourceGuid: randomUUID(),
    subnetId: subnetFullId,
    nicId,
    customNetworkInterfaceName: body.properties.customNetworkInterfaceName,
    ipVersionType: body.properties.ipVersionType,
    connections: [
      {
        name: connName,
        manual: isManual,
        linkId,
        privateLinkServiceId: targetId,
        groupIds,
        requestMessage: message,
      },
    ],
    ipConfigurations: (body.properties.ipConfigurations ?? []).map((c) => ({ name: c.name, ...c.properties })),
    applicationSecurityGroups: body.properties.applicationSecurityGroups ?? [],
    fqdns: target.fqdns,
    privateIp: ip,
  };
  const nic: NetworkInterfaceRecord = {
    kind: "networkInterface",
    id: nicId,
    name: nicName,
    subscriptionId: pe.subscriptionId,
    resourceGroup: pe.resourceGroup,
    location,
    tags: {},
    etag: newEtag(),
    provisioningState: "Updating",
    resourceGuid: randomUUID(),
    privateEndpointId: peId,
    subnetId: subnetFullId,
    ipConfigName: `privateEndpointIpConfig.${randomUUID()}`,
    privateIp: ip,
    allocation: wantedIp ? "Static" : "Dynamic",
    groupId: target.groupId ?? "",
    requiredMemberName: target.requiredMemberName,
    fqdns: target.fqdns,
  };

  world.mutate(() => {
    world.put(pe);
    world.put(nic);
    world.putLink(link);
  });

  const providerTenant = world.subscription(parseResourceId(targetId)!.subscriptionId)?.tenantId;
  const op = beginOperation(ctx, {
    family: "network",
    method: "PUT",
    resourceId: peId,
    location,
    apply: () =>
      world.mutate(() => {
        pe.provisioningState = "Succeeded";
        nic.provisioningState = "Succeeded";
        link.visible = true;
      }),
    fail: () =>
      world.mutate(() => {
        pe.provisioningState = "Failed";
        nic.provisioningState = "Failed";
        world.removeLink(linkId);
      }),
    finalReply: () => okRaw(render(ctx, pe)),
    onDone: (o) => {
      if (o.status !== "Succeeded") return;
      emitChange(ctx, "write", peId, WRITE);
      emitChange(ctx, "write", nicId, "Microsoft.Network/networkInterfaces/write");
      const collectionOnProvider =
        target.kind === "site"
          ? `${target.connectionParentId}/privateEndpointConnections/${link.providerConnectionName}`
          : `${targetId}/privateEndpointConnections/${link.providerConnectionName}`;
      emitChange(ctx, "write", collectionOnProvider, `${target.kind === "site" ? "Microsoft.Web/sites" : "Microsoft.Network/privateLinkServices"}/privateEndpointConnections/write`, {
        sideEffect: providerTenant !== ctx.principal.tid,
        tenantId: providerTenant,
      });
    },
  });
  return okRaw(render(ctx, pe), 201, ctx.svc.lro.headers(ctx.svc.baseUrl, op, { asyncOperation: true, location: false }));
}

function del(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const peId = peIdOf(ctx.params);
  const pe = world.get(peId, "privateEndpoint");
  if (!pe) return noContent();
  if (pe.provisioningState === "Updating" || pe.provisioningState === "Deleting") throw anotherOperationInProgress(pe.id);
  world.mutate(() => (pe.provisioningState = "Deleting"));
  const links = linksOfEndpoint(world, pe.id);
  const op = beginOperation(ctx, {
    family: "network",
    method: "DELETE",
    resourceId: peId,
    location: pe.location,
    apply: () =>
      world.mutate(() => {
        world.remove(pe.id);
        world.remove(pe.nicId);
        for (const l of links) world.removeLink(l.linkId);
      }),
    fail: () => world.mutate(() => (pe.provisioningState = "Failed")),
    finalReply: () => ({ status: 204 }),
    onDone: (o) => {
      if (o.status !== "Succeeded") return;
      emitChange(ctx, "delete", peId, "Microsoft.Network/privateEndpoints/delete");
      emitChange(ctx, "delete", pe.nicId, "Microsoft.Network/networkInterfaces/delete");
    },
  });
  return { status: 202, headers: ctx.svc.lro.headers(ctx.svc.baseUrl, op, { asyncOperation: true, location: true }) };
}

export const privateEndpointRoutes: Route[] = [
  {
    method: "PUT",
    template: `${RG}/privateEndpoints/{privateEndpointName}`,
    operationId: "PrivateEndpoints_CreateOrUpdate",
    family: "network",
    type: TYPE,
    action: WRITE,
    namespace: "Microsoft.Network",
    bodyErrors: "network",
    validateBody: true,
    handle: put,
  },
  {
    method: "GET",
    template: `${RG}/privateEndpoints/{privateEndpointName}`,
    operationId: "PrivateEndpoints_Get",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/privateEndpoints/read",
    handle: (ctx) => {
      const pe = ctx.svc.world.get(peIdOf(ctx.params), "privateEndpoint");
      if (!pe) throw Errors.resourceNotFound(TYPE, ctx.params.privateEndpointName!, ctx.params.resourceGroupName!);
      return okRaw(render(ctx, pe), 200, { ETag: weak(pe.etag) });
    },
  },
  {
    method: "DELETE",
    template: `${RG}/privateEndpoints/{privateEndpointName}`,
    operationId: "PrivateEndpoints_Delete",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/privateEndpoints/delete",
    namespace: "Microsoft.Network",
    handle: del,
  },
  {
    method: "GET",
    template: `${RG}/privateEndpoints`,
    operationId: "PrivateEndpoints_List",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/privateEndpoints/read",
    handle: (ctx) => {
      const w = ctx.svc.world;
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
      return paged(ctx, w.list("privateEndpoint", scope).map((pe) => JSON.parse(render(ctx, pe)) as unknown));
    },
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/privateEndpoints",
    operationId: "PrivateEndpoints_ListBySubscription",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/privateEndpoints/read",
    handle: (ctx) => {
      const w = ctx.svc.world;
      return paged(ctx, w.list("privateEndpoint", `/subscriptions/${ctx.params.subscriptionId}`).map((pe) => JSON.parse(render(ctx, pe)) as unknown));
    },
  },
];


/**
 * Microsoft.Network/virtualNetworks and their subnets: GET and list (the world seeds them; there
 * are no writes). A subnet shows the private endpoints and NIC IP configurations placed in it,
 * computed from the world so it can never go stale.
 */
import { Errors } from "../http/errors";
import type { Ctx, Route } from "../http/router";
import { idKey, sameId } from "../world/ids";
import type { SubnetRecord, VirtualNetworkRecord } from "../world/model";
import type { World } from "../world/store";
import { ok, okRaw, paged, weak } from "./common";

const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network";
const TYPE = "Microsoft.Network/virtualNetworks";

const DELEGATION_ACTIONS: Record<string, string[]> = {
  "microsoft.web/serverfarms": ["Microsoft.Network/virtualNetworks/subnets/action"],
};

export function subnetId(vnet: VirtualNetworkRecord, subnet: SubnetRecord): string {
  return `${vnet.id}/subnets/${subnet.name}`;
}

/** Looks up `<vnet id>/subnets/<name>`. */
export function findSubnet(world: World, id: string): { vnet?: VirtualNetworkRecord; subnet?: SubnetRecord; vnetId?: string } {
  const m = /^(.*\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/([^/]+)$/i.exec(id);
  if (!m) return {};
  const vnet = world.get(m[1]!, "virtualNetwork");
  const subnet = vnet?.subnets.find((s) => s.name.toLowerCase() === m[2]!.toLowerCase());
  return { vnet, subnet, vnetId: m[1] };
}

/** IPs in use in a subnet: private endpoint NICs and Private Link Service NAT IPs. */
export function usedIps(world: World, id: string): string[] {
  const out = world.list("networkInterface").filter((n) => sameId(n.subnetId, id)).map((n) => n.privateIp);
  for (const pls of world.list("privateLinkService")) {
    for (const c of pls.ipConfigurations) if (sameId(c.subnetId, id)) out.push(c.privateIPAddress);
  }
  return out;
}

export function renderSubnet(world: World, vnet: VirtualNetworkRecord, s: SubnetRecord): Record<string, unknown> {
  const id = subnetId(vnet, s);
  const key = idKey(id);
  const nics = world.list("networkInterface").filter((n) => idKey(n.subnetId) === key);
  const pes = world.list("privateEndpoint").filter((p) => idKey(p.subnetId) === key);
  return {
    name: s.name,
    id,
    etag: weak(vnet.etag),
    type: "Microsoft.Network/virtualNetworks/subnets",
    properties: {
      provisioningState: "Succeeded",
      addressPrefix: s.addressPrefix,
      ...(pes.length ? { privateEndpoints: pes.map((p) => ({ id: p.id })) } : {}),
      ...(nics.length ? { ipConfigurations: nics.map((n) => ({ id: `${n.id}/ipConfigurations/${n.ipConfigName}` })) } : {}),
      delegations: s.delegations.map((d) => ({
        name: d.name,
        id: `${id}/delegations/${d.name}`,
        etag: weak(vnet.etag),
        type: "Microsoft.Network/virtualNetworks/subnets/delegations",
        properties: {
          provisioningState: "Succeeded",
          serviceName: d.serviceName,
          actions: DELEGATION_ACTIONS[d.serviceName.toLowerCase()] ?? [],
        },
      })),
      privateEndpointNetworkPolicies: s.privateEndpointNetworkPolicies,
      privateLinkServiceNetworkPolicies: s.privateLinkServiceNetworkPolicies,
    },
  };
}

export function renderVirtualNetwork(world: World, vnet: VirtualNetworkRecord): Record<string, unknown> {
  return {
    name: vnet.name,
    id: vnet.id,
    etag: weak(vnet.etag),
    type: TYPE,
    location: vnet.location,
    tags: vnet.tags ?? {},
    properties: {
      provisioningState: vnet.provisioningState,
      resourceGuid: vnet.resourceGuid,
      addressSpace: { addressPrefixes: vnet.addressPrefixes },
      subnets: vnet.subnets.map((s) => renderSubnet(world, vnet, s)),
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
      privateEndpointVNetPolicies: "Disabled",
    },
  };
}

function vnetOr404(ctx: Ctx): VirtualNetworkRecord {
  const { subscriptionId, resourceGroupName, virtualNetworkName } = ctx.params;
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${TYPE}/${virtualNetworkName}`;
  const vnet = ctx.svc.world.get(id, "virtualNetwork");
  if (!vnet) throw Errors.resourceNotFound(TYPE, virtualNetworkName!, resourceGroupName!);
  return vnet;
}

export const virtualNetworkRoutes: Route[] = [
  {
    method: "GET",
    template: `${RG}/virtualNetworks/{virtualNetworkName}`,
    operationId: "VirtualNetworks_Get",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/virtualNetworks/read",
    handle: (ctx) => {
      const vnet = vnetOr404(ctx);
      const w = ctx.svc.world;
      return okRaw(w.cached(`vnet:${idKey(vnet.id)}`, () => JSON.stringify(renderVirtualNetwork(w, vnet))), 200, {
        ETag: weak(vnet.etag),
      });
    },
  },
  {
    method: "GET",
    template: `${RG}/virtualNetworks`,
    operationId: "VirtualNetworks_List",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/virtualNetworks/read",
    handle: (ctx) => {
      const w = ctx.svc.world;
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
      return paged(ctx, w.list("virtualNetwork", scope).map((v) => renderVirtualNetwork(w, v)));
    },
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/virtualNetworks",
    operationId: "VirtualNetworks_ListAll",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/virtualNetworks/read",
    handle: (ctx) => {
      const w = ctx.svc.world;
      return paged(ctx, w.list("virtualNetwork", `/subscriptions/${ctx.params.subscriptionId}`).map((v) => renderVirtualNetwork(w, v)));
    },
  },
  {
    method: "GET",
    template: `${RG}/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}`,
    operationId: "Subnets_Get",
    family: "network",
    type: "Microsoft.Network/virtualNetworks/subnets",
    action: "Microsoft.Network/virtualNetworks/subnets/read",
    handle: (ctx) => {
      const vnet = vnetOr404(ctx);
      const s = vnet.subnets.find((x) => x.name.toLowerCase() === ctx.params.subnetName!.toLowerCase());
      if (!s) throw Errors.networkChildNotFound(`${vnet.id}/subnets/${ctx.params.subnetName}`);
      return ok(renderSubnet(ctx.svc.world, vnet, s), 200, { ETag: weak(vnet.etag) });
    },
  },
  {
    method: "GET",
    template: `${RG}/virtualNetworks/{virtualNetworkName}/subnets`,
    operationId: "Subnets_List",
    family: "network",
    type: "Microsoft.Network/virtualNetworks/subnets",
    action: "Microsoft.Network/virtualNetworks/subnets/read",
    handle: (ctx) => {
      const vnet = vnetOr404(ctx);
      return paged(ctx, vnet.subnets.map((s) => renderSubnet(ctx.svc.world, vnet, s)));
    },
  },
];

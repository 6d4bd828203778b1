/**
 * Microsoft.Network/networkInterfaces: the NIC Azure creates for each private endpoint. Read-only
 * here (GET, list, IP configurations); it is created and deleted with its private endpoint, and
 * Azure itself refuses to delete a private endpoint's NIC directly.
 */
import { Errors } from "../http/errors";
import type { Ctx, Route } from "../http/router";
import { idKey } from "../world/ids";
import type { NetworkInterfaceRecord } from "../world/model";
import { ok, okRaw, paged, weak } from "./common";

const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network";
const TYPE = "Microsoft.Network/networkInterfaces";

export function renderIpConfiguration(nic: NetworkInterfaceRecord): Record<string, unknown> {
  return {
    name: nic.ipConfigName,
    id: `${nic.id}/ipConfigurations/${nic.ipConfigName}`,
    etag: weak(nic.etag),
    type: "Microsoft.Network/networkInterfaces/ipConfigurations",
    properties: {
      provisioningState: nic.provisioningState,
      privateIPAddress: nic.privateIp,
      privateIPAllocationMethod: nic.allocation,
      subnet: { id: nic.subnetId },
      primary: true,
      privateIPAddressVersion: "IPv4",
      privateLinkConnectionProperties: {
        groupId: nic.groupId,
        requiredMemberName: nic.requiredMemberName,
        fqdns: nic.fqdns,
      },
    },
  };
}

export function renderNetworkInterface(nic: NetworkInterfaceRecord): Record<string, unknown> {
  return {
    name: nic.name,
    id: nic.id,
    etag: weak(nic.etag),
    type: TYPE,
    location: nic.location,
    tags: nic.tags ?? {},
    properties: {
      provisioningState: nic.provisioningState,
      resourceGuid: nic.resourceGuid,
      ipConfigurations: [renderIpConfiguration(nic)],
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
      macAddress: "",
      enableAcceleratedNetworking: false,
      vnetEncryptionSupported: false,
      enableIPForwarding: false,
      disableTcpStateTracking: false,
      hostedWorkloads: [],
      tapConfigurations: [],
      privateEndpoint: { id: nic.privateEndpointId },
      nicType: "Standard",
      auxiliaryMode: "None",
      auxiliarySku: "None",
    },
  };
}

function nicOr404(ctx: Ctx): NetworkInterfaceRecord {
  const { subscriptionId, resourceGroupName, networkInterfaceName } = ctx.params;
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${TYPE}/${networkInterfaceName}`;
  const nic = ctx.svc.world.get(id, "networkInterface");
  if (!nic) throw Errors.resourceNotFound(TYPE, networkInterfaceName!, resourceGroupName!);
  return nic;
}

export const networkInterfaceRoutes: Route[] = [
  {
    method: "GET",
    template: `${RG}/networkInterfaces/{networkInterfaceName}`,
    operationId: "NetworkInterfaces_Get",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/networkInterfaces/read",
    handle: (ctx) => {
      const nic = nicOr404(ctx);
      return okRaw(
        ctx.svc.world.cached(`nic:${idKey(nic.id)}`, () => JSON.stringify(renderNetworkInterface(nic))),
        200,
        { ETag: weak(nic.etag) },
      );
    },
  },
  {
    method: "GET",
    template: `${RG}/networkInterfaces`,
    operationId: "NetworkInterfaces_List",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/networkInterfaces/read",
    handle: (ctx) => {
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
      return paged(ctx, ctx.svc.world.list("networkInterface", scope).map(renderNetworkInterface));
    },
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/networkInterfaces",
    operationId: "NetworkInterfaces_ListAll",
    family: "network",
    type: TYPE,
    action: "Microsoft.Network/networkInterfaces/read",
    handle: (ctx) =>
      paged(ctx, ctx.svc.world.list("networkInterface", `/subscriptions/${ctx.params.subscriptionId}`).map(renderNetworkInterface)),
  },
  {
    method: "GET",
    template: `${RG}/networkInterfaces/{networkInterfaceName}/ipConfigurations`,
    operationId: "NetworkInterfaceIPConfigurations_List",
    family: "network",
    type: "Microsoft.Network/networkInterfaces/ipConfigurations",
    action: "Microsoft.Network/networkInterfaces/ipconfigurations/read",
    handle: (ctx) => paged(ctx, [renderIpConfiguration(nicOr404(ctx))]),
  },
  {
    method: "GET",
    template: `${RG}/networkInterfaces/{networkInterfaceName}/ipConfigurations/{ipConfigurationName}`,
    operationId: "NetworkInterfaceIPConfigurations_Get",
    family: "network",
    type: "Microsoft.Network/networkInterfaces/ipConfigurations",
    action: "Microsoft.Network/networkInterfaces/ipconfigurations/read",
    handle: (ctx) => {
      const nic = nicOr404(ctx);
      if (nic.ipConfigName.toLowerCase() !== ctx.params.ipConfigurationName!.toLowerCase()) {
        throw Errors.networkChildNotFound(`${nic.id}/ipConfigurations/${ctx.params.ipConfigurationName}`);
      }
      return ok(renderIpConfiguration(nic));
    },
  },
];

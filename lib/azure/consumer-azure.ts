/**
 * What Crosslink does in Azure on a consumer's behalf, with the consumer's own delegated token:
 * their subscriptions and VNets, and the private endpoint that carries their connection request.
 * Every call runs with the consumer's rights and nobody else's (Azure checks them, not Crosslink).
 */
import type { TokenCredential } from "@azure/core-auth";
import { isNotFound, rethrow, type ErrorContext } from "./azure-error";
import { armIdScope } from "./arm-id";
import { createArmClients, type ArmConfig } from "./clients";
import { LroWatch, type LroOptions } from "./lro";
import type { AzureClientOptions } from "./options";
import { requireResourceId } from "./resource-ids";
import { networkInterfaceSchema, parseAzure, privateEndpointSchema, providerRegistrationSchema, virtualNetworkSchema } from "./schemas";
import { listSubscriptions } from "./subscriptions";
import type { AzureSubscription, EndpointDetails, PrivateEndpointInfo, VirtualNetworkInfo } from "./types";

export type CreatePrivateEndpointInput = {
  /** Where the endpoint goes: the consumer's subscription and resource group. */
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  /** Must be the VNet's region (the target may be elsewhere). */
  location: string;
  subnetId: string;
  /** The provider's site (also for a slot), or Private Link Service. */
  targetResourceId: string;
  /** `sites`, `sites-<slot>`; empty for a Private Link Service. */
  groupIds: readonly string[];
  /** Shown to the provider while Pending. */
  requestMessage: string;
};

/** Azure's `registrationState` of a resource provider in a subscription (other values pass through). */
export type ProviderRegistrationState = "Registered" | "Registering" | "NotRegistered" | "Unregistering" | (string & {});

export interface ConsumerAzure {
  listSubscriptions(): Promise<AzureSubscription[]>;
  /** Whether `namespace` (e.g. Microsoft.Web) is registered in the subscription. */
  providerRegistration(subscriptionId: string, namespace: string): Promise<ProviderRegistrationState>;
  /** Starts registering `namespace` (asynchronous in Azure: poll providerRegistration). Needs …/register/action. */
  registerProvider(subscriptionId: string, namespace: string): Promise<ProviderRegistrationState>;
  listVirtualNetworks(subscriptionId: string): Promise<VirtualNetworkInfo[]>;
  /** Creates the endpoint with a manual connection (the provider must approve). Long-running. */
  createPrivateEndpoint(input: CreatePrivateEndpointInput, options?: LroOptions): Promise<PrivateEndpointInfo>;
  /** The endpoint, or null when Azure says it does not exist (404). */
  getPrivateEndpoint(id: string): Promise<PrivateEndpointInfo | null>;
  /** Deletes the endpoint (and Azure its NIC and the provider's connection). Gone already = done. */
  deletePrivateEndpoint(id: string, options?: LroOptions): Promise<void>;
  /**
   * Connection state, private IPs (from the NIC) and DNS names of an endpoint, read fresh from
   * Azure (state changes on the provider's side); null when the endpoint does not exist.
   */
  endpointDetails(endpointId: string): Promise<EndpointDetails | null>;
}

export function createConsumerAzure(config: ArmConfig, credential: TokenCredential, options: AzureClientOptions = {}): ConsumerAzure {
  const clients = createArmClients(config, credential, options);
  const ctx = (c: Omit<ErrorContext, "actor">): ErrorContext => ({ ...c, actor: "user" });

  async function getPrivateEndpoint(id: string): Promise<PrivateEndpointInfo | null> {
    const pe = requireResourceId(id, ["privateEndpoint"]);
    let raw: unknown;
    try {
      raw = await clients.network(pe.subscriptionId).privateEndpoints.get(pe.resourceGroup, pe.name);
    } catch (err) {
      if (isNotFound(err)) return null;
      rethrow(err, ctx({ operation: "getPrivateEndpoint", subscriptionId: pe.subscriptionId, resourceId: id }));
    }
    return parseAzure(privateEndpointSchema, raw, `the private endpoint ${pe.name}`);
  }

  /** The NIC's private IPs; null when the NIC is gone (endpoint deleting) so callers can fall back. */
  async function nicAddresses(nicId: string, endpointId: string): Promise<string[] | null> {
    const scope = armIdScope(nicId);
    if (!scope) return null;
    let raw: unknown;
    try {
      raw = await clients.network(scope.subscriptionId).networkInterfaces.get(scope.resourceGroup, scope.name);
    } catch (err) {
      if (isNotFound(err)) return null;
      rethrow(err, ctx({ operation: "endpointDetails", subscriptionId: scope.subscriptionId, resourceId: endpointId }));
    }
    return parseAzure(networkInterfaceSchema, raw, `the network interface ${scope.name}`).privateIpAddresses;
  }

  async function details(endpoint: PrivateEndpointInfo): Promise<EndpointDetails> {
    const nicId = endpoint.networkInterfaceIds[0] ?? null;
    const fromNic = nicId ? await nicAddresses(nicId, endpoint.id) : null;
    const dnsRecords = endpoint.customDnsConfigs
      .filter((d): d is { fqdn: string; ipAddresses: string[] } => d.fqdn !== null)
      .map((d) => ({ fqdn: d.fqdn, ipAddresses: d.ipAddresses }));
    // The NIC is the authoritative source; customDnsConfigs carry the same IPs and stand in
    // only when the NIC cannot be read (Azure is removing it).
    const privateIpAddresses = fromNic ?? [...new Set(endpoint.customDnsConfigs.flatMap((d) => d.ipAddresses))];
    const c = endpoint.connection;
    return {
      id: endpoint.id,
      name: endpoint.name,
      location: endpoint.location,
      provisioningState: endpoint.provisioningState,
      status: c?.state?.status ?? null,
      description: c?.state?.description ?? null,
      actionsRequired: c?.state?.actionsRequired ?? null,
      targetResourceId: c?.targetResourceId ?? null,
      groupIds: c?.groupIds ?? [],
      requestMessage: c?.requestMessage ?? null,
      privateIpAddresses,
      dnsRecords,
      networkInterfaceId: nicId,
    };
  }


  return {
    listSubscriptions: () => listSubscriptions(clients, "user"),

    async providerRegistration(subscriptionId, namespace) {
      let raw: unknown;
      try {
        raw = await clients.resources(subscriptionId).providers.get(namespace);
      } catch (err) {
        rethrow(err, ctx({ operation: "readProviderRegistration", subscriptionId }));
      }
      return parseAzure(providerRegistrationSchema, raw, `the registration of ${namespace}`).registrationState;
    },

    async registerProvider(subscriptionId, namespace) {
      let raw: unknown;
      try {
        raw = await clients.resources(subscriptionId).providers.register(namespace);
      } catch (err) {
        rethrow(err, ctx({ operation: "registerResourceProvider", subscriptionId }));
      }
      return parseAzure(providerRegistrationSchema, raw, `the registration of ${namespace}`).registrationState;
    },

    async listVirtualNetworks(subscriptionId) {
      const raw: unknown[] = [];
      try {
        for await (const vnet of clients.network(subscriptionId).virtualNetworks.listAll()) raw.push(vnet);
      } catch (err) {
        rethrow(err, ctx({ operation: "listVirtualNetworks", subscriptionId }));
      }
      return raw.map((v) => parseAzure(virtualNetworkSchema, v, `the virtual networks of subscription ${subscriptionId}`)).sort((a, b) => a.name.localeCompare(b.name));
    },

    async createPrivateEndpoint(input, lroOptions = {}) {
      const subnet = requireResourceId(input.subnetId, ["subnet"]);
      const target = requireResourceId(input.targetResourceId, ["site", "slot", "privateLinkService"]);
      const peId = `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.Network/privateEndpoints/${input.name}`;
      const errorCtx = ctx({ operation: "createPrivateEndpoint", subscriptionId: input.subscriptionId, resourceId: peId, subnetId: subnet.id });
      const watch = new LroWatch(lroOptions.onProgress);
      let result: unknown;
      try {
        const poller = await clients.network(input.subscriptionId).privateEndpoints.beginCreateOrUpdate(
          input.resourceGroup,
          input.name,
          {
            location: input.location,
            subnet: { id: subnet.id },
            // Manual: a cross-tenant request always needs the provider's approval, and an
            // automatic one would fail with LinkedAuthorizationFailed anyway.
            manualPrivateLinkServiceConnections: [
              {
                name: input.name,
                privateLinkServiceId: target.id,
                groupIds: input.groupIds.length > 0 ? [...input.groupIds] : undefined,
                requestMessage: input.requestMessage,
              },
            ],
          },
          { updateIntervalInMs: clients.pollIntervalMs, onResponse: watch.onResponse },
        );
        result = await watch.run(poller);
      } catch (err) {
        rethrow(err, errorCtx);
      }
      return parseAzure(privateEndpointSchema, result, `the private endpoint ${input.name}`);
    },

    getPrivateEndpoint,

    async deletePrivateEndpoint(id, lroOptions = {}) {
      const pe = requireResourceId(id, ["privateEndpoint"]);
      const watch = new LroWatch(lroOptions.onProgress);
      try {
        const poller = await clients
          .network(pe.subscriptionId)
          .privateEndpoints.beginDelete(pe.resourceGroup, pe.name, { updateIntervalInMs: clients.pollIntervalMs, onResponse: watch.onResponse });
        await watch.run(poller);
      } catch (err) {
        if (isNotFound(err)) return; // already gone: what the caller wanted
        rethrow(err, ctx({ operation: "deletePrivateEndpoint", subscriptionId: pe.subscriptionId, resourceId: id }));
      }
    },

    async endpointDetails(endpointId) {
      const info = await getPrivateEndpoint(endpointId);
      return info ? details(info) : null;
    },
  };
}

/**
 * The app's own small types for what it reads from Azure. The SDK models are large and mostly
 * optional; schemas.ts turns them into these, so the rest of the app never sees an SDK type.
 */
import type { AzureConnectionStatus } from "../domain/connection-lifecycle";

export type { AzureConnectionStatus };

/** A subscription the caller can see. */
export type AzureSubscription = {
  subscriptionId: string;
  displayName: string;
  /** Enabled, Warned, PastDue, Disabled, Deleted (Azure's words). */
  state: string;
  /** The tenant that owns it (null when Azure does not say). */
  tenantId: string | null;
};

/** A subnet, with whether a private endpoint may go into it. */
export type SubnetInfo = {
  id: string;
  name: string;
  /** One or more CIDR prefixes (Azure uses addressPrefix or addressPrefixes). */
  addressPrefixes: string[];
  /** Services the subnet is delegated to, e.g. "Microsoft.Web/serverFarms". */
  delegations: string[];
  endpointAllowed: boolean;
  /** Why not, in plain words; null when allowed. */
  reason: string | null;
};

export type VirtualNetworkInfo = {
  id: string;
  name: string;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  addressPrefixes: string[];
  subnets: SubnetInfo[];
};

/** Azure's connection state: status plus the free texts that travel with it. */
export type ConnectionState = {
  status: AzureConnectionStatus;
  description: string | null;
  actionsRequired: string | null;
};

/** The consumer's side of a connection, as the private endpoint carries it. */
export type EndpointConnection = {
  name: string;
  /** Manual (needs the provider's approval) or automatic (approved by the caller's own rights). */
  kind: "manual" | "automatic";
  targetResourceId: string;
  groupIds: string[];
  requestMessage: string | null;
  /** Null while Azure has not reported one (e.g. a creation that failed). */
  state: ConnectionState | null;
};

export type PrivateEndpointInfo = {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** Succeeded, Updating, Deleting, Failed (Azure's words); null when not reported. */
  provisioningState: string | null;
  subnetId: string | null;
  connection: EndpointConnection | null;
  networkInterfaceIds: string[];
  /** FQDN → IPs as the endpoint reports them (what DNS records should say). */
  customDnsConfigs: { fqdn: string | null; ipAddresses: string[] }[];
};

/** What the consumer's request page shows about an endpoint. */
export type EndpointDetails = {
  id: string;
  name: string;
  location: string;
  provisioningState: string | null;
  status: AzureConnectionStatus | null;
  description: string | null;
  actionsRequired: string | null;
  targetResourceId: string | null;
  groupIds: string[];
  requestMessage: string | null;
  /** From the endpoint's network interface (the authoritative source). */
  privateIpAddresses: string[];
  /** FQDN → IPs from the endpoint's customDnsConfigs. */
  dnsRecords: { fqdn: string; ipAddresses: string[] }[];
  networkInterfaceId: string | null;
};

export type ManageableResourceKind = "webApp" | "functionApp" | "slot" | "privateLinkService";

/** A provider resource Crosslink's identity can read and that can take private endpoints. */
export type ManageableResource = {
  id: string;
  name: string;
  /** ARM type: Microsoft.Web/sites, Microsoft.Web/sites/slots, Microsoft.Network/privateLinkServices. */
  type: string;
  kind: ManageableResourceKind;
  /** Azure's `kind` string ("app", "functionapp,linux"), null for a Private Link Service. */
  armKind: string | null;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  /** The site of a slot; null otherwise. */
  parentId: string | null;
};

/** The provider's side of a connection. */
export type ProviderConnection = {
  id: string;
  name: string;
  /** The site, slot or Private Link Service it belongs to. */
  targetResourceId: string;
  /** The consumer's private endpoint (its ID names the consumer's subscription). */
  privateEndpointId: string | null;
  status: AzureConnectionStatus;
  /** While Pending: the consumer's request message. After a decision: the provider's note. */
  description: string | null;
  actionsRequired: string | null;
  provisioningState: string | null;
  ipAddresses: string[];
};

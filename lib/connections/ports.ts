/**
 * What the connection use cases need from Azure, as small interfaces. lib/azure implements them
 * with the official SDKs (delegated token for the consumer, the app identity for the provider);
 * the use cases never see an SDK type.
 */
export type SubnetInfo = { id: string; name: string; addressPrefixes: string[]; endpointAllowed: boolean; reason?: string };
export type VirtualNetworkInfo = { id: string; name: string; location: string; resourceGroup: string; subnets: SubnetInfo[] };
export type SubscriptionInfo = { id: string; displayName: string; state?: string; tenantId?: string };

export type EndpointInfo = {
  id: string;
  name: string;
  location: string;
  subnetId: string;
  targetResourceId: string;
  groupIds: string[];
  requestMessage?: string;
  status?: string; // Pending | Approved | Rejected | Disconnected
  description?: string;
  privateIps: { fqdn?: string; ips: string[] }[];
};

export type CreateEndpointInput = {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  subnetId: string;
  targetResourceId: string;
  groupIds: string[];
  requestMessage: string;
};

export interface ConsumerAzure {
  listSubscriptions(): Promise<SubscriptionInfo[]>;
  listVirtualNetworks(subscriptionId: string): Promise<VirtualNetworkInfo[]>;
  createPrivateEndpoint(input: CreateEndpointInput, options?: { onProgress?: (state: string) => void }): Promise<EndpointInfo>;
  getPrivateEndpoint(id: string): Promise<EndpointInfo | null>;
  deletePrivateEndpoint(id: string): Promise<void>;
}

export type ManageableResource = { id: string; name: string; type: string; kind?: string; location?: string; resourceGroup: string; subscriptionId: string };
export type ConnectionInfo = { name: string; id: string; privateEndpointId?: string; status?: string; description?: string };

export interface ProviderAzure {
  listManageableResources(): Promise<ManageableResource[]>;
  listConnections(targetResourceId: string): Promise<ConnectionInfo[]>;
  setConnectionState(targetResourceId: string, connectionName: string, state: { status: "Approved" | "Rejected"; description: string }): Promise<ConnectionInfo>;
  deleteConnection(targetResourceId: string, connectionName: string): Promise<void>;
}

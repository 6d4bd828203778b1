/**
 * The local ARM's world, as plain data (JSON-serialisable, so it can be saved and loaded).
 * Records hold what a resource *is*; handlers render the ARM JSON shape from them. Connections
 * between a consumer's private endpoint and a provider's resource are one record (`ConnectionLink`)
 * viewed from both sides, so the two sides can never disagree.
 */

export type ProvisioningState = "Succeeded" | "Creating" | "Updating" | "Deleting" | "Failed";
export type ConnectionStatus = "Pending" | "Approved" | "Rejected" | "Disconnected";

export type TenantRecord = { tenantId: string; displayName: string; defaultDomain: string };

export type SubscriptionRecord = {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: "Enabled" | "Disabled";
  /** Resource provider namespaces registered in this subscription (lowercase compare). */
  registeredProviders: string[];
  /**
   * Registrations under way: lowercase namespace → when (epoch ms) it becomes Registered. Azure
   * registers asynchronously, so a registered-by-time namespace counts as registered from then on.
   */
  registering?: Record<string, number>;
};

export type ResourceGroupRecord = {
  id: string;
  subscriptionId: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
};

export type RoleDefinition = {
  id: string; // GUID
  roleName: string;
  actions: string[];
  notActions: string[];
};

export type RoleAssignment = {
  id: string; // GUID
  principalId: string;
  principalType: "User" | "ServicePrincipal";
  roleDefinitionId: string;
  scope: string;
  /** Free text shown by `inspect`. */
  description?: string;
};

type Base = {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tags?: Record<string, string>;
  etag: string;
  provisioningState: ProvisioningState;
  resourceGuid: string;
};

export type SubnetRecord = {
  name: string;
  addressPrefix: string;
  delegations: { name: string; serviceName: string }[];
  privateEndpointNetworkPolicies: string;
  privateLinkServiceNetworkPolicies: string;
};

export type VirtualNetworkRecord = Base & {
  kind: "virtualNetwork";
  addressPrefixes: string[];
  subnets: SubnetRecord[];
};

export type SiteRecord = Base & {
  kind: "site";
  /** "app" or "functionapp" (Azure's `kind` property). */
  siteKind: string;
  serverFarmId: string;
  /** Set for slots: the production site's ID and the slot name. */
  parentSiteId?: string;
  slotName?: string;
};

export type PrivateLinkServiceRecord = Base & {
  kind: "privateLinkService";
  alias: string;
  fqdns: string[];
  loadBalancerFrontendIpConfigurationIds: string[];
  ipConfigurations: { name: string; subnetId: string; privateIPAddress: string; primary: boolean }[];
  visibility: string[];
  autoApproval: string[];
  enableProxyProtocol: boolean;
};

export type PeConnectionRecord = {
  name: string;
  manual: boolean;
  linkId: string;
  privateLinkServiceId: string;
  groupIds: string[];
  requestMessage?: string;
};

export type PrivateEndpointRecord = Base & {
  kind: "privateEndpoint";
  subnetId: string;
  nicId: string;
  customNetworkInterfaceName?: string;
  ipVersionType?: string;
  connections: PeConnectionRecord[];
  /** `ipConfigurations` as the caller asked for them (static IPs). */
  ipConfigurations: { name: string; groupId?: string; memberName?: string; privateIPAddress?: string }[];
  applicationSecurityGroups: { id: string }[];
  /** FQDNs the endpoint publishes in customDnsConfigs (from the target's catalog entry). */
  fqdns: string[];
  privateIp: string;
};

export type NetworkInterfaceRecord = Base & {
  kind: "networkInterface";
  privateEndpointId: string;
  subnetId: string;
  ipConfigName: string;
  privateIp: string;
  allocation: "Dynamic" | "Static";
  groupId: string;
  requiredMemberName: string;
  fqdns: string[];
};

export type PrivateDnsZoneRecord = Base & {
  kind: "privateDnsZone";
  internalId: string;
};

export type RecordSetRecord = {
  kind: "recordSet";
  id: string;
  zoneId: string;
  subscriptionId: string;
  resourceGroup: string;
  recordType: string;
  name: string;
  etag: string;
  ttl: number;
  metadata?: Record<string, string>;
  /** The type-specific record fields exactly as ARM shows them (aRecords, cnameRecord, ...). */
  records: Record<string, unknown>;
};

export type VirtualNetworkLinkRecord = Base & {
  kind: "virtualNetworkLink";
  zoneId: string;
  virtualNetworkId: string;
  registrationEnabled: boolean;
  resolutionPolicy?: string;
};

export type ResourceRecord =
  | VirtualNetworkRecord
  | SiteRecord
  | PrivateLinkServiceRecord
  | PrivateEndpointRecord
  | NetworkInterfaceRecord
  | PrivateDnsZoneRecord
  | RecordSetRecord
  | VirtualNetworkLinkRecord;

export type ConnectionLink = {
  /** Also Azure's `linkIdentifier` on Private Link Service connections. */
  linkId: string;
  privateEndpointId: string;
  privateEndpointLocation: string;
  peConnectionName: string;
  manual: boolean;
  /** The resource the consumer named: a site (also for slots) or a Private Link Service. */
  targetId: string;
  /** "sites", "sites-<slot>", or undefined (Private Link Service). */
  groupId?: string;
  slotName?: string;
  providerConnectionName: string;
  requestMessage: string;
  status: ConnectionStatus;
  description: string;
  actionsRequired: string;
  /** The provider deleted its side: consumer sees Disconnected, provider lists no longer show it. */
  providerDeleted: boolean;
  /** Provider-side provisioning state (approve/delete are long-running on Microsoft.Web). */
  provisioningState: ProvisioningState;
  /** False until the endpoint's create operation has finished: the provider sees nothing before. */
  visible: boolean;
  etag: string;
  privateIp: string;
};

export type WorldState = {
  schemaVersion: 1;
  tenants: TenantRecord[];
  subscriptions: SubscriptionRecord[];
  resourceGroups: ResourceGroupRecord[];
  roleDefinitions: RoleDefinition[];
  roleAssignments: RoleAssignment[];
  resources: ResourceRecord[];
  links: ConnectionLink[];
};

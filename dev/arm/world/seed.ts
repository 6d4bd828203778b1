/**
 * The seeded demo world, built only from dev/world/demo-tenants.ts and demo-resources.ts so the
 * app's seed, the browser tests and the local ARM agree on every name and ID.
 * IDs that Azure would generate (etags, resource GUIDs, role assignment IDs) are derived from
 * names so that a reset world is byte-for-byte the same every time.
 */
import { createHash } from "node:crypto";
import { CROSSLINK_PROVIDER_ROLE } from "../../world/crosslink-provider-role";
import { DEMO_TENANTS, PROVIDER_TENANT } from "../../world/demo-tenants";
import {
  CONTOSO_PLS_VISIBLE_TO,
  CONTOSO_RESOURCES,
  DEMO_ROLE_DEFINITIONS,
  FABRIKAM_RESOURCES,
  NORTHWIND_RESOURCES,
  WOODGROVE_RESOURCES,
  NORTHWIND_SANDBOX,
  NORTHWIND_SANDBOX_RESOURCES,
} from "../../world/demo-resources";
import type {
  PrivateLinkServiceRecord,
  ResourceGroupRecord,
  ResourceRecord,
  RoleAssignment,
  RoleDefinition,
  SiteRecord,
  VirtualNetworkRecord,
  WorldState,
} from "./model";

/** A GUID derived from text: stable across runs, distinct per input. */
export function stableGuid(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const ROLE_DEFINITIONS: RoleDefinition[] = [
  { id: DEMO_ROLE_DEFINITIONS.owner, roleName: "Owner", actions: ["*"], notActions: [] },
  { id: DEMO_ROLE_DEFINITIONS.reader, roleName: "Reader", actions: ["*/read"], notActions: [] },
  {
    // Crosslink's own custom role, exactly as published in the repository (the README tells
    // administrators to create it from the same file), so a missing or useless action shows here.
    id: DEMO_ROLE_DEFINITIONS.privateEndpointConnectionApprover,
    roleName: CROSSLINK_PROVIDER_ROLE.Name,
    actions: [...CROSSLINK_PROVIDER_ROLE.Actions],
    notActions: [...CROSSLINK_PROVIDER_ROLE.NotActions],
  },
];

/** Namespaces a fresh subscription has registered in the demo world. */
const DEFAULT_PROVIDERS = ["Microsoft.Network", "Microsoft.Web"];

function etag(id: string): string {
  return stableGuid(`etag:${id}`);
}

function base(id: string, name: string, subscriptionId: string, resourceGroup: string, location: string) {
  return {
    id,
    name,
    subscriptionId,
    resourceGroup,
    location,
    tags: {},
    etag: etag(id),
    provisioningState: "Succeeded" as const,
    resourceGuid: stableGuid(`guid:${id}`),
  };
}

function site(id: string, name: string, kind: string, extra: Partial<SiteRecord> = {}): SiteRecord {
  const c = CONTOSO_RESOURCES;
  return {
    ...base(id, name, c.subscriptionId, c.resourceGroup, c.location),
    kind: "site",
    siteKind: kind,
    serverFarmId: c.serverFarmId,
    ...extra,
  };
}

function consumerVnet(r: typeof FABRIKAM_RESOURCES | typeof NORTHWIND_RESOURCES | typeof NORTHWIND_SANDBOX_RESOURCES): VirtualNetworkRecord {
  const v = r.vnet;
  return {
    ...base(v.id, v.name, r.subscriptionId, r.resourceGroup, r.location),
    kind: "virtualNetwork",
    addressPrefixes: [v.addressPrefix],
    subnets: [
      {
        name: v.subnets.endpoints.name,
        addressPrefix: v.subnets.endpoints.addressPrefix,
        delegations: [],
        privateEndpointNetworkPolicies: "Disabled",
        privateLinkServiceNetworkPolicies: "Enabled",
      },
      {
        name: v.subnets.appservice.name,
        addressPrefix: v.subnets.appservice.addressPrefix,
        delegations: [{ name: "delegation", serviceName: v.subnets.appservice.delegation }],
        privateEndpointNetworkPolicies: "Disabled",
        privateLinkServiceNetworkPolicies: "Enabled",
      },
    ],
  };
}

export function seedWorld(): WorldState {
  const c = CONTOSO_RESOURCES;
  const resourceGroups: ResourceGroupRecord[] = [c, FABRIKAM_RESOURCES, NORTHWIND_RESOURCES, WOODGROVE_RESOURCES, NORTHWIND_SANDBOX_RESOURCES].map((r) => ({
    id: r.resourceGroupId,
    subscriptionId: r.subscriptionId,
    name: r.resourceGroup,
    location: r.location,
    tags: {},
  }));

  const orders = c.sites.orders;
  const contosoVnet: VirtualNetworkRecord = {
    ...base(c.vnet.id, c.vnet.name, c.subscriptionId, c.resourceGroup, c.location),
    kind: "virtualNetwork",
    addressPrefixes: [c.vnet.addressPrefix],
    subnets: [
      {
        name: c.vnet.subnets.pls.name,
        addressPrefix: c.vnet.subnets.pls.addressPrefix,
        delegations: [],
        privateEndpointNetworkPolicies: "Disabled",
        // A Private Link Service's NAT IP needs this off, as in Azure.
        privateLinkServiceNetworkPolicies: "Disabled",
      },
    ],
  };
  const pls: PrivateLinkServiceRecord = {
    ...base(c.privateLinkService.id, c.privateLinkService.name, c.subscriptionId, c.resourceGroup, c.location),
    kind: "privateLinkService",
    alias: c.privateLinkService.alias,
    fqdns: [...c.privateLinkService.fqdns],
    loadBalancerFrontendIpConfigurationIds: [c.privateLinkService.loadBalancerFrontendIpConfigurationId],
    ipConfigurations: [
      { name: "ipconfig-nat", subnetId: c.vnet.subnets.pls.id, privateIPAddress: "10.0.1.4", primary: true },
    ],
    // Visible to the demo consumers' main subscriptions only (as a provider restricts it in
    // Azure), so Northwind's sandbox subscription is refused; auto-approving none.
    visibility: [...CONTOSO_PLS_VISIBLE_TO],
    autoApproval: [],
    enableProxyProtocol: false,
  };

  const resources: ResourceRecord[] = [
    site(orders.id, orders.name, orders.kind),
    site(orders.slots.staging.id, `${orders.name}/${orders.slots.staging.name}`, orders.kind, {
      parentSiteId: orders.id,
      slotName: orders.slots.staging.name,
    }),
    site(c.sites.billing.id, c.sites.billing.name, c.sites.billing.kind),
    site(c.sites.eventsFunc.id, c.sites.eventsFunc.name, c.sites.eventsFunc.kind),
    contosoVnet,
    pls,
    consumerVnet(FABRIKAM_RESOURCES),
    consumerVnet(NORTHWIND_RESOURCES),
    consumerVnet(WOODGROVE_RESOURCES),
    consumerVnet(NORTHWIND_SANDBOX_RESOURCES),
  ];

  const roleAssignments: RoleAssignment[] = [];
  for (const t of DEMO_TENANTS) {
    for (const u of t.users) {
      const scope = `/subscriptions/${t.subscriptionId}`;
      roleAssignments.push({
        id: stableGuid(`ra:${u.oid}:${scope}:owner`),
        principalId: u.oid,
        principalType: "User",
        roleDefinitionId: DEMO_ROLE_DEFINITIONS.owner,
        scope,
        description: `${u.username} is Owner of ${t.subscriptionName}`,
      });
    }
  }
  const northwind = DEMO_TENANTS.find((t) => t.tenantId === NORTHWIND_SANDBOX_RESOURCES.tenantId)!;
  for (const u of northwind.users) {
    const scope = `/subscriptions/${NORTHWIND_SANDBOX.subscriptionId}`;
    roleAssignments.push({
      id: stableGuid(`ra:${u.oid}:${scope}:owner`),
      principalId: u.oid,
      principalType: "User",
      roleDefinitionId: DEMO_ROLE_DEFINITIONS.owner,
      scope,
      description: `${u.username} is Owner of ${NORTHWIND_SANDBOX.subscriptionName}`,
    });
  }
  const providerScope = `/subscriptions/${PROVIDER_TENANT.subscriptionId}`;
  // Only the published custom role: no Reader, so every read Crosslink does must be in the role.
  roleAssignments.push({
    id: stableGuid(`ra:${PROVIDER_TENANT.crosslinkServicePrincipalOid}:${providerScope}:privateEndpointConnectionApprover`),
    principalId: PROVIDER_TENANT.crosslinkServicePrincipalOid,
    principalType: "ServicePrincipal",
    roleDefinitionId: DEMO_ROLE_DEFINITIONS.privateEndpointConnectionApprover,
    scope: providerScope,
    description: `Crosslink (service principal in ${PROVIDER_TENANT.displayName}) has ${CROSSLINK_PROVIDER_ROLE.Name} on ${PROVIDER_TENANT.subscriptionName}`,
  });

  return {
    schemaVersion: 1,
    tenants: DEMO_TENANTS.map((t) => ({ tenantId: t.tenantId, displayName: t.displayName, defaultDomain: t.domain })),
    subscriptions: DEMO_TENANTS.map((t) => ({
      subscriptionId: t.subscriptionId,
      tenantId: t.tenantId,
      displayName: t.subscriptionName,
      state: "Enabled" as const,
      registeredProviders: [...DEFAULT_PROVIDERS],
    })).concat({
      subscriptionId: NORTHWIND_SANDBOX.subscriptionId,
      tenantId: NORTHWIND_SANDBOX_RESOURCES.tenantId,
      displayName: NORTHWIND_SANDBOX.subscriptionName,
      state: "Enabled" as const,
      registeredProviders: [...NORTHWIND_SANDBOX.registeredProviders],
    }),
    resourceGroups,
    roleDefinitions: ROLE_DEFINITIONS.map((r) => ({ ...r, actions: [...r.actions], notActions: [...r.notActions] })),
    roleAssignments,
    resources,
    links: [],
  };
}

/**
 * The Azure resources of the demo world, as the local ARM seeds them.
 * The app's seed and the browser tests import these names and IDs so that everybody agrees on
 * them; the local ARM (dev/arm/world/seed.ts) builds its world from exactly these constants.
 * Subscription IDs and tenants come from demo-tenants.ts; nothing here is secret.
 */
import { DEMO_TENANTS, type DemoTenant } from "./demo-tenants";

function tenant(key: DemoTenant["key"]): DemoTenant {
  const found = DEMO_TENANTS.find((t) => t.key === key);
  if (!found) throw new Error(`demo tenant ${key} missing from demo-tenants.ts`);
  return found;
}

const contoso = tenant("contoso");
const fabrikam = tenant("fabrikam");
const northwind = tenant("northwind");
const litware = tenant("litware");
const woodgrove = tenant("woodgrove");

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

function providerId(subscriptionId: string, resourceGroup: string, type: string, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${type}/${name}`;
}

// ---------------------------------------------------------------- Contoso (provider)

const CONTOSO_RG = "rg-contoso-apps";
const CONTOSO_LOCATION = "westeurope";

function contosoSite(name: string, kind: "app" | "functionapp") {
  const id = providerId(contoso.subscriptionId, CONTOSO_RG, "Microsoft.Web/sites", name);
  return {
    name,
    kind,
    id,
    defaultHostName: `${name}.azurewebsites.net`,
    /** Sub-resource (group ID) a private endpoint names to reach the production slot. */
    groupId: "sites",
  } as const;
}

const contosoOrders = contosoSite("contoso-orders", "app");
const contosoBilling = contosoSite("contoso-billing", "app");
const contosoEventsFunc = contosoSite("contoso-events-func", "functionapp");

const CONTOSO_PLS_NAME = "contoso-pls";
const CONTOSO_LB_NAME = "lb-contoso-pls";
const CONTOSO_VNET_NAME = "vnet-contoso-apps";

export const CONTOSO_RESOURCES = {
  tenantKey: "contoso",
  tenantId: contoso.tenantId,
  subscriptionId: contoso.subscriptionId,
  resourceGroup: CONTOSO_RG,
  resourceGroupId: resourceGroupId(contoso.subscriptionId, CONTOSO_RG),
  location: CONTOSO_LOCATION,
  sites: {
    orders: {
      ...contosoOrders,
      slots: {
        staging: {
          name: "staging",
          id: `${contosoOrders.id}/slots/staging`,
          defaultHostName: `${contosoOrders.name}-staging.azurewebsites.net`,
          /** A slot is reached through the *site's* ID with group ID `sites-<slot>`. */
          groupId: "sites-staging",
        },
      },
    },
    billing: { ...contosoBilling, slots: {} },
    eventsFunc: { ...contosoEventsFunc, slots: {} },
  },
  /** The App Service plan the sites run on (referenced by ID only; no operations). */
  serverFarmId: providerId(contoso.subscriptionId, CONTOSO_RG, "Microsoft.Web/serverfarms", "asp-contoso-apps"),
  privateLinkService: {
    name: CONTOSO_PLS_NAME,
    id: providerId(contoso.subscriptionId, CONTOSO_RG, "Microsoft.Network/privateLinkServices", CONTOSO_PLS_NAME),
    alias: `${CONTOSO_PLS_NAME}.7a1e0f5c-3b9d-4c2e-8f61-0c0ffee0c0de.${CONTOSO_LOCATION}.azure.privatelinkservice`,
    /** FQDNs the provider publishes for the service; the consumer's endpoint reports them. */
    fqdns: ["orders-api.contoso.example"],
    /** The load balancer frontend behind the service (referenced by ID only; no LB operations). */
    loadBalancerFrontendIpConfigurationId: `${providerId(
      contoso.subscriptionId,
      CONTOSO_RG,
      "Microsoft.Network/loadBalancers",
      CONTOSO_LB_NAME,
    )}/frontendIPConfigurations/fe-contoso-pls`,
  },
  /** The provider's own VNet that hosts the Private Link Service's NAT IP (PLS needs a subnet). */
  vnet: {
    name: CONTOSO_VNET_NAME,
    id: providerId(contoso.subscriptionId, CONTOSO_RG, "Microsoft.Network/virtualNetworks", CONTOSO_VNET_NAME),
    addressPrefix: "10.0.0.0/16",
    subnets: {
      pls: {
        name: "snet-pls",
        id: `${providerId(contoso.subscriptionId, CONTOSO_RG, "Microsoft.Network/virtualNetworks", CONTOSO_VNET_NAME)}/subnets/snet-pls`,
        addressPrefix: "10.0.1.0/24",
      },
    },
  },
} as const;

// ---------------------------------------------------------------- consumers

function consumerNetwork(t: DemoTenant, location: string, secondOctet: number, place: { subscriptionId: string; suffix: string } = { subscriptionId: t.subscriptionId, suffix: "" }) {
  const rg = `rg-${t.key}${place.suffix}-network`;
  const vnetName = `vnet-${t.key}${place.suffix}`;
  const vnetId = providerId(place.subscriptionId, rg, "Microsoft.Network/virtualNetworks", vnetName);
  return {
    tenantKey: t.key,
    tenantId: t.tenantId,
    subscriptionId: place.subscriptionId,
    resourceGroup: rg,
    resourceGroupId: resourceGroupId(place.subscriptionId, rg),
    location,
    vnet: {
      name: vnetName,
      id: vnetId,
      addressPrefix: `10.${secondOctet}.0.0/16`,
      subnets: {
        /** Private endpoints go here. */
        endpoints: {
          name: "snet-endpoints",
          id: `${vnetId}/subnets/snet-endpoints`,
          addressPrefix: `10.${secondOctet}.1.0/24`,
          delegation: null,
        },
        /** Delegated to App Service VNet integration: Azure refuses private endpoints here. */
        appservice: {
          name: "snet-appservice",
          id: `${vnetId}/subnets/snet-appservice`,
          addressPrefix: `10.${secondOctet}.2.0/24`,
          delegation: "Microsoft.Web/serverFarms",
        },
      },
    },
  } as const;
}

export const FABRIKAM_RESOURCES = consumerNetwork(fabrikam, "westeurope", 1);
export const NORTHWIND_RESOURCES = consumerNetwork(northwind, "eastus", 2);
/** Woodgrove Bank: a network like Fabrikam's, in a tenant that requires admin consent. */
export const WOODGROVE_RESOURCES = consumerNetwork(woodgrove, "westeurope", 5);

/**
 * Northwind's second subscription, "Northwind Sandbox": new, so it has only Microsoft.Network
 * registered (not Microsoft.Web, which an endpoint to a web app needs), and it is not on the
 * visibility list of Contoso's Private Link Service. Nora is its Owner. It exercises the consumer
 * prerequisites: registering a resource provider, and Private Link Service visibility.
 */
export const NORTHWIND_SANDBOX = {
  subscriptionId: "ffff6666-0000-4000-8000-000000000006",
  subscriptionName: "Northwind Sandbox",
  registeredProviders: ["Microsoft.Network"],
} as const;
export const NORTHWIND_SANDBOX_RESOURCES = consumerNetwork(northwind, "westeurope", 3, { subscriptionId: NORTHWIND_SANDBOX.subscriptionId, suffix: "-sandbox" });

/** Subscriptions that may see (connect to) Contoso's Private Link Service: the provider's and the demo consumers' main ones. */
export const CONTOSO_PLS_VISIBLE_TO = [contoso.subscriptionId, fabrikam.subscriptionId, northwind.subscriptionId, woodgrove.subscriptionId] as const;

/** Litware: a subscription and nothing else. */
export const LITWARE_RESOURCES = {
  tenantKey: "litware",
  tenantId: litware.tenantId,
  subscriptionId: litware.subscriptionId,
} as const;

export const DEMO_RESOURCES = {
  contoso: CONTOSO_RESOURCES,
  fabrikam: FABRIKAM_RESOURCES,
  northwind: NORTHWIND_RESOURCES,
  northwindSandbox: NORTHWIND_SANDBOX_RESOURCES,
  litware: LITWARE_RESOURCES,
  woodgrove: WOODGROVE_RESOURCES,
} as const;

/** The private DNS zone App Service private endpoints use (the consumer creates it). */
export const APP_SERVICE_PRIVATE_DNS_ZONE = "privatelink.azurewebsites.net";

/**
 * Role definition IDs the local ARM assigns. Owner and Reader are Azure's built-in IDs; the
 * approver role is a custom role of the demo world (a real tenant would define its own).
 */
export const DEMO_ROLE_DEFINITIONS = {
  owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  privateEndpointConnectionApprover: "5c0e5a1b-7d4e-4c8a-9a51-c1a55c0de0a1",
} as const;

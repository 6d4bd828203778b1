/**
 * Whether a private endpoint may go into a subnet, decided before asking Azure so a person
 * picks a subnet that works instead of meeting Azure's error after filing. Azure stays the
 * judge: these are the rules it is known to enforce, not a promise that creation succeeds.
 */

/**
 * Subnets reserved by name for Azure services; Azure refuses other resources in them.
 * (Gateway, Firewall, Bastion and Route Server subnets: documented per service.)
 */
const RESERVED_SUBNETS: Readonly<Record<string, string>> = {
  gatewaysubnet: "VPN and ExpressRoute gateways",
  azurefirewallsubnet: "Azure Firewall",
  azurefirewallmanagementsubnet: "Azure Firewall",
  azurebastionsubnet: "Azure Bastion",
  routeserversubnet: "Azure Route Server",
};

/** Words for the delegations people meet most. */
const DELEGATION_WORDS: Readonly<Record<string, string>> = {
  "microsoft.web/serverfarms": "App Service VNet integration",
  "microsoft.containerinstance/containergroups": "Azure Container Instances",
  "microsoft.sql/managedinstances": "SQL Managed Instance",
  "microsoft.app/environments": "Container Apps",
  "microsoft.dbforpostgresql/flexibleservers": "PostgreSQL flexible server",
  "microsoft.dbformysql/flexibleservers": "MySQL flexible server",
  "microsoft.netapp/volumes": "Azure NetApp Files",
};

export type SubnetVerdict = { endpointAllowed: true; reason: null } | { endpointAllowed: false; reason: string };

export function endpointPlacement(subnet: { name: string; addressPrefixes: readonly string[]; delegations: readonly string[] }): SubnetVerdict {
  const reserved = RESERVED_SUBNETS[subnet.name.toLowerCase()];
  if (reserved) {
    return { endpointAllowed: false, reason: `${subnet.name} is reserved for ${reserved}; Azure does not allow private endpoints in it.` };
  }
  if (subnet.delegations.length > 0) {
    const list = subnet.delegations
      .map((d) => {
        const words = DELEGATION_WORDS[d.toLowerCase()];
        return words ? `${d} (${words})` : d;
      })
      .join(", ");
    return {
      endpointAllowed: false,
      reason: `Delegated to ${list}. Azure does not allow private endpoints in a delegated subnet; pick a subnet without delegations.`,
    };
  }
  if (subnet.addressPrefixes.length === 0) {
    return { endpointAllowed: false, reason: "The subnet has no address range, so there is no IP address for an endpoint." };
  }
  return { endpointAllowed: true, reason: null };
}

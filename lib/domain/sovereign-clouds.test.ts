/**
 * Private DNS zone names follow the Azure cloud (AZURE_CLOUD): App Service's zone is
 * privatelink.azurewebsites.us in US Government and privatelink.chinacloudsites.cn in China.
 */
import { describe, expect, it } from "vitest";
import { AZURE_CLOUD_NAMES } from "../config/azure-clouds";
import { buildDnsGuide } from "./dns-guide";
import { appServicePrivateDnsZone, catalogEntryFor, privateDnsRecordsFor, privateDnsZoneOf } from "./private-link-catalog";
import { parseTargetResourceId, type TargetResourceId } from "./resource-id";

const CONTOSO = "/subscriptions/aaaa1111-0000-4000-8000-000000000001/resourceGroups/rg-contoso-apps";
const FAB = "/subscriptions/bbbb2222-0000-4000-8000-000000000002/resourceGroups/rg-fabrikam-network";

function target(path: string): TargetResourceId {
  const parsed = parseTargetResourceId(`${CONTOSO}/providers/${path}`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}
const site = target("Microsoft.Web/sites/contoso-orders");

const EXPECTED = {
  AzurePublicCloud: { appService: "privatelink.azurewebsites.net", publicSuffix: "azurewebsites.net", sql: "privatelink.database.windows.net", keyVault: "privatelink.vaultcore.azure.net" },
  AzureUSGovernment: { appService: "privatelink.azurewebsites.us", publicSuffix: "azurewebsites.us", sql: "privatelink.database.usgovcloudapi.net", keyVault: "privatelink.vaultcore.usgovcloudapi.net" },
  AzureChinaCloud: { appService: "privatelink.chinacloudsites.cn", publicSuffix: "chinacloudsites.cn", sql: "privatelink.database.chinacloudapi.cn", keyVault: "privatelink.vaultcore.azure.cn" },
} as const;

describe.each(AZURE_CLOUD_NAMES)("%s", (cloud) => {
  const expected = EXPECTED[cloud];

  it("names the catalog's zones for this cloud", () => {
    expect(appServicePrivateDnsZone(cloud)).toBe(expected.appService);
    expect(privateDnsZoneOf(catalogEntryFor("Microsoft.Web/sites")!, cloud)).toBe(expected.appService);
    expect(privateDnsZoneOf(catalogEntryFor("Microsoft.Web/sites/slots")!, cloud)).toBe(expected.appService);
    expect(privateDnsZoneOf(catalogEntryFor("Microsoft.Sql/servers")!, cloud)).toBe(expected.sql);
    expect(privateDnsZoneOf(catalogEntryFor("Microsoft.KeyVault/vaults")!, cloud)).toBe(expected.keyVault);
    expect(privateDnsZoneOf(catalogEntryFor("Microsoft.Network/privateLinkServices")!, cloud)).toBeNull();
    expect(privateDnsRecordsFor(site, "sites", cloud)?.zone).toBe(expected.appService);
  });

  it("builds the DNS guide in this cloud's zone, reading Azure's FQDNs of this cloud", () => {
    const guide = buildDnsGuide({
      target: site,
      groupId: "sites",
      privateEndpointId: `${FAB}/providers/Microsoft.Network/privateEndpoints/pe-orders`,
      customDnsConfigs: [
        { fqdn: `contoso-orders.${expected.publicSuffix}`, ipAddresses: ["10.1.1.4"] },
        { fqdn: `contoso-orders.scm.${expected.appService}`, ipAddresses: ["10.1.1.4"] },
      ],
      virtualNetworkId: `${FAB}/providers/Microsoft.Network/virtualNetworks/vnet-fabrikam`,
      resourceGroup: "rg-fabrikam-network",
      cloud,
    });
    if (!guide.ok || guide.kind !== "private_dns_zone") throw new Error(JSON.stringify(guide));
    expect(guide.zoneName).toBe(expected.appService);
    expect(guide.zoneId).toBe(`${FAB}/providers/Microsoft.Network/privateDnsZones/${expected.appService}`);
    expect(guide.records.map((r) => r.fqdn)).toEqual([`contoso-orders.${expected.appService}`, `contoso-orders.scm.${expected.appService}`]);
    expect(guide.azCli.zoneGroup.join("\n")).toContain(expected.appService);
    expect(guide.notes.join(" ")).not.toMatch(/isn't in/);
  });
});

import { describe, expect, it } from "vitest";
import { bicepString, buildDnsGuide, isIpv4, linkNameFor, shellQuote, type DnsGuideErrorCode, type DnsGuideInput } from "./dns-guide";
import { parseTargetResourceId, type TargetResourceId } from "./resource-id";

const CONTOSO = "/subscriptions/aaaa1111-0000-4000-8000-000000000001/resourceGroups/rg-contoso-apps";
const FAB_SUB = "bbbb2222-0000-4000-8000-000000000002";
const FAB = `/subscriptions/${FAB_SUB}/resourceGroups/rg-fabrikam-network`;
const VNET = `${FAB}/providers/Microsoft.Network/virtualNetworks/vnet-fabrikam`;
const ZONE_ID = `${FAB}/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net`;

function target(path: string): TargetResourceId {
  const parsed = parseTargetResourceId(`${CONTOSO}/providers/${path}`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}
const site = target("Microsoft.Web/sites/contoso-orders");
const slot = target("Microsoft.Web/sites/contoso-orders/slots/staging");
const pls = target("Microsoft.Network/privateLinkServices/contoso-pls");

const siteInput: DnsGuideInput = {
  target: site,
  groupId: "sites",
  privateEndpointId: `${FAB}/providers/Microsoft.Network/privateEndpoints/pe-contoso-orders-fabrikam`,
  customDnsConfigs: [
    { fqdn: "contoso-orders.azurewebsites.net", ipAddresses: ["10.1.1.4"] },
    { fqdn: "contoso-orders.scm.azurewebsites.net", ipAddresses: ["10.1.1.4"] },
  ],
  virtualNetworkId: VNET,
  resourceGroup: "rg-fabrikam-network",
};

const ZONE_AND_LINK = `resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.azurewebsites.net'
  location: 'global'
}

resource vnetLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privateDnsZone
  name: 'link-vnet-fabrikam'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: '${VNET}'
    }
  }
}
`;

const DEPLOY_HINT = `// Deploy to resource group rg-fabrikam-network of subscription ${FAB_SUB}:
//   az deployment group create --subscription '${FAB_SUB}' --resource-group 'rg-fabrikam-network' --template-file crosslink-dns.bicep
`;

const ZONE_CMD = `az network private-dns zone create --subscription '${FAB_SUB}' --resource-group 'rg-fabrikam-network' --name 'privatelink.azurewebsites.net'`;
const LINK_CMD = `az network private-dns link vnet create --subscription '${FAB_SUB}' --resource-group 'rg-fabrikam-network' --zone-name 'privatelink.azurewebsites.net' --name 'link-vnet-fabrikam' --virtual-network '${VNET}' --registration-enabled false`;
const addRecord = (name: string, ip: string) =>
  `az network private-dns record-set a add-record --subscription '${FAB_SUB}' --resource-group 'rg-fabrikam-network' --zone-name 'privatelink.azurewebsites.net' --record-set-name '${name}' --ipv4-address '${ip}'`;
const zoneGroupCmd = (endpoint: string) =>
  `az network private-endpoint dns-zone-group create --subscription '${FAB_SUB}' --resource-group 'rg-fabrikam-network' --endpoint-name '${endpoint}' --name 'default' --private-dns-zone '${ZONE_ID}' --zone-name 'privatelink-azurewebsites-net'`;

const zoneGroupBicep = (endpoint: string) => `${DEPLOY_HINT}${ZONE_AND_LINK}
resource privateEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' existing = {
  name: '${endpoint}'
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-azurewebsites-net'
        properties: {
          privateDnsZoneId: privateDnsZone.id
        }
      }
    ]
  }
}
`;

const aRecord = (n: number, name: string, ip: string) => `resource aRecord${n} 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {
  parent: privateDnsZone
  name: '${name}'
  properties: {
    ttl: 3600
    aRecords: [
      {
        ipv4Address: '${ip}'
      }
    ]
  }
}
`;

describe("buildDnsGuide: a web app", () => {
  const guide = buildDnsGuide(siteInput);
  if (!guide.ok || guide.kind !== "private_dns_zone") throw new Error(JSON.stringify(guide));

  it("names the zone and the A records", () => {
    expect(guide.zoneName).toBe("privatelink.azurewebsites.net");
    expect(guide.zoneId).toBe(ZONE_ID);
    expect(guide.linkName).toBe("link-vnet-fabrikam");
    expect(guide.records).toEqual([
      { name: "contoso-orders", fqdn: "contoso-orders.privatelink.azurewebsites.net", ipAddresses: ["10.1.1.4"] },
      { name: "contoso-orders.scm", fqdn: "contoso-orders.scm.privatelink.azurewebsites.net", ipAddresses: ["10.1.1.4"] },
    ]);
    expect(guide.recommended).toBe("zoneGroup");
  });

  it("gives exact az commands for both ways", () => {
    expect(guide.azCli.zoneGroup).toEqual([ZONE_CMD, LINK_CMD, zoneGroupCmd("pe-contoso-orders-fabrikam")]);
    expect(guide.azCli.manualRecords).toEqual([ZONE_CMD, LINK_CMD, addRecord("contoso-orders", "10.1.1.4"), addRecord("contoso-orders.scm", "10.1.1.4")]);
  });

  it("gives exact Bicep for both ways", () => {
    expect(guide.bicep.zoneGroup).toBe(zoneGroupBicep("pe-contoso-orders-fabrikam"));
    expect(guide.bicep.manualRecords).toBe(
      `${DEPLOY_HINT}${ZONE_AND_LINK}\n${aRecord(1, "contoso-orders", "10.1.1.4")}\n${aRecord(2, "contoso-orders.scm", "10.1.1.4")}`,
    );
  });

  it("recommends the zone group and mentions the 403 of unresolved clients", () => {
    expect(guide.notes[0]).toMatch(/^Recommended: the zone group/);
    expect(guide.notes.join(" ")).toContain("gets 403");
  });
});

describe("buildDnsGuide: a deployment slot", () => {
  // No customDnsConfigs: names come from the catalog, the IP from the NIC.
  const guide = buildDnsGuide({
    ...siteInput,
    target: slot,
    groupId: undefined,
    privateEndpointId: `${FAB}/providers/Microsoft.Network/privateEndpoints/pe-contoso-orders-staging-fabrikam`,
    customDnsConfigs: undefined,
    privateIpAddresses: ["10.1.1.5"],
  });
  if (!guide.ok || guide.kind !== "private_dns_zone") throw new Error(JSON.stringify(guide));

  it("uses <app>-<slot> and <app>-<slot>.scm", () => {
    expect(guide.records.map((r) => [r.name, r.ipAddresses])).toEqual([
      ["contoso-orders-staging", ["10.1.1.5"]],
      ["contoso-orders-staging.scm", ["10.1.1.5"]],
    ]);
  });

  it("gives exact az commands and Bicep", () => {
    expect(guide.azCli.zoneGroup).toEqual([ZONE_CMD, LINK_CMD, zoneGroupCmd("pe-contoso-orders-staging-fabrikam")]);
    expect(guide.azCli.manualRecords).toEqual([ZONE_CMD, LINK_CMD, addRecord("contoso-orders-staging", "10.1.1.5"), addRecord("contoso-orders-staging.scm", "10.1.1.5")]);
    expect(guide.bicep.zoneGroup).toBe(zoneGroupBicep("pe-contoso-orders-staging-fabrikam"));
    expect(guide.bicep.manualRecords).toBe(
      `${DEPLOY_HINT}${ZONE_AND_LINK}\n${aRecord(1, "contoso-orders-staging", "10.1.1.5")}\n${aRecord(2, "contoso-orders-staging.scm", "10.1.1.5")}`,
    );
  });
});

describe("buildDnsGuide: details", () => {
  it("takes record names from Azure's FQDNs (privatelink names, trailing dots, unique hostnames)", () => {
    const guide = buildDnsGuide({
      ...siteInput,
      customDnsConfigs: [
        { fqdn: "Contoso-Orders-a1b2c3.westeurope-01.privatelink.azurewebsites.net.", ipAddresses: ["10.1.1.4", "10.1.1.6"] },
        { fqdn: "contoso-orders-a1b2c3.scm.westeurope-01.azurewebsites.net", ipAddresses: [] },
        { fqdn: "other.example.com", ipAddresses: ["10.1.1.9"] },
      ],
      privateIpAddresses: ["10.1.1.4"],
    });
    if (!guide.ok || guide.kind !== "private_dns_zone") throw new Error(JSON.stringify(guide));
    expect(guide.records).toEqual([
      { name: "contoso-orders-a1b2c3.westeurope-01", fqdn: "contoso-orders-a1b2c3.westeurope-01.privatelink.azurewebsites.net", ipAddresses: ["10.1.1.4", "10.1.1.6"] },
      { name: "contoso-orders-a1b2c3.scm.westeurope-01", fqdn: "contoso-orders-a1b2c3.scm.westeurope-01.privatelink.azurewebsites.net", ipAddresses: ["10.1.1.4"] },
    ]);
    expect(guide.azCli.manualRecords).toHaveLength(2 + 3);
    expect(guide.notes.join(" ")).toContain("other.example.com");
  });

  it("covers IPv4 only and says so when the endpoint has IPv6 too", () => {
    const guide = buildDnsGuide({ ...siteInput, customDnsConfigs: [{ fqdn: "contoso-orders.azurewebsites.net", ipAddresses: ["10.1.1.4", "fd00::4"] }] });
    if (!guide.ok || guide.kind !== "private_dns_zone") throw new Error(JSON.stringify(guide));
    expect(guide.records[0]?.ipAddresses).toEqual(["10.1.1.4"]);
    expect(guide.notes.at(-1)).toBe("The endpoint also has IPv6 addresses; this guide covers IPv4 (A records) only.");
  });

  it("references a zone in another resource group from the zone-group Bicep", () => {
    const guide = buildDnsGuide({ ...siteInput, resourceGroup: "rg-dns", subscriptionId: "CCCC3333-0000-4000-8000-000000000003" });
    if (!guide.ok || guide.kind !== "private_dns_zone") throw new Error(JSON.stringify(guide));
    const zoneId = "/subscriptions/cccc3333-0000-4000-8000-000000000003/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net";
    expect(guide.zoneId).toBe(zoneId);
    expect(guide.bicep.zoneGroup).toContain(
      `resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.azurewebsites.net'\n  scope: resourceGroup('cccc3333-0000-4000-8000-000000000003', 'rg-dns')\n}`,
    );
    expect(guide.bicep.zoneGroup).not.toContain("virtualNetworkLinks");
    expect(guide.azCli.zoneGroup[0]).toBe(
      "az network private-dns zone create --subscription 'cccc3333-0000-4000-8000-000000000003' --resource-group 'rg-dns' --name 'privatelink.azurewebsites.net'",
    );
    // The zone group is created on the endpoint, in the endpoint's subscription and group.
    expect(guide.azCli.zoneGroup[2]).toContain(`--subscription '${FAB_SUB}' --resource-group 'rg-fabrikam-network' --endpoint-name 'pe-contoso-orders-fabrikam'`);
    expect(guide.azCli.zoneGroup[2]).toContain(`--private-dns-zone '${zoneId}'`);
  });

  it("quotes a resource group with parentheses for the shell", () => {
    const guide = buildDnsGuide({ ...siteInput, resourceGroup: "rg(dns)" });
    if (!guide.ok || guide.kind !== "private_dns_zone") throw new Error(JSON.stringify(guide));
    expect(guide.azCli.manualRecords[0]).toContain("--resource-group 'rg(dns)'");
  });

  it.each([
    ["a group ID of another slot", { target: slot, groupId: "sites-other" }, "bad_group_id"],
    ["an endpoint ID that is a VNet", { privateEndpointId: VNET }, "bad_private_endpoint_id"],
    ["a VNet ID that is a subnet", { virtualNetworkId: `${VNET}/subnets/snet-endpoints` }, "bad_virtual_network_id"],
    ["a resource group ending with a period", { resourceGroup: "rg." }, "bad_resource_group"],
    ["a subscription that isn't a GUID", { subscriptionId: "fabrikam" }, "bad_subscription_id"],
    ["a link name ending with a hyphen", { linkName: "link-" }, "bad_link_name"],
    ["a private IP that isn't one", { customDnsConfigs: [], privateIpAddresses: ["10.1.1"] }, "bad_ip_address"],
    ["an FQDN's address that isn't one", { customDnsConfigs: [{ fqdn: "contoso-orders.azurewebsites.net", ipAddresses: ["10.1.1.256"] }] }, "bad_ip_address"],
    ["no address at all", { customDnsConfigs: [], privateIpAddresses: [] }, "no_private_ip"],
    ["only IPv6", { customDnsConfigs: [{ fqdn: "contoso-orders.azurewebsites.net", ipAddresses: ["fd00::4"] }] }, "no_private_ip"],
  ] as [string, Partial<DnsGuideInput>, DnsGuideErrorCode][])("refuses %s", (_name, change, code) => {
    const guide = buildDnsGuide({ ...siteInput, ...change });
    expect(guide.ok).toBe(false);
    if (guide.ok) return;
    expect(guide.code).toBe(code);
    expect(guide.message.length).toBeGreaterThan(20);
  });
});

describe("buildDnsGuide: a Private Link Service", () => {
  const base = { ...siteInput, target: pls, groupId: null };

  it("lists the provider's FQDNs with the endpoint's addresses", () => {
    const guide = buildDnsGuide({ ...base, customDnsConfigs: [{ fqdn: "orders-api.contoso.example", ipAddresses: ["10.1.1.7"] }] });
    expect(guide).toMatchObject({ ok: true, kind: "provider_fqdns", records: [{ fqdn: "orders-api.contoso.example", ipAddresses: ["10.1.1.7"] }] });
    expect(guide.ok && guide.notes[0]).toContain("no standard private DNS zone");
  });

  it("asks the provider for a name when none is published", () => {
    const guide = buildDnsGuide({ ...base, customDnsConfigs: [], privateIpAddresses: ["10.1.1.7"] });
    expect(guide).toMatchObject({ ok: true, kind: "provider_fqdns", records: [] });
    expect(guide.ok && guide.notes[1]).toBe("The provider hasn't published any names for this service. Ask them which name to use; the endpoint's address is 10.1.1.7.");
  });

  it("refuses a group ID and a missing address", () => {
    expect(buildDnsGuide({ ...base, groupId: "sites" })).toMatchObject({ ok: false, code: "bad_group_id" });
    expect(buildDnsGuide({ ...base, customDnsConfigs: [{ fqdn: "orders-api.contoso.example", ipAddresses: [] }] })).toMatchObject({ ok: false, code: "no_private_ip" });
  });
});

describe("quoting and small helpers", () => {
  it.each([
    ["plain", "'plain'"],
    ["it's", "'it'\\''s'"],
    ["$(rm -rf /) `x` \"y\"", "'$(rm -rf /) `x` \"y\"'"],
  ])("shellQuote(%j) = %s", (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it.each([
    ["plain", "'plain'"],
    ["it's", "'it\\'s'"],
    ["a\\b", "'a\\\\b'"],
    ["${x}", "'\\${x}'"],
  ])("bicepString(%j) = %s", (value, quoted) => {
    expect(bicepString(value)).toBe(quoted);
  });

  it.each([
    ["10.1.1.4", true],
    ["0.0.0.0", true],
    ["255.255.255.255", true],
    ["256.1.1.1", false],
    ["10.1.1", false],
    ["010.1.1.4", false],
    ["fd00::4", false],
    [" 10.1.1.4", false],
  ])("isIpv4(%j) is %s", (value, ok) => {
    expect(isIpv4(value)).toBe(ok);
  });

  it("names the VNet link after the VNet, within 80 characters", () => {
    expect(linkNameFor("vnet-fabrikam")).toBe("link-vnet-fabrikam");
    expect(linkNameFor("v".repeat(80))).toHaveLength(80);
    expect(linkNameFor(`${"v".repeat(74)}-x`)).toBe(`link-${"v".repeat(74)}`);
  });
});

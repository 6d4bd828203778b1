import { describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES, FABRIKAM_RESOURCES, NORTHWIND_RESOURCES } from "@/dev/world/demo-resources";
import {
  isTargetResourceId,
  parseResourceId,
  parseTargetResourceId,
  resourceIdKey,
  sameResourceId,
  type ResourceIdErrorCode,
  type ResourceKind,
} from "./resource-id";

const SUB = "aaaa1111-0000-4000-8000-000000000001";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-contoso-apps`;
const SITE = `${RG}/providers/Microsoft.Web/sites/contoso-orders`;
const SLOT = `${SITE}/slots/staging`;
const PLS = `${RG}/providers/Microsoft.Network/privateLinkServices/contoso-pls`;
const FAB = "/subscriptions/bbbb2222-0000-4000-8000-000000000002/resourceGroups/rg-fabrikam-network";
const VNET = `${FAB}/providers/Microsoft.Network/virtualNetworks/vnet-fabrikam`;
const SUBNET = `${VNET}/subnets/snet-endpoints`;
const PE = `${FAB}/providers/Microsoft.Network/privateEndpoints/pe-contoso-orders`;
const PORTAL = "https://portal.azure.com/#@contoso.onmicrosoft.com/resource";

describe("parseResourceId: valid IDs", () => {
  const cases: { name: string; input: string; kind: ResourceKind; id: string; fields?: Record<string, string> }[] = [
    { name: "site", input: SITE, kind: "site", id: SITE, fields: { siteName: "contoso-orders", name: "contoso-orders", resourceType: "Microsoft.Web/sites" } },
    { name: "slot", input: SLOT, kind: "slot", id: SLOT, fields: { siteName: "contoso-orders", slotName: "staging", siteId: SITE, resourceType: "Microsoft.Web/sites/slots" } },
    { name: "Private Link Service", input: PLS, kind: "privateLinkService", id: PLS, fields: { name: "contoso-pls" } },
    { name: "private endpoint", input: PE, kind: "privateEndpoint", id: PE, fields: { name: "pe-contoso-orders", resourceGroup: "rg-fabrikam-network" } },
    { name: "virtual network", input: VNET, kind: "virtualNetwork", id: VNET, fields: { name: "vnet-fabrikam" } },
    { name: "subnet", input: SUBNET, kind: "subnet", id: SUBNET, fields: { virtualNetworkName: "vnet-fabrikam", subnetName: "snet-endpoints", virtualNetworkId: VNET } },
    {
      name: "odd casing of keywords, namespace and types; names keep their spelling",
      input: `/SUBSCRIPTIONS/${SUB.toUpperCase()}/RESOURCEGROUPS/RG-Contoso-Apps/PROVIDERS/microsoft.WEB/SITES/Contoso-Orders/SLOTS/Staging`,
      kind: "slot",
      id: `/subscriptions/${SUB}/resourceGroups/RG-Contoso-Apps/providers/Microsoft.Web/sites/Contoso-Orders/slots/Staging`,
      fields: { subscriptionId: SUB, resourceGroup: "RG-Contoso-Apps", siteName: "Contoso-Orders", slotName: "Staging" },
    },
    { name: "trailing slash and surrounding whitespace", input: `  \t${SITE}/\n`, kind: "site", id: SITE },
    { name: "surrounding double quotes (az CLI JSON output)", input: `"${SITE}"`, kind: "site", id: SITE },
    { name: "surrounding single quotes", input: `'${PLS}'`, kind: "privateLinkService", id: PLS },
    { name: "missing leading slash", input: SITE.slice(1), kind: "site", id: SITE },
    { name: "portal address with tenant and blade", input: `${PORTAL}${SITE}/overview`, kind: "site", id: SITE },
    { name: "portal address of a slot, blade dropped", input: `${PORTAL}${SLOT}/networkingHub`, kind: "slot", id: SLOT },
    { name: "portal address without tenant or blade", input: `https://portal.azure.com/#resource${PLS}`, kind: "privateLinkService", id: PLS },
    { name: "portal address on ms.portal.azure.com", input: `https://ms.portal.azure.com/#@contoso.com/resource${PE}/overview`, kind: "privateEndpoint", id: PE },
    {
      name: "portal address with %-escaped resource group",
      input: `${PORTAL}/subscriptions/${SUB}/resourceGroups/rg%28prod%29/providers/Microsoft.Web/sites/app1/overview`,
      kind: "site",
      id: `/subscriptions/${SUB}/resourceGroups/rg(prod)/providers/Microsoft.Web/sites/app1`,
    },
    { name: "ARM REST address with api-version", input: `https://management.azure.com${SITE}?api-version=2024-11-01`, kind: "site", id: SITE },
    {
      name: "resource group with Unicode letters, parentheses, underscore and period",
      input: `/subscriptions/${SUB}/resourceGroups/rg_(Prüfung).1/providers/Microsoft.Web/sites/app1`,
      kind: "site",
      id: `/subscriptions/${SUB}/resourceGroups/rg_(Prüfung).1/providers/Microsoft.Web/sites/app1`,
    },
    { name: "site name mappable to Punycode", input: `${RG}/providers/Microsoft.Web/sites/café-app`, kind: "site", id: `${RG}/providers/Microsoft.Web/sites/café-app` },
    { name: "shortest site and 60-character site", input: `${RG}/providers/Microsoft.Web/sites/${"a".repeat(60)}`, kind: "site", id: `${RG}/providers/Microsoft.Web/sites/${"a".repeat(60)}` },
    { name: "90-character resource group", input: `/subscriptions/${SUB}/resourceGroups/${"r".repeat(90)}/providers/Microsoft.Web/sites/ab`, kind: "site", id: `/subscriptions/${SUB}/resourceGroups/${"r".repeat(90)}/providers/Microsoft.Web/sites/ab` },
  ];

  it.each(cases)("$name", ({ input, kind, id, fields }) => {
    const parsed = parseResourceId(input);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.kind).toBe(kind);
    expect(parsed.id).toBe(id);
    expect(parsed.key).toBe(id.toLowerCase());
    for (const [field, value] of Object.entries(fields ?? {})) expect((parsed as Record<string, unknown>)[field]).toBe(value);
  });

  it("parses every resource ID of the demo world back to itself", () => {
    const ids = [
      CONTOSO_RESOURCES.sites.orders.id,
      CONTOSO_RESOURCES.sites.orders.slots.staging.id,
      CONTOSO_RESOURCES.sites.billing.id,
      CONTOSO_RESOURCES.sites.eventsFunc.id,
      CONTOSO_RESOURCES.privateLinkService.id,
      CONTOSO_RESOURCES.vnet.id,
      CONTOSO_RESOURCES.vnet.subnets.pls.id,
      FABRIKAM_RESOURCES.vnet.id,
      FABRIKAM_RESOURCES.vnet.subnets.endpoints.id,
      NORTHWIND_RESOURCES.vnet.subnets.appservice.id,
    ];
    for (const id of ids) {
      const parsed = parseResourceId(id);
      expect(parsed.ok && parsed.id, id).toBe(id);
    }
  });
});

describe("parseResourceId: errors", () => {
  const long = "x".repeat(61);
  const cases: { name: string; input: string; code: ResourceIdErrorCode; expect?: readonly ResourceKind[]; part?: string; includes?: string }[] = [
    { name: "nothing", input: "", code: "empty" },
    { name: "only whitespace", input: "  \n ", code: "empty" },
    { name: "empty quotes", input: '""', code: "empty" },
    { name: "double slash inside", input: `/subscriptions/${SUB}//resourceGroups/rg`, code: "malformed", includes: "two slashes" },
    { name: "two trailing slashes", input: `${SITE}//`, code: "malformed" },
    { name: "a space inside", input: `${RG}/providers/Microsoft.Web/sites/contoso orders`, code: "malformed", includes: "spaces" },
    { name: "a # inside", input: `${SITE}#x`, code: "malformed" },
    { name: "ends after /subscriptions/", input: "/subscriptions/", code: "malformed" },
    { name: "no resource group", input: `/subscriptions/${SUB}/providers/Microsoft.Web/sites/app1`, code: "malformed", includes: "no resource group" },
    { name: "something else after the subscription", input: `/subscriptions/${SUB}/groups/rg`, code: "malformed" },
    { name: "something else after the resource group", input: `${RG}/resources/x`, code: "malformed" },
    { name: "ends after /resourceGroups/", input: `/subscriptions/${SUB}/resourceGroups/`, code: "malformed" },
    { name: "ends after /providers/", input: `${RG}/providers`, code: "malformed" },
    { name: "ends after the namespace", input: `${RG}/providers/Microsoft.Web`, code: "malformed" },
    { name: "type without a name", input: `${RG}/providers/Microsoft.Web/sites`, code: "malformed", includes: "no name" },
    { name: "broken %-escape in a portal address", input: `${PORTAL}/subscriptions/${SUB}/resourceGroups/rg%zz/overview`, code: "malformed" },
    { name: "a plain name", input: "contoso-orders", code: "not_a_resource_id", includes: "/subscriptions/" },
    { name: "a GUID on its own", input: SUB, code: "not_a_resource_id", includes: "GUID" },
    { name: "a tenant-level path", input: "/providers/Microsoft.Management/managementGroups/mg1", code: "not_a_resource_id" },
    { name: "a query string", input: `${SITE}?api-version=2024-11-01`, code: "has_query_string" },
    { name: "the app's web address", input: "https://contoso-orders.azurewebsites.net/", code: "unsupported_url", includes: "web address" },
    { name: "another web address", input: "https://example.com/subscriptions/x", code: "unsupported_url" },
    { name: "a portal view that isn't a resource", input: "https://portal.azure.com/#view/HubsExtension/BrowseAll", code: "unsupported_url" },
    { name: "an ARM address outside /subscriptions", input: "https://management.azure.com/providers/Microsoft.Web/operations?api-version=1", code: "unsupported_url" },
    { name: "a subscription that isn't a GUID", input: `/subscriptions/contoso/resourceGroups/rg/providers/Microsoft.Web/sites/app1`, code: "bad_subscription_id", part: "subscriptionId" },
    { name: "resource group ending with a period", input: `/subscriptions/${SUB}/resourceGroups/rg./providers/Microsoft.Web/sites/app1`, code: "bad_resource_group", part: "resourceGroup", includes: "ends with “.”" },
    { name: "resource group of 91 characters", input: `/subscriptions/${SUB}/resourceGroups/${"r".repeat(91)}`, code: "bad_resource_group", includes: "91 characters" },
    { name: "resource group with a !", input: `/subscriptions/${SUB}/resourceGroups/rg!/providers/Microsoft.Web/sites/app1`, code: "bad_resource_group", includes: "“!”" },
    { name: "a subscription", input: `/subscriptions/${SUB}`, code: "subscription_only" },
    { name: "a subscription's portal page", input: `${PORTAL}/subscriptions/${SUB}/overview`, code: "subscription_only" },
    {
      name: "a resource group, when a target is expected",
      input: RG,
      code: "resource_group_only",
      expect: ["site", "slot", "privateLinkService"],
      includes: "This is the ID of a resource group, not of a web app or function app, a deployment slot or a Private Link Service. Paste the ID from the app's Properties → Resource ID",
    },
    { name: "a resource group's portal page", input: `${PORTAL}${RG}/overview`, code: "resource_group_only" },
    { name: "a storage account", input: `${RG}/providers/Microsoft.Storage/storageAccounts/stcontoso`, code: "unsupported_resource_type", includes: "Storage accounts aren't supported by Crosslink yet" },
    { name: "a storage account's blob service", input: `${RG}/providers/Microsoft.Storage/storageAccounts/st/blobServices/default`, code: "unsupported_resource_type" },
    { name: "a SQL server", input: `${RG}/providers/Microsoft.Sql/servers/sql1`, code: "unsupported_resource_type", includes: "Azure SQL servers aren't supported" },
    { name: "a key vault", input: `${RG}/providers/microsoft.keyvault/VAULTS/kv1`, code: "unsupported_resource_type", includes: "Key vaults aren't supported" },
    { name: "an App Service plan", input: `${RG}/providers/Microsoft.Web/serverfarms/asp-contoso-apps`, code: "unknown_resource_type", includes: "App Service plan" },
    { name: "a virtual machine", input: `${RG}/providers/Microsoft.Compute/virtualMachines/vm1`, code: "unknown_resource_type", includes: "Microsoft.Compute/virtualMachines" },
    { name: "an app's configuration", input: `${SITE}/config/web`, code: "nested_resource", includes: `part (config/web) of a web app or function app` },
    { name: "a connection on an app", input: `${SITE}/privateEndpointConnections/pe1`, code: "nested_resource", includes: SITE },
    { name: "a slot's configuration", input: `${SLOT}/config/web`, code: "nested_resource", includes: SLOT },
    { name: "a subnet, when a target is expected", input: SUBNET, code: "wrong_resource_type", expect: ["site", "slot", "privateLinkService"], includes: "This is the ID of a subnet" },
    { name: "a private endpoint, when a target is expected", input: PE, code: "wrong_resource_type", expect: ["site", "slot", "privateLinkService"], includes: "a private endpoint" },
    { name: "an app, when a subnet is expected", input: SITE, code: "wrong_resource_type", expect: ["subnet"], includes: "/subnets/<subnet name>" },
    { name: "a kind check comes before a name check", input: `${FAB}/providers/Microsoft.Network/virtualNetworks/v`, code: "wrong_resource_type", expect: ["site"] },
    { name: "site starting with a hyphen", input: `${RG}/providers/Microsoft.Web/sites/-orders`, code: "bad_name", part: "siteName", includes: "can't start or end with a hyphen" },
    { name: "site ending with a hyphen", input: `${RG}/providers/Microsoft.Web/sites/orders-`, code: "bad_name", part: "siteName" },
    { name: "site of 61 characters", input: `${RG}/providers/Microsoft.Web/sites/${long}`, code: "bad_name", part: "siteName", includes: "61 characters" },
    { name: "site of 1 character", input: `${RG}/providers/Microsoft.Web/sites/a`, code: "bad_name", part: "siteName", includes: "1 character long" },
    { name: "site with an underscore", input: `${RG}/providers/Microsoft.Web/sites/contoso_orders`, code: "bad_name", part: "siteName", includes: "“_”" },
    { name: "slot of 1 character", input: `${SITE}/slots/s`, code: "bad_name", part: "slotName" },
    { name: "slot of 60 characters", input: `${SITE}/slots/${"s".repeat(60)}`, code: "bad_name", part: "slotName" },
    { name: "Private Link Service ending with a hyphen", input: `${RG}/providers/Microsoft.Network/privateLinkServices/pls-`, code: "bad_name", part: "privateLinkServiceName" },
    { name: "private endpoint starting with a period", input: `${FAB}/providers/Microsoft.Network/privateEndpoints/.pe`, code: "bad_name", part: "privateEndpointName" },
    { name: "subnet with a !", input: `${VNET}/subnets/snet!`, code: "bad_name", part: "subnetName" },
  ];

  it.each(cases)("$name → $code", ({ input, code, expect: kinds, part, includes }) => {
    const parsed = parseResourceId(input, kinds ? { expect: kinds } : {});
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe(code);
    expect(parsed.message.length).toBeGreaterThan(20);
    if (part) expect(parsed.part).toBe(part);
    if (includes) expect(parsed.message).toContain(includes);
  });

  it("covers every error code", () => {
    const all: ResourceIdErrorCode[] = [
      "empty",
      "malformed",
      "not_a_resource_id",
      "has_query_string",
      "unsupported_url",
      "bad_subscription_id",
      "bad_resource_group",
      "subscription_only",
      "resource_group_only",
      "unsupported_resource_type",
      "unknown_resource_type",
      "nested_resource",
      "wrong_resource_type",
      "bad_name",
    ];
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(all));
  });

  it("offers the parent ID for a nested resource", () => {
    const parsed = parseResourceId(`${SLOT}/config/web`);
    expect(parsed.ok === false && parsed.suggestion).toBe(SLOT);
  });

  it("reports the type and kind found", () => {
    const wrong = parseTargetResourceId(SUBNET);
    expect(wrong.ok === false && [wrong.kind, wrong.resourceType]).toEqual(["subnet", "Microsoft.Network/virtualNetworks/subnets"]);
    const unsupported = parseTargetResourceId(`${RG}/providers/microsoft.storage/storageaccounts/st1`);
    expect(unsupported.ok === false && unsupported.resourceType).toBe("Microsoft.Storage/storageAccounts");
  });
});

describe("target helpers and comparison", () => {
  it("parseTargetResourceId accepts the three target kinds and nothing else", () => {
    expect([SITE, SLOT, PLS].map((id) => parseTargetResourceId(id).ok)).toEqual([true, true, true]);
    expect([PE, VNET, SUBNET].map((id) => parseTargetResourceId(id).ok)).toEqual([false, false, false]);
  });

  it("isTargetResourceId tells targets from network resources", () => {
    const kinds = [SITE, SLOT, PLS, PE, VNET, SUBNET].map((id) => {
      const p = parseResourceId(id);
      return p.ok && isTargetResourceId(p);
    });
    expect(kinds).toEqual([true, true, true, false, false, false]);
  });

  it.each([
    [SITE, SITE.toUpperCase(), true],
    [SITE, `${SITE}/`, true],
    [SITE, `${PORTAL}${SITE}/overview`, true],
    [SITE, SLOT, false],
    [SITE, `${RG}/providers/Microsoft.Web/sites/contoso-billing`, false],
    ["/not/an/id/", "/NOT/an/ID", true],
    ["/not/an/id", "/not/an/other", false],
  ])("sameResourceId(%s, %s) is %s", (a, b, same) => {
    expect(sameResourceId(a, b)).toBe(same);
  });

  it("resourceIdKey is the lower-case canonical ID, or undefined", () => {
    expect(resourceIdKey(` ${SITE.toUpperCase()}/ `)).toBe(SITE.toLowerCase());
    expect(resourceIdKey("nonsense")).toBeUndefined();
  });
});

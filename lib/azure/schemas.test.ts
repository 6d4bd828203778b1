/**
 * The zod boundary and the small pure helpers around it: shapes Crosslink cannot use become an
 * AzureError naming the problem; tolerated variations (null fields, display-name regions, the
 * PLS spec's "Removed") are read as the app expects.
 */
import { describe, expect, it } from "vitest";
import { armIdScope } from "./arm-id";
import { AzureError } from "./azure-error";
import { tokenCredentialFrom } from "./credentials";
import { LroWatch, type LroProgress } from "./lro";
import { parseAzure, privateEndpointSchema, providerConnectionSchema, siteResourceSchema, virtualNetworkSchema } from "./schemas";
import { endpointPlacement } from "./subnet-rules";

const RG = "/subscriptions/bbbb2222-0000-4000-8000-000000000002/resourceGroups/rg-net";
const PE = `${RG}/providers/Microsoft.Network/privateEndpoints/pe-1`;
const SITE = "/subscriptions/aaaa1111-0000-4000-8000-000000000001/resourceGroups/rg-apps/providers/Microsoft.Web/sites/app";

function unexpected(fn: () => unknown): AzureError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AzureError);
    return err as AzureError;
  }
  throw new Error("expected an AzureError");
}

describe("parseAzure", () => {
  it("an endpoint without an id is an UnexpectedResponse naming the field", () => {
    const e = unexpected(() => parseAzure(privateEndpointSchema, { name: "pe-1", location: "westeurope" }, "the private endpoint pe-1"));
    expect(e).toMatchObject({ code: "UnexpectedResponse", status: null, retryable: false });
    expect(e.message).toMatch(/^Azure's answer for the private endpoint pe-1 did not have the expected shape: id: /);
    expect(e.userMessage).toContain("the private endpoint pe-1");
  });

  it("an unknown connection status is refused with the status named", () => {
    const e = unexpected(() =>
      parseAzure(providerConnectionSchema(SITE), { id: `${SITE}/privateEndpointConnections/c`, name: "c", privateLinkServiceConnectionState: { status: "Frobnicated" } }, "x"),
    );
    expect(e.message).toContain("privateLinkServiceConnectionState.status: unknown connection status “Frobnicated”");
  });

  it("reads statuses case-insensitively and the spec's Removed as Disconnected; empty texts are null", () => {
    const c = parseAzure(
      providerConnectionSchema(SITE),
      { id: `${SITE}/privateEndpointConnections/c`, name: "c", privateEndpoint: null, privateLinkServiceConnectionState: { status: "removed", description: "", actionsRequired: null } },
      "x",
    );
    expect(c).toEqual({
      id: `${SITE}/privateEndpointConnections/c`,
      name: "c",
      targetResourceId: SITE,
      privateEndpointId: null,
      status: "Disconnected",
      description: null,
      actionsRequired: null,
      provisioningState: null,
      ipAddresses: [],
    });
  });

  it("a minimal endpoint (a failed creation) parses with empty lists and no connection state", () => {
    const pe = parseAzure(
      privateEndpointSchema,
      { id: PE, name: "pe-1", location: "West Europe", provisioningState: "Failed", manualPrivateLinkServiceConnections: [{ name: "pe-1", privateLinkServiceId: SITE }] },
      "x",
    );
    expect(pe).toMatchObject({
      location: "westeurope",
      subscriptionId: "bbbb2222-0000-4000-8000-000000000002",
      resourceGroup: "rg-net",
      subnetId: null,
      networkInterfaceIds: [],
      customDnsConfigs: [],
      connection: { kind: "manual", groupIds: [], requestMessage: null, state: null },
    });
  });

  it("sites: kind decides web app or function app; regions become programmatic names", () => {
    expect(parseAzure(siteResourceSchema, { id: SITE, name: "app", kind: "functionapp,linux", location: "East US 2" }, "x")).toMatchObject({
      kind: "functionApp",
      armKind: "functionapp,linux",
      location: "eastus2",
    });
    expect(parseAzure(siteResourceSchema, { id: SITE, name: "app", kind: null, location: "westeurope" }, "x").kind).toBe("webApp");
  });

  it("subnets with addressPrefixes (plural) and a VNet without subnets", () => {
    const vnet = parseAzure(
      virtualNetworkSchema,
      {
        id: `${RG}/providers/Microsoft.Network/virtualNetworks/v`,
        name: "v",
        location: "westeurope",
        subnets: [{ id: `${RG}/providers/Microsoft.Network/virtualNetworks/v/subnets/s`, name: "s", addressPrefixes: ["10.0.0.0/24", "10.0.1.0/24"] }],
      },
      "x",
    );
    expect(vnet.addressPrefixes).toEqual([]);
    expect(vnet.subnets[0]).toMatchObject({ addressPrefixes: ["10.0.0.0/24", "10.0.1.0/24"], endpointAllowed: true });
    const bare = parseAzure(virtualNetworkSchema, { id: `${RG}/providers/Microsoft.Network/virtualNetworks/w`, name: "w", location: "westeurope" }, "x");
    expect(bare.subnets).toEqual([]);
  });
});

describe("endpointPlacement", () => {
  it("refuses reserved subnets, delegated subnets and subnets without a range; allows the rest", () => {
    expect(endpointPlacement({ name: "GatewaySubnet", addressPrefixes: ["10.0.0.0/27"], delegations: [] })).toEqual({
      endpointAllowed: false,
      reason: "GatewaySubnet is reserved for VPN and ExpressRoute gateways; Azure does not allow private endpoints in it.",
    });
    expect(endpointPlacement({ name: "aci", addressPrefixes: ["10.0.1.0/24"], delegations: ["Microsoft.ContainerInstance/containerGroups", "Contoso.Custom/x"] }).reason).toBe(
      "Delegated to Microsoft.ContainerInstance/containerGroups (Azure Container Instances), Contoso.Custom/x. Azure does not allow private endpoints in a delegated subnet; pick a subnet without delegations.",
    );
    expect(endpointPlacement({ name: "empty", addressPrefixes: [], delegations: [] }).endpointAllowed).toBe(false);
    expect(endpointPlacement({ name: "snet-endpoints", addressPrefixes: ["10.1.1.0/24"], delegations: [] })).toEqual({ endpointAllowed: true, reason: null });
  });
});

describe("armIdScope", () => {
  it("reads subscription, group and name of nested and top-level IDs; refuses others", () => {
    expect(armIdScope(`${RG}/providers/Microsoft.Network/networkInterfaces/pe-1.nic.abc/`)).toEqual({
      subscriptionId: "bbbb2222-0000-4000-8000-000000000002",
      resourceGroup: "rg-net",
      name: "pe-1.nic.abc",
    });
    expect(armIdScope(`${SITE}/slots/staging`)?.name).toBe("staging");
    expect(armIdScope(RG)).toBeUndefined();
    expect(armIdScope("not an id")).toBeUndefined();
  });
});

describe("tokenCredentialFrom", () => {
  it("uses expiresOn, or the token's exp claim when there is none", async () => {
    const at = new Date("2030-01-01T00:00:00Z");
    expect(await tokenCredentialFrom(async () => ({ token: "opaque", expiresOn: at })).getToken([])).toEqual({ token: "opaque", expiresOnTimestamp: at.getTime() });
    const jwt = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"exp":1900000000}').toString("base64url")}.`;
    expect((await tokenCredentialFrom(async () => ({ token: jwt, expiresOn: null })).getToken([]))?.expiresOnTimestamp).toBe(1_900_000_000_000);
    const opaque = await tokenCredentialFrom(async () => ({ token: "opaque", expiresOn: null })).getToken([]);
    expect(opaque!.expiresOnTimestamp).toBeGreaterThan(Date.now());
    expect(opaque!.expiresOnTimestamp).toBeLessThanOrEqual(Date.now() + 2 * 60_000);
  });

  it("passes the claims of a challenge (as the SDK's bearer policy gives them) to the token function", async () => {
    const asked: Array<{ claims?: string }> = [];
    const credential = tokenCredentialFrom(async (request) => {
      asked.push(request);
      return { token: "t", expiresOn: new Date("2030-01-01T00:00:00Z") };
    });
    const claims = '{"access_token":{"acrs":{"essential":true,"values":["p1"]}}}';
    await credential.getToken(["https://management.azure.com/.default"], { claims, enableCae: true });
    await credential.getToken(["https://management.azure.com/.default"]);
    await credential.getToken(["https://management.azure.com/.default"], { claims: "" });
    expect(asked).toEqual([{ claims }, {}, {}]);
  });
});

describe("LroWatch", () => {
  it("reports submitted, each running poll and succeeded, and survives a throwing callback", async () => {
    const seen: LroProgress[] = [];
    let calls = 0;
    const watch = new LroWatch((p) => {
      seen.push(p);
      if (++calls === 2) throw new Error("UI callback bug");
    });
    watch.onResponse({ parsedBody: { properties: { provisioningState: "Updating" } } });
    let listener: (s: { status: string }) => void = () => {};
    const poller = {
      onProgress: (cb: (s: { status: string }) => void) => (listener = cb),
      pollUntilDone: async () => {
        listener({ status: "running" });
        listener({ status: "running" });
        listener({ status: "succeeded" });
        return { provisioningState: "Succeeded", name: "pe" };
      },
    };
    await expect(watch.run(poller)).resolves.toEqual({ provisioningState: "Succeeded", name: "pe" });
    expect(seen.map((p) => [p.phase, p.polls, p.provisioningState])).toEqual([
      ["submitted", 0, "Updating"],
      ["running", 1, "Updating"],
      ["running", 2, "Updating"],
      ["succeeded", 2, "Succeeded"],
    ]);
  });
});

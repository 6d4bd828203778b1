/**
 * Azure's refusals, met for real against the local ARM, each as an AzureError with Azure's code
 * and a message a person can act on. Refused requests leave nothing behind.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F, LITWARE_RESOURCES as L, NORTHWIND_RESOURCES as N } from "../../dev/world/demo-resources";
import { DEMO_TENANTS } from "../../dev/world/demo-tenants";
import { AzureError } from "./azure-error";
import { fabrikamEndpointRequest as felixRequest, failureOf, startTestWorld, type TestWorld } from "@/tests/support/test-world";

const FELIX = "felix@fabrikam.onmicrosoft.com";
const NORA = "nora@northwind.onmicrosoft.com";
const LIAM = "liam@litware.onmicrosoft.com";
const litware = DEMO_TENANTS.find((t) => t.key === "litware")!;

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(() => w?.close());
beforeEach(() => w.reset());

async function azureErrorOf(p: Promise<unknown>): Promise<AzureError> {
  const err = await failureOf(p);
  expect(err).toBeInstanceOf(AzureError);
  return err as AzureError;
}

/** Nothing was created: no endpoint in the consumer's group, no connection anywhere. */
function expectNothingCreated() {
  const world = w.arm.world.inspect();
  expect(world.connections).toEqual([]);
  expect(world.resources.filter((r) => r.kind.toLowerCase().includes("privateendpoint"))).toEqual([]);
}

describe("placement and request errors", () => {
  it("a subnet delegated to Microsoft.Web/serverFarms", async () => {
    const e = await azureErrorOf(w.consumer(FELIX).createPrivateEndpoint(felixRequest("pe-delegated", { subnetId: F.vnet.subnets.appservice.id })));
    expect(e).toMatchObject({ status: 400, code: "PrivateEndpointCannotBeCreatedInSubnetThatHasDelegations", retryable: false });
    expect(e.userMessage).toBe(
      "Subnet snet-appservice is delegated to Microsoft.Web/serverFarms, and Azure does not allow private endpoints in a delegated subnet. Pick a subnet without delegations.",
    );
    expect(e.message).toContain("cannot be created in subnet"); // Azure's own words are kept
    expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expectNothingCreated();
  });

  it("an endpoint in another region than its VNet (Northwind's VNet is in eastus)", async () => {
    const e = await azureErrorOf(
      w.consumer(NORA).createPrivateEndpoint({
        subscriptionId: N.subscriptionId,
        resourceGroup: N.resourceGroup,
        name: "pe-billing",
        location: "westeurope",
        subnetId: N.vnet.subnets.endpoints.id,
        targetResourceId: C.sites.billing.id,
        groupIds: ["sites"],
        requestMessage: "Northwind",
      }),
    );
    expect(e).toMatchObject({ status: 400, code: "InvalidResourceReference", retryable: false });
    expect(e.userMessage).toContain("vnet-northwind");
    expect(e.userMessage).toMatch(/same region as its virtual network/);
    expectNothingCreated();
  });

  it("a target that does not exist", async () => {
    const e = await azureErrorOf(
      w.consumer(FELIX).createPrivateEndpoint(felixRequest("pe-ghost", { targetResourceId: `${C.resourceGroupId}/providers/Microsoft.Web/sites/contoso-ghost` })),
    );
    expect(e.status).toBe(404);
    expect(e.code).toBe("ResourceNotFound");
    expect(e.userMessage).toContain("contoso-ghost");
    expect(e.userMessage).toMatch(/could not find/);
    expectNothingCreated();
  });

  it("a request message over the web app limit (140)", async () => {
    const e = await azureErrorOf(w.consumer(FELIX).createPrivateEndpoint(felixRequest("pe-long", { requestMessage: "x".repeat(141) })));
    expect(e).toMatchObject({ status: 400, code: "RequestMessageTooLong", retryable: false });
    expect(e.userMessage).toBe("The request message is too long: this resource accepts at most 140 characters. Shorten it and file the request again.");
    expectNothingCreated();
  });

  it("a group ID the target does not offer", async () => {
    const e = await azureErrorOf(w.consumer(FELIX).createPrivateEndpoint(felixRequest("pe-blob", { groupIds: ["blob"] })));
    expect(e).toMatchObject({ status: 400, code: "InvalidPrivateLinkServiceConnectionGroupIds" });
    expect(e.userMessage).toMatch(/“sites”/);
  });

  it("IDs that are not what the operation needs are refused before Azure is asked, with lib/domain's message", async () => {
    const before = (await w.admin("GET", "/_local/stats")).requests.total as number;
    const e = await azureErrorOf(w.consumer(FELIX).createPrivateEndpoint(felixRequest("pe-x", { targetResourceId: F.vnet.subnets.endpoints.id })));
    expect(e).toMatchObject({ status: null, code: "InvalidResourceId", retryable: false });
    expect(e.userMessage).toMatch(/^This is the ID of a subnet, not of a web app or function app/);
    const e2 = await azureErrorOf(w.provider().listConnections("contoso-orders"));
    expect(e2.code).toBe("InvalidResourceId");
    const e3 = await azureErrorOf(w.consumer(FELIX).getPrivateEndpoint(C.sites.orders.id));
    expect(e3.code).toBe("InvalidResourceId");
    expect((await w.admin("GET", "/_local/stats")).requests.total).toBe(before + 1); // only the stats call itself
  });
});

describe("whose rights", () => {
  it("Litware's token on Fabrikam's subscription: the wrong tenant", async () => {
    const liam = w.consumer(LIAM);
    const list = await azureErrorOf(liam.listVirtualNetworks(F.subscriptionId));
    expect(list).toMatchObject({ status: 401, code: "InvalidAuthenticationTokenTenant", retryable: false });
    expect(list.userMessage).toBe(
      `Subscription ${F.subscriptionId} belongs to a different Microsoft Entra tenant than the one you signed in with. Pick one of your own subscriptions, or sign in with an account of the tenant that owns it.`,
    );
    const create = await azureErrorOf(liam.createPrivateEndpoint(felixRequest("pe-liam")));
    expect(create.code).toBe("InvalidAuthenticationTokenTenant");
    expectNothingCreated();
    // What Liam can see: his own, empty subscription.
    expect((await liam.listSubscriptions()).map((s) => s.subscriptionId)).toEqual([L.subscriptionId]);
    expect(await liam.listVirtualNetworks(L.subscriptionId)).toEqual([]);
  });

  it("an identity without a role: AuthorizationFailed names the scope and the role to ask for", async () => {
    // Crosslink's service principal in Litware holds no role anywhere.
    const litwareConfig = w.configFor({ PROVIDER_TENANT_ID: litware.tenantId });
    const provider = w.provider({}, litwareConfig);
    expect(await provider.listManageableResources()).toEqual([]); // it sees no subscription at all
    const target = `/subscriptions/${L.subscriptionId}/resourceGroups/rg-litware/providers/Microsoft.Web/sites/litware-app`;
    const e = await azureErrorOf(provider.listConnections(target));
    expect(e).toMatchObject({ status: 403, code: "AuthorizationFailed", retryable: false });
    expect(e.userMessage).toBe(
      `Crosslink's own identity (its service principal in the provider tenant) does not have permission to read private endpoint connections in resource group rg-litware of subscription ${L.subscriptionId} (missing permission: Microsoft.Web/sites/privateEndpointConnections/read). Assign Crosslink's service principal the custom role defined in deploy/azure/crosslink-provider-role.json on the provider's subscription (see “Running on real Azure” in the README); if it is assigned, update the role from the current file.`,
    );
  });

  it("the provider identity on a consumer's subscription: the wrong tenant", async () => {
    const e = await azureErrorOf(w.provider().listConnections(`${F.resourceGroupId}/providers/Microsoft.Web/sites/fabrikam-app`));
    expect(e.code).toBe("InvalidAuthenticationTokenTenant");
    expect(e.userMessage).toContain("belongs to the provider tenant");
  });

  it("a wrong client secret for Crosslink's identity is a ProviderCredentialFailed error without the secret in it", async () => {
    const secret = "definitely-not-the-secret-0123456789";
    const provider = w.provider({}, w.configFor({ ENTRA_CLIENT_SECRET: secret }));
    const e = await azureErrorOf(provider.listManageableResources());
    expect(e).toMatchObject({ code: "ProviderCredentialFailed", retryable: false });
    expect(e.userMessage).toMatch(/ENTRA_CLIENT_SECRET/);
    expect(JSON.stringify(e)).not.toContain(secret);
    expect(e.message).toContain("invalid_client");
  });

  it("a credential's own error (the consumer must sign in again) reaches the caller unchanged", async () => {
    class ReauthenticationRequired extends Error {}
    const { createConsumerAzure } = await import("./consumer-azure");
    const { tokenCredentialFrom } = await import("./credentials");
    const consumer = createConsumerAzure(
      w.config,
      tokenCredentialFrom(() => Promise.reject(new ReauthenticationRequired("sign in again"))),
    );
    const err = await failureOf(consumer.listSubscriptions());
    expect(err).toBeInstanceOf(ReauthenticationRequired);
  });
});

describe("no token ever in an error", () => {
  it("AzureError's JSON, message and userMessage carry no bearer token", async () => {
    const e = await azureErrorOf(w.consumer(LIAM).listVirtualNetworks(F.subscriptionId));
    const text = `${JSON.stringify(e)} ${e.message} ${e.userMessage} ${String(e.stack)}`;
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(Object.keys(e)).not.toContain("request");
    expect(Object.keys(e)).not.toContain("cause");
  });
});

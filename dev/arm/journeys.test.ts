/**
 * Journeys with the official Azure SDK clients and real tokens from the local Entra ID
 * (dev/entra: password grant for users, client credentials for Crosslink's service principal).
 * The SDKs are used unchanged except for `endpoint` and a test-only CA trust policy.
 */
import { RestError } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appToken, startLocalEntraForTests, userToken, type TestEntra } from "../entra/test-support";
import { ARM_RESOURCE, DEMO_TENANTS } from "../world/demo-tenants";
import { APP_SERVICE_PRIVATE_DNS_ZONE, CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F, LITWARE_RESOURCES as L, NORTHWIND_RESOURCES as N } from "../world/demo-resources";
import { startTestArm, type TestArm } from "./test-support/harness";
import { networkClient, privateDnsClient, resourcesClient, StaticTokenCredential, webClient } from "./test-support/sdk";

const tenant = (key: string) => DEMO_TENANTS.find((t) => t.key === key)!;
const POLL = { updateIntervalInMs: 5 };

let entra: TestEntra;
let t: TestArm;
const cred: Record<"felix" | "nora" | "liam" | "priya" | "contosoApp" | "litwareApp", StaticTokenCredential> = {} as never;

beforeAll(async () => {
  entra = await startLocalEntraForTests();
  t = await startTestArm({ lro: { minMs: 10, maxMs: 40, retryAfterSeconds: 0 } }, entra);
  const user = async (u: string) => new StaticTokenCredential((await userToken(entra.url, u, ARM_RESOURCE.delegatedScope)).accessToken);
  const app = async (k: string) => new StaticTokenCredential((await appToken(entra.url, tenant(k).tenantId, ARM_RESOURCE.appOnlyScope)).accessToken);
  cred.felix = await user("felix@fabrikam.onmicrosoft.com");
  cred.nora = await user("nora@northwind.onmicrosoft.com");
  cred.liam = await user("liam@litware.onmicrosoft.com");
  cred.priya = await user("priya@contoso.onmicrosoft.com");
  cred.contosoApp = await app("contoso");
  cred.litwareApp = await app("litware");
});
afterAll(async () => {
  await t?.close();
  await entra?.close();
});
beforeEach(async () => {
  t.arm.world.reset();
  await t.request("PUT", "/_local/faults", { body: { reset: true, resetStats: true } });
  await t.request("PUT", "/_local/throttling", { body: { enabled: true, reads: { burst: 250, perSecond: 25 }, writes: { burst: 200, perSecond: 10 } } });
});

const opts = () => ({ endpoint: t.arm.url, caPem: t.caPem });
const fabrikamNet = () => networkClient(cred.felix, F.subscriptionId, opts());
const contosoWeb = () => webClient(cred.contosoApp, C.subscriptionId, opts());
const contosoNet = () => networkClient(cred.contosoApp, C.subscriptionId, opts());

async function requestEndpoint(name: string, groupId = "sites", message = "Fabrikam orders integration, ticket FAB-42") {
  return fabrikamNet().privateEndpoints.beginCreateOrUpdateAndWait(
    F.resourceGroup,
    name,
    {
      location: F.location,
      subnet: { id: F.vnet.subnets.endpoints.id },
      manualPrivateLinkServiceConnections: [
        { name: `${name}-conn`, privateLinkServiceId: C.sites.orders.id, groupIds: [groupId], requestMessage: message },
      ],
    },
    POLL,
  );
}

async function siteConnections(slot?: string) {
  const out = [];
  const web = contosoWeb();
  const it = slot
    ? web.webApps.listPrivateEndpointConnectionListSlot(C.resourceGroup, C.sites.orders.name, slot)
    : web.webApps.listPrivateEndpointConnectionList(C.resourceGroup, C.sites.orders.name);
  for await (const c of it) out.push(c);
  return out;
}

function consumerState(pe: { manualPrivateLinkServiceConnections?: { privateLinkServiceConnectionState?: { status?: string; description?: string } }[] }) {
  return pe.manualPrivateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState;
}

async function rejection(p: Promise<unknown>): Promise<RestError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "the call should have failed").toBeInstanceOf(Error);
  return err as RestError;
}

function errorCode(e: RestError): string | undefined {
  const details = (e as RestError & { details?: { error?: { code?: string } } }).details;
  return e.code ?? details?.error?.code;
}

describe("a consumer's request to a provider's app", () => {
  it("is Pending on the site until the provider approves; then the endpoint is Approved", async () => {
    const pe = await requestEndpoint("pe-orders");
    expect(pe.provisioningState).toBe("Succeeded");
    expect(consumerState(pe)).toMatchObject({ status: "Pending", description: "Awaiting approval" });
    const ip = pe.customDnsConfigs?.[0]?.ipAddresses?.[0];
    expect(pe.customDnsConfigs?.map((d) => d.fqdn)).toEqual(["contoso-orders.azurewebsites.net", "contoso-orders.scm.azurewebsites.net"]);
    expect(ip).toBe("10.1.1.4");

    const nicName = pe.networkInterfaces![0]!.id!.split("/").pop()!;
    const nic = await fabrikamNet().networkInterfaces.get(F.resourceGroup, nicName);
    expect(nic.ipConfigurations?.[0]?.privateIPAddress).toBe(ip);
    expect(nic.ipConfigurations?.[0]?.privateLinkConnectionProperties?.fqdns).toContain("contoso-orders.azurewebsites.net");

    const pending = await siteConnections();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      privateEndpoint: { id: pe.id },
      privateLinkServiceConnectionState: { status: "Pending", description: "Fabrikam orders integration, ticket FAB-42" },
      ipAddresses: [ip],
    });

    const approved = await contosoWeb().webApps.beginApproveOrRejectPrivateEndpointConnectionAndWait(
      C.resourceGroup,
      C.sites.orders.name,
      pending[0]!.name!,
      { privateLinkServiceConnectionState: { status: "Approved", description: "Approved by Priya" } },
      POLL,
    );
    expect(approved.privateLinkServiceConnectionState?.status).toBe("Approved");
    expect(approved.provisioningState).toBe("Succeeded");

    const after = await fabrikamNet().privateEndpoints.get(F.resourceGroup, "pe-orders");
    expect(consumerState(after)).toMatchObject({ status: "Approved", description: "Approved by Priya" });

    // Re-approving an approved connection is an idempotent success (Microsoft.Web; see README).
    const again = await contosoWeb().webApps.beginApproveOrRejectPrivateEndpointConnectionAndWait(
      C.resourceGroup,
      C.sites.orders.name,
      pending[0]!.name!,
      { privateLinkServiceConnectionState: { status: "Approved", description: "Approved by Priya" } },
      POLL,
    );
    expect(again.privateLinkServiceConnectionState?.status).toBe("Approved");
  });

  it("then lets the consumer set up private DNS with the endpoint's IP", async () => {
    const pe = await requestEndpoint("pe-orders");
    const ip = pe.customDnsConfigs![0]!.ipAddresses![0]!;
    const dns = privateDnsClient(cred.felix, F.subscriptionId, opts());
    const zone = await dns.privateZones.beginCreateOrUpdateAndWait(F.resourceGroup, APP_SERVICE_PRIVATE_DNS_ZONE, { location: "global" }, POLL);
    expect(zone.provisioningState).toBe("Succeeded");
    for (const name of ["contoso-orders", "contoso-orders.scm"]) {
      const rs = await dns.recordSets.createOrUpdate(F.resourceGroup, APP_SERVICE_PRIVATE_DNS_ZONE, "A", name, { ttl: 10, aRecords: [{ ipv4Address: ip }] });
      expect(rs.fqdn).toBe(`${name}.${APP_SERVICE_PRIVATE_DNS_ZONE}.`);
    }
    const link = await dns.virtualNetworkLinks.beginCreateOrUpdateAndWait(
      F.resourceGroup,
      APP_SERVICE_PRIVATE_DNS_ZONE,
      "link-vnet-fabrikam",
      { location: "global", virtualNetwork: { id: F.vnet.id }, registrationEnabled: false },
      POLL,
    );
    expect(link.virtualNetworkLinkState).toBe("Completed");
    const names = [];
    for await (const r of dns.recordSets.listByType(F.resourceGroup, APP_SERVICE_PRIVATE_DNS_ZONE, "A")) names.push(r.name);
    expect(names.sort()).toEqual(["contoso-orders", "contoso-orders.scm"]);
  });

  it("can be rejected, and a rejected connection cannot be approved afterwards", async () => {
    await requestEndpoint("pe-orders");
    const [conn] = await siteConnections();
    await contosoWeb().webApps.beginApproveOrRejectPrivateEndpointConnectionAndWait(
      C.resourceGroup,
      C.sites.orders.name,
      conn!.name!,
      { privateLinkServiceConnectionState: { status: "Rejected", description: "Not a known customer" } },
      POLL,
    );
    expect(consumerState(await fabrikamNet().privateEndpoints.get(F.resourceGroup, "pe-orders"))).toMatchObject({
      status: "Rejected",
      description: "Not a known customer",
    });
    const err = await rejection(
      contosoWeb().webApps.beginApproveOrRejectPrivateEndpointConnectionAndWait(
        C.resourceGroup,
        C.sites.orders.name,
        conn!.name!,
        { privateLinkServiceConnectionState: { status: "Approved", description: "changed my mind" } },
        POLL,
      ),
    );
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/rejected/i);
    expect((await siteConnections())[0]?.privateLinkServiceConnectionState?.status).toBe("Rejected");
  });

  it("shows Disconnected to the consumer when the provider deletes the connection", async () => {
    await requestEndpoint("pe-orders");
    const [conn] = await siteConnections();
    await contosoWeb().webApps.beginApproveOrRejectPrivateEndpointConnectionAndWait(
      C.resourceGroup,
      C.sites.orders.name,
      conn!.name!,
      { privateLinkServiceConnectionState: { status: "Approved", description: "ok" } },
      POLL,
    );
    await contosoWeb().webApps.beginDeletePrivateEndpointConnectionAndWait(C.resourceGroup, C.sites.orders.name, conn!.name!, POLL);
    expect(await siteConnections()).toHaveLength(0);
    const pe = await fabrikamNet().privateEndpoints.get(F.resourceGroup, "pe-orders");
    expect(consumerState(pe)?.status).toBe("Disconnected");
    // Only its owner can remove the endpoint now.
    await fabrikamNet().privateEndpoints.beginDeleteAndWait(F.resourceGroup, "pe-orders", POLL);
    const gone = await rejection(fabrikamNet().privateEndpoints.get(F.resourceGroup, "pe-orders"));
    expect(gone.statusCode).toBe(404);
  });

  it("disappears from the provider's side when the consumer deletes the endpoint, with its NIC", async () => {
    const pe = await requestEndpoint("pe-orders");
    expect(await siteConnections()).toHaveLength(1);
    await fabrikamNet().privateEndpoints.beginDeleteAndWait(F.resourceGroup, "pe-orders", POLL);
    expect(await siteConnections()).toHaveLength(0);
    const nicName = pe.networkInterfaces![0]!.id!.split("/").pop()!;
    expect((await rejection(fabrikamNet().networkInterfaces.get(F.resourceGroup, nicName))).statusCode).toBe(404);
    const list = [];
    for await (const p of fabrikamNet().privateEndpoints.list(F.resourceGroup)) list.push(p);
    expect(list).toHaveLength(0);
  });

  it("to a slot uses group ID sites-<slot> and appears on the slot only", async () => {
    const pe = await requestEndpoint("pe-orders-staging", C.sites.orders.slots.staging.groupId);
    expect(pe.customDnsConfigs?.map((d) => d.fqdn)).toEqual([
      "contoso-orders-staging.azurewebsites.net",
      "contoso-orders-staging.scm.azurewebsites.net",
    ]);
    expect(await siteConnections()).toHaveLength(0);
    const onSlot = await siteConnections("staging");
    expect(onSlot).toHaveLength(1);
    const approved = await contosoWeb().webApps.beginApproveOrRejectPrivateEndpointConnectionSlotAndWait(
      C.resourceGroup,
      C.sites.orders.name,
      onSlot[0]!.name!,
      "staging",
      { privateLinkServiceConnectionState: { status: "Approved", description: "staging ok" } },
      POLL,
    );
    expect(approved.privateLinkServiceConnectionState?.status).toBe("Approved");
    expect(consumerState(await fabrikamNet().privateEndpoints.get(F.resourceGroup, "pe-orders-staging"))?.status).toBe("Approved");
    // Priya: Crosslink's own role has no privateLinkResources/read (it never needs it).
    const resources = await webClient(cred.priya, C.subscriptionId, opts()).webApps.getPrivateLinkResources(C.resourceGroup, C.sites.orders.name);
    expect(resources.value.map((r) => r.properties?.groupId)).toEqual(["sites", "sites-staging"]);
  });

  it("with a group ID the site does not offer is refused and nothing is created", async () => {
    const err = await rejection(requestEndpoint("pe-bad-group", "blob"));
    expect(err.statusCode).toBe(400);
    expect(errorCode(err)).toBe("InvalidPrivateLinkServiceConnectionGroupIds");
    expect((await rejection(fabrikamNet().privateEndpoints.get(F.resourceGroup, "pe-bad-group"))).statusCode).toBe(404);
  });

  it("with a request message over the limit is refused; at the limit it is accepted", async () => {
    const err = await rejection(requestEndpoint("pe-long", "sites", "x".repeat(141)));
    expect(err.statusCode).toBe(400);
    expect(errorCode(err)).toBe("RequestMessageTooLong");
    const ok = await requestEndpoint("pe-long", "sites", "y".repeat(140));
    expect(ok.manualPrivateLinkServiceConnections?.[0]?.requestMessage).toHaveLength(140);
  });
});

describe("placement rules", () => {
  it("refuses a private endpoint in a subnet delegated to Microsoft.Web/serverFarms", async () => {
    const err = await rejection(
      fabrikamNet().privateEndpoints.beginCreateOrUpdateAndWait(
        F.resourceGroup,
        "pe-delegated",
        {
          location: F.location,
          subnet: { id: F.vnet.subnets.appservice.id },
          manualPrivateLinkServiceConnections: [{ name: "c", privateLinkServiceId: C.sites.orders.id, groupIds: ["sites"] }],
        },
        POLL,
      ),
    );
    expect(err.statusCode).toBe(400);
    expect(errorCode(err)).toBe("PrivateEndpointCannotBeCreatedInSubnetThatHasDelegations");
    expect(await siteConnections()).toHaveLength(0);
  });

  it("refuses an endpoint whose region differs from its VNet's (the target may be elsewhere)", async () => {
    const net = networkClient(cred.nora, N.subscriptionId, opts());
    const body = (location: string) => ({
      location,
      subnet: { id: N.vnet.subnets.endpoints.id },
      manualPrivateLinkServiceConnections: [{ name: "c", privateLinkServiceId: C.sites.billing.id, groupIds: ["sites"], requestMessage: "Northwind" }],
    });
    const err = await rejection(net.privateEndpoints.beginCreateOrUpdateAndWait(N.resourceGroup, "pe-billing", body("westeurope"), POLL));
    expect(err.statusCode).toBe(400);
    expect(errorCode(err)).toBe("InvalidResourceReference");
    const pe = await net.privateEndpoints.beginCreateOrUpdateAndWait(N.resourceGroup, "pe-billing", body(N.location), POLL);
    expect(pe.customDnsConfigs?.[0]?.ipAddresses).toEqual(["10.2.1.4"]);
  });
});

describe("Private Link Service", () => {
  it("takes a Northwind request; the provider approves synchronously and disconnects with a long-running delete", async () => {
    const net = networkClient(cred.nora, N.subscriptionId, opts());
    const pe = await net.privateEndpoints.beginCreateOrUpdateAndWait(
      N.resourceGroup,
      "pe-pls",
      {
        location: N.location,
        subnet: { id: N.vnet.subnets.endpoints.id },
        manualPrivateLinkServiceConnections: [{ name: "to-contoso-pls", privateLinkServiceId: C.privateLinkService.id, requestMessage: "Northwind needs the orders API" }],
      },
      POLL,
    );
    expect(pe.customDnsConfigs?.map((d) => d.fqdn)).toEqual(C.privateLinkService.fqdns);
    const conns = [];
    for await (const c of contosoNet().privateLinkServices.listPrivateEndpointConnections(C.resourceGroup, C.privateLinkService.name)) conns.push(c);
    expect(conns).toHaveLength(1);
    expect(conns[0]).toMatchObject({
      privateEndpoint: { id: pe.id },
      privateLinkServiceConnectionState: { status: "Pending", description: "Northwind needs the orders API" },
      privateEndpointLocation: N.location,
    });
    const updated = await contosoNet().privateLinkServices.updatePrivateEndpointConnection(C.resourceGroup, C.privateLinkService.name, conns[0]!.name!, {
      privateLinkServiceConnectionState: { status: "Approved", description: "welcome" },
    });
    expect(updated.privateLinkServiceConnectionState?.status).toBe("Approved");
    expect(consumerState(await net.privateEndpoints.get(N.resourceGroup, "pe-pls"))?.status).toBe("Approved");
    const pls = await contosoNet().privateLinkServices.get(C.resourceGroup, C.privateLinkService.name);
    expect(pls.privateEndpointConnections?.map((c) => c.name)).toEqual([conns[0]!.name]);

    await contosoNet().privateLinkServices.beginDeletePrivateEndpointConnectionAndWait(C.resourceGroup, C.privateLinkService.name, conns[0]!.name!, POLL);
    expect(consumerState(await net.privateEndpoints.get(N.resourceGroup, "pe-pls"))?.status).toBe("Disconnected");
  });
});

describe("who may do what", () => {
  it("refuses automatic approval across tenants with LinkedAuthorizationFailed", async () => {
    const err = await rejection(
      fabrikamNet().privateEndpoints.beginCreateOrUpdateAndWait(
        F.resourceGroup,
        "pe-auto",
        {
          location: F.location,
          subnet: { id: F.vnet.subnets.endpoints.id },
          privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: C.sites.orders.id, groupIds: ["sites"] }],
        },
        POLL,
      ),
    );
    expect(err.statusCode).toBe(403);
    expect(errorCode(err)).toBe("LinkedAuthorizationFailed");
    expect(err.message).toContain("privateEndpointConnectionsApproval/action");
  });

  it("auto-approves when the caller holds the approval right on the target (Contoso in its own VNet)", async () => {
    const pe = await networkClient(cred.priya, C.subscriptionId, opts()).privateEndpoints.beginCreateOrUpdateAndWait(
      C.resourceGroup,
      "pe-internal",
      {
        location: C.location,
        subnet: { id: C.vnet.subnets.pls.id },
        privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: C.sites.billing.id, groupIds: ["sites"] }],
      },
      POLL,
    );
    expect(pe.privateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status).toBe("Approved");
  });

  it("refuses Litware: 403 where it has no role, 401 on another tenant's subscription", async () => {
    const litwareApp = networkClient(cred.litwareApp, L.subscriptionId, opts());
    const denied = await rejection((async () => {
      for await (const _ of litwareApp.privateEndpoints.listBySubscription()) void _;
    })());
    expect(denied.statusCode).toBe(403);
    expect(errorCode(denied)).toBe("AuthorizationFailed");
    expect(denied.message).toContain(tenant("litware").crosslinkServicePrincipalOid);

    // Liam owns his empty subscription...
    const own = [];
    for await (const p of networkClient(cred.liam, L.subscriptionId, opts()).privateEndpoints.listBySubscription()) own.push(p);
    expect(own).toHaveLength(0);
    // ...but a Litware token is from the wrong issuer for Contoso's subscription.
    const foreign = await rejection(
      (async () => {
        for await (const _ of webClient(cred.liam, C.subscriptionId, opts()).webApps.listPrivateEndpointConnectionList(C.resourceGroup, C.sites.orders.name)) void _;
      })(),
    );
    expect(foreign.statusCode).toBe(401);
    const raw = await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections?api-version=2025-05-01`, {
      token: (await cred.liam.getToken()).token,
    });
    expect(raw.json.error.code).toBe("InvalidAuthenticationTokenTenant");
    expect(raw.json.error.message).toContain("wrong issuer");
  });

  it("answers 401 with a challenge when there is no token", async () => {
    const res = await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections?api-version=2025-05-01`);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("AuthenticationFailed");
    expect(String(res.headers["www-authenticate"])).toContain(`authorization_uri="${entra.url}/${C.tenantId}"`);
  });

  it("shows each user only their own tenant's subscriptions and resource groups", async () => {
    const subs = await t.request("GET", "/subscriptions?api-version=2022-12-01", { token: (await cred.felix.getToken()).token });
    expect(subs.json.value.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([F.subscriptionId]);
    const groups = [];
    for await (const g of resourcesClient(cred.felix, F.subscriptionId, opts()).resourceGroups.list()) groups.push(g.name);
    expect(groups).toEqual([F.resourceGroup]);
  });
});

describe("faults the SDKs must ride through or surface", () => {
  it("retries through injected 429s (the 429s happened, the calls succeeded)", async () => {
    await t.request("PUT", "/_local/faults", { body: { seed: 7, p429: 0.5, retryAfterSeconds: 0, resetStats: true } });
    const net = networkClient(cred.felix, F.subscriptionId, { ...opts(), maxRetries: 10 });
    for (let i = 0; i < 8; i++) {
      const vnet = await net.virtualNetworks.get(F.resourceGroup, F.vnet.name);
      expect(vnet.name).toBe(F.vnet.name);
    }
    const stats = (await t.request("GET", "/_local/faults")).json.stats;
    expect(stats.injected429).toBeGreaterThan(0);
  });

  it("rides through real throttling: an empty read bucket answers 429 + Retry-After and the SDK waits", async () => {
    await t.request("PUT", "/_local/throttling", { body: { enabled: true, reads: { burst: 2, perSecond: 5 } } });
    const net = networkClient(cred.felix, F.subscriptionId, opts());
    for (let i = 0; i < 4; i++) expect((await net.virtualNetworks.get(F.resourceGroup, F.vnet.name)).name).toBe(F.vnet.name);
    const stats = (await t.request("GET", "/_local/stats")).json;
    expect(stats.throttled).toBeGreaterThan(0);
    expect(stats.requests.byStatus["429"]).toBeGreaterThan(0);
  });

  it("retries through dropped connections", async () => {
    await t.request("PUT", "/_local/faults", { body: { seed: 3, pDrop: 0.4, resetStats: true } });
    const net = networkClient(cred.felix, F.subscriptionId, { ...opts(), maxRetries: 10, retryDelayInMs: 5 });
    for (let i = 0; i < 6; i++) expect((await net.virtualNetworks.get(F.resourceGroup, F.vnet.name)).name).toBe(F.vnet.name);
    expect((await t.request("GET", "/_local/faults")).json.stats.dropped).toBeGreaterThan(0);
  });

  it("surfaces injected 500s once the SDK's retries are used up", async () => {
    await t.request("PUT", "/_local/faults", { body: { p500: 1, resetStats: true } });
    const net = networkClient(cred.felix, F.subscriptionId, { ...opts(), maxRetries: 2, retryDelayInMs: 5 });
    const err = await rejection(net.virtualNetworks.get(F.resourceGroup, F.vnet.name));
    expect(err.statusCode).toBe(500);
    expect((await t.request("GET", "/_local/faults")).json.stats.injected500).toBe(3);
  });

  it("surfaces a failed long-running operation; the provider never sees the request", async () => {
    await t.request("PUT", "/_local/faults", { body: { pLroFail: 1 } });
    const err = await rejection(requestEndpoint("pe-fails"));
    expect(err.message).toMatch(/long-running operation has failed/i);
    await t.request("PUT", "/_local/faults", { body: { reset: true } });
    const pe = await fabrikamNet().privateEndpoints.get(F.resourceGroup, "pe-fails");
    expect(pe.provisioningState).toBe("Failed");
    expect(await siteConnections()).toHaveLength(0);
  });

  it("surfaces a failed long-running approval on App Service; the connection stays Pending", async () => {
    await requestEndpoint("pe-orders");
    const [conn] = await siteConnections();
    await t.request("PUT", "/_local/faults", { body: { pLroFail: 1 } });
    const err = await rejection(
      contosoWeb().webApps.beginApproveOrRejectPrivateEndpointConnectionAndWait(
        C.resourceGroup,
        C.sites.orders.name,
        conn!.name!,
        { privateLinkServiceConnectionState: { status: "Approved", description: "ok" } },
        POLL,
      ),
    );
    expect(err.message).toMatch(/fail/i);
    await t.request("PUT", "/_local/faults", { body: { reset: true } });
    expect((await siteConnections())[0]?.privateLinkServiceConnectionState?.status).toBe("Pending");
  });
});

/**
 * ARM protocol behaviour over raw HTTPS: authentication and its error codes, api-version rules,
 * standard headers, subscription/tenant/resource lookups, bad input answered with ARM's codes
 * while the world stays unchanged, placement and target rules, provider-side decision rules,
 * paging, and the /_local admin API.
 *
 * Tokens: the self-signing test issuer (test-support/token-issuer.ts) — needed to craft expired,
 * mis-addressed and tampered tokens — verified by the same code path as local-Entra tokens.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ARM_RESOURCE, DEMO_TENANTS } from "../world/demo-tenants";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F, LITWARE_RESOURCES as L, NORTHWIND_RESOURCES as N } from "../world/demo-resources";
import { eventually, startTestArm, type RawResponse, type TestArm } from "./test-support/harness";

let t: TestArm;
let felix: string;
let priya: string;
let sp: string;
let litwareApp: string;

beforeAll(async () => {
  t = await startTestArm({ throttling: { enabled: true, reads: { burst: 100000, perSecond: 100000 }, writes: { burst: 100000, perSecond: 100000 } } });
  felix = await t.issuer.user("felix@fabrikam.onmicrosoft.com");
  priya = await t.issuer.user("priya@contoso.onmicrosoft.com");
  sp = await t.issuer.app("contoso");
  litwareApp = await t.issuer.app("litware");
});
afterAll(async () => t?.close());
beforeEach(async () => {
  t.arm.world.reset();
  await t.request("PUT", "/_local/lro", { body: { minMs: 0, maxMs: 10, retryAfterSeconds: 0 } });
});

const V = "api-version=2025-05-01";
const pePath = (name: string, rg = F.resourceGroupId) => `${rg}/providers/Microsoft.Network/privateEndpoints/${name}?${V}`;

function peBody(over: { subnet?: string; target?: string; groupIds?: string[]; message?: string; location?: string; extra?: object } = {}) {
  return {
    location: over.location ?? F.location,
    properties: {
      subnet: { id: over.subnet ?? F.vnet.subnets.endpoints.id },
      manualPrivateLinkServiceConnections: [
        {
          name: "conn",
          properties: {
            privateLinkServiceId: over.target ?? C.sites.orders.id,
            groupIds: over.groupIds ?? ["sites"],
            requestMessage: over.message ?? "please",
          },
        },
      ],
      ...over.extra,
    },
  };
}

async function waitOp(res: RawResponse, token: string) {
  const url = res.headers["azure-asyncoperation"] as string;
  expect(url).toBeTruthy();
  return eventually(async () => {
    const s = await t.request("GET", url, { token });
    return s.json.status === "InProgress" ? undefined : s.json;
  });
}

async function createPe(name: string, body = peBody()) {
  const res = await t.request("PUT", pePath(name), { token: felix, body });
  expect(res.status, res.text).toBe(201);
  expect((await waitOp(res, felix)).status).toBe("Succeeded");
  return (await t.request("GET", pePath(name), { token: felix })).json;
}

/** Sends a request that must be refused, and checks the world did not change. */
async function refused(method: string, path: string, token: string | undefined, body: unknown, status: number, code: string) {
  const before = t.arm.world.live.version;
  const res = await t.request(method, path, { token, body });
  expect(res.status, res.text).toBe(status);
  expect(res.json.error.code).toBe(code);
  expect(typeof res.json.error.message).toBe("string");
  expect(t.arm.world.live.version).toBe(before);
  return res;
}

describe("authentication", () => {
  const path = `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints?${V}`;

  it("401 AuthenticationFailed with a bearer challenge naming the subscription's tenant when the header is missing", async () => {
    const res = await refused("GET", path, undefined, undefined, 401, "AuthenticationFailed");
    expect(res.json.error.message).toContain("'Authorization' header is missing");
    expect(res.headers["www-authenticate"]).toBe(
      `Bearer authorization_uri="${t.issuer.url}/${F.tenantId}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
    );
  });

  it("401 AuthenticationFailed for a non-Bearer header", async () => {
    const res = await t.request("GET", path, { headers: { authorization: "Basic Zm9vOmJhcg==" } });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toContain("invalid format");
  });

  it("401 InvalidAuthenticationToken for garbage, a foreign signature, a foreign issuer and a missing tid", async () => {
    const bad = [
      "not-a-jwt",
      await t.issuer.sign({ iss: `${t.issuer.url}/${F.tenantId}/`, tid: F.tenantId, oid: "x" }, { key: "stranger" }),
      await t.issuer.sign({ iss: `https://evil.example/${F.tenantId}/`, tid: F.tenantId, oid: "x" }),
      await t.issuer.sign({ iss: `${t.issuer.url}/${F.tenantId}/`, oid: "x" }),
    ];
    for (const token of bad) {
      const res = await t.request("GET", path, { token });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("InvalidAuthenticationToken");
    }
  });

  it("401 ExpiredAuthenticationToken, also for a cached token that expires later", async () => {
    const expired = await t.issuer.user("felix@fabrikam.onmicrosoft.com", { exp: Math.floor(Date.now() / 1000) - 60 });
    const res = await t.request("GET", path, { token: expired });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("ExpiredAuthenticationToken");
    expect(res.json.error.message).toMatch(/expiry UTC time '.+' is earlier than current UTC time/);

    // exp is in whole seconds: floor(now) + 1 could be a few milliseconds away and expire before the
    // first request. Two whole seconds ahead is always at least one, and the wait runs past exp.
    const exp = Math.floor(Date.now() / 1000) + 2;
    const shortLived = await t.issuer.user("felix@fabrikam.onmicrosoft.com", { exp });
    expect((await t.request("GET", path, { token: shortLived })).status).toBe(200);
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 100));
    expect((await t.request("GET", path, { token: shortLived })).json.error.code).toBe("ExpiredAuthenticationToken");
  });

  it("401 InvalidAuthenticationTokenAudience for a token meant for another resource", async () => {
    const graph = await t.issuer.user("felix@fabrikam.onmicrosoft.com", { aud: "https://graph.microsoft.com" });
    const res = await t.request("GET", path, { token: graph });
    expect(res.json.error.code).toBe("InvalidAuthenticationTokenAudience");
    expect(res.json.error.message).toContain("https://graph.microsoft.com");
  });

  it("accepts v1 (sts.windows.net and local) and v2 issuers, and ARM's app ID as audience", async () => {
    const variants = [
      await t.issuer.user("felix@fabrikam.onmicrosoft.com", { iss: `https://sts.windows.net/${F.tenantId}/` }),
      await t.issuer.user("felix@fabrikam.onmicrosoft.com", { iss: `${t.issuer.url}/${F.tenantId}/v2.0`, ver: "2.0" }),
      await t.issuer.user("felix@fabrikam.onmicrosoft.com", { aud: ARM_RESOURCE.appId }),
      await t.issuer.user("felix@fabrikam.onmicrosoft.com", { aud: "https://management.core.windows.net/" }),
    ];
    for (const token of variants) expect((await t.request("GET", path, { token })).status).toBe(200);
  });
});

describe("api-version", () => {
  it("400 MissingApiVersionParameter without it", async () => {
    await refused("GET", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints`, felix, undefined, 400, "MissingApiVersionParameter");
  });

  it("400 NoRegisteredProviderFound for an unknown version of a provider type, naming the supported ones", async () => {
    const res = await refused("GET", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints?api-version=2099-01-01`, felix, undefined, 400, "NoRegisteredProviderFound");
    expect(res.json.error.message).toContain("location 'westeurope'");
    expect(res.json.error.message).toContain("2025-05-01");
  });

  it("400 InvalidApiVersionParameter for a malformed version and for ARM's own endpoints", async () => {
    await refused("GET", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints?api-version=latest`, felix, undefined, 400, "InvalidApiVersionParameter");
    await refused("GET", `/subscriptions/${F.subscriptionId}/resourcegroups?api-version=2099-01-01`, felix, undefined, 400, "InvalidApiVersionParameter");
  });

  it("accepts the versions the installed SDKs send", async () => {
    const cases = [
      `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints?api-version=2025-05-01`,
      `${F.resourceGroupId}/providers/Microsoft.Network/privateDnsZones?api-version=2020-06-01`,
      `/subscriptions/${F.subscriptionId}/resourcegroups?api-version=2025-04-01`,
      `/subscriptions?api-version=2021-10-01`,
    ];
    for (const p of cases) expect((await t.request("GET", p, { token: felix })).status, p).toBe(200);
    expect((await t.request("GET", `${C.sites.orders.id}?api-version=2025-05-01`, { token: sp })).status).toBe(200);
  });
});

describe("headers on every answer", () => {
  it("request ids, the client's correlation id, remaining reads — also on errors", async () => {
    const a = await t.request("GET", pePath("nope"), { token: felix, headers: { "x-ms-correlation-request-id": "corr-123" } });
    const b = await t.request("GET", pePath("nope"), { token: felix });
    for (const r of [a, b]) {
      expect(r.status).toBe(404);
      expect(r.headers["x-ms-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number(r.headers["x-ms-ratelimit-remaining-subscription-reads"])).toBeGreaterThan(0);
    }
    expect(a.headers["x-ms-request-id"]).not.toBe(b.headers["x-ms-request-id"]);
    expect(a.headers["x-ms-correlation-request-id"]).toBe("corr-123");
    const unauth = await t.request("GET", pePath("nope"));
    expect(unauth.headers["x-ms-ratelimit-remaining-subscription-reads"]).toBeDefined();
    const write = await t.request("DELETE", pePath("nope"), { token: felix });
    expect(write.status).toBe(204);
    expect(write.headers["x-ms-ratelimit-remaining-subscription-writes"]).toBeDefined();
  });

  it("ETag header equals the resource's etag", async () => {
    await createPe("pe-etag");
    const res = await t.request("GET", pePath("pe-etag"), { token: felix });
    expect(res.headers.etag).toBe(res.json.etag);
    expect(res.json.etag).toMatch(/^W\/"[0-9a-f-]{36}"$/);
  });
});

describe("subscriptions, tenants and lookups", () => {
  it("400 InvalidSubscriptionId, 404 SubscriptionNotFound, 401 for another tenant's subscription", async () => {
    await refused("GET", `/subscriptions/not-a-guid/resourcegroups?api-version=2025-04-01`, felix, undefined, 400, "InvalidSubscriptionId");
    await refused("GET", `/subscriptions/00000000-0000-4000-8000-000000000000/resourcegroups?api-version=2025-04-01`, felix, undefined, 404, "SubscriptionNotFound");
    const res = await refused("GET", `/subscriptions/${C.subscriptionId}?api-version=2022-12-01`, felix, undefined, 401, "InvalidAuthenticationTokenTenant");
    expect(res.headers["www-authenticate"]).toContain(`authorization_uri="${t.issuer.url}/${C.tenantId}"`);
  });

  it("403 AuthorizationFailed in Azure's words for a principal without a role", async () => {
    const res = await refused("GET", `/subscriptions/${L.subscriptionId}/providers/Microsoft.Network/privateEndpoints?${V}`, litwareApp, undefined, 403, "AuthorizationFailed");
    const oid = DEMO_TENANTS.find((x) => x.key === "litware")!.crosslinkServicePrincipalOid;
    expect(res.json.error.message).toBe(
      `The client '${oid}' with object id '${oid}' does not have authorization to perform action 'Microsoft.Network/privateEndpoints/read' over scope '/subscriptions/${L.subscriptionId}/providers/Microsoft.Network/privateEndpoints' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    await refused("GET", `/subscriptions/${L.subscriptionId}?api-version=2022-12-01`, litwareApp, undefined, 403, "AuthorizationFailed");
    const subs = await t.request("GET", "/subscriptions?api-version=2022-12-01", { token: litwareApp });
    expect(subs.json.value).toEqual([]);
  });

  it("names a user by UPN in AuthorizationFailed", async () => {
    t.arm.world.live.roleAssignments = t.arm.world.live.roleAssignments.filter((a) => !a.scope.includes(F.subscriptionId));
    const res = await t.request("GET", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints?${V}`, { token: felix });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain("The client 'felix@fabrikam.onmicrosoft.com' with object id 'f0000000-0000-4000-8000-000000000001'");
  });

  it("404 ResourceGroupNotFound and ResourceNotFound in Azure's words", async () => {
    await refused("GET", `/subscriptions/${F.subscriptionId}/resourceGroups/rg-missing/providers/Microsoft.Network/privateEndpoints?${V}`, felix, undefined, 404, "ResourceGroupNotFound");
    const res = await refused("GET", pePath("pe-missing"), felix, undefined, 404, "ResourceNotFound");
    expect(res.json.error.message).toBe(
      `The Resource 'Microsoft.Network/privateEndpoints/pe-missing' under resource group '${F.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
    await refused("GET", `${F.vnet.id}/subnets/nope?${V}`, felix, undefined, 404, "NotFound");
  });

  it("400 for unknown namespaces and types, 405 for unsupported methods", async () => {
    await refused("GET", `${F.resourceGroupId}/providers/Microsoft.Foo/bars?${V}`, felix, undefined, 400, "InvalidResourceNamespace");
    await refused("GET", `${F.resourceGroupId}/providers/Microsoft.Network/frontDoors?${V}`, felix, undefined, 400, "InvalidResourceType");
    await refused("POST", pePath("pe"), felix, {}, 405, "MethodNotAllowed");
  });

  it("lists tenants and locations, and reads the resource group", async () => {
    const tenants = await t.request("GET", "/tenants?api-version=2022-12-01", { token: felix });
    expect(tenants.json.value).toEqual([expect.objectContaining({ tenantId: F.tenantId, displayName: "Fabrikam" })]);
    const locs = await t.request("GET", `/subscriptions/${F.subscriptionId}/locations?api-version=2022-12-01`, { token: felix });
    expect(locs.json.value.map((l: { name: string }) => l.name)).toContain("westeurope");
    const rg = await t.request("GET", `/subscriptions/${F.subscriptionId}/resourcegroups/${F.resourceGroup}?api-version=2025-04-01`, { token: felix });
    expect(rg.json).toMatchObject({ name: F.resourceGroup, location: "westeurope", properties: { provisioningState: "Succeeded" } });
  });
});

describe("bad input is answered with ARM's codes and changes nothing", () => {
  it("malformed JSON, an empty body, a non-object body", async () => {
    const before = t.arm.world.live.version;
    const bad = await t.request("PUT", pePath("pe"), { token: felix, rawBody: "{ not json" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("InvalidRequestContent");
    expect(bad.json.error.message).toContain("Unexpected character encountered while parsing value");
    expect((await t.request("PUT", pePath("pe"), { token: felix })).json.error.code).toBe("InvalidRequestContent");
    expect((await t.request("PUT", pePath("pe"), { token: felix, body: [1, 2] })).json.error.code).toBe("InvalidRequestContent");
    expect(t.arm.world.live.version).toBe(before);
  });

  it("location rules: required, known, display names normalised", async () => {
    const body = peBody() as { location?: string };
    delete body.location;
    await refused("PUT", pePath("pe"), felix, body, 400, "LocationRequired");
    await refused("PUT", pePath("pe"), felix, peBody({ location: "marsnorth" }), 400, "LocationNotAvailableForResourceType");
    const pe = await createPe("pe-display", peBody({ location: "West Europe" }));
    expect(pe.location).toBe("westeurope");
    await refused("PUT", pePath("pe-display"), felix, peBody({ location: "northeurope" }), 400, "InvalidResourceLocation");
  });

  it("names, IDs and connection shapes", async () => {
    await refused("PUT", pePath("-bad-"), felix, peBody(), 400, "InvalidResourceName");
    await refused("PUT", pePath("pe"), felix, peBody({ target: "contoso-orders" }), 400, "LinkedInvalidPropertyId");
    await refused("PUT", pePath("pe"), felix, peBody({ subnet: "snet-endpoints" }), 400, "LinkedInvalidPropertyId");
    await refused("PUT", pePath("pe"), felix, peBody({ target: C.sites.orders.id.replace("contoso-orders", "contoso-nothing") }), 404, "ResourceNotFound");
    await refused("PUT", pePath("pe"), felix, peBody({ target: C.vnet.id }), 400, "InvalidPrivateLinkServiceId");
    await refused("PUT", pePath("pe"), felix, peBody({ groupIds: ["sites", "sites-staging"] }), 400, "OnlyOneGroupIdPermitted");
    await refused("PUT", pePath("pe"), felix, peBody({ groupIds: ["Sites"] }), 400, "InvalidPrivateLinkServiceConnectionGroupIds");
    const two = peBody();
    two.properties.manualPrivateLinkServiceConnections.push(two.properties.manualPrivateLinkServiceConnections[0]!);
    await refused("PUT", pePath("pe"), felix, two, 400, "PrivateEndpointMustHaveOnePrivateLinkServiceConnection");
    await refused("PUT", pePath("pe"), felix, { location: F.location, properties: {} }, 400, "InvalidRequestFormat");
  });

  it("a subnet the caller may not join is a LinkedAuthorizationFailed; a missing one an InvalidResourceReference", async () => {
    const res = await refused("PUT", pePath("pe"), felix, peBody({ subnet: N.vnet.subnets.endpoints.id }), 403, "LinkedAuthorizationFailed");
    expect(res.json.error.message).toContain("Microsoft.Network/virtualNetworks/subnets/join/action");
    const missing = await refused("PUT", pePath("pe"), felix, peBody({ subnet: `${F.vnet.id}/subnets/nope` }), 400, "InvalidResourceReference");
    expect(missing.json.error.details[0].code).toBe("NotFound");
  });

  it("static IPs: inside the subnet, not reserved, not taken, naming the site's member", async () => {
    const ipc = (ip: string, member = "sites") => peBody({ extra: { ipConfigurations: [{ name: "ip", properties: { groupId: "sites", memberName: member, privateIPAddress: ip } }] } });
    await refused("PUT", pePath("pe"), felix, ipc("192.168.0.5"), 400, "PrivateIPAddressNotInSubnet");
    await refused("PUT", pePath("pe"), felix, ipc("10.1.1.1"), 400, "PrivateIPAddressInReservedRange");
    await refused("PUT", pePath("pe"), felix, ipc("10.1.1.30", "blob"), 400, "PrivateEndpointIpConfigurationMissingMemberNamesRequiredByFps");
    const pe = await createPe("pe-static", ipc("10.1.1.30"));
    expect(pe.properties.customDnsConfigs[0].ipAddresses).toEqual(["10.1.1.30"]);
    await refused("PUT", pePath("pe-2"), felix, ipc("10.1.1.30"), 400, "PrivateIPAddressInUse");
    const next = await createPe("pe-dynamic");
    expect(next.properties.customDnsConfigs[0].ipAddresses).toEqual(["10.1.1.4"]);
  });

  it("an unregistered resource provider answers 409 MissingSubscriptionRegistration until registered", async () => {
    // Registered at once here; prerequisites.test.ts covers the asynchronous Registering state.
    await t.request("PUT", "/_local/behaviour", { body: { registrationMs: 0 } });
    const unreg = await t.request("POST", `/subscriptions/${F.subscriptionId}/providers/Microsoft.Network/unregister?api-version=2025-04-01`, { token: felix });
    expect(unreg.json.registrationState).toBe("NotRegistered");
    await refused("PUT", pePath("pe"), felix, peBody(), 409, "MissingSubscriptionRegistration");
    expect((await t.request("GET", `${F.vnet.id}?${V}`, { token: felix })).status).toBe(200);
    await t.request("POST", `/subscriptions/${F.subscriptionId}/providers/Microsoft.Network/register?api-version=2025-04-01`, { token: felix });
    expect((await t.request("PUT", pePath("pe"), { token: felix, body: peBody() })).status).toBe(201);
  });
});

describe("long-running operations and retries", () => {
  it("shows Updating, refuses a second write meanwhile with AnotherOperationInProgress, then Succeeded", async () => {
    await t.request("PUT", "/_local/lro", { body: { minMs: 1500, maxMs: 1500 } });
    const res = await t.request("PUT", pePath("pe-slow"), { token: felix, body: peBody() });
    expect(res.status).toBe(201);
    expect(res.json.properties.provisioningState).toBe("Updating");
    expect(res.headers["azure-asyncoperation"]).toContain("/providers/Microsoft.Network/locations/westeurope/operations/");
    const running = await t.request("GET", String(res.headers["azure-asyncoperation"]), { token: felix });
    expect(running.json.status).toBe("InProgress");
    await refused("PUT", pePath("pe-slow"), felix, peBody(), 409, "AnotherOperationInProgress");
    // The provider sees nothing until the operation is done.
    expect((await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections?${V}`, { token: sp })).json.value).toEqual([]);
    expect((await waitOp(res, felix)).status).toBe("Succeeded");
    expect((await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections?${V}`, { token: sp })).json.value).toHaveLength(1);
  });

  it("an identical PUT (a retry) is an idempotent update; changing the target is refused", async () => {
    await createPe("pe-retry");
    const again = await t.request("PUT", pePath("pe-retry"), { token: felix, body: peBody() });
    expect(again.status).toBe(200);
    expect(again.headers["azure-asyncoperation"]).toBeTruthy();
    await waitOp(again, felix);
    await refused("PUT", pePath("pe-retry"), felix, peBody({ target: C.sites.billing.id }), 400, "PrivateEndpointConnectionsCannotBeModified");
    expect((await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections?${V}`, { token: sp })).json.value).toHaveLength(1);
  });

  it("DELETE answers 202 with Azure-AsyncOperation and Location; Location says 202 until done, then 204", async () => {
    await createPe("pe-del");
    await t.request("PUT", "/_local/lro", { body: { minMs: 1000, maxMs: 1000, retryAfterSeconds: 1 } });
    const del = await t.request("DELETE", pePath("pe-del"), { token: felix });
    expect(del.status).toBe(202);
    expect(del.headers["retry-after"]).toBe("1");
    const location = String(del.headers.location);
    expect(location).toContain("/operationResults/");
    expect((await t.request("GET", location, { token: felix })).status).toBe(202);
    expect((await t.request("GET", pePath("pe-del"), { token: felix })).json.properties.provisioningState).toBe("Deleting");
    await waitOp(del, felix);
    expect((await t.request("GET", location, { token: felix })).status).toBe(204);
    expect((await t.request("GET", pePath("pe-del"), { token: felix })).status).toBe(404);
    expect((await t.request("DELETE", pePath("pe-del"), { token: felix })).status).toBe(204);
  });

  it("operation URLs of one subscription are not readable through another", async () => {
    const res = await t.request("PUT", pePath("pe-op"), { token: felix, body: peBody() });
    const other = String(res.headers["azure-asyncoperation"]).replace(F.subscriptionId, C.subscriptionId);
    expect((await t.request("GET", other, { token: priya })).status).toBe(404);
  });
});

describe("provider decisions", () => {
  async function pendingOnSite(): Promise<string> {
    await createPe("pe-dec");
    return (await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections?${V}`, { token: sp })).json.value[0].name as string;
  }
  const connPath = (name: string) => `${C.sites.orders.id}/privateEndpointConnections/${name}?${V}`;
  const state = (status: unknown, description = "d") => ({ properties: { privateLinkServiceConnectionState: { status, description } } });

  it("refuses unknown statuses, Pending after a decision, Disconnected, and a missing state", async () => {
    const name = await pendingOnSite();
    await refused("PUT", connPath(name), sp, state("Bogus"), 400, "BadRequest");
    await refused("PUT", connPath(name), sp, state("Disconnected"), 400, "BadRequest");
    await refused("PUT", connPath(name), sp, { properties: {} }, 400, "BadRequest");
    const approve = await t.request("PUT", connPath(name), { token: sp, body: state("approved", "lower case is fine") });
    expect(approve.status).toBe(202);
    expect(approve.headers.location).toBeTruthy();
    await waitOp(approve, sp);
    await refused("PUT", connPath(name), sp, state("Pending"), 400, "BadRequest");
    const after = await t.request("GET", connPath(name), { token: sp });
    expect(after.json.properties.privateLinkServiceConnectionState).toMatchObject({ status: "Approved", description: "lower case is fine" });
  });

  it("an Approved connection can be rejected later (choice for Microsoft.Web; see README)", async () => {
    const name = await pendingOnSite();
    await waitOp(await t.request("PUT", connPath(name), { token: sp, body: state("Approved") }), sp);
    await waitOp(await t.request("PUT", connPath(name), { token: sp, body: state("Rejected", "contract ended") }), sp);
    const pe = await t.request("GET", pePath("pe-dec"), { token: felix });
    expect(pe.json.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState).toMatchObject({
      status: "Rejected",
      description: "contract ended",
    });
  });

  it("approving needs privateEndpointConnectionsApproval/action besides write", async () => {
    const name = await pendingOnSite();
    const adam = "c0000000-0000-4000-8000-000000000002";
    const w = t.arm.world.live;
    w.roleDefinitions.push({ id: "custom-writer", roleName: "writer", actions: ["Microsoft.Web/sites/privateEndpointConnections/*"], notActions: [] });
    w.roleAssignments = w.roleAssignments.filter((a) => a.principalId !== adam);
    w.roleAssignments.push({ id: "ra-adam", principalId: adam, principalType: "User", roleDefinitionId: "custom-writer", scope: C.resourceGroupId });
    const adamToken = await t.issuer.user("adam@contoso.onmicrosoft.com");
    const res = await refused("PUT", connPath(name), adamToken, state("Approved"), 403, "AuthorizationFailed");
    expect(res.json.error.message).toContain("'Microsoft.Web/sites/privateEndpointConnectionsApproval/action'");
    // Reading and deleting need no approval right.
    expect((await t.request("GET", connPath(name), { token: adamToken })).status).toBe(200);
  });

  it("a connection name that does not exist is 404 on GET and PUT, 204 on DELETE", async () => {
    await pendingOnSite();
    await refused("GET", connPath("nope"), sp, undefined, 404, "NotFound");
    await refused("PUT", connPath("nope"), sp, state("Approved"), 404, "NotFound");
    expect((await t.request("DELETE", connPath("nope"), { token: sp })).status).toBe(204);
  });

  it("a Private Link Service auto-approves subscriptions on its auto-approval list", async () => {
    const pls = t.arm.world.live.get(C.privateLinkService.id, "privateLinkService")!;
    pls.autoApproval = [F.subscriptionId];
    const pe = await createPe("pe-auto", peBody({ target: C.privateLinkService.id, groupIds: [] }));
    expect(pe.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status).toBe("Approved");
  });
});

describe("lists", () => {
  it("pages with nextLink when there are more items than a page", async () => {
    for (const n of ["pe-a", "pe-b", "pe-c"]) await createPe(n);
    const old = t.arm.services.config.pageSize;
    t.arm.services.config.pageSize = 2;
    try {
      const first = await t.request("GET", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints?${V}`, { token: felix });
      expect(first.json.value.map((p: { name: string }) => p.name)).toEqual(["pe-a", "pe-b"]);
      expect(first.json.nextLink).toContain("$skiptoken=2");
      const second = await t.request("GET", first.json.nextLink as string, { token: felix });
      expect(second.json.value.map((p: { name: string }) => p.name)).toEqual(["pe-c"]);
      expect(second.json.nextLink).toBeUndefined();
    } finally {
      t.arm.services.config.pageSize = old;
    }
  });

  it("sites list by subscription and group; subnets show the endpoints placed in them", async () => {
    const sites = await t.request("GET", `/subscriptions/${C.subscriptionId}/providers/Microsoft.Web/sites?${V}`, { token: sp });
    expect(sites.json.value.map((s: { name: string; kind: string }) => `${s.name}:${s.kind}`).sort()).toEqual([
      "contoso-billing:app",
      "contoso-events-func:functionapp",
      "contoso-orders:app",
    ]);
    const slots = await t.request("GET", `${C.sites.orders.id}/slots?${V}`, { token: sp });
    expect(slots.json.value[0]).toMatchObject({ name: "contoso-orders/staging", type: "Microsoft.Web/sites/slots" });
    const pe = await createPe("pe-sub");
    const subnet = await t.request("GET", `${F.vnet.subnets.endpoints.id}?${V}`, { token: felix });
    expect(subnet.json.properties.privateEndpoints).toEqual([{ id: pe.id }]);
    const delegated = await t.request("GET", `${F.vnet.subnets.appservice.id}?${V}`, { token: felix });
    expect(delegated.json.properties.delegations[0].properties.serviceName).toBe("Microsoft.Web/serverFarms");
  });
});

describe("the /_local admin API", () => {
  it("inspects and resets the world", async () => {
    await createPe("pe-x");
    const summary = (await t.request("GET", "/_local/world")).json;
    expect(summary.tenants).toHaveLength(DEMO_TENANTS.length);
    expect(summary.connections).toEqual([expect.objectContaining({ status: "Pending", targetId: C.sites.orders.id, groupId: "sites" })]);
    const reset = await t.request("POST", "/_local/world/reset");
    expect(reset.json.connections).toEqual([]);
    expect((await t.request("GET", pePath("pe-x"), { token: felix })).status).toBe(404);
  });

  it("validates settings", async () => {
    expect((await t.request("PUT", "/_local/faults", { body: { p500: 2 } })).status).toBe(400);
    expect((await t.request("PUT", "/_local/lro", { body: { minMs: 10, maxMs: 5 } })).status).toBe(400);
    expect((await t.request("PUT", "/_local/change-feed", { body: { url: "not a url" } })).status).toBe(400);
    expect((await t.request("GET", "/_local/nothing")).status).toBe(404);
  });

  it("injects 503s with Retry-After as configured", async () => {
    await t.request("PUT", "/_local/faults", { body: { p503: 1, retryAfterSeconds: 7 } });
    try {
      const res = await t.request("GET", pePath("nope"), { token: felix });
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe("ServiceUnavailable");
      expect(res.headers["retry-after"]).toBe("7");
      expect((await t.request("GET", "/_local/faults")).json.stats.injected503).toBe(1);
      expect((await t.request("GET", "/_local/health")).status).toBe(200);
    } finally {
      await t.request("PUT", "/_local/faults", { body: { reset: true, resetStats: true } });
    }
  });

  it("injects latency as configured", async () => {
    await t.request("PUT", "/_local/faults", { body: { latencyMs: [150, 150] } });
    try {
      const start = performance.now();
      await t.request("GET", pePath("nope"), { token: felix });
      expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    } finally {
      await t.request("PUT", "/_local/faults", { body: { reset: true } });
    }
  });
});

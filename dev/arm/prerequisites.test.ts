/**
 * Permissions and prerequisites as Azure has them, over raw HTTPS:
 * - role definitions match actions as ARM does (a bare star, a namespace's star, star-slash-read,
 *   notActions), and
 *   a missing permission is 403 AuthorizationFailed naming the action and the scope;
 * - resource-provider registration: Northwind Sandbox lacks Microsoft.Web, so an endpoint to a web
 *   app is 409 MissingSubscriptionRegistration; register is asynchronous (Registering → Registered)
 *   and needs `…/register/action`;
 * - Private Link Service visibility: a subscription off the list is refused;
 * - where slot connections are listed (under the slot, or under the parent site).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CONTOSO_RESOURCES as C,
  DEMO_ROLE_DEFINITIONS,
  FABRIKAM_RESOURCES as F,
  NORTHWIND_RESOURCES as N,
  NORTHWIND_SANDBOX_RESOURCES as S,
  WOODGROVE_RESOURCES as W,
} from "../world/demo-resources";
import { PROVIDER_TENANT } from "../world/demo-tenants";
import { eventually, startTestArm, type TestArm } from "./test-support/harness";

let t: TestArm;
let felix: string;
let nora: string;
let sp: string;

beforeAll(async () => {
  t = await startTestArm({ throttling: { enabled: false } });
  felix = await t.issuer.user("felix@fabrikam.onmicrosoft.com");
  nora = await t.issuer.user("nora@northwind.onmicrosoft.com");
  sp = await t.issuer.app("contoso");
});
afterAll(async () => t?.close());
beforeEach(async () => {
  t.arm.world.reset();
  await t.request("PUT", "/_local/behaviour", { body: { slotConnections: "slot", registrationMs: 300 } });
});

const NET = "api-version=2025-05-01";
const WEB = "api-version=2024-04-01";
const RES = "api-version=2025-04-01";

function peBody(subnet: string, location: string, target: string, groupIds: string[]) {
  return {
    location,
    properties: {
      subnet: { id: subnet },
      manualPrivateLinkServiceConnections: [{ name: "conn", properties: { privateLinkServiceId: target, groupIds, requestMessage: "please" } }],
    },
  };
}

const sandboxEndpoint = (name: string) => `${S.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/${name}?${NET}`;
const sandboxBody = (target: string, groupIds: string[]) => peBody(S.vnet.subnets.endpoints.id, S.location, target, groupIds);

/** Replaces the actions of Crosslink's role in the running world (RBAC reads definitions live). */
function setProviderRole(actions: string[], notActions: string[] = []): void {
  const world = t.arm.world.live;
  const role = world.roleDefinitions.find((r) => r.id === DEMO_ROLE_DEFINITIONS.privateEndpointConnectionApprover)!;
  world.mutate(() => {
    role.actions = actions;
    role.notActions = notActions;
  });
}

describe("role definitions as ARM matches them", () => {
  const sitesList = `/subscriptions/${C.subscriptionId}/providers/Microsoft.Web/sites?${WEB}`;
  const plsList = `/subscriptions/${C.subscriptionId}/providers/Microsoft.Network/privateLinkServices?${NET}`;

  it("a missing action is 403 AuthorizationFailed naming the client, the action and the scope", async () => {
    setProviderRole(["Microsoft.Network/privateLinkServices/read"]);
    const res = await t.request("GET", sitesList, { token: sp });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("AuthorizationFailed");
    expect(res.json.error.message).toBe(
      `The client '${PROVIDER_TENANT.crosslinkServicePrincipalOid}' with object id '${PROVIDER_TENANT.crosslinkServicePrincipalOid}' does not have authorization to perform action 'Microsoft.Web/sites/read' over scope '/subscriptions/${C.subscriptionId}/providers/Microsoft.Web/sites' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    expect((await t.request("GET", plsList, { token: sp })).status).toBe(200);
  });

  it("`*`, `Microsoft.Web/*` and `*/read` grant what they cover; notActions take away", async () => {
    setProviderRole(["*"]);
    expect((await t.request("GET", sitesList, { token: sp })).status).toBe(200);
    setProviderRole(["Microsoft.Web/*"]);
    expect((await t.request("GET", sitesList, { token: sp })).status).toBe(200);
    expect((await t.request("GET", plsList, { token: sp })).status).toBe(403);
    setProviderRole(["*/read"]);
    expect((await t.request("GET", plsList, { token: sp })).status).toBe(200);
    setProviderRole(["*/read"], ["Microsoft.Network/*"]);
    const denied = await t.request("GET", plsList, { token: sp });
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toContain("'Microsoft.Network/privateLinkServices/read'");
    expect((await t.request("GET", sitesList, { token: sp })).status).toBe(200);
  });

  it("polling an operation needs its own read action: operations and operationResults are separate", async () => {
    const pe = await t.request("PUT", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-poll?${NET}`, {
      token: felix,
      body: peBody(F.vnet.subnets.endpoints.id, F.location, C.sites.orders.id, ["sites"]),
    });
    expect(pe.status).toBe(201);
    const status = await t.request("GET", new URL(pe.headers["azure-asyncoperation"] as string).pathname + `?${NET}`, { token: felix });
    expect(status.status).toBe(200);
    // Felix is Owner (`*`); without `Microsoft.Network/locations/operations/read` the poll is refused.
    const owner = t.arm.world.live.roleDefinitions.find((r) => r.id === DEMO_ROLE_DEFINITIONS.owner)!;
    t.arm.world.live.mutate(() => owner.notActions.push("Microsoft.Network/locations/operations/read"));
    const refused = await t.request("GET", new URL(pe.headers["azure-asyncoperation"] as string).pathname + `?${NET}`, { token: felix });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain("'Microsoft.Network/locations/operations/read'");
  });
});

describe("resource provider registration", () => {
  const webProvider = `/subscriptions/${S.subscriptionId}/providers/Microsoft.Web?${RES}`;

  it("Northwind Sandbox has Microsoft.Network but not Microsoft.Web; an endpoint to a web app is 409 and creates nothing", async () => {
    expect((await t.request("GET", `/subscriptions/${S.subscriptionId}/providers/Microsoft.Network?${RES}`, { token: nora })).json.registrationState).toBe("Registered");
    expect((await t.request("GET", webProvider, { token: nora })).json.registrationState).toBe("NotRegistered");
    const version = t.arm.world.live.version;
    const res = await t.request("PUT", sandboxEndpoint("pe-sandbox"), { token: nora, body: sandboxBody(C.sites.orders.id, ["sites"]) });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "MissingSubscriptionRegistration" });
    expect(res.json.error.message).toContain("'Microsoft.Web'");
    expect(t.arm.world.live.version).toBe(version);
  });

  it("registering is asynchronous: Registering, then Registered, then the endpoint is accepted", async () => {
    const started = await t.request("POST", `/subscriptions/${S.subscriptionId}/providers/Microsoft.Web/register?${RES}`, { token: nora });
    expect(started.status).toBe(200);
    expect(started.json.registrationState).toBe("Registering");
    expect((await t.request("PUT", sandboxEndpoint("pe-early"), { token: nora, body: sandboxBody(C.sites.orders.id, ["sites"]) })).status).toBe(409);
    await eventually(async () => ((await t.request("GET", webProvider, { token: nora })).json.registrationState === "Registered" ? true : undefined), 3000, 50);
    const created = await t.request("PUT", sandboxEndpoint("pe-late"), { token: nora, body: sandboxBody(C.sites.orders.id, ["sites"]) });
    expect(created.status).toBe(201);
  });

  it("registering needs Microsoft.Web/register/action on the subscription", async () => {
    const world = t.arm.world.live;
    const owner = world.roleDefinitions.find((r) => r.id === DEMO_ROLE_DEFINITIONS.owner)!;
    world.mutate(() => owner.notActions.push("*/register/action"));
    const res = await t.request("POST", `/subscriptions/${S.subscriptionId}/providers/Microsoft.Web/register?${RES}`, { token: nora });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("AuthorizationFailed");
    expect(res.json.error.message).toContain(`'Microsoft.Web/register/action' over scope '/subscriptions/${S.subscriptionId}'`);
    expect((await t.request("GET", webProvider, { token: nora })).json.registrationState).toBe("NotRegistered");
  });
});

describe("Private Link Service visibility", () => {
  it("lists the visible subscriptions; one off the list is refused, listed ones are accepted", async () => {
    const pls = await t.request("GET", `${C.privateLinkService.id}?${NET}`, { token: sp });
    expect(pls.json.properties.visibility.subscriptions).toEqual([C.subscriptionId, F.subscriptionId, N.subscriptionId, W.subscriptionId]);

    const refused = await t.request("PUT", sandboxEndpoint("pe-pls"), { token: nora, body: sandboxBody(C.privateLinkService.id, []) });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("PrivateLinkServiceNotVisibleToSubscription");
    expect(refused.json.error.message).toContain(S.subscriptionId);

    const fromNorthwind = await t.request("PUT", `${N.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-pls?${NET}`, {
      token: nora,
      body: peBody(N.vnet.subnets.endpoints.id, N.location, C.privateLinkService.id, []),
    });
    expect(fromNorthwind.status).toBe(201);
  });
});

describe("where slot connections are listed", () => {
  const slotList = `${C.sites.orders.slots.staging.id}/privateEndpointConnections?${WEB}`;
  const siteList = `${C.sites.orders.id}/privateEndpointConnections?${WEB}`;

  async function requestSlotAndSite(): Promise<void> {
    for (const [name, group] of [["pe-slot", "sites-staging"], ["pe-site", "sites"]] as const) {
      const res = await t.request("PUT", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/${name}?${NET}`, {
        token: felix,
        body: peBody(F.vnet.subnets.endpoints.id, F.location, C.sites.orders.id, [group]),
      });
      expect(res.status).toBe(201);
    }
    // Both connections, wherever they are listed: the creates finish asynchronously, and under load one may land after the other.
    const listed = async () => (await t.request("GET", siteList, { token: sp })).json.value.length + (await t.request("GET", slotList, { token: sp })).json.value.length;
    await eventually(async () => ((await listed()) === 2 ? true : undefined), 3000, 20);
  }

  it("under the slot by default, with group IDs", async () => {
    await requestSlotAndSite();
    const onSlot = (await t.request("GET", slotList, { token: sp })).json.value;
    const onSite = (await t.request("GET", siteList, { token: sp })).json.value;
    expect(onSlot.map((c: { properties: { groupIds: string[] } }) => c.properties.groupIds)).toEqual([["sites-staging"]]);
    expect(onSite.map((c: { properties: { groupIds: string[] } }) => c.properties.groupIds)).toEqual([["sites"]]);
  });

  it("under the parent site with group ID sites-<slot> when switched, and none under the slot", async () => {
    await t.request("PUT", "/_local/behaviour", { body: { slotConnections: "site" } });
    await requestSlotAndSite();
    expect((await t.request("GET", slotList, { token: sp })).json.value).toEqual([]);
    const onSite = (await t.request("GET", siteList, { token: sp })).json.value as { name: string; properties: { groupIds: string[] } }[];
    expect(onSite.map((c) => c.properties.groupIds[0]).sort()).toEqual(["sites", "sites-staging"]);
    const slotConn = onSite.find((c) => c.properties.groupIds[0] === "sites-staging")!;
    const got = await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections/${slotConn.name}?${WEB}`, { token: sp });
    expect(got.status).toBe(200);
    expect((await t.request("GET", `${C.sites.orders.slots.staging.id}/privateEndpointConnections/${slotConn.name}?${WEB}`, { token: sp })).status).toBe(404);
  });

  it("the switch is validated", async () => {
    const res = await t.request("PUT", "/_local/behaviour", { body: { slotConnections: "elsewhere" } });
    expect(res.status).toBe(400);
    expect((await t.request("GET", "/_local/behaviour")).json.slotConnections).toBe("slot");
  });
});

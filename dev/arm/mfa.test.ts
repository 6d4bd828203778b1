/**
 * "MFA required for writes" (Azure's mandatory MFA on ARM): users' writes without a second factor
 * in their token's `amr` get ARM's claims challenge; reads, app tokens and MFA tokens pass.
 * Off by default: a local ARM started without the option lets password-only tokens write.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F } from "../world/demo-resources";
import { parseRequireMfaEnv, resolveConfig } from "./config";
import { MFA_CLAIMS_CHALLENGE } from "./http/pipeline";
import { startTestArm, type RawResponse, type TestArm } from "./test-support/harness";

const V = "api-version=2025-05-01";
const pePath = (name: string) => `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/${name}?${V}`;
const peBody = (name: string) => ({
  location: F.location,
  properties: {
    subnet: { id: F.vnet.subnets.endpoints.id },
    manualPrivateLinkServiceConnections: [{ name, properties: { privateLinkServiceId: C.sites.orders.id, groupIds: ["sites"], requestMessage: "mfa test" } }],
  },
});

async function settle(t: TestArm, res: RawResponse, token: string): Promise<void> {
  const url = res.headers["azure-asyncoperation"] as string | undefined;
  for (let i = 0; url && i < 500; i++) {
    const status = await t.request("GET", url, { token });
    if (status.json.status !== "InProgress") return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("MFA required for writes", () => {
  let t: TestArm;
  let felixPassword: string;
  let felixMfa: string;
  let sp: string;

  beforeAll(async () => {
    t = await startTestArm({ requireMfa: "writes", throttling: { enabled: false } });
    felixPassword = await t.issuer.user("felix@fabrikam.onmicrosoft.com", { amr: ["pwd"] });
    felixMfa = await t.issuer.user("felix@fabrikam.onmicrosoft.com", { amr: ["pwd", "mfa"] });
    sp = await t.issuer.app("contoso");
  });
  afterAll(async () => t?.close());
  beforeEach(() => t.arm.world.reset());

  it("answers a user's write without MFA with ARM's claims challenge and changes nothing", async () => {
    const before = t.arm.world.snapshot();
    const res = await t.request("PUT", pePath("pe-no-mfa"), { token: felixPassword, body: peBody("pe-no-mfa") });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("RequestDisallowedByPolicy");
    const challenge = String(res.headers["www-authenticate"]);
    expect(challenge).toMatch(/^Bearer authorization_uri="https:\/\/localhost:\d+\/22222222-2222-4222-8222-222222222222", error="insufficient_claims", claims="[A-Za-z0-9+/=]+"$/);
    const claims = /claims="([^"]+)"/.exec(challenge)![1]!;
    expect(JSON.parse(Buffer.from(claims, "base64").toString("utf8"))).toEqual({ access_token: { acrs: { essential: true, values: ["p1"] } } });
    expect(Buffer.from(claims, "base64").toString("utf8")).toBe(MFA_CLAIMS_CHALLENGE);
    expect(t.arm.world.snapshot()).toEqual(before);
  });

  it("challenges DELETE and POST actions too, but not reads", async () => {
    expect((await t.request("GET", pePath("nothing-here"), { token: felixPassword })).status).toBe(404);
    expect((await t.request("GET", `/subscriptions/${F.subscriptionId}/providers/Microsoft.Network?api-version=2025-04-01`, { token: felixPassword })).status).toBe(200);
    expect((await t.request("DELETE", pePath("nothing-here"), { token: felixPassword })).status).toBe(401);
    const post = await t.request("POST", `/subscriptions/${F.subscriptionId}/providers/Microsoft.Web/register?api-version=2025-04-01`, { token: felixPassword });
    expect(post.status).toBe(401);
    expect(String(post.headers["www-authenticate"])).toContain('error="insufficient_claims"');
  });

  it("lets a user's write through when the token's sign-in had a second factor", async () => {
    const res = await t.request("PUT", pePath("pe-mfa"), { token: felixMfa, body: peBody("pe-mfa") });
    expect(res.status, res.text).toBe(201);
    await settle(t, res, felixMfa);
    expect((await t.request("GET", pePath("pe-mfa"), { token: felixPassword })).json.properties.provisioningState).toBe("Succeeded");
  });

  it("lets app tokens write without MFA (they have no amr)", async () => {
    await settle(t, await t.request("PUT", pePath("pe-app"), { token: felixMfa, body: peBody("pe-app") }), felixMfa);
    const list = await t.request("GET", `${C.sites.orders.id}/privateEndpointConnections?${V}`, { token: sp });
    const name = list.json.value[0].name as string;
    const approve = await t.request("PUT", `${C.sites.orders.id}/privateEndpointConnections/${name}?${V}`, {
      token: sp,
      body: { properties: { privateLinkServiceConnectionState: { status: "Approved", description: "ok" } } },
    });
    expect(approve.status, approve.text).toBe(202);
  });
});

describe("MFA for writes is off unless asked", () => {
  it("defaults to off, reads LOCAL_ARM_REQUIRE_MFA, and the option wins", () => {
    expect(resolveConfig({}, {}).requireMfa).toBe("off");
    expect(resolveConfig({}, { LOCAL_ARM_REQUIRE_MFA: "writes" }).requireMfa).toBe("writes");
    expect(resolveConfig({ requireMfa: "off" }, { LOCAL_ARM_REQUIRE_MFA: "writes" }).requireMfa).toBe("off");
    expect(parseRequireMfaEnv("OFF")).toBe("off");
    expect(() => parseRequireMfaEnv("always")).toThrow(/LOCAL_ARM_REQUIRE_MFA/);
  });

  it("a password-only user token writes when the mode is off", async () => {
    const t = await startTestArm({ throttling: { enabled: false } });
    try {
      const token = await t.issuer.user("felix@fabrikam.onmicrosoft.com", { amr: ["pwd"] });
      expect((await t.request("PUT", pePath("pe-off"), { token, body: peBody("pe-off") })).status).toBe(201);
    } finally {
      await t.close();
    }
  });
});

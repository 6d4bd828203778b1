/**
 * The second factor and claims challenges against the local Entra ID, with the real msal-node:
 * `amr` per sign-in, a `claims` demand for MFA on /authorize (asked for, single sign-on included)
 * and on a silent refresh (refused with AADSTS50076 so MSAL wants interaction), and client
 * capabilities (CP1) reflected in the access token.
 */
import { ConfidentialClientApplication, InteractionRequiredAuthError } from "@azure/msal-node";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARM_RESOURCE, CROSSLINK_APP, DEMO_PASSWORD, DEMO_TENANTS } from "../world/demo-tenants";
import { parseClaimsRequest } from "./claims-request";
import { BrowserlessSignInError, CookieJar, msalClientFor, signInThroughBrowserlessForm, signInWithMsal, startLocalEntraForTests, type TestEntra } from "./test-support";

const fabrikam = DEMO_TENANTS.find((t) => t.key === "fabrikam")!;
const felix = fabrikam.users[0]!;
const SIGN_IN_SCOPES = ["openid", "profile", "offline_access", ARM_RESOURCE.delegatedScope];
/** What ARM's mandatory MFA asks for. */
const MFA_CLAIMS = JSON.stringify({ access_token: { acrs: { essential: true, values: ["p1"] } } });

let entra: TestEntra;
beforeAll(async () => {
  entra = await startLocalEntraForTests();
});
afterAll(async () => {
  await entra?.close();
});

/** Crosslink's MSAL client as the app builds it: with client capability CP1. */
function crosslinkClient(authority = "organizations"): ConfidentialClientApplication {
  return msalClientFor(entra, authority, undefined, ["CP1"]);
}

describe("amr per sign-in", () => {
  it("password only gives amr [pwd]; with the second factor [pwd, mfa], also on the silently refreshed ARM token", async () => {
    const client = crosslinkClient();
    const plain = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username });
    expect(decodeJwt(plain.result.accessToken).amr).toEqual(["pwd"]);

    const strong = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username, secondFactor: true });
    expect(decodeJwt(strong.result.accessToken).amr).toEqual(["pwd", "mfa"]);
    // A refresh keeps the sign-in's methods.
    const refreshed = await client.acquireTokenSilent({ account: strong.result.account!, scopes: [ARM_RESOURCE.delegatedScope], forceRefresh: true });
    expect(decodeJwt(refreshed!.accessToken).amr).toEqual(["pwd", "mfa"]);
  });

  it("reflects the client capabilities MSAL sends (xms_cc CP1) in the access token", async () => {
    const { result } = await signInWithMsal(crosslinkClient(), { scopes: SIGN_IN_SCOPES, username: felix.username });
    expect(decodeJwt(result.accessToken).xms_cc).toEqual(["CP1"]);
  });
});

describe("a claims demand for MFA", () => {
  it("on a silent refresh without MFA: invalid_grant / basic_action AADSTS50076, so MSAL raises InteractionRequiredAuthError", async () => {
    const client = crosslinkClient();
    const { result } = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username });
    const err = await client.acquireTokenSilent({ account: result.account!, scopes: [ARM_RESOURCE.delegatedScope], claims: MFA_CLAIMS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InteractionRequiredAuthError);
    expect(err).toMatchObject({ errorCode: "invalid_grant", subError: "basic_action" });
    expect((err as Error).message).toContain("AADSTS50076");
  });

  it("on a silent refresh after an MFA sign-in: a token with amr mfa and the satisfied context (acrs)", async () => {
    const client = crosslinkClient();
    const { result } = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username, secondFactor: true });
    const token = await client.acquireTokenSilent({ account: result.account!, scopes: [ARM_RESOURCE.delegatedScope], claims: MFA_CLAIMS });
    expect(decodeJwt(token!.accessToken)).toMatchObject({ amr: ["pwd", "mfa"], acrs: ["p1"], xms_cc: ["CP1"] });
  });

  it("on /authorize: the password is followed by the second factor, which cannot be skipped", async () => {
    const client = crosslinkClient();
    await expect(signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username, claims: MFA_CLAIMS })).rejects.toThrow(BrowserlessSignInError);
    const { result } = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username, claims: MFA_CLAIMS, secondFactor: true });
    expect(decodeJwt(result.accessToken)).toMatchObject({ amr: ["pwd", "mfa"], acrs: ["p1"] });
  });

  it("with a password-only IdP session: straight to the second factor (no password), or interaction_required with prompt=none", async () => {
    const cookies = new CookieJar();
    const client = crosslinkClient();
    await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username, cookies });

    const none = await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri: "http://localhost:53000/auth/callback", prompt: "none", claims: MFA_CLAIMS });
    const refused = await signInThroughBrowserlessForm({ authorizeUrl: none, cookies });
    expect(refused.error).toBe("interaction_required");
    expect(refused.errorDescription).toContain("AADSTS50076");

    // Single sign-on, then the approve page only: the IdP session now remembers the second factor.
    const stepUp = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, cookies, claims: MFA_CLAIMS, secondFactor: true });
    expect(decodeJwt(stepUp.result.accessToken).amr).toEqual(["pwd", "mfa"]);
    const again = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, cookies, claims: MFA_CLAIMS });
    expect(again.signIn.silent).toBe(true);
    expect(decodeJwt(again.result.accessToken).amr).toEqual(["pwd", "mfa"]);
  });

  it("the password grant cannot satisfy it (as Entra's ROPC)", async () => {
    const res = await fetch(`${entra.url}/${fabrikam.tenantId}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "password",
        client_id: CROSSLINK_APP.clientId,
        client_secret: entra.clientSecret,
        username: felix.username,
        password: DEMO_PASSWORD,
        scope: ARM_RESOURCE.delegatedScope,
        claims: MFA_CLAIMS,
      }),
    });
    const body = (await res.json()) as { error: string; error_codes: number[]; suberror?: string };
    expect(res.status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_grant", error_codes: [50076], suberror: "basic_action" });
  });
});

describe("parseClaimsRequest", () => {
  it("reads MFA demands (acrs, amr) and client capabilities, and refuses what is not a JSON object", () => {
    expect(parseClaimsRequest(MFA_CLAIMS)).toEqual({ requiresMfa: true, authContexts: ["p1"], capabilities: [] });
    expect(parseClaimsRequest('{"id_token":{"amr":{"essential":true,"values":["mfa"]}}}')?.requiresMfa).toBe(true);
    expect(parseClaimsRequest('{"access_token":{"xms_cc":{"values":["CP1"]}}}')).toEqual({ requiresMfa: false, authContexts: [], capabilities: ["CP1"] });
    expect(parseClaimsRequest(undefined)).toBeUndefined();
    expect(() => parseClaimsRequest("not json")).toThrow(/AADSTS90023/);
    expect(() => parseClaimsRequest("[1]")).toThrow(/JSON object/);
  });
});

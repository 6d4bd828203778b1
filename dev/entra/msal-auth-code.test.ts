/**
 * The real @azure/msal-node ConfidentialClientApplication signing users in against the local
 * Entra ID with the authorization code flow + PKCE, the sign-in form driven over fetch.
 */
import { CryptoProvider } from "@azure/msal-node";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARM_RESOURCE, CROSSLINK_APP, DEMO_TENANTS } from "../world/demo-tenants";
import {
  BrowserlessSignInError,
  CookieJar,
  msalClientFor,
  signInThroughBrowserlessForm,
  signInWithMsal,
  startLocalEntraForTests,
  type TestEntra,
} from "./test-support";

const contoso = DEMO_TENANTS.find((t) => t.key === "contoso")!;
const fabrikam = DEMO_TENANTS.find((t) => t.key === "fabrikam")!;
const priya = contoso.users[0]!;
const felix = fabrikam.users[0]!;
const SIGN_IN_SCOPES = ["openid", "profile", "email", "offline_access", ARM_RESOURCE.delegatedScope];

let entra: TestEntra;
beforeAll(async () => {
  entra = await startLocalEntraForTests();
});
afterAll(async () => {
  await entra?.close();
});

describe("auth code + PKCE with msal-node", () => {
  it("signs a Contoso provider in at /organizations: Entra-shaped ID token with roles, tid, oid, nonce", async () => {
    const client = msalClientFor(entra, "organizations");
    const { result } = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: priya.username });
    const claims = result.idTokenClaims as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: `${entra.url}/${contoso.tenantId}/v2.0`,
      aud: CROSSLINK_APP.clientId,
      tid: contoso.tenantId,
      oid: priya.oid,
      name: priya.name,
      preferred_username: priya.username,
      email: priya.email,
      roles: ["Crosslink.Provider"],
      ver: "2.0",
    });
    expect(typeof claims.sub).toBe("string");
    expect(claims.sub).not.toBe(priya.oid); // pairwise, like Entra
    // client_info made MSAL's account Entra-shaped: homeAccountId = <oid>.<tid>
    expect(result.account?.homeAccountId).toBe(`${priya.oid}.${contoso.tenantId}`);
    expect(result.account?.tenantId).toBe(contoso.tenantId);
    // The access token is for ARM, as the sign-in scopes asked.
    expect(decodeJwt(result.accessToken)).toMatchObject({
      aud: ARM_RESOURCE.audience,
      scp: "user_impersonation",
      tid: contoso.tenantId,
      oid: priya.oid,
      appid: CROSSLINK_APP.clientId,
    });
  });

  it("signs a Fabrikam consumer in at /common: their own tid and oid, no roles claim", async () => {
    const client = msalClientFor(entra, "common");
    const { result } = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username });
    const claims = result.idTokenClaims as Record<string, unknown>;
    expect(claims.tid).toBe(fabrikam.tenantId);
    expect(claims.oid).toBe(felix.oid);
    expect(claims.iss).toBe(`${entra.url}/${fabrikam.tenantId}/v2.0`);
    expect(claims.roles).toBeUndefined();
  });

  it("gets an ARM token silently from the cache by refreshing, and rotates the refresh token", async () => {
    const client = msalClientFor(entra, "organizations");
    // Sign in for Crosslink's own API only, so there is no ARM token in the cache yet.
    const { result } = await signInWithMsal(client, {
      scopes: ["openid", "profile", "offline_access", CROSSLINK_APP.apiScope],
      username: priya.username,
    });
    expect(decodeJwt(result.accessToken).aud).toBe(CROSSLINK_APP.clientId);
    const refreshTokensBefore = Object.values(JSON.parse(client.getTokenCache().serialize()).RefreshToken) as Array<{ secret: string }>;

    const silent = await client.acquireTokenSilent({ account: result.account!, scopes: [ARM_RESOURCE.delegatedScope] });
    expect(silent.fromCache).toBe(false);
    expect(decodeJwt(silent.accessToken)).toMatchObject({
      aud: ARM_RESOURCE.audience,
      scp: "user_impersonation",
      oid: priya.oid,
      tid: contoso.tenantId,
      iss: `${entra.url}/${contoso.tenantId}/`,
    });
    const refreshTokensAfter = Object.values(JSON.parse(client.getTokenCache().serialize()).RefreshToken) as Array<{ secret: string }>;
    expect(refreshTokensAfter).toHaveLength(1);
    expect(refreshTokensAfter[0]!.secret).not.toBe(refreshTokensBefore[0]!.secret);

    // A second call is served from MSAL's cache.
    const cached = await client.acquireTokenSilent({ account: result.account!, scopes: [ARM_RESOURCE.delegatedScope] });
    expect(cached.fromCache).toBe(true);
  });

  it("accepts a tenant addressed by its domain, as Entra does", async () => {
    const client = msalClientFor(entra, contoso.domain);
    const { result } = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: priya.username });
    expect(result.tenantId).toBe(contoso.tenantId);
  });

  it("returns the code by form_post when asked", async () => {
    const client = msalClientFor(entra, "organizations");
    const { result, signIn } = await signInWithMsal(client, {
      scopes: SIGN_IN_SCOPES,
      username: felix.username,
      responseMode: "form_post",
    });
    expect(new URL(signIn.redirectUrl).search).toBe(""); // the code was posted, not put in the URL
    expect(result.account?.username).toBe(felix.username);
  });
});

describe("refusals", () => {
  it("shows the page again on a wrong password and issues no code", async () => {
    const client = msalClientFor(entra, "organizations");
    const pkce = await new CryptoProvider().generatePkceCodes();
    const url = await client.getAuthCodeUrl({
      scopes: SIGN_IN_SCOPES,
      redirectUri: "http://localhost:3000/auth/callback",
      codeChallenge: pkce.challenge,
      codeChallengeMethod: "S256",
    });
    const attempt = signInThroughBrowserlessForm({ authorizeUrl: url, username: priya.username, password: "wrong" });
    await expect(attempt).rejects.toBeInstanceOf(BrowserlessSignInError);
    await expect(
      signInThroughBrowserlessForm({ authorizeUrl: url, username: priya.username, password: "wrong" }),
    ).rejects.toThrow(/account or password is incorrect/);
  });

  it("refuses a redeemed code (AADSTS54005)", async () => {
    const client = msalClientFor(entra, "organizations");
    const pkce = await new CryptoProvider().generatePkceCodes();
    const redirectUri = "http://localhost:3000/auth/callback";
    const url = await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri, codeChallenge: pkce.challenge, codeChallengeMethod: "S256" });
    const { code } = await signInThroughBrowserlessForm({ authorizeUrl: url, username: priya.username });
    const request = { code: code!, scopes: SIGN_IN_SCOPES, redirectUri, codeVerifier: pkce.verifier };
    await client.acquireTokenByCode(request);
    const replay = await client.acquireTokenByCode(request).then(
      () => undefined,
      (error: { errorCode?: string; errorMessage?: string }) => error,
    );
    expect(replay?.errorCode).toBe("invalid_grant");
    expect(replay?.errorMessage).toContain("AADSTS54005");
  });

  it("refuses a wrong PKCE verifier (AADSTS501481)", async () => {
    const client = msalClientFor(entra, "organizations");
    const pkce = await new CryptoProvider().generatePkceCodes();
    const other = await new CryptoProvider().generatePkceCodes();
    const redirectUri = "http://localhost:3000/auth/callback";
    const url = await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri, codeChallenge: pkce.challenge, codeChallengeMethod: "S256" });
    const { code } = await signInThroughBrowserlessForm({ authorizeUrl: url, username: priya.username });
    await expect(
      client.acquireTokenByCode({ code: code!, scopes: SIGN_IN_SCOPES, redirectUri, codeVerifier: other.verifier }),
    ).rejects.toMatchObject({ errorCode: "invalid_grant", errorMessage: expect.stringContaining("AADSTS501481") });
  });

  it("refuses a code redeemed with another redirect URI than it was issued for (AADSTS500112)", async () => {
    const client = msalClientFor(entra, "organizations");
    const url = await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri: "http://localhost:3000/auth/callback" });
    const { code } = await signInThroughBrowserlessForm({ authorizeUrl: url, username: priya.username });
    await expect(
      client.acquireTokenByCode({ code: code!, scopes: SIGN_IN_SCOPES, redirectUri: "http://localhost:3001/auth/callback" }),
    ).rejects.toMatchObject({ errorCode: "invalid_grant", errorMessage: expect.stringContaining("AADSTS500112") });
  });

  it("refuses a Fabrikam user at Contoso's tenant authority (AADSTS50020) and lists only Contoso users", async () => {
    const client = msalClientFor(entra, contoso.tenantId);
    const url = await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri: "http://localhost:3000/auth/callback" });
    const page = await (await fetch(url)).text();
    expect(page).toContain(priya.username);
    expect(page).not.toContain(felix.username);
    await expect(signInThroughBrowserlessForm({ authorizeUrl: url, username: felix.username })).rejects.toThrow(
      /AADSTS50020: User account 'felix@fabrikam\.onmicrosoft\.com' from identity provider .* does not exist in tenant '11111111-1111-4111-8111-111111111111'/,
    );
  });

  it("never redirects to an unregistered redirect_uri: shows AADSTS50011 instead", async () => {
    const client = msalClientFor(entra, "organizations");
    const url = await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri: "https://evil.example/auth/callback" });
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("AADSTS50011");
  });

  it("treats a registered loopback redirect URI as matching on any port, but not on another path", async () => {
    const client = msalClientFor(entra, "organizations");
    const good = await fetch(await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri: "http://localhost:4999/auth/callback" }));
    expect(good.status).toBe(200);
    const bad = await fetch(await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri: "http://localhost:4999/other" }));
    expect(bad.status).toBe(400);
  });
});

describe("the IdP session (single sign-on) and prompt", () => {
  it("skips the password on a second sign-in, asks again with prompt=login, shows the picker with select_account", async () => {
    const client = msalClientFor(entra, "organizations");
    const cookies = new CookieJar();
    const first = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: priya.username, cookies });
    expect(first.signIn.silent).toBe(false);

    const second = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, cookies });
    expect(second.signIn.silent).toBe(true);
    expect(second.result.account?.username).toBe(priya.username);

    // prompt=login: the password is required, even though the session exists.
    await expect(
      signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: priya.username, password: "wrong", cookies, prompt: "login" }),
    ).rejects.toThrow(/account or password is incorrect/);

    // select_account: the picker is shown and continuing needs no password.
    const picked = await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: priya.username, password: "wrong", cookies, prompt: "select_account" });
    expect(picked.signIn.silent).toBe(false);
    expect(picked.result.account?.username).toBe(priya.username);

    // The session does not extend to a tenant the user does not belong to.
    const fabrikamClient = msalClientFor(entra, fabrikam.tenantId);
    await expect(signInWithMsal(fabrikamClient, { scopes: SIGN_IN_SCOPES, cookies, prompt: "none" })).rejects.toThrow(/login_required/);
  });

  it("answers prompt=none without a session with login_required (AADSTS50058)", async () => {
    const client = msalClientFor(entra, "organizations");
    const url = await client.getAuthCodeUrl({ scopes: SIGN_IN_SCOPES, redirectUri: "http://localhost:3000/auth/callback", prompt: "none", state: "s1" });
    const result = await signInThroughBrowserlessForm({ authorizeUrl: url });
    expect(result.error).toBe("login_required");
    expect(result.errorDescription).toMatch(/^AADSTS50058:/);
    expect(result.state).toBe("s1");
    expect(result.code).toBeUndefined();
  });

  it("ends the session at the logout endpoint and returns to the registered post-logout URI", async () => {
    const client = msalClientFor(entra, "organizations");
    const cookies = new CookieJar();
    await signInWithMsal(client, { scopes: SIGN_IN_SCOPES, username: felix.username, cookies });
    const logout = await fetch(
      `${entra.url}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("http://localhost:3000/signed-out")}&state=bye`,
      { redirect: "manual", headers: { cookie: cookies.header() } },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe("http://localhost:3000/signed-out?state=bye");
    cookies.store(logout);
    await expect(signInWithMsal(client, { scopes: SIGN_IN_SCOPES, cookies, prompt: "none" })).rejects.toThrow(/login_required/);

    // An unregistered, non-loopback target is not followed: a "signed out" page instead.
    const elsewhere = await fetch(`${entra.url}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("https://evil.example/")}`, { redirect: "manual" });
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.text()).toContain("You signed out of your account");
  });
});

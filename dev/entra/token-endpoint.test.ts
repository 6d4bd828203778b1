/**
 * The token endpoint and discovery at the HTTP level: Entra's error JSON, client authentication,
 * scopes, lifetimes, code expiry, and tokens surviving a restart with a persisted key.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARM_RESOURCE, CROSSLINK_APP, DEMO_TENANTS } from "../world/demo-tenants";
import {
  EntraTokenError,
  msalClientFor,
  postToken,
  signInThroughBrowserlessForm,
  startLocalEntraForTests,
  userToken,
  type TestEntra,
} from "./test-support";

const contoso = DEMO_TENANTS.find((t) => t.key === "contoso")!;
const priya = contoso.users[0]!;
const adam = contoso.users[1]!;

let entra: TestEntra;
beforeAll(async () => {
  entra = await startLocalEntraForTests();
});
afterAll(async () => {
  await entra?.close();
});

const tokenUrl = (authority: string) => `${entra.url}/${authority}/oauth2/v2.0/token`;
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields),
});

describe("discovery", () => {
  it("advertises the {tenantid} issuer at common and a concrete one at a tenant (also by domain)", async () => {
    const common = await (await fetch(`${entra.url}/common/v2.0/.well-known/openid-configuration`)).json();
    expect(common.issuer).toBe(`${entra.url}/{tenantid}/v2.0`);
    expect(common.token_endpoint).toBe(`${entra.url}/common/oauth2/v2.0/token`);
    const byDomain = await (await fetch(`${entra.url}/${contoso.domain}/v2.0/.well-known/openid-configuration`)).json();
    expect(byDomain.issuer).toBe(`${entra.url}/${contoso.tenantId}/v2.0`);
    expect(byDomain.authorization_endpoint).toBe(`${entra.url}/${contoso.tenantId}/oauth2/v2.0/authorize`);
    expect(byDomain.end_session_endpoint).toBe(`${entra.url}/${contoso.tenantId}/oauth2/v2.0/logout`);
  });

  it("answers an unknown tenant with Entra's AADSTS90002 JSON", async () => {
    const res = await fetch(`${entra.url}/not-a-tenant/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ error: "invalid_tenant", error_codes: [90002] });
    expect(body.error_description).toMatch(/^AADSTS90002: Tenant 'not-a-tenant' not found\./);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });
});

describe("client authentication", () => {
  const password = { grant_type: "password", username: priya.username, password: "Passw0rd!", scope: ARM_RESOURCE.delegatedScope };

  it("accepts client_secret_basic", async () => {
    const basic = Buffer.from(`${encodeURIComponent(CROSSLINK_APP.clientId)}:${encodeURIComponent(entra.clientSecret)}`).toString("base64");
    const res = await fetch(tokenUrl(contoso.tenantId), {
      ...form(password),
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).token_type).toBe("Bearer");
  });

  it("refuses a wrong secret with 401 invalid_client AADSTS7000215", async () => {
    const res = await fetch(tokenUrl(contoso.tenantId), form({ ...password, client_id: CROSSLINK_APP.clientId, client_secret: "nope" }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
  });

  it("refuses a missing secret (AADSTS7000218) and an unknown client (AADSTS700016)", async () => {
    const missing = await (await fetch(tokenUrl(contoso.tenantId), form({ ...password, client_id: CROSSLINK_APP.clientId }))).json();
    expect(missing).toMatchObject({ error: "invalid_client", error_codes: [7000218] });
    const unknown = await (await fetch(tokenUrl(contoso.tenantId), form({ ...password, client_id: "00000000-0000-0000-0000-000000000000", client_secret: "x" }))).json();
    expect(unknown).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });
  });

  it("refuses GET on the token endpoint and unknown grant types", async () => {
    expect(await (await fetch(tokenUrl("common"))).json()).toMatchObject({ error_codes: [900561] });
    const res = await fetch(tokenUrl("common"), form({ grant_type: "device_code" }));
    expect(await res.json()).toMatchObject({ error: "unsupported_grant_type", error_codes: [70003] });
  });
});

describe("password grant and token shapes", () => {
  it("gives a v1 ARM token and a v2 token with roles for Crosslink's API", async () => {
    const arm = await userToken(entra.url, adam.username, ARM_RESOURCE.delegatedScope, { clientSecret: entra.clientSecret });
    expect(arm.claims).toMatchObject({ ver: "1.0", upn: adam.username, unique_name: adam.username, idtyp: "user", appid: CROSSLINK_APP.clientId });
    expect(arm.claims.roles).toBeUndefined();
    const api = await userToken(entra.url, adam.username, CROSSLINK_APP.apiScope, { clientSecret: entra.clientSecret });
    expect(api.claims).toMatchObject({ ver: "2.0", azp: CROSSLINK_APP.clientId, preferred_username: adam.username, roles: ["Crosslink.Admin"] });
  });

  it("returns id_token only with openid, refresh_token only with offline_access, client_info when asked", async () => {
    const bare = await userToken(entra.url, priya.username, ARM_RESOURCE.delegatedScope, { clientSecret: entra.clientSecret });
    expect(bare.idToken).toBeUndefined();
    expect(bare.refreshToken).toBeUndefined();
    const full = await userToken(entra.url, priya.username, ["openid", "profile", "offline_access", ARM_RESOURCE.delegatedScope], { clientSecret: entra.clientSecret });
    expect(decodeJwt(full.idToken!).aud).toBe(CROSSLINK_APP.clientId);
    expect(full.refreshToken).toBeTruthy();
    expect(JSON.parse(Buffer.from(String(full.response.client_info), "base64url").toString())).toEqual({ uid: priya.oid, utid: contoso.tenantId });
    expect(full.response).toMatchObject({ token_type: "Bearer", scope: ARM_RESOURCE.delegatedScope, expires_in: 3600, ext_expires_in: 3600 });
  });

  it("puts email in the ID token only when the email scope was asked for, as Entra does", async () => {
    const opts = { clientSecret: entra.clientSecret };
    const without = await userToken(entra.url, priya.username, ["openid", "profile", ARM_RESOURCE.delegatedScope], opts);
    expect(decodeJwt(without.idToken!)).not.toHaveProperty("email");
    expect(decodeJwt(without.idToken!).preferred_username).toBe(priya.username);
    const withEmail = await userToken(entra.url, priya.username, ["openid", "profile", "email", ARM_RESOURCE.delegatedScope], opts);
    expect(decodeJwt(withEmail.idToken!).email).toBe(priya.email);
  });

  it("gives a Graph token when only OIDC scopes are asked for, usable at the userinfo endpoint", async () => {
    const graph = await userToken(entra.url, priya.username, "openid profile", { clientSecret: entra.clientSecret });
    expect(graph.claims.aud).toBe("00000003-0000-0000-c000-000000000000");
    const info = await (await fetch(`${entra.url}/oidc/userinfo`, { headers: { authorization: `Bearer ${graph.accessToken}` } })).json();
    expect(info).toMatchObject({ name: priya.name, email: priya.email });
  });

  it("refuses a wrong password (AADSTS50126), an unknown user (50034), two resources (28000), an unknown resource (500011)", async () => {
    const opts = { clientSecret: entra.clientSecret };
    await expect(userToken(entra.url, priya.username, ARM_RESOURCE.delegatedScope, { ...opts, password: "x" })).rejects.toMatchObject({ aadsts: 50126 });
    await expect(userToken(entra.url, "nobody@contoso.onmicrosoft.com", ARM_RESOURCE.delegatedScope, { ...opts, authority: "organizations" })).rejects.toMatchObject({ aadsts: 50034 });
    await expect(userToken(entra.url, priya.username, [ARM_RESOURCE.delegatedScope, CROSSLINK_APP.apiScope], opts)).rejects.toMatchObject({ error: "invalid_scope", aadsts: 28000 });
    await expect(userToken(entra.url, priya.username, "https://vault.azure.net/user_impersonation", opts)).rejects.toMatchObject({ error: "invalid_resource", aadsts: 500011 });
  });

  it("refreshes a token for another resource and refuses a tampered refresh token", async () => {
    const first = await userToken(entra.url, priya.username, ["offline_access", CROSSLINK_APP.apiScope], { clientSecret: entra.clientSecret });
    const refreshed = await postToken(entra.url, "organizations", { grant_type: "refresh_token", refresh_token: first.refreshToken!, scope: ARM_RESOURCE.delegatedScope }, { clientSecret: entra.clientSecret });
    expect(refreshed.claims).toMatchObject({ aud: ARM_RESOURCE.audience, oid: priya.oid });
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.refreshToken).not.toBe(first.refreshToken);
    const tampered = `${first.refreshToken!.slice(0, -4)}AAAA`;
    await expect(
      postToken(entra.url, "organizations", { grant_type: "refresh_token", refresh_token: tampered, scope: ARM_RESOURCE.delegatedScope }, { clientSecret: entra.clientSecret }),
    ).rejects.toBeInstanceOf(EntraTokenError);
  });
});

describe("lifetimes, expiry and restarts", () => {
  it("uses configured token lifetimes", async () => {
    const short = await startLocalEntraForTests({ lifetimes: { accessTokenSeconds: 5, idTokenSeconds: 7 } });
    try {
      const t = await userToken(short.url, priya.username, ["openid", ARM_RESOURCE.delegatedScope], { clientSecret: short.clientSecret });
      expect(t.response.expires_in).toBe(5);
      expect(Number(t.claims.exp) - Number(t.claims.iat)).toBe(5);
      const id = decodeJwt(t.idToken!);
      expect(Number(id.exp) - Number(id.iat)).toBe(7);
    } finally {
      await short.close();
    }
  });

  it("expires authorization codes after ten minutes (AADSTS70008)", async () => {
    let offset = 0;
    const clocked = await startLocalEntraForTests({ now: () => Math.floor(Date.now() / 1000) + offset });
    try {
      const client = msalClientFor(clocked, "organizations");
      const redirectUri = "http://localhost:3000/auth/callback";
      const scopes = ["openid", ARM_RESOURCE.delegatedScope];
      const authorizeUrl = await client.getAuthCodeUrl({ scopes, redirectUri });
      const { code } = await signInThroughBrowserlessForm({ authorizeUrl, username: priya.username });
      offset = 601; // the server's clock moves past the code's lifetime
      await expect(client.acquireTokenByCode({ code: code!, scopes, redirectUri })).rejects.toMatchObject({
        errorCode: "invalid_grant",
        errorMessage: expect.stringContaining("AADSTS70008"),
      });
    } finally {
      await clocked.close();
    }
  });

  it("keeps the signing key in a file, so tokens and refresh tokens survive a restart", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "local-entra-key-"));
    const signingKeyFile = path.join(dir, "signing-key.pem");
    const first = await startLocalEntraForTests({ signingKeyFile });
    const port = Number(new URL(first.url).port);
    const before = await userToken(first.url, priya.username, ["offline_access", ARM_RESOURCE.delegatedScope], { clientSecret: first.clientSecret });
    await first.close();
    expect((await fs.stat(signingKeyFile)).mode & 0o777).toBe(0o600);

    const second = await startLocalEntraForTests({ signingKeyFile, port });
    try {
      const jwks = createRemoteJWKSet(new URL(`${second.url}/common/discovery/v2.0/keys`));
      const { payload } = await jwtVerify(before.accessToken, jwks);
      expect(payload.oid).toBe(priya.oid);
      const refreshed = await postToken(second.url, "organizations", { grant_type: "refresh_token", refresh_token: before.refreshToken!, scope: ARM_RESOURCE.delegatedScope }, { clientSecret: second.clientSecret });
      expect(refreshed.claims.oid).toBe(priya.oid);
    } finally {
      await second.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * msal-node's client credentials and on-behalf-of flows against the local Entra ID, and checking
 * an issued ARM token the way a resource server must: signature through JWKS, issuer, audience.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARM_RESOURCE, CROSSLINK_APP, DEMO_TENANTS } from "../world/demo-tenants";
import { msalClientFor, postToken, startLocalEntraForTests, userToken, type TestEntra } from "./test-support";

const contoso = DEMO_TENANTS.find((t) => t.key === "contoso")!;
const fabrikam = DEMO_TENANTS.find((t) => t.key === "fabrikam")!;
const priya = contoso.users[0]!;
const felix = fabrikam.users[0]!;

let entra: TestEntra;
beforeAll(async () => {
  entra = await startLocalEntraForTests();
});
afterAll(async () => {
  await entra?.close();
});

describe("client credentials", () => {
  it("issues an app-only ARM token for Crosslink's service principal at a tenant authority", async () => {
    const client = msalClientFor(entra, contoso.tenantId);
    const result = await client.acquireTokenByClientCredential({ scopes: [ARM_RESOURCE.appOnlyScope] });
    const claims = decodeJwt(result!.accessToken);
    expect(claims).toMatchObject({
      aud: ARM_RESOURCE.audience,
      iss: `${entra.url}/${contoso.tenantId}/`,
      idtyp: "app",
      tid: contoso.tenantId,
      oid: contoso.crosslinkServicePrincipalOid,
      sub: contoso.crosslinkServicePrincipalOid,
      appid: CROSSLINK_APP.clientId,
    });
    expect(claims.scp).toBeUndefined();
    expect(claims.roles).toBeUndefined(); // the service principal holds no app roles on ARM
  });

  it("gives each tenant its own service principal", async () => {
    const result = await msalClientFor(entra, fabrikam.tenantId).acquireTokenByClientCredential({ scopes: [ARM_RESOURCE.appOnlyScope] });
    expect(decodeJwt(result!.accessToken)).toMatchObject({ tid: fabrikam.tenantId, oid: fabrikam.crosslinkServicePrincipalOid });
  });

  it("is refused at /common: by MSAL before sending, and by the server for raw requests (AADSTS50059)", async () => {
    await expect(
      msalClientFor(entra, "common").acquireTokenByClientCredential({ scopes: [ARM_RESOURCE.appOnlyScope] }),
    ).rejects.toMatchObject({ errorCode: "missing_tenant_id_error" });
    await expect(
      postToken(entra.url, "common", { grant_type: "client_credentials", scope: ARM_RESOURCE.appOnlyScope }, { clientSecret: entra.clientSecret }),
    ).rejects.toMatchObject({ error: "invalid_request", aadsts: 50059 });
  });

  it("requires a /.default scope (AADSTS1002012)", async () => {
    await expect(
      postToken(entra.url, contoso.tenantId, { grant_type: "client_credentials", scope: ARM_RESOURCE.delegatedScope }, { clientSecret: entra.clientSecret }),
    ).rejects.toMatchObject({ error: "invalid_scope", aadsts: 1002012 });
  });
});

describe("on-behalf-of", () => {
  it("exchanges a user's token for Crosslink's API for an ARM token as the same user", async () => {
    const api = await userToken(entra.url, priya.username, [CROSSLINK_APP.apiScope], { clientSecret: entra.clientSecret });
    expect(api.claims).toMatchObject({ aud: CROSSLINK_APP.clientId, scp: "access_as_user", roles: ["Crosslink.Provider"], ver: "2.0" });

    const client = msalClientFor(entra, "organizations");
    const result = await client.acquireTokenOnBehalfOf({ oboAssertion: api.accessToken, scopes: [ARM_RESOURCE.delegatedScope] });
    expect(decodeJwt(result!.accessToken)).toMatchObject({
      aud: ARM_RESOURCE.audience,
      scp: "user_impersonation",
      oid: priya.oid,
      tid: contoso.tenantId,
      appid: CROSSLINK_APP.clientId,
      upn: priya.username,
    });
  });

  it("refuses an assertion whose audience is not Crosslink (AADSTS50013)", async () => {
    const arm = await userToken(entra.url, felix.username, [ARM_RESOURCE.delegatedScope], { clientSecret: entra.clientSecret });
    const client = msalClientFor(entra, "organizations");
    await expect(
      client.acquireTokenOnBehalfOf({ oboAssertion: arm.accessToken, scopes: [ARM_RESOURCE.delegatedScope] }),
    ).rejects.toMatchObject({ errorCode: "invalid_grant", errorMessage: expect.stringContaining("AADSTS50013") });
  });

  it("refuses an assertion that this server did not sign", async () => {
    const api = await userToken(entra.url, felix.username, [CROSSLINK_APP.apiScope], { clientSecret: entra.clientSecret });
    const [header, payload] = api.accessToken.split(".");
    const forged = `${header}.${payload}.${Buffer.from("not a signature").toString("base64url")}`;
    await expect(
      postToken(
        entra.url,
        "organizations",
        { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", requested_token_use: "on_behalf_of", assertion: forged, scope: ARM_RESOURCE.delegatedScope },
        { clientSecret: entra.clientSecret },
      ),
    ).rejects.toMatchObject({ error: "invalid_grant", aadsts: 50013 });
  });
});

describe("verifying an issued ARM token as a resource server would", () => {
  it("verifies signature (JWKS), issuer, audience and tenant with jose", async () => {
    const token = (await userToken(entra.url, felix.username, [ARM_RESOURCE.delegatedScope], { clientSecret: entra.clientSecret })).accessToken;
    const jwks = createRemoteJWKSet(new URL(`${entra.url}/common/discovery/v2.0/keys`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: `${entra.url}/${fabrikam.tenantId}/`,
      audience: ARM_RESOURCE.audience,
      algorithms: ["RS256"],
    });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.tid).toBe(fabrikam.tenantId);
    expect(payload.oid).toBe(felix.oid);

    // The same token fails against another tenant's issuer or another audience.
    await expect(jwtVerify(token, jwks, { issuer: `${entra.url}/${contoso.tenantId}/` })).rejects.toThrow();
    await expect(jwtVerify(token, jwks, { audience: CROSSLINK_APP.clientId })).rejects.toThrow();
  });

  it("publishes the kid of the signing key in every authority's JWKS", async () => {
    const token = (await userToken(entra.url, priya.username, [ARM_RESOURCE.delegatedScope], { clientSecret: entra.clientSecret })).accessToken;
    const kid = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()).kid;
    for (const segment of ["common", "organizations", contoso.tenantId]) {
      const jwks = (await (await fetch(`${entra.url}/${segment}/discovery/v2.0/keys`)).json()) as { keys: Array<{ kid: string }> };
      expect(jwks.keys.map((k) => k.kid)).toContain(kid);
    }
  });
});

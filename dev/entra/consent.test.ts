/**
 * The local Entra ID's consent model: tenants that are `granted`, allow `user-consent`, or are
 * `admin-required`; the consent screens of the authorize step; the token endpoint's AADSTS65001;
 * and the admin consent endpoint — all through HTTP, with the real msal-node where the app uses it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CryptoProvider } from "@azure/msal-node";
import { afterEach, describe, expect, it } from "vitest";
import { ARM_RESOURCE, CROSSLINK_APP } from "../world/demo-tenants";
import { signInAndDecide } from "./consent-test-support";
import { CookieJar, EntraTokenError, msalClientFor, postToken, startLocalEntraForTests, userToken, type TestEntra } from "./test-support";

const ARM = ARM_RESOURCE.delegatedScope;
const BASIC = ["openid", "profile", "offline_access", "email"];
const REDIRECT = "http://localhost:53000/auth/callback";
const WOODGROVE = "55555555-5555-4555-8555-555555555555";
const WANDA = "wanda@woodgrove.onmicrosoft.com";
const OSCAR = "oscar@woodgrove.onmicrosoft.com";
const LENA = "lena@litware.onmicrosoft.com";

let entra: TestEntra | undefined;
afterEach(async () => {
  await entra?.close();
  entra = undefined;
});
const start = async (options: Parameters<typeof startLocalEntraForTests>[0] = {}) => (entra = await startLocalEntraForTests(options));

async function refusal(p: Promise<unknown>): Promise<EntraTokenError> {
  const err = await p.then(
    () => new Error("expected Entra to refuse"),
    (e: unknown) => e,
  );
  if (!(err instanceof EntraTokenError)) throw err;
  return err;
}

/** An authorize URL like the app's, asking `scopes`. */
async function authorizeUrl(e: TestEntra, scopes: string[], extra: { prompt?: "select_account"; loginHint?: string } = {}) {
  const pkce = await new CryptoProvider().generatePkceCodes();
  return msalClientFor(e, "organizations").getAuthCodeUrl({
    scopes,
    redirectUri: REDIRECT,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: "S256",
    state: "s1",
    ...extra,
  });
}

function adminConsentUrl(e: TestEntra, authority = "organizations") {
  const url = new URL(`${e.url}/${authority}/v2.0/adminconsent`);
  url.searchParams.set("client_id", CROSSLINK_APP.clientId);
  url.searchParams.set("scope", [ARM, ...BASIC].join(" "));
  url.searchParams.set("redirect_uri", "http://localhost:3000/onboard/done");
  url.searchParams.set("state", "st-1");
  return url.toString();
}

describe("the token endpoint", () => {
  it("issues ARM tokens silently in granted tenants and to users who consented earlier", async () => {
    const e = await start();
    expect((await userToken(e.url, "felix@fabrikam.onmicrosoft.com", ARM)).claims.aud).toBe(ARM_RESOURCE.audience);
    expect((await userToken(e.url, "liam@litware.onmicrosoft.com", ARM)).claims.scp).toBe("user_impersonation");
  });

  it("answers an ARM request without consent as Entra does: invalid_grant AADSTS65001, suberror consent_required", async () => {
    const e = await start();
    const res = await fetch(`${e.url}/${WOODGROVE}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: CROSSLINK_APP.clientId, client_secret: e.clientSecret, grant_type: "password", username: WANDA, password: "Passw0rd!", scope: ARM }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ error: "invalid_grant", error_codes: [65001], suberror: "consent_required" });
    expect(body.error_description).toMatch(/^AADSTS65001: The user or administrator has not consented/);
    // A user-consent tenant's user who has not accepted yet is refused the same way.
    expect((await refusal(userToken(e.url, LENA, ARM))).aadsts).toBe(65001);
  });

  it("needs no consent for the basic OpenID scopes, and refuses the refresh token for ARM until consent exists", async () => {
    const e = await start();
    const basic = await userToken(e.url, WANDA, BASIC);
    expect(basic.refreshToken).toBeTruthy();
    const refresh = (scope: string) => postToken(e.url, WOODGROVE, { grant_type: "refresh_token", refresh_token: basic.refreshToken!, scope });
    const err = await refusal(refresh(ARM));
    expect(err).toMatchObject({ error: "invalid_grant", aadsts: 65001 });

    const admin = await signInAndDecide({ authorizeUrl: adminConsentUrl(e), username: OSCAR, decision: "accept" });
    expect(admin.result.params.get("admin_consent")).toBe("True");
    expect((await refresh(ARM)).claims).toMatchObject({ aud: ARM_RESOURCE.audience, tid: WOODGROVE });
  });
});

describe("the authorize step", () => {
  it("asks a user-consent tenant's user once; Accept gives the code, and the consent is remembered", async () => {
    const e = await start();
    const jar = new CookieJar();
    const first = await signInAndDecide({ authorizeUrl: await authorizeUrl(e, [...BASIC, ARM]), username: LENA, decision: "accept", cookies: jar });
    expect(first.consentPage).toContain("Let <strong>Crosslink</strong> access Azure Resource Manager as you.");
    expect(first.consentPage).not.toContain("on behalf of your organization");
    expect(first.result.code).toBeTruthy();
    expect((await userToken(e.url, LENA, ARM)).claims.scp).toBe("user_impersonation");

    const again = await signInAndDecide({ authorizeUrl: await authorizeUrl(e, [...BASIC, ARM]), decision: "accept", cookies: jar });
    expect(again.consentPage).toBe("");
    expect(again.result).toMatchObject({ silent: true });
    expect(again.result.code).toBeTruthy();
  });

  it("sends Cancel on the consent screen to the app as access_denied AADSTS65004, and grants nothing", async () => {
    const e = await start();
    const run = await signInAndDecide({ authorizeUrl: await authorizeUrl(e, [...BASIC, ARM]), username: LENA, decision: "cancel" });
    expect(run.result).toMatchObject({ error: "access_denied", state: "s1" });
    expect(run.result.errorDescription).toMatch(/^AADSTS65004: /);
    expect((await refusal(userToken(e.url, LENA, ARM))).aadsts).toBe(65001);
  });

  it("shows an admin-required tenant's user 'Need admin approval' and answers the app with AADSTS90094", async () => {
    const e = await start();
    const run = await signInAndDecide({ authorizeUrl: await authorizeUrl(e, [...BASIC, ARM]), username: WANDA, decision: "accept" });
    expect(run.consentPage).toContain("Need admin approval");
    expect(run.consentPage).not.toContain('value="accept"');
    expect(run.result.error).toBe("access_denied");
    expect(run.result.errorDescription).toMatch(/^AADSTS90094: An administrator of Woodgrove Bank has set a policy/);
  });

  it("signs an admin-required tenant's user in with the basic scopes alone, with no consent page", async () => {
    const e = await start();
    const run = await signInAndDecide({ authorizeUrl: await authorizeUrl(e, BASIC), username: WANDA, decision: "cancel" });
    expect(run.consentPage).toBe("");
    expect(run.result.code).toBeTruthy();
  });

  it("lets the tenant's administrator consent for the organization from the consent screen", async () => {
    const e = await start();
    const run = await signInAndDecide({ authorizeUrl: await authorizeUrl(e, [...BASIC, ARM]), username: OSCAR, decision: "accept", forOrganization: true });
    expect(run.consentPage).toContain("Consent on behalf of your organization");
    expect(run.result.code).toBeTruthy();
    expect((await userToken(e.url, WANDA, ARM)).claims.tid).toBe(WOODGROVE);
  });
});

describe("the admin consent endpoint", () => {
  it("has an administrator sign in and accept for the organization, then answers admin_consent=True with the tenant", async () => {
    const e = await start();
    const run = await signInAndDecide({ authorizeUrl: adminConsentUrl(e), username: OSCAR, decision: "accept" });
    expect(run.consentPage).toContain("Accept for your organization");
    const back = new URL(run.result.redirectUrl);
    expect(back.origin + back.pathname).toBe("http://localhost:3000/onboard/done");
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ admin_consent: "True", tenant: WOODGROVE, state: "st-1" });
    expect(back.searchParams.has("code")).toBe(false);
    expect((await userToken(e.url, WANDA, ARM)).claims.scp).toBe("user_impersonation");
  });

  it("refuses a user who is not an administrator with AADSTS90094, and a declined consent with AADSTS65004", async () => {
    const e = await start();
    const notAdmin = await signInAndDecide({ authorizeUrl: adminConsentUrl(e), username: WANDA, decision: "accept" });
    expect(notAdmin.consentPage).toBe("");
    expect(notAdmin.result).toMatchObject({ error: "access_denied", state: "st-1" });
    expect(notAdmin.result.errorDescription).toMatch(/^AADSTS90094: /);

    const declined = await signInAndDecide({ authorizeUrl: adminConsentUrl(e), username: OSCAR, decision: "cancel" });
    expect(declined.result.errorDescription).toMatch(/^AADSTS65004: /);
    expect((await refusal(userToken(e.url, WANDA, ARM))).aadsts).toBe(65001);
  });

  it("shows an error page, not a redirect, for an unregistered redirect URI", async () => {
    const e = await start();
    const url = new URL(adminConsentUrl(e));
    url.searchParams.set("redirect_uri", "https://evil.example/onboard/done");
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("AADSTS50011");
  });

  it("keeps grants across a restart when given a consent file", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "entra-consent-")), "consents.json");
    const first = await start({ consentFile: file });
    await signInAndDecide({ authorizeUrl: adminConsentUrl(first), username: OSCAR, decision: "accept" });
    await signInAndDecide({ authorizeUrl: await authorizeUrl(first, [...BASIC, ARM]), username: LENA, decision: "accept" });
    await first.close();
    entra = undefined;

    const second = await start({ consentFile: file });
    expect((await userToken(second.url, WANDA, ARM)).claims.tid).toBe(WOODGROVE);
    expect((await userToken(second.url, LENA, ARM)).claims.scp).toBe("user_impersonation");
    await second.close();
    entra = undefined;

    // Without the file (a fresh world) the demo tenants' starting states are back.
    const fresh = await start();
    expect((await refusal(userToken(fresh.url, WANDA, ARM))).aadsts).toBe(65001);
  });
});

describe("prompt=none", () => {
  it("answers consent_required AADSTS65001 instead of showing a consent page", async () => {
    const e = await start();
    const jar = new CookieJar();
    await signInAndDecide({ authorizeUrl: await authorizeUrl(e, BASIC), username: LENA, decision: "cancel", cookies: jar });
    const silent = new URL(await authorizeUrl(e, [...BASIC, ARM]));
    silent.searchParams.set("prompt", "none");
    const run = await signInAndDecide({ authorizeUrl: silent.toString(), decision: "accept", cookies: jar });
    expect(run.consentPage).toBe("");
    expect(run.result.error).toBe("consent_required");
    expect(run.result.errorDescription).toMatch(/^AADSTS65001: /);
  });
});

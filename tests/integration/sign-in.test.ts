import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { startLocalEntraForTests, signInThroughBrowserlessForm, BrowserlessSignInError, type TestEntra } from "@/dev/entra/test-support";
import { loadConfig, type AppConfig } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { startSignIn, completeSignIn } from "@/lib/auth/sign-in";
import { principalFromSessionToken } from "@/lib/auth/session-store";
import { acquireDelegatedArmToken } from "@/lib/auth/delegated-token";
import { signOut } from "@/lib/auth/sign-out";
import { verifyAuditChain } from "@/lib/audit/audit-log";
import { createTestDb } from "@/tests/support/test-db";
import { PROVIDER_TENANT } from "@/dev/world/demo-tenants";

/**
 * The app's sign-in use cases against the real local Entra ID with the real msal-node: the same
 * code paths the browser journey takes, minus the browser.
 */
let entra: TestEntra;
let db: Db;
let cleanup: () => Promise<void>;

function configFor(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ENTRA_AUTHORITY_HOST: entra.url,
    ENTRA_CLIENT_SECRET: entra.clientSecret,
    SESSION_SECRET: "integration-test-session-secret-0123456789",
    APP_BASE_URL: "http://localhost:3999",
    DATABASE_URL: "file:/tmp/unused.db",
    ...overrides,
  });
}

async function signInAs(config: AppConfig, username: string, returnTo = "/requests") {
  const authorizeUrl = await startSignIn(db, config, { returnTo });
  const response = await signInThroughBrowserlessForm({ authorizeUrl, username });
  return { response, result: await completeSignIn(db, config, Object.fromEntries(response.params), { requestId: "test-req" }) };
}

beforeAll(async () => {
  entra = await startLocalEntraForTests();
});
afterAll(() => entra.close());
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe("sign-in with the local Entra ID", () => {
  it("signs a provider in with roles, a session, the tenant and user records, and an audit entry", async () => {
    const config = configFor();
    const { result } = await signInAs(config, "priya@contoso.onmicrosoft.com", "/provider");
    expect(result).toMatchObject({ ok: true, returnTo: "/provider", roles: ["consumer", "provider"], userName: "Priya Patel" });
    if (!result.ok) return;

    const principal = await principalFromSessionToken(db, result.sessionToken);
    expect(principal).toMatchObject({ tenantId: PROVIDER_TENANT.tenantId, name: "Priya Patel", roles: ["consumer", "provider"] });
    const session = await db.session.findFirstOrThrow();
    expect(session.tokenCache).toMatch(/^v1\./); // sealed, not readable JSON
    expect(session.tokenCache).not.toContain("refresh");
    const audit = await db.auditEvent.findMany();
    expect(audit.map((a) => a.action)).toEqual(["auth.sign_in"]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 1 });
  });

  it("gives a consumer of another tenant only the consumer role", async () => {
    const { result } = await signInAs(configFor(), "felix@fabrikam.onmicrosoft.com");
    expect(result).toMatchObject({ ok: true, roles: ["consumer"] });
    expect(await db.tenant.findUnique({ where: { id: "22222222-2222-4222-8222-222222222222" } })).toMatchObject({ kind: "consumer" });
  });

  it("acquires a delegated ARM token silently from the session's own token cache", async () => {
    const config = configFor();
    const { result } = await signInAs(config, "felix@fabrikam.onmicrosoft.com");
    if (!result.ok) throw new Error("sign-in failed");
    const principal = (await principalFromSessionToken(db, result.sessionToken))!;
    const { token } = await acquireDelegatedArmToken(db, config, principal);
    const claims = decodeJwt(token);
    expect(claims.aud).toBe("https://management.azure.com");
    expect(claims.tid).toBe("22222222-2222-4222-8222-222222222222");
    expect(claims.scp).toBe("user_impersonation");
  });

  it("refuses a replayed callback before any token request", async () => {
    const config = configFor();
    const authorizeUrl = await startSignIn(db, config, {});
    const response = await signInThroughBrowserlessForm({ authorizeUrl, username: "felix@fabrikam.onmicrosoft.com" });
    const params = Object.fromEntries(response.params);
    expect((await completeSignIn(db, config, params, { requestId: "r1" })).ok).toBe(true);
    const replay = await completeSignIn(db, config, params, { requestId: "r2" });
    expect(replay).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(await db.session.count()).toBe(1);
  });

  it("refuses a forged state and a missing state", async () => {
    const config = configFor();
    expect(await completeSignIn(db, config, { code: "x", state: "forged" }, { requestId: "r" })).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(await completeSignIn(db, config, { code: "x" }, { requestId: "r" })).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(await db.session.count()).toBe(0);
  });

  it("refuses an ID token whose nonce does not match the one sent", async () => {
    const config = configFor();
    const authorizeUrl = await startSignIn(db, config, {});
    const state = new URL(authorizeUrl).searchParams.get("state")!;
    await db.authFlow.update({ where: { state }, data: { nonce: "a-different-nonce" } });
    const response = await signInThroughBrowserlessForm({ authorizeUrl, username: "felix@fabrikam.onmicrosoft.com" });
    const result = await completeSignIn(db, config, Object.fromEntries(response.params), { requestId: "r" });
    expect(result).toMatchObject({ ok: false, reason: "token_error" });
    expect(await db.session.count()).toBe(0);
  });

  it("explains a code the identity provider refuses (valid state, forged code)", async () => {
    const config = configFor();
    const authorizeUrl = await startSignIn(db, config, {});
    const state = new URL(authorizeUrl).searchParams.get("state")!;
    const result = await completeSignIn(db, config, { code: "forged-code", state }, { requestId: "r" });
    expect(result).toMatchObject({ ok: false, reason: "token_error" });
    expect(await db.session.count()).toBe(0);
  });

  it("refuses a user of one tenant at another tenant's authority, as Entra does", async () => {
    const config = configFor({ ENTRA_SIGN_IN_AUDIENCE: PROVIDER_TENANT.tenantId });
    const authorizeUrl = await startSignIn(db, config, {});
    const attempt = signInThroughBrowserlessForm({ authorizeUrl, username: "felix@fabrikam.onmicrosoft.com" });
    await expect(attempt).rejects.toBeInstanceOf(BrowserlessSignInError);
    await expect(attempt).rejects.toThrow(/AADSTS50020|does not exist in tenant/);
    expect(await db.session.count()).toBe(0);
  });

  it("signs out: the session is gone, the IdP end-session URL is returned, and it is audited", async () => {
    const config = configFor();
    const { result } = await signInAs(config, "felix@fabrikam.onmicrosoft.com");
    if (!result.ok) throw new Error("sign-in failed");
    const { logoutUrl } = await signOut(db, config, result.sessionToken, { requestId: "r" });
    expect(logoutUrl).toBe(`${entra.url}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("http://localhost:3999/signed-out")}`);
    expect(await principalFromSessionToken(db, result.sessionToken)).toBeNull();
    expect((await db.auditEvent.findMany({ orderBy: { seq: "asc" } })).map((a) => a.action)).toEqual(["auth.sign_in", "auth.sign_out"]);
  });
});

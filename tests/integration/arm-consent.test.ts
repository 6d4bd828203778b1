import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { signInAndDecide } from "@/dev/entra/consent-test-support";
import { CookieJar, signInThroughBrowserlessForm, startLocalEntraForTests, type TestEntra } from "@/dev/entra/test-support";
import { loadConfig, type AppConfig } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { adminConsentOutcome, completeAdminConsent, startAdminConsent } from "@/lib/auth/admin-consent";
import { ArmConsentRequired } from "@/lib/auth/arm-consent";
import { acquireDelegatedArmToken } from "@/lib/auth/delegated-token";
import { principalFromSessionToken } from "@/lib/auth/session-store";
import { completeSignIn, startSignIn } from "@/lib/auth/sign-in";
import { verifyAuditChain } from "@/lib/audit/audit-log";
import { seedDemoWorld } from "@/prisma/seed";
import { createTestDb } from "@/tests/support/test-db";

/**
 * Incremental ARM consent and admin consent, the app's use cases against the local Entra ID with
 * the real msal-node: sign-in asks only the basic scopes; a missing consent surfaces as
 * ArmConsentRequired; the ARM hop and the onboarding page's admin consent fix it.
 */
const WOODGROVE = "55555555-5555-4555-8555-555555555555";
const WANDA = "wanda@woodgrove.onmicrosoft.com";
const OSCAR = "oscar@woodgrove.onmicrosoft.com";

let entra: TestEntra;
let db: Db;
let cleanup: () => Promise<void>;
let config: AppConfig;

beforeEach(async () => {
  // A new local Entra ID per test: consent grants are its state.
  entra = await startLocalEntraForTests();
  ({ db, cleanup } = await createTestDb());
  config = loadConfig({
    ENTRA_AUTHORITY_HOST: entra.url,
    ENTRA_CLIENT_SECRET: entra.clientSecret,
    SESSION_SECRET: "integration-test-session-secret-0123456789",
    APP_BASE_URL: "http://localhost:3999",
    DATABASE_URL: "file:/tmp/unused.db",
  });
});
afterEach(async () => {
  await cleanup();
  await entra.close();
});

async function signIn(username: string, jar = new CookieJar()) {
  const authorizeUrl = await startSignIn(db, config, { returnTo: "/requests/new" });
  const response = await signInThroughBrowserlessForm({ authorizeUrl, username, cookies: jar });
  const result = await completeSignIn(db, config, Object.fromEntries(response.params), { requestId: "r" });
  if (!result.ok) throw new Error(`sign-in failed: ${result.message}`);
  return (await principalFromSessionToken(db, result.sessionToken))!;
}

describe("incremental ARM consent", () => {
  it("signs in with the basic scopes only, and asks for ARM only in the ARM hop without forcing the account picker", async () => {
    const plain = new URL(await startSignIn(db, config, {}));
    expect(plain.searchParams.get("scope")!.split(" ").sort()).toEqual(["email", "offline_access", "openid", "profile"]);
    expect(plain.searchParams.get("prompt")).toBe("select_account");

    const hop = new URL(await startSignIn(db, config, { armAccess: true, loginHint: WANDA }));
    expect(hop.searchParams.get("scope")!.split(" ")).toContain("https://management.azure.com/user_impersonation");
    expect(hop.searchParams.has("prompt")).toBe(false);
    expect(hop.searchParams.get("login_hint")).toBe(WANDA);
  });

  it("lets a user of an admin-required tenant sign in, and throws ArmConsentRequired for Azure access", async () => {
    const principal = await signIn(WANDA);
    expect(principal.tenantId).toBe(WOODGROVE);
    const err = await acquireDelegatedArmToken(db, config, principal).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ArmConsentRequired);
    expect((err as ArmConsentRequired).aadsts).toBe("AADSTS65001");
  });

  it("brings the ARM hop of an admin-required tenant's user back to the app with AADSTS90094 explained", async () => {
    const jar = new CookieJar();
    await signIn(WANDA, jar);
    const authorizeUrl = await startSignIn(db, config, { armAccess: true, returnTo: "/requests/new", loginHint: WANDA });
    const run = await signInAndDecide({ authorizeUrl, decision: "back", cookies: jar });
    expect(run.consentPage).toContain("Need admin approval");
    const result = await completeSignIn(db, config, Object.fromEntries(run.result.params), { requestId: "r" });
    expect(result).toMatchObject({ ok: false, reason: "idp_error", code: "AADSTS90094" });
    expect(!result.ok && result.message).toMatch(/only administrators give apps permission/);
  });

  it("gets the ARM token after the person accepts the consent screen in a user-consent tenant", async () => {
    const jar = new CookieJar();
    const before = await signIn("lena@litware.onmicrosoft.com", jar);
    await expect(acquireDelegatedArmToken(db, config, before)).rejects.toBeInstanceOf(ArmConsentRequired);

    const authorizeUrl = await startSignIn(db, config, { armAccess: true, returnTo: "/requests/new" });
    const run = await signInAndDecide({ authorizeUrl, decision: "accept", cookies: jar });
    expect(run.consentPage).toContain("Permissions requested");
    const result = await completeSignIn(db, config, Object.fromEntries(run.result.params), { requestId: "r" });
    if (!result.ok) throw new Error(result.message);
    expect(result.returnTo).toBe("/requests/new");
    const after = (await principalFromSessionToken(db, result.sessionToken))!;
    expect(decodeJwt((await acquireDelegatedArmToken(db, config, after)).token).scp).toBe("user_impersonation");
  });
});

describe("admin consent from the onboarding page", () => {
  it("sends the administrator to Entra's admin consent endpoint with the state kept server side", async () => {
    const url = new URL(await startAdminConsent(db, config, { tenant: "woodgrove.onmicrosoft.com" }));
    expect(url.origin + url.pathname).toBe(`${entra.url}/woodgrove.onmicrosoft.com/v2.0/adminconsent`);
    expect(url.searchParams.get("client_id")).toBe(config.entra.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3999/onboard/done");
    expect(url.searchParams.get("scope")!.split(" ")).toEqual(["https://management.azure.com/user_impersonation", "openid", "profile", "offline_access", "email"]);
    const state = url.searchParams.get("state")!;
    expect(await db.adminConsentFlow.findUnique({ where: { state } })).toMatchObject({ completedAt: null });
    expect(new URL(await startAdminConsent(db, config, {})).pathname).toBe("/organizations/v2.0/adminconsent");
  });

  it("records a granted consent once, in the audit trail, after which the tenant's users get ARM tokens", async () => {
    await seedDemoWorld(db);
    const waiting = await signIn(WANDA);
    await expect(acquireDelegatedArmToken(db, config, waiting)).rejects.toBeInstanceOf(ArmConsentRequired);

    const run = await signInAndDecide({ authorizeUrl: await startAdminConsent(db, config, {}), username: OSCAR, decision: "accept" });
    const answer = Object.fromEntries(run.result.params);
    expect(answer).toMatchObject({ admin_consent: "True", tenant: WOODGROVE });
    const flowId = await completeAdminConsent(db, answer, { requestId: "req-consent" });
    expect(flowId).toBeTruthy();
    expect(await adminConsentOutcome(db, flowId!)).toEqual({ outcome: "granted", tenantId: WOODGROVE, tenantName: "Woodgrove Bank" });

    const audit = await db.auditEvent.findMany({ where: { action: "tenant.admin_consent_granted" } });
    expect(audit).toEqual([expect.objectContaining({ tenantId: WOODGROVE, actorLabel: "An administrator (Woodgrove Bank)", requestId: "req-consent" })]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // The state is single use: a replayed answer records nothing.
    expect(await completeAdminConsent(db, answer, { requestId: "again" })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "tenant.admin_consent_granted" } })).toBe(1);

    // The same session that was refused now gets its token silently.
    expect(decodeJwt((await acquireDelegatedArmToken(db, config, waiting)).token).tid).toBe(WOODGROVE);
  });

  it("records a refusal without an audit entry, and ignores answers with a forged state", async () => {
    const run = await signInAndDecide({ authorizeUrl: await startAdminConsent(db, config, {}), username: WANDA, decision: "accept" });
    const flowId = await completeAdminConsent(db, Object.fromEntries(run.result.params), { requestId: "r" });
    expect(await adminConsentOutcome(db, flowId!)).toEqual({ outcome: "refused", errorCode: "AADSTS90094" });
    expect(await completeAdminConsent(db, { admin_consent: "True", tenant: WOODGROVE, state: "forged" }, { requestId: "r" })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "tenant.admin_consent_granted" } })).toBe(0);
  });
});

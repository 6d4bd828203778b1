import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BrowserlessSignInError, signInThroughBrowserlessForm, startLocalEntraForTests, type TestEntra } from "@/dev/entra/test-support";
import { PROVIDER_TENANT } from "@/dev/world/demo-tenants";
import { loadConfig, type AppConfig } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { completeSignIn, startSignIn } from "@/lib/auth/sign-in";
import { principalFromSessionToken } from "@/lib/auth/session-store";
import { createTestDb } from "@/tests/support/test-db";

/**
 * Provider staff who are B2B guests of the provider tenant: through `organizations` they get a
 * token of their home tenant (no provider roles); the "Provider staff" sign-in goes to the
 * provider tenant's authority, where the guest's app role assignment counts.
 */
const GINA = "gina@fabrikam.onmicrosoft.com"; // Fabrikam user, guest in Contoso with Crosslink.Provider
const FABRIKAM = "22222222-2222-4222-8222-222222222222";

let entra: TestEntra;
let db: Db;
let cleanup: () => Promise<void>;
let config: AppConfig;

beforeAll(async () => {
  entra = await startLocalEntraForTests();
  config = loadConfig({
    ENTRA_AUTHORITY_HOST: entra.url,
    ENTRA_CLIENT_SECRET: entra.clientSecret,
    SESSION_SECRET: "integration-test-session-secret-0123456789",
    APP_BASE_URL: "http://localhost:3999",
    DATABASE_URL: "file:/tmp/unused.db",
  });
});
afterAll(() => entra.close());
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

async function signIn(username: string, tenant?: "provider") {
  const authorizeUrl = await startSignIn(db, config, { tenant });
  const response = await signInThroughBrowserlessForm({ authorizeUrl, username });
  return { authorizeUrl, result: await completeSignIn(db, config, Object.fromEntries(response.params), { requestId: "test-req" }) };
}

describe("provider staff sign-in", () => {
  it("sends a guest to the provider tenant's authority and gives them the provider role assigned there", async () => {
    const { authorizeUrl, result } = await signIn(GINA, "provider");
    expect(new URL(authorizeUrl).pathname).toBe(`/${PROVIDER_TENANT.tenantId}/oauth2/v2.0/authorize`);
    expect(result).toMatchObject({ ok: true, roles: ["consumer", "provider"], userName: "Gina Gomez" });
    if (!result.ok) return;
    const principal = await principalFromSessionToken(db, result.sessionToken);
    expect(principal).toMatchObject({ tenantId: PROVIDER_TENANT.tenantId, username: GINA, roles: ["consumer", "provider"] });
  });

  it("through organizations the same guest is only a consumer of her home tenant", async () => {
    const { result } = await signIn(GINA);
    expect(result).toMatchObject({ ok: true, roles: ["consumer"] });
    if (!result.ok) return;
    expect(await principalFromSessionToken(db, result.sessionToken)).toMatchObject({ tenantId: FABRIKAM });
  });

  it("refuses someone who is not a member or guest of the provider tenant (AADSTS50020)", async () => {
    const attempt = signIn("felix@fabrikam.onmicrosoft.com", "provider");
    await expect(attempt).rejects.toBeInstanceOf(BrowserlessSignInError);
    await expect(attempt).rejects.toThrow(/AADSTS50020|does not exist in tenant/);
    expect(await db.session.count()).toBe(0);
  });
});

import { InteractionRequiredAuthError, type ICachePlugin } from "@azure/msal-node";
import type { AppConfig } from "../config";
import type { Db } from "../db/client";
import { createMsalClient, armDelegatedScope } from "./msal";
import type { Principal } from "./principal";
import { tokenCacheBox } from "./sign-in";
import { ArmConsentRequired, consentCodeOf } from "./arm-consent";
import { ReauthenticationRequired } from "./reauthentication";
import { StepUpRequired } from "./step-up";

// Lives in reauthentication.ts (so its kinds can extend it without an import cycle); importers keep this path.
export { ReauthenticationRequired };

function sessionCachePlugin(db: Db, config: AppConfig, sessionId: string): ICachePlugin {
  const box = tokenCacheBox(config);
  return {
    async beforeCacheAccess(ctx) {
      const row = await db.session.findUnique({ where: { id: sessionId }, select: { tokenCache: true } });
      const plain = row?.tokenCache ? box.open(row.tokenCache) : null;
      if (plain) ctx.tokenCache.deserialize(plain);
    },
    async afterCacheAccess(ctx) {
      if (!ctx.cacheHasChanged) return;
      await db.session.updateMany({ where: { id: sessionId }, data: { tokenCache: box.seal(ctx.tokenCache.serialize()) } });
    },
  };
}

/**
 * A consumer's delegated ARM token, acquired silently from the session's own MSAL cache (its
 * refresh token), so Azure calls run with the consumer's rights and nobody else's.
 * `claims`: a claims challenge from ARM (JSON). MSAL then skips its cached token and asks Entra
 * with the claims; if the session's sign-in cannot satisfy them (no second factor), Entra wants
 * the person (AADSTS50076) and this throws StepUpRequired carrying the claims for the new sign-in.
 */
export async function acquireDelegatedArmToken(
  db: Db,
  config: AppConfig,
  principal: Principal,
  request: { claims?: string } = {},
): Promise<{ token: string; expiresOn: Date | null }> {
  const session = await db.session.findUnique({ where: { id: principal.sessionId }, select: { homeAccountId: true } });
  if (!session) throw new ReauthenticationRequired();
  // Silent calls go to the user's home tenant, as Entra issues their ARM token there.
  const msal = createMsalClient(config, { tenant: principal.tenantId, cachePlugin: sessionCachePlugin(db, config, principal.sessionId) });
  const account = await msal.getTokenCache().getAccountByHomeId(session.homeAccountId);
  if (!account) throw new ReauthenticationRequired();
  try {
    const result = await msal.acquireTokenSilent({ account, scopes: [armDelegatedScope(config)], ...(request.claims ? { claims: request.claims } : {}) });
    if (!result?.accessToken) throw new ReauthenticationRequired();
    return { token: result.accessToken, expiresOn: result.expiresOn ?? null };
  } catch (err) {
    if (err instanceof InteractionRequiredAuthError) {
      // No consent yet for ARM (sign-in asks only the basic scopes): a consent hop, not a re-sign-in.
      const consent = consentCodeOf(err);
      if (consent) throw new ArmConsentRequired(consent);
      // A challenge only the person can meet: keep its claims for the sign-in that meets it.
      if (request.claims) throw new StepUpRequired(request.claims);
      throw new ReauthenticationRequired();
    }
    throw err;
  }
}

import { InteractionRequiredAuthError, type ICachePlugin } from "@azure/msal-node";
import type { AppConfig } from "../config";
import type { Db } from "../db/client";
import { createMsalClient, armDelegatedScope } from "./msal";
import type { Principal } from "./principal";
import { tokenCacheBox } from "./sign-in";
import { ArmConsentRequired, consentCodeOf } from "./arm-consent";
import { ReauthenticationRequired } from "./reauthentication";

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
 */
export async function acquireDelegatedArmToken(
  db: Db,
  config: AppConfig,
  principal: Principal,
): Promise<{ token: string; expiresOn: Date | null }> {
  const session = await db.session.findUnique({ where: { id: principal.sessionId }, select: { homeAccountId: true } });
  if (!session) throw new ReauthenticationRequired();
  // Silent calls go to the user's home tenant, as Entra issues their ARM token there.
  const msal = createMsalClient(config, { tenant: principal.tenantId, cachePlugin: sessionCachePlugin(db, config, principal.sessionId) });
  const account = await msal.getTokenCache().getAccountByHomeId(session.homeAccountId);
  if (!account) throw new ReauthenticationRequired();
  try {
    const result = await msal.acquireTokenSilent({ account, scopes: [armDelegatedScope(config)] });
    if (!result?.accessToken) throw new ReauthenticationRequired();
    return { token: result.accessToken, expiresOn: result.expiresOn ?? null };
  } catch (err) {
    if (err instanceof InteractionRequiredAuthError) {
      // No consent yet for ARM (sign-in asks only the basic scopes): a consent hop, not a re-sign-in.
      const consent = consentCodeOf(err);
      throw consent ? new ArmConsentRequired(consent) : new ReauthenticationRequired();
    }
    throw err;
  }
}

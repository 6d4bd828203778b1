import type { AppConfig } from "../config";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/audit-log";
import { storedPersonActor } from "../core/actor";
import { deleteSessionByToken } from "./session-store";

/**
 * Signs out locally (the session and its token cache are deleted) and returns the identity
 * provider's end-session URL, so the IdP's own session ends too.
 */
export async function signOut(
  db: Db,
  config: AppConfig,
  sessionToken: string | undefined,
  context: { requestId: string },
): Promise<{ logoutUrl: string }> {
  const ended = await deleteSessionByToken(db, sessionToken);
  if (ended) {
    const user = await db.user.findUnique({ where: { id: ended.userId }, include: { tenant: true } });
    if (user) {
      await recordAudit(db, { actor: storedPersonActor(null, user), action: "auth.sign_out", tenantId: user.tenantId, httpRequestId: context.requestId });
    }
  }
  const url = new URL(`${config.entra.authorityHost}/${config.entra.signInAudience}/oauth2/v2.0/logout`);
  url.searchParams.set("post_logout_redirect_uri", `${config.appBaseUrl}/signed-out`);
  return { logoutUrl: url.toString() };
}

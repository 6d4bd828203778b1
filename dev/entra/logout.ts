/**
 * GET|POST /{authority}/oauth2/v2.0/logout (end-session): ends this browser's IdP session (all of
 * its accounts), then returns to post_logout_redirect_uri if it is registered for an app or is a
 * loopback http URI; otherwise shows "signed out". Like Entra, it does not revoke refresh tokens.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EntraContext } from "./context";
import { isAllowedPostLogoutUri } from "./clients";
import { appendSetCookie, cspNonce, readForm, redirect, sendHtml } from "./http";
import { signedOutPage } from "./pages";
import { clearedSessionCookie } from "./session";

export async function handleLogout(ctx: EntraContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const params = req.method === "POST" ? await readForm(req) : url.searchParams;
  appendSetCookie(res, clearedSessionCookie());
  const target = params.get("post_logout_redirect_uri");
  if (target && isAllowedPostLogoutUri(ctx.clients.all(), target)) {
    const back = new URL(target);
    const state = params.get("state");
    if (state) back.searchParams.set("state", state);
    redirect(res, back.toString());
    return;
  }
  const nonce = cspNonce();
  sendHtml(res, 200, signedOutPage(nonce), nonce);
}

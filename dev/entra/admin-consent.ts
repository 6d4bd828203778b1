/**
 * GET /{tenant}/v2.0/adminconsent: Entra's admin consent endpoint. An administrator signs in
 * (always shown the page, with signed-in accounts to pick), accepts the permissions for the whole
 * organization, and the browser goes back to the app with
 * `admin_consent=True&tenant=<tid>&scope=…&state=…` — or `error=access_denied` with AADSTS65004
 * (declined) or AADSTS90094 (the account is not an administrator). Parameters: client_id,
 * redirect_uri (registered, checked before any redirect), scope, state.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorityLabel, type Authority } from "./authority";
import { sendErrorToClient } from "./auth-response";
import type { AuthRequest } from "./authorize-request";
import { isRegisteredRedirectUri } from "./clients";
import type { EntraContext } from "./context";
import { EntraError, Errors } from "./errors";
import { cspNonce, sendHtml } from "./http";
import { errorPage } from "./pages";
import { parseScopes } from "./resources";
import { readSession } from "./session";
import { showSignIn, type Ids } from "./sign-in";

export async function handleAdminConsent(
  ctx: EntraContext,
  req: IncomingMessage,
  res: ServerResponse,
  authority: Authority,
  url: URL,
  ids: Ids,
): Promise<void> {
  const params = url.searchParams;
  const page = (error: EntraError) => {
    const nonce = cspNonce();
    sendHtml(res, 400, errorPage(nonce, error, ids), nonce);
  };
  const clientId = params.get("client_id");
  if (!clientId) return page(Errors.missingParameter("client_id"));
  const client = ctx.clients.find(clientId);
  if (!client) return page(Errors.unknownClient(clientId, authorityLabel(authority)));
  const redirectUri = params.get("redirect_uri") ?? client.redirectUris[0];
  if (!redirectUri) return page(Errors.missingParameter("redirect_uri"));
  if (!isRegisteredRedirectUri(client, redirectUri)) return page(Errors.redirectUriMismatch(redirectUri, client.clientId));

  const state = params.get("state") ?? undefined;
  const back = { redirectUri, responseMode: "query" as const, state };
  const scope = params.get("scope");
  if (!scope) return sendErrorToClient(res, back, Errors.missingParameter("scope"), ids);
  try {
    parseScopes(scope, authorityLabel(authority));
  } catch (error) {
    if (error instanceof EntraError) return sendErrorToClient(res, back, error, ids);
    throw error;
  }

  const request: AuthRequest = {
    authoritySegment: authority.segment,
    clientId: client.clientId,
    redirectUri,
    redirectUriSent: true,
    responseMode: "query",
    scope,
    state,
    prompt: "select_account",
    adminConsent: true,
  };
  ctx.log({ level: "info", msg: "admin consent requested", traceId: ids.traceId });
  showSignIn(ctx, res, { flowId: ctx.flows.create(request), request, authority, session: await readSession(ctx, req) });
}

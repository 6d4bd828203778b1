/**
 * GET|POST /{authority}/oauth2/v2.0/authorize: validates the request, then decides between
 * single sign-on from the browser's session, the sign-in page, or an error for the app:
 *
 * - prompt=none:           one matching session account → code; none → login_required (AADSTS50058);
 *                          several and no login_hint → interaction_required (AADSTS16000).
 * - prompt=login:          always the password form (no session shortcut).
 * - prompt=select_account: always the page, with signed-in accounts to pick from.
 * - no prompt / consent:   one matching session account → code (consent is implied in the demo
 *                          world); several → account picker; none → sign-in page.
 * login_hint picks the session account with that username, or pre-fills the username.
 * A `claims` demand for MFA that the session account's sign-in lacks: its second factor is asked
 * for (no password); with prompt=none, interaction_required (AADSTS50076).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authority } from "./authority";
import { sendErrorToClient } from "./auth-response";
import { parseAuthorizeRequest } from "./authorize-request";
import type { EntraContext } from "./context";
import { Errors } from "./errors";
import { cspNonce, readForm, sendHtml } from "./http";
import { errorPage } from "./pages";
import { readSession } from "./session";
import { completeSignIn, eligibleSessionAccounts, showSecondFactor, showSignIn, type Ids } from "./sign-in";

export async function handleAuthorize(
  ctx: EntraContext,
  req: IncomingMessage,
  res: ServerResponse,
  authority: Authority,
  url: URL,
  ids: Ids,
): Promise<void> {
  // Entra also accepts the authorize request as a form post.
  const params = req.method === "POST" ? await readForm(req) : url.searchParams;
  const parsed = parseAuthorizeRequest(params, authority, ctx.clients);
  if (!parsed.ok) {
    ctx.log({ level: "warn", msg: "authorize refused", aadsts: parsed.error.code, traceId: ids.traceId });
    if (parsed.redirect) return sendErrorToClient(res, parsed.request, parsed.error, ids);
    const nonce = cspNonce();
    return sendHtml(res, 400, errorPage(nonce, parsed.error, ids), nonce);
  }

  const { request } = parsed;
  const session = await readSession(ctx, req);
  const candidates = eligibleSessionAccounts(ctx, session, authority, request);
  const hint = request.loginHint?.trim().toLowerCase();
  const hinted = hint ? candidates.filter((c) => c.account.user.username.toLowerCase() === hint) : candidates;
  const single = hinted.length === 1 ? hinted[0] : undefined;

  // A demand for a second factor (claims) that the session's sign-in did not have needs the user.
  const needsSecondFactor = request.claims?.requiresMfa === true && single !== undefined && !single.mfa;
  if (request.prompt === "none") {
    if (single && needsSecondFactor) {
      return sendErrorToClient(res, request, Errors.mfaRequired(request.clientId, undefined, "interaction_required"), ids);
    }
    if (single) return completeSignIn(ctx, res, request, single.account, session, false);
    const error = hinted.length === 0 ? Errors.loginRequired() : Errors.selectAccountRequired();
    return sendErrorToClient(res, request, error, ids);
  }
  const silentAllowed = request.prompt === undefined || request.prompt === "consent";
  if (silentAllowed && single && needsSecondFactor) return showSecondFactor(ctx, res, ctx.flows.create(request), request, single.account);
  if (silentAllowed && single) return completeSignIn(ctx, res, request, single.account, session, false);

  const flowId = ctx.flows.create(request);
  showSignIn(ctx, res, { flowId, request, authority, session });
}

/**
 * The interactive part of sign-in: showing the sign-in page for a flow and handling its form
 * posts (POST /{authority}/login). On success the account joins the browser's IdP session and the
 * app gets its code.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { accountAllowedAt, assertAccountAllowedAt, authorityTenantId, type Authority } from "./authority";
import { sendCode } from "./auth-response";
import type { AuthRequest } from "./authorize-request";
import { consentGate } from "./consent";
import type { EntraContext } from "./context";
import { allAccounts, findAccount, findAccountByUsername, findTenantByIdOrDomain, passwordMatches, type Account } from "./directory";
import { EntraError, Errors } from "./errors";
import { appendSetCookie, cspNonce, readForm, sendHtml } from "./http";
import { errorPage } from "./pages";
import { readSession, sessionCookie, withAccount, type IdpSession } from "./session";
import { signInPage, type SignInPageModel } from "./sign-in-page";

export type Ids = { traceId: string; correlationId: string };

/** Accounts of this browser's session that may continue at this authority without a password. */
export function eligibleSessionAccounts(
  ctx: EntraContext,
  session: IdpSession | undefined,
  authority: Authority,
  request: AuthRequest,
): Array<{ account: Account; authTime: number }> {
  if (!session) return [];
  const now = ctx.now();
  return session.accounts.flatMap((entry) => {
    const account = findAccount(entry.tid, entry.oid);
    if (!account || !accountAllowedAt(authority, account)) return [];
    if (request.maxAge !== undefined && now - entry.authTime > request.maxAge) return [];
    return [{ account, authTime: entry.authTime }];
  });
}

/** Demo accounts listed on the page: those allowed here, narrowed to domain_hint's tenant if it names one. */
function demoAccountsFor(authority: Authority, request: AuthRequest): Account[] {
  const allowed = allAccounts().filter((a) => accountAllowedAt(authority, a));
  const hinted = request.domainHint ? findTenantByIdOrDomain(request.domainHint) : undefined;
  const narrowed = hinted ? allowed.filter((a) => a.tenant.tenantId === hinted.tenantId) : allowed;
  return narrowed.length > 0 ? narrowed : allowed;
}

export function showSignIn(
  ctx: EntraContext,
  res: ServerResponse,
  input: {
    flowId: string;
    request: AuthRequest;
    authority: Authority;
    session: IdpSession | undefined;
    username?: string;
    error?: SignInPageModel["error"];
  },
): void {
  const { request, authority } = input;
  const client = ctx.clients.find(request.clientId);
  const nonce = cspNonce();
  const signedIn =
    request.prompt === "login" ? [] : eligibleSessionAccounts(ctx, input.session, authority, request).map((e) => e.account);
  const model: SignInPageModel = {
    nonce,
    action: `/${encodeURIComponent(request.authoritySegment)}/login`,
    flowId: input.flowId,
    authority,
    appName: client?.displayName ?? request.clientId,
    username: input.username ?? request.loginHint,
    error: input.error,
    signedIn,
    demoAccounts: demoAccountsFor(authority, request),
  };
  sendHtml(res, 200, signInPage(model), nonce);
}

/** Signs `account` in (adds it to the session cookie) and sends the code to the app. */
export async function completeSignIn(
  ctx: EntraContext,
  res: ServerResponse,
  request: AuthRequest,
  account: Account,
  session: IdpSession | undefined,
  fresh: boolean,
): Promise<void> {
  const now = ctx.now();
  let next = session;
  if (fresh || !session) {
    next = withAccount(session, { tid: account.tenant.tenantId, oid: account.user.oid }, now);
    appendSetCookie(res, await sessionCookie(ctx, next));
  }
  const entry = next!.accounts.find((a) => a.tid === account.tenant.tenantId && a.oid === account.user.oid);
  const signInSession = { sid: next!.sid, authTime: entry?.authTime ?? now };
  // Consent comes after the account is known and before the code, as in Entra.
  if (consentGate(ctx, res, request, account, signInSession)) return;
  sendCode(ctx, res, request, account, signInSession);
}

const MESSAGES = {
  noUsername: "Enter a valid email address or username.",
  unknownUser:
    "We couldn't find an account with that username. This username may be incorrect. Make sure you typed it correctly, or choose one of the demo accounts below.",
  wrongPassword:
    "Your account or password is incorrect. Check the password (the demo password is shown below the password field) and try again.",
  noLongerSignedIn: "That account is no longer signed in here. Enter its password to continue.",
};

export async function handleSignInPost(
  ctx: EntraContext,
  req: IncomingMessage,
  res: ServerResponse,
  authority: Authority,
  ids: Ids,
): Promise<void> {
  const form = await readForm(req);
  const flowId = form.get("flow") ?? "";
  const request = ctx.flows.get(flowId);
  if (!request || request.authoritySegment.toLowerCase() !== authority.segment.toLowerCase()) {
    const nonce = cspNonce();
    sendHtml(res, 400, errorPage(nonce, Errors.flowExpired(), ids), nonce);
    return;
  }
  const session = await readSession(ctx, req);
  const again = (username: string | undefined, error?: SignInPageModel["error"]) =>
    showSignIn(ctx, res, { flowId, request, authority, session, username, error });
  const client = ctx.clients.find(request.clientId);
  const allowedContext = { baseUrl: ctx.baseUrl, appName: client?.displayName ?? "", clientId: request.clientId };

  switch (form.get("action")) {
    case "pick": {
      again(form.get("username") ?? undefined);
      return;
    }
    case "continue": {
      const [tid, oid] = (form.get("account") ?? "").split(":");
      const entry =
        request.prompt === "login"
          ? undefined
          : eligibleSessionAccounts(ctx, session, authority, request).find(
              (e) => e.account.tenant.tenantId === tid && e.account.user.oid === oid,
            );
      if (!entry) {
        const account = tid && oid ? findAccount(tid, oid) : undefined;
        again(account?.user.username, { message: MESSAGES.noLongerSignedIn, field: "password" });
        return;
      }
      ctx.log({ level: "info", msg: "sign-in: continued with session", username: entry.account.user.username, traceId: ids.traceId });
      ctx.flows.end(flowId);
      await completeSignIn(ctx, res, request, entry.account, session, false);
      return;
    }
    case "signin": {
      const username = (form.get("username") ?? "").trim();
      const password = form.get("password") ?? "";
      if (!username) return again(undefined, { message: MESSAGES.noUsername, field: "username" });
      const account = findAccountByUsername(username, authorityTenantId(authority));
      if (!account) return again(username, { message: MESSAGES.unknownUser, field: "username" });
      try {
        assertAccountAllowedAt(authority, account, allowedContext);
      } catch (error) {
        if (!(error instanceof EntraError)) throw error;
        ctx.log({ level: "warn", msg: "sign-in refused: user not in tenant", username, aadsts: error.code, traceId: ids.traceId });
        return again(username, { message: error.message, field: "username" });
      }
      if (!passwordMatches(account.user, password)) {
        ctx.log({ level: "warn", msg: "sign-in refused: wrong password", username, aadsts: 50126, traceId: ids.traceId });
        return again(username, { message: MESSAGES.wrongPassword, field: "password" });
      }
      ctx.log({ level: "info", msg: "sign-in: password accepted", username, traceId: ids.traceId });
      ctx.flows.end(flowId);
      await completeSignIn(ctx, res, request, account, session, true);
      return;
    }
    default:
      again(undefined);
  }
}

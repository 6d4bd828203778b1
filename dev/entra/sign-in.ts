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
import { secondFactorPage } from "./second-factor-page";

export type Ids = { traceId: string; correlationId: string };

/** Accounts of this browser's session that may continue at this authority without a password. */
export function eligibleSessionAccounts(
  ctx: EntraContext,
  session: IdpSession | undefined,
  authority: Authority,
  request: AuthRequest,
): Array<{ account: Account; authTime: number; mfa: boolean }> {
  if (!session) return [];
  const now = ctx.now();
  return session.accounts.flatMap((entry) => {
    const account = findAccount(entry.tid, entry.oid);
    if (!account || !accountAllowedAt(authority, account)) return [];
    if (request.maxAge !== undefined && now - entry.authTime > request.maxAge) return [];
    return [{ account, authTime: entry.authTime, mfa: entry.mfa === true }];
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
    secondFactorRequired: request.claims?.requiresMfa === true,
  };
  sendHtml(res, 200, signInPage(model), nonce);
}

/** The password (or the session) identified `account`; now the second factor. */
export function showSecondFactor(ctx: EntraContext, res: ServerResponse, flowId: string, request: AuthRequest, account: Account): void {
  ctx.flows.awaitSecondFactor(flowId, { tid: account.tenant.tenantId, oid: account.user.oid });
  const nonce = cspNonce();
  sendHtml(
    res,
    200,
    secondFactorPage({
      nonce,
      action: `/${encodeURIComponent(request.authoritySegment)}/login`,
      flowId,
      appName: ctx.clients.find(request.clientId)?.displayName ?? request.clientId,
      account,
      required: request.claims?.requiresMfa === true,
    }),
    nonce,
  );
}

/**
 * Signs `account` in (adds it to the session cookie) and sends the code to the app. `fresh`: the
 * user just proved who they are (with a second factor when `secondFactor`); otherwise single
 * sign-on from the session, which keeps whether that sign-in had a second factor.
 */
export async function completeSignIn(
  ctx: EntraContext,
  res: ServerResponse,
  request: AuthRequest,
  account: Account,
  session: IdpSession | undefined,
  fresh: boolean,
  secondFactor = false,
): Promise<void> {
  const now = ctx.now();
  let next = session;
  if (fresh || !session) {
    next = withAccount(session, { tid: account.tenant.tenantId, oid: account.user.oid }, now, secondFactor);
    appendSetCookie(res, await sessionCookie(ctx, next));
  }
  const entry = next!.accounts.find((a) => a.tid === account.tenant.tenantId && a.oid === account.user.oid);
  const signInSession = { sid: next!.sid, authTime: entry?.authTime ?? now, mfa: entry?.mfa === true };
  // Consent comes after the account is known (and any second factor) and before the code, as in Entra.
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
      // The app demands a second factor this session's sign-in did not have: ask for it now.
      if (request.claims?.requiresMfa && !entry.mfa) return showSecondFactor(ctx, res, flowId, request, entry.account);
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
      if (request.claims?.requiresMfa || form.get("second_factor") === "1") return showSecondFactor(ctx, res, flowId, request, account);
      ctx.flows.end(flowId);
      await completeSignIn(ctx, res, request, account, session, true);
      return;
    }
    case "approve":
    case "skip": {
      const pending = ctx.flows.awaitingSecondFactor(flowId);
      const account = pending ? findAccount(pending.tid, pending.oid) : undefined;
      if (!account) return again(undefined);
      const approved = form.get("action") === "approve";
      // Without approval only a flow that did not demand the second factor may finish.
      if (!approved && request.claims?.requiresMfa) return showSecondFactor(ctx, res, flowId, request, account);
      ctx.log({ level: "info", msg: approved ? "sign-in: second factor approved" : "sign-in: password only", username: account.user.username, traceId: ids.traceId });
      ctx.flows.end(flowId);
      await completeSignIn(ctx, res, request, account, session, true, approved);
      return;
    }
    default:
      again(undefined);
  }
}

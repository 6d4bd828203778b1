/**
 * Consent between signing in and the code: Entra asks for consent after it knows who signed in.
 * - The admin consent endpoint: an administrator accepts for the organization (a non-administrator
 *   gets AADSTS90094 back at the app).
 * - An authorize request that asks for ARM `user_impersonation` without a grant: in a
 *   `user-consent` tenant the user sees the consent screen (Accept records a user grant; Cancel
 *   → access_denied AADSTS65004); in an `admin-required` tenant "Need admin approval" (→
 *   access_denied AADSTS90094). An administrator of the tenant is offered to consent for everyone.
 * Basic OpenID scopes never need consent. The decision posts to /{authority}/consent.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authority } from "./authority";
import { sendCode, sendErrorToClient } from "./auth-response";
import type { AuthRequest } from "./authorize-request";
import type { EntraContext } from "./context";
import { findAccount, type Account } from "./directory";
import { Errors, newTraceId } from "./errors";
import { cspNonce, readForm, redirect, sendHtml } from "./http";
import { errorPage } from "./pages";
import { ARM, parseScopes, type ScopeRequest } from "./resources";
import { adminConsentPage, needAdminApprovalPage, userConsentPage, type ConsentPageModel } from "./consent-pages";
import type { ConsentStore } from "./consent-store";

/** What sendCode needs about the sign-in session, kept as is while the person decides. */
type SignInSession = Parameters<typeof sendCode>[4];
type PendingKind = "user" | "admin" | "approval";
type Pending = { kind: PendingKind; request: AuthRequest; tid: string; oid: string; session: SignInSession; expiresAt: number };

export type ConsentState = {
  store: ConsentStore;
  pending: Map<string, Pending>;
};

export function createConsentState(store: ConsentStore): ConsentState {
  return { store, pending: new Map() };
}

function wantsArm(request: AuthRequest): boolean {
  try {
    return parseScopes(request.scope, request.authoritySegment).resource === ARM;
  } catch {
    return false;
  }
}

const idsNow = () => ({ traceId: newTraceId(), correlationId: newTraceId() });

/**
 * Called once the account is known, before the code is sent. Returns true when it answered the
 * browser itself (a consent page or an error for the app).
 */
export function consentGate(ctx: EntraContext, res: ServerResponse, request: AuthRequest, account: Account, session: SignInSession): boolean {
  const { store } = ctx.consent;
  if (request.adminConsent) {
    if (account.user.globalAdmin !== true) {
      ctx.log({ level: "warn", msg: "admin consent refused: not an administrator", username: account.user.username, aadsts: 90094 });
      sendErrorToClient(res, request, Errors.notAnAdministrator(account.tenant.displayName), idsNow());
      return true;
    }
    showPending(ctx, res, "admin", request, account, session);
    return true;
  }
  if (!wantsArm(request) || store.hasArmConsent(account)) return false;
  if (request.prompt === "none") {
    const client = ctx.clients.find(request.clientId);
    sendErrorToClient(res, request, Errors.consentRequiredSilently(request.clientId, client?.displayName ?? request.clientId), idsNow());
    return true;
  }
  const mayConsent = store.tenantState(account.tenant.tenantId) === "user-consent" || account.user.globalAdmin === true;
  showPending(ctx, res, mayConsent ? "user" : "approval", request, account, session);
  return true;
}

function showPending(ctx: EntraContext, res: ServerResponse, kind: PendingKind, request: AuthRequest, account: Account, session: SignInSession): void {
  const now = ctx.now();
  for (const [id, p] of ctx.consent.pending) if (p.expiresAt < now) ctx.consent.pending.delete(id);
  const pendingId = randomBytes(32).toString("base64url");
  ctx.consent.pending.set(pendingId, {
    kind,
    request,
    tid: account.tenant.tenantId,
    oid: account.user.oid,
    session,
    expiresAt: now + ctx.lifetimes.signInFlowSeconds,
  });
  const nonce = cspNonce();
  const model: ConsentPageModel = {
    nonce,
    action: `/${encodeURIComponent(request.authoritySegment)}/consent`,
    pendingId,
    appName: ctx.clients.find(request.clientId)?.displayName ?? request.clientId,
    account,
  };
  const html = kind === "admin" ? adminConsentPage(model) : kind === "user" ? userConsentPage(model) : needAdminApprovalPage(model);
  sendHtml(res, 200, html, nonce);
}

/** POST /{authority}/consent: the decision on a consent page. Single use. */
export async function handleConsentPost(
  ctx: EntraContext,
  req: IncomingMessage,
  res: ServerResponse,
  authority: Authority,
  ids: { traceId: string; correlationId: string },
): Promise<void> {
  const form = await readForm(req);
  const id = form.get("pending") ?? "";
  const pending = ctx.consent.pending.get(id);
  ctx.consent.pending.delete(id);
  const account = pending ? findAccount(pending.tid, pending.oid) : undefined;
  if (!pending || !account || pending.expiresAt < ctx.now() || pending.request.authoritySegment.toLowerCase() !== authority.segment.toLowerCase()) {
    const nonce = cspNonce();
    return sendHtml(res, 400, errorPage(nonce, Errors.flowExpired(), ids), nonce);
  }
  const { request } = pending;
  const decision = form.get("decision");

  if (pending.kind === "approval" || decision !== "accept") {
    const error = pending.kind === "approval" ? Errors.adminApprovalRequired(ctx.clients.find(request.clientId)?.displayName ?? request.clientId, account.tenant.displayName) : Errors.userDeclinedConsent();
    ctx.log({ level: "info", msg: `consent not given (${pending.kind})`, username: account.user.username, aadsts: error.code, traceId: ids.traceId });
    return sendErrorToClient(res, request, error, ids);
  }

  if (pending.kind === "admin") {
    ctx.consent.store.grantForTenant(account.tenant.tenantId);
    ctx.log({ level: "info", msg: "admin consent granted for the tenant", username: account.user.username, traceId: ids.traceId });
    // Entra's admin consent answer: admin_consent, tenant, scope and state; no code.
    const url = new URL(request.redirectUri);
    url.searchParams.set("admin_consent", "True");
    url.searchParams.set("tenant", account.tenant.tenantId);
    url.searchParams.set("scope", request.scope);
    if (request.state !== undefined) url.searchParams.set("state", request.state);
    return redirect(res, url.toString());
  }

  const forOrganization = form.get("forOrganization") === "1" && account.user.globalAdmin === true;
  if (forOrganization) ctx.consent.store.grantForTenant(account.tenant.tenantId);
  else ctx.consent.store.grantForUser(account);
  ctx.log({ level: "info", msg: forOrganization ? "consent granted for the tenant" : "consent granted for the user", username: account.user.username, traceId: ids.traceId });
  sendCode(ctx, res, request, account, pending.session);
}

/**
 * Token requests for ARM (refresh token, code, password) need a grant, as Entra checks at the
 * token endpoint too: without one, invalid_grant AADSTS65001 with suberror consent_required.
 */
export function assertConsented(ctx: EntraContext, account: Account, scopes: ScopeRequest, client: { clientId: string; displayName: string }): void {
  if (scopes.resource === ARM && !ctx.consent.store.hasArmConsent(account)) throw Errors.consentRequired(client.clientId, client.displayName);
}

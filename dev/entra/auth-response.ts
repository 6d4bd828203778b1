/**
 * Sending the result of /authorize back to the app at its (already verified) redirect URI, in the
 * requested response mode: query (default for code), fragment, or form_post.
 */
import type { ServerResponse } from "node:http";
import type { AuthRequest } from "./authorize-request";
import type { EntraContext } from "./context";
import type { Account } from "./directory";
import { type EntraError, entraTimestamp } from "./errors";
import { cspNonce, redirect, sendHtml } from "./http";
import { formPostPage } from "./pages";
import { amrFor } from "./claims-request";

type Target = Pick<AuthRequest, "redirectUri" | "responseMode" | "state">;

function send(res: ServerResponse, target: Target, fields: Record<string, string>): void {
  const all = target.state !== undefined ? { ...fields, state: target.state } : fields;
  if (target.responseMode === "form_post") {
    const nonce = cspNonce();
    sendHtml(res, 200, formPostPage(nonce, target.redirectUri, all), nonce);
    return;
  }
  const url = new URL(target.redirectUri);
  const params = new URLSearchParams(all);
  if (target.responseMode === "fragment") {
    url.hash = params.toString();
  } else {
    for (const [name, value] of params) url.searchParams.append(name, value);
  }
  redirect(res, url.toString());
}

/** Issues a single-use code for `account` and sends it to the app. */
export function sendCode(
  ctx: EntraContext,
  res: ServerResponse,
  request: AuthRequest,
  account: Account,
  session: { sid: string; authTime: number; mfa: boolean },
): void {
  const code = ctx.codes.issue({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    redirectUriSent: request.redirectUriSent,
    scope: request.scope,
    nonce: request.nonce,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    tenantId: account.tenant.tenantId,
    oid: account.user.oid,
    sid: session.sid,
    authTime: session.authTime,
    amr: amrFor(session.mfa),
    claims: request.claims,
  });
  // Entra adds session_state (the session's ID) to every successful response.
  send(res, request, { code, session_state: session.sid });
}

/** Sends an error to the app, as Entra does once the redirect URI is known to be registered. */
export function sendErrorToClient(
  res: ServerResponse,
  target: Target,
  error: EntraError,
  ids: { traceId: string; correlationId: string },
): void {
  send(res, target, {
    error: error.error,
    error_description: `${error.message} Trace ID: ${ids.traceId} Correlation ID: ${ids.correlationId} Timestamp: ${entraTimestamp()}`,
  });
}

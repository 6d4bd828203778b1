/**
 * grant_type=authorization_code: redeem a code from /authorize. Single use (a replay gets
 * AADSTS54005), bound to the client and redirect URI, and PKCE-checked when the authorize request
 * carried a code_challenge.
 */
import { createHash } from "node:crypto";
import { assertAccountAllowedAt, authorityLabel } from "../authority";
import type { CodeGrant } from "../codes";
import { findAccount } from "../directory";
import { assertConsented } from "../consent";
import { Errors } from "../errors";
import { parseScopes } from "../resources";
import { userTokenResponse } from "../token-response";
import { checkedClaims, required, wantsClientInfo, type GrantHandler } from "./types";

function pkceHolds(grant: CodeGrant, verifier: string | null): boolean {
  if (!grant.codeChallenge) return true;
  if (!verifier) return false;
  const computed =
    grant.codeChallengeMethod === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return computed === grant.codeChallenge;
}

export const authorizationCodeGrant: GrantHandler = async ({ ctx, authority, client, form }) => {
  const code = required(form, "code", Errors.missingParameter);
  const redemption = ctx.codes.redeem(code);
  if (redemption.status === "redeemed") throw Errors.codeRedeemed();
  if (redemption.status === "expired") throw Errors.codeExpired();
  if (redemption.status === "unknown") throw Errors.invalidGrant("The provided value for the 'code' parameter is not valid.");
  const grant = redemption.grant;

  if (grant.clientId !== client.clientId) throw Errors.invalidGrant("The authorization code was issued to a different client.");
  const redirectUri = form.get("redirect_uri") ?? (grant.redirectUriSent ? "" : grant.redirectUri);
  if (redirectUri !== grant.redirectUri) throw Errors.replyAddressMismatch(redirectUri, grant.redirectUri);
  if (!pkceHolds(grant, form.get("code_verifier"))) throw Errors.codeVerifierMismatch();

  const account = findAccount(grant.tenantId, grant.oid);
  if (!account) throw Errors.invalidGrant();
  assertAccountAllowedAt(authority, account, { baseUrl: ctx.baseUrl, appName: client.displayName, clientId: client.clientId });

  const scopes = parseScopes(form.get("scope") ?? grant.scope, authorityLabel(authority));
  assertConsented(ctx, account, scopes, client);
  return userTokenResponse(ctx, {
    account,
    clientId: client.clientId,
    scopes,
    nonce: grant.nonce,
    sid: grant.sid,
    amr: grant.amr,
    claims: checkedClaims(form, grant.amr, scopes, grant.claims),
    wantsClientInfo: wantsClientInfo(form),
  });
};

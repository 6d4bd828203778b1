/**
 * grant_type=refresh_token: a new access token, for any resource (MSAL's silent acquisition of an
 * ARM token after sign-in), plus a new refresh token every time (rotation, as Entra).
 */
import { assertAccountAllowedAt, authorityLabel } from "../authority";
import { findAccount } from "../directory";
import { assertConsented } from "../consent";
import { Errors } from "../errors";
import { readRefreshToken } from "../refresh-tokens";
import { parseScopes } from "../resources";
import { userTokenResponse } from "../token-response";
import { checkedClaims, required, wantsClientInfo, type GrantHandler } from "./types";

export const refreshTokenGrant: GrantHandler = async ({ ctx, authority, client, form }) => {
  const token = required(form, "refresh_token", Errors.missingParameter);
  const grant = await readRefreshToken(ctx, token);
  if (grant.clientId !== client.clientId) throw Errors.invalidGrant("The refresh token was issued to a different client.");
  const account = findAccount(grant.tenantId, grant.oid);
  if (!account) throw Errors.invalidGrant();
  assertAccountAllowedAt(authority, account, { baseUrl: ctx.baseUrl, appName: client.displayName, clientId: client.clientId });

  const scopes = parseScopes(required(form, "scope", Errors.missingParameter), authorityLabel(authority));
  assertConsented(ctx, account, scopes, client);
  // Entra always answers a refresh with a fresh refresh token.
  scopes.oidc.add("offline_access");
  return userTokenResponse(ctx, {
    account,
    clientId: client.clientId,
    scopes,
    sid: grant.sid,
    amr: grant.amr,
    // A demand for MFA on a refresh whose sign-in had none: the person must sign in again (50076).
    claims: checkedClaims(form, grant.amr, scopes),
    wantsClientInfo: wantsClientInfo(form),
  });
};

/**
 * grant_type=password (resource owner password credentials). Real Entra supports it for cloud
 * accounts without MFA; here it exists for tests and scripts that need a user's token without a
 * browser. Not for the app.
 */
import { assertAccountAllowedAt, authorityLabel, authorityTenantId } from "../authority";
import { findAccountByUsername, passwordMatches } from "../directory";
import { assertConsented } from "../consent";
import { Errors } from "../errors";
import { parseScopes } from "../resources";
import { userTokenResponse } from "../token-response";
import { checkedClaims, required, wantsClientInfo, type GrantHandler } from "./types";

export const passwordGrant: GrantHandler = async ({ ctx, authority, client, form }) => {
  const username = required(form, "username", Errors.missingParameter);
  const password = required(form, "password", Errors.missingParameter);
  const label = authorityLabel(authority);
  const scopes = parseScopes(required(form, "scope", Errors.missingParameter), label);
  const account = findAccountByUsername(username, authorityTenantId(authority));
  if (!account) throw Errors.userNotFound(username, label);
  assertAccountAllowedAt(authority, account, { baseUrl: ctx.baseUrl, appName: client.displayName, clientId: client.clientId });
  if (!passwordMatches(account.user, password)) throw Errors.invalidPassword();
  assertConsented(ctx, account, scopes, client);
  // No second factor through this grant (as in Entra): a demand for MFA is refused with 50076.
  const amr = ["pwd"];
  return userTokenResponse(ctx, { account, clientId: client.clientId, scopes, amr, claims: checkedClaims(form, amr, scopes), wantsClientInfo: wantsClientInfo(form) });
};

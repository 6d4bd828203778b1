/**
 * The body of a successful token response for a user, shared by every user grant
 * (authorization code, refresh token, on-behalf-of, password).
 */
import type { DemoTenant } from "../world/demo-tenants";
import type { ClaimsRequest } from "./claims-request";
import type { EntraContext } from "./context";
import type { Account } from "./directory";
import { issueRefreshToken } from "./refresh-tokens";
import { responseScope, type Resource, type ScopeRequest } from "./resources";
import { clientInfo, mintAppAccessToken, mintIdToken, mintUserAccessToken } from "./tokens";

export type TokenResponseBody = {
  token_type: "Bearer";
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  client_info?: string;
};

export async function userTokenResponse(
  ctx: EntraContext,
  input: {
    account: Account;
    clientId: string;
    scopes: ScopeRequest;
    nonce?: string;
    sid?: string;
    /** How the user signed in (["pwd"] or ["pwd","mfa"]); carried into the refresh token. */
    amr: string[];
    /** The claims demand that the sign-in satisfied (authentication contexts, client capabilities). */
    claims?: ClaimsRequest;
    /** The client sent client_info=1 (MSAL always does); Entra only returns client_info then. */
    wantsClientInfo: boolean;
  },
): Promise<TokenResponseBody> {
  const { account, clientId, scopes, sid, amr } = input;
  const body: TokenResponseBody = {
    token_type: "Bearer",
    scope: responseScope(scopes),
    expires_in: ctx.lifetimes.accessTokenSeconds,
    ext_expires_in: ctx.lifetimes.accessTokenSeconds,
    access_token: await mintUserAccessToken(ctx, { account, clientId, scopes, sid, amr, claims: input.claims }),
  };
  if (scopes.oidc.has("openid")) body.id_token = await mintIdToken(ctx, { account, clientId, nonce: input.nonce, sid, emailRequested: scopes.oidc.has("email") });
  if (scopes.oidc.has("offline_access")) {
    body.refresh_token = await issueRefreshToken(ctx, { clientId, tenantId: account.tenant.tenantId, oid: account.user.oid, sid, amr });
  }
  if (input.wantsClientInfo) body.client_info = clientInfo(account);
  return body;
}

/** Client credentials: no scope, ID token, refresh token or client_info, as in Entra. */
export async function appTokenResponse(
  ctx: EntraContext,
  input: { tenant: DemoTenant; clientId: string; resource: Resource },
): Promise<TokenResponseBody> {
  return {
    token_type: "Bearer",
    expires_in: ctx.lifetimes.accessTokenSeconds,
    ext_expires_in: ctx.lifetimes.accessTokenSeconds,
    access_token: await mintAppAccessToken(ctx, input),
  };
}

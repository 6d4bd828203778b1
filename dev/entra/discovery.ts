/**
 * OpenID Connect discovery and JWKS, shaped like Entra's v2 documents.
 * For `common`/`organizations` the issuer is literally `<host>/{tenantid}/v2.0` (Entra's
 * placeholder: each token's issuer names the user's tenant); for a tenant it is concrete, and the
 * endpoints use the tenant ID even when the tenant was addressed by domain.
 */
import type { ServerResponse } from "node:http";
import { canonicalSegment, type Authority } from "./authority";
import type { EntraContext } from "./context";
import { sendJson } from "./http";

export function openIdConfiguration(ctx: EntraContext, authority: Authority) {
  const base = `${ctx.baseUrl}/${canonicalSegment(authority)}`;
  const issuer =
    authority.kind === "tenant" ? `${ctx.baseUrl}/${authority.tenant.tenantId}/v2.0` : `${ctx.baseUrl}/{tenantid}/v2.0`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: false,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub", "iss", "aud", "exp", "iat", "nbf", "auth_time", "acr", "nonce", "preferred_username", "name",
      "tid", "ver", "oid", "email", "roles", "sid", "uti",
    ],
    code_challenge_methods_supported: ["S256", "plain"],
    grant_types_supported: [
      "authorization_code", "refresh_token", "client_credentials", "password",
      "urn:ietf:params:oauth:grant-type:jwt-bearer",
    ],
    tenant_region_scope: "EU",
    cloud_instance_name: "localhost",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
  };
}

export function sendOpenIdConfiguration(ctx: EntraContext, res: ServerResponse, authority: Authority): void {
  sendJson(res, 200, openIdConfiguration(ctx, authority), { "cache-control": "max-age=3600, public", pragma: "" });
}

export function sendJwks(ctx: EntraContext, res: ServerResponse, authority: Authority): void {
  const issuer =
    authority.kind === "tenant" ? `${ctx.baseUrl}/${authority.tenant.tenantId}/v2.0` : `${ctx.baseUrl}/{tenantid}/v2.0`;
  // Entra lists per-key issuers in v2 JWKS; clients that do issuer validation through JWKS use it.
  sendJson(res, 200, { keys: [{ ...ctx.keys.publicJwk, issuer }] }, { "cache-control": "max-age=3600, public", pragma: "" });
}

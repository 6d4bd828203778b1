/** What every grant handler receives: the client is already authenticated. */
import type { Authority } from "../authority";
import type { RegisteredClient } from "../clients";
import type { EntraContext } from "../context";
import type { TokenResponseBody } from "../token-response";
import { mergeClaimsRequests, parseClaimsRequest, type ClaimsRequest } from "../claims-request";
import { Errors } from "../errors";
import type { ScopeRequest } from "../resources";

export type GrantInput = {
  ctx: EntraContext;
  authority: Authority;
  client: RegisteredClient;
  form: URLSearchParams;
};

export type GrantHandler = (input: GrantInput) => Promise<TokenResponseBody>;

/** MSAL sends client_info=1 on every user grant; Entra returns client_info only then. */
export function wantsClientInfo(form: URLSearchParams): boolean {
  return form.get("client_info") === "1";
}

export function required(form: URLSearchParams, name: string, missing: (name: string) => Error): string {
  const value = form.get(name);
  if (!value) throw missing(name);
  return value;
}

/**
 * The claims demand of a token request (its `claims`, plus the authorize request's for a code):
 * a demand for MFA that the sign-in (`amr`) did not meet is refused as Entra does (AADSTS50076,
 * invalid_grant / basic_action, with the claims to take to an interactive sign-in).
 */
export function checkedClaims(form: URLSearchParams, amr: string[], scopes: ScopeRequest, earlier?: ClaimsRequest): ClaimsRequest | undefined {
  const raw = form.get("claims");
  const claims = mergeClaimsRequests(earlier, parseClaimsRequest(raw));
  if (claims?.requiresMfa && !amr.includes("mfa")) {
    throw Errors.mfaRequired(scopes.resource.audience, raw ?? undefined);
  }
  return claims;
}

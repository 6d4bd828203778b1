/** What every grant handler receives: the client is already authenticated. */
import type { Authority } from "../authority";
import type { RegisteredClient } from "../clients";
import type { EntraContext } from "../context";
import type { TokenResponseBody } from "../token-response";

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

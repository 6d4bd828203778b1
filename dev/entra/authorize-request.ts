/**
 * Parsing and validating the parameters of /authorize, in Entra's order:
 * first what decides whether we may redirect at all (client, redirect_uri) — errors there are
 * shown as a page, never sent to an unverified URI — then everything else, whose errors go back
 * to the app through the redirect URI.
 */
import type { Authority } from "./authority";
import { authorityLabel } from "./authority";
import type { ClientRegistry, RegisteredClient } from "./clients";
import { isRegisteredRedirectUri } from "./clients";
import { EntraError, Errors } from "./errors";
import { parseScopes } from "./resources";
import { parseClaimsRequest, type ClaimsRequest } from "./claims-request";

export type Prompt = "login" | "none" | "consent" | "select_account";
export type ResponseMode = "query" | "fragment" | "form_post";

export type AuthRequest = {
  /** The authority segment as the app wrote it (kept for URLs on the sign-in page). */
  authoritySegment: string;
  clientId: string;
  redirectUri: string;
  /** False when the app left redirect_uri out and the registered one was used (then the token request may leave it out too). */
  redirectUriSent: boolean;
  responseMode: ResponseMode;
  scope: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  prompt?: Prompt;
  loginHint?: string;
  domainHint?: string;
  /** Seconds; a session older than this needs the password again. */
  maxAge?: number;
  /** Came from /{tenant}/v2.0/adminconsent: an administrator consents for the organization; no code. */
  adminConsent?: boolean;
  /** The `claims` parameter: a demand for a second factor, client capabilities. */
  claims?: ClaimsRequest;
};

export type ParsedAuthorize =
  | { ok: true; request: AuthRequest; client: RegisteredClient }
  /** Cannot redirect: show an error page. */
  | { ok: false; redirect: false; error: EntraError }
  /** Can redirect the error to the app. */
  | { ok: false; redirect: true; error: EntraError; request: Pick<AuthRequest, "redirectUri" | "responseMode" | "state"> };

const PROMPTS: readonly Prompt[] = ["login", "none", "consent", "select_account"];
const RESPONSE_MODES: readonly ResponseMode[] = ["query", "fragment", "form_post"];

export function parseAuthorizeRequest(
  params: URLSearchParams,
  authority: Authority,
  clients: ClientRegistry,
): ParsedAuthorize {
  const get = (name: string) => params.get(name) ?? undefined;
  const clientId = get("client_id");
  if (!clientId) return { ok: false, redirect: false, error: Errors.missingParameter("client_id") };
  const client = clients.find(clientId);
  if (!client) return { ok: false, redirect: false, error: Errors.unknownClient(clientId, authorityLabel(authority)) };

  // Entra falls back to the app's (first) registered reply URL when redirect_uri is omitted.
  const redirectUri = get("redirect_uri") ?? client.redirectUris[0];
  if (!redirectUri) return { ok: false, redirect: false, error: Errors.missingParameter("redirect_uri") };
  if (!isRegisteredRedirectUri(client, redirectUri)) {
    return { ok: false, redirect: false, error: Errors.redirectUriMismatch(redirectUri, client.clientId) };
  }

  const state = get("state");
  const requestedMode = get("response_mode");
  const responseMode: ResponseMode = RESPONSE_MODES.includes(requestedMode as ResponseMode)
    ? (requestedMode as ResponseMode)
    : "query";
  const back = { redirectUri, responseMode, state };
  const fail = (error: EntraError): ParsedAuthorize => ({ ok: false, redirect: true, error, request: back });

  if (requestedMode && !RESPONSE_MODES.includes(requestedMode as ResponseMode)) {
    return fail(Errors.invalidRequest(`The response_mode '${requestedMode}' is not supported.`));
  }
  const responseType = get("response_type");
  if (!responseType) return fail(Errors.missingParameter("response_type"));
  if (responseType !== "code") return fail(Errors.unsupportedResponseType(responseType));

  const scope = get("scope");
  if (!scope) return fail(Errors.missingParameter("scope"));
  try {
    parseScopes(scope, authorityLabel(authority));
  } catch (error) {
    if (error instanceof EntraError) return fail(error);
    throw error;
  }

  const prompt = get("prompt");
  if (prompt && !PROMPTS.includes(prompt as Prompt)) {
    return fail(Errors.invalidRequest(`Invalid value '${prompt}' for the 'prompt' parameter.`));
  }

  // PKCE. Entra supports S256 and plain; without a method, the challenge is plain (RFC 7636).
  const codeChallenge = get("code_challenge");
  let codeChallengeMethod: "S256" | "plain" | undefined;
  if (codeChallenge) {
    const method = get("code_challenge_method") ?? "plain";
    if (method !== "S256" && method !== "plain") return fail(Errors.invalidCodeChallengeMethod());
    if (codeChallenge.length < 43 || codeChallenge.length > 128) return fail(Errors.invalidCodeChallengeSize());
    codeChallengeMethod = method;
  }

  let claims: ClaimsRequest | undefined;
  try {
    claims = parseClaimsRequest(get("claims"));
  } catch (error) {
    if (error instanceof EntraError) return fail(error);
    throw error;
  }

  const maxAgeRaw = get("max_age");
  const maxAge = maxAgeRaw !== undefined && /^\d+$/.test(maxAgeRaw) ? Number(maxAgeRaw) : undefined;

  return {
    ok: true,
    client,
    request: {
      authoritySegment: authority.segment,
      clientId: client.clientId,
      redirectUri,
      redirectUriSent: params.has("redirect_uri"),
      responseMode,
      scope,
      state,
      nonce: get("nonce"),
      codeChallenge,
      codeChallengeMethod,
      prompt: prompt as Prompt | undefined,
      loginHint: get("login_hint"),
      domainHint: get("domain_hint"),
      maxAge,
      claims,
    },
  };
}

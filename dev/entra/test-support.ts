/**
 * Helpers for tests and scripts that need the local Entra ID:
 * - startLocalEntraForTests(): a server on a free port with the machine's certificates and secret;
 * - userToken(): a user's token by the password grant (no browser);
 * - appToken(): an app-only token by client credentials;
 * - signInThroughBrowserlessForm(): drives authorize → sign-in form → redirect with code over
 *   plain fetch, so msal-node's real auth-code flow runs in tests without a browser;
 * - msalClientFor() / signInWithMsal(): the real msal-node client pointed at the local Entra ID,
 *   and the whole auth-code + PKCE sign-in with it.
 *
 * The client secret defaults to the per-machine one (dev/world/local-secrets.ts), which is also
 * what startLocalEntraForTests() and dev/entra/main.ts register.
 * Callers need the local CA trusted (NODE_EXTRA_CA_CERTS; vitest's global setup arranges it).
 */
import { randomBytes } from "node:crypto";
import {
  ConfidentialClientApplication,
  CryptoProvider,
  type AuthenticationResult,
  type Configuration,
} from "@azure/msal-node";
import { decodeJwt, type JWTPayload } from "jose";
import { ensureCerts } from "../certs/ensure-certs";
import { CROSSLINK_APP, DEMO_PASSWORD, findUserByUsername } from "../world/demo-tenants";
import { ensureLocalSecrets } from "../world/local-secrets";
import { ensureLocalClientCertificate } from "../world/local-client-certificate";
import { startLocalEntra, type LocalEntra, type LocalEntraOptions } from "./server";

// ---------------------------------------------------------------------------------------------
// Server

export type TestEntra = LocalEntra & { clientSecret: string; caFile: string };

export async function startLocalEntraForTests(
  options: Partial<Omit<LocalEntraOptions, "certFile" | "keyFile">> = {},
): Promise<TestEntra> {
  const certs = await ensureCerts();
  const clientSecret = options.clientSecret ?? ensureLocalSecrets().clientSecret;
  // The app's local client certificate is registered as in dev/entra/main.ts, so tests can use either credential.
  const clientCertificates = options.clientCertificates ?? [ensureLocalClientCertificate().certificatePem];
  const entra = await startLocalEntra({ port: 0, ...options, clientSecret, clientCertificates, certFile: certs.certFile, keyFile: certs.keyFile });
  return { ...entra, clientSecret, caFile: certs.caFile };
}

// ---------------------------------------------------------------------------------------------
// Token helpers

/** An Entra error answer, with its AADSTS code for assertions (`err.aadsts === 50126`). */
export class EntraTokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number | undefined,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = "EntraTokenError";
  }
}

export type TokenResult = {
  accessToken: string;
  /** Decoded, not verified: these helpers trust the server they talk to. */
  claims: JWTPayload & Record<string, unknown>;
  idToken?: string;
  refreshToken?: string;
  /** The whole token response. */
  response: Record<string, unknown>;
};

type ClientOptions = { clientId?: string; clientSecret?: string };

export async function postToken(entraUrl: string, authority: string, form: Record<string, string>, client: ClientOptions = {}): Promise<TokenResult> {
  const body = new URLSearchParams({
    client_id: client.clientId ?? CROSSLINK_APP.clientId,
    client_secret: client.clientSecret ?? ensureLocalSecrets().clientSecret,
    ...form,
  });
  const res = await fetch(`${entraUrl}/${authority}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) {
    const codes = json.error_codes;
    throw new EntraTokenError(
      res.status,
      String(json.error),
      Array.isArray(codes) && typeof codes[0] === "number" ? codes[0] : undefined,
      String(json.error_description ?? ""),
    );
  }
  const accessToken = String(json.access_token);
  return {
    accessToken,
    claims: decodeJwt(accessToken) as TokenResult["claims"],
    idToken: typeof json.id_token === "string" ? json.id_token : undefined,
    refreshToken: typeof json.refresh_token === "string" ? json.refresh_token : undefined,
    response: json,
  };
}

const toScope = (scopes: string | string[]) => (Array.isArray(scopes) ? scopes.join(" ") : scopes);

/**
 * A user's token by the password grant, at the user's home tenant unless `authority` is given
 * (`organizations`, `common`, a tenant ID or domain). Password defaults to the demo password.
 */
export async function userToken(
  entraUrl: string,
  username: string,
  scopes: string | string[],
  options: ClientOptions & { password?: string; authority?: string } = {},
): Promise<TokenResult> {
  const home = findUserByUsername(username)?.tenant.tenantId;
  return postToken(
    entraUrl,
    options.authority ?? home ?? "organizations",
    { grant_type: "password", username, password: options.password ?? DEMO_PASSWORD, scope: toScope(scopes), client_info: "1" },
    options,
  );
}

/** An app-only token for Crosslink's service principal in `tenantId`; scope like `https://management.azure.com/.default`. */
export async function appToken(entraUrl: string, tenantId: string, scope: string, options: ClientOptions = {}): Promise<TokenResult> {
  return postToken(entraUrl, tenantId, { grant_type: "client_credentials", scope }, options);
}

// ---------------------------------------------------------------------------------------------
// Browserless sign-in

/** Keeps the local Entra ID's cookies between requests, as a browser would (one host, no expiry handling). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const removed = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (removed) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** The sign-in did not reach the app: the page showed an error (wrong password, AADSTS50020, ...). */
export class BrowserlessSignInError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly html: string,
  ) {
    super(message);
    this.name = "BrowserlessSignInError";
  }
}

export type BrowserlessSignInResult = {
  /** Where the browser would land (the app's redirect URI with the response). */
  redirectUrl: string;
  /** The response parameters (query, fragment or form_post fields). */
  params: URLSearchParams;
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
  /** True when no form was submitted (single sign-on from the cookie jar's session). */
  silent: boolean;
};

export type BrowserlessSignInOptions = {
  /** The authorize URL, e.g. from msal's getAuthCodeUrl(). */
  authorizeUrl: string;
  /** Account to use. Omit to continue as the first signed-in account. */
  username?: string;
  /** Defaults to the demo password. Ignored when continuing as a signed-in account without `forcePassword`. */
  password?: string;
  /** Type the password even when the account is already signed in. */
  forcePassword?: boolean;
  /** Pass the same jar to a second sign-in to exercise single sign-on. */
  cookies?: CookieJar;
  /**
   * Pass a second factor: tick "Also confirm with a second factor" and approve the request
   * (amr pwd+mfa). Without it the sign-in is password only, and a sign-in whose app demands a
   * second factor (claims) stops with a BrowserlessSignInError.
   */
  secondFactor?: boolean;
};

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function formById(html: string, id: string): { action: string; fields: URLSearchParams } | undefined {
  const match = new RegExp(`<form\\b([^>]*\\bid="${id}"[^>]*)>([\\s\\S]*?)</form>`).exec(html);
  if (!match) return undefined;
  const action = /\baction="([^"]*)"/.exec(match[1]!)?.[1] ?? "";
  const fields = new URLSearchParams();
  for (const input of match[2]!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.append(decodeEntities(input[1]!), decodeEntities(input[2]!));
  }
  return { action: decodeEntities(action), fields };
}

function pageError(html: string): string | undefined {
  const match = /<div class="error" role="alert" id="(?:signin|page)-error">([\s\S]*?)<\/div>/.exec(html);
  return match ? decodeEntities(match[1]!.replace(/<[^>]+>/g, "")).trim() : undefined;
}

/** The app's view of the response: the redirect URL's fragment or query, or the form_post fields. */
export function resultFrom(url: string, silent: boolean, posted?: URLSearchParams): BrowserlessSignInResult {
  const parsed = new URL(url);
  const params = posted ?? (parsed.hash ? new URLSearchParams(parsed.hash.slice(1)) : parsed.searchParams);
  return {
    redirectUrl: url,
    params,
    code: params.get("code") ?? undefined,
    state: params.get("state") ?? undefined,
    error: params.get("error") ?? undefined,
    errorDescription: params.get("error_description") ?? undefined,
    silent,
  };
}

/** Interprets a response of the local Entra ID: done (redirect or form_post), or the sign-in page to fill. */
async function step(res: Response, jar: CookieJar, silent: boolean): Promise<BrowserlessSignInResult | { page: string }> {
  jar.store(res);
  if (res.status >= 300 && res.status < 400) return resultFrom(res.headers.get("location") ?? "", silent);
  const html = await res.text();
  const formPost = formById(html, "form_post");
  if (formPost) return resultFrom(formPost.action, silent, formPost.fields);
  if (!res.ok) throw new BrowserlessSignInError(pageError(html) ?? `HTTP ${res.status}`, res.status, html);
  return { page: html };
}

export async function signInThroughBrowserlessForm(options: BrowserlessSignInOptions): Promise<BrowserlessSignInResult> {
  const jar = options.cookies ?? new CookieJar();
  const first = await step(
    await fetch(options.authorizeUrl, { redirect: "manual", headers: { cookie: jar.header() } }),
    jar,
    true,
  );
  if (!("page" in first)) return first;

  const html = first.page;
  // Single sign-on straight to the second factor (the app demanded one the session lacks).
  if (formById(html, "approve-form")) return approveSecondFactor(html);
  const account = options.username ? findUserByUsername(options.username) : undefined;
  const continueForm = formById(html, "continue-form");
  const signInForm = formById(html, "signin-form");
  let form: { action: string; fields: URLSearchParams };
  const wanted = account ? `${account.tenant.tenantId}:${account.user.oid}` : /name="account" value="([^"]*)"/.exec(html)?.[1];
  if (continueForm && !options.forcePassword && wanted && html.includes(`name="account" value="${wanted}"`)) {
    form = continueForm;
    form.fields.set("account", wanted);
  } else {
    if (!signInForm) throw new BrowserlessSignInError("The sign-in page has no sign-in form.", 200, html);
    if (!options.username) throw new BrowserlessSignInError("No account is signed in; pass a username.", 200, html);
    form = signInForm;
    form.fields.set("username", options.username);
    form.fields.set("password", options.password ?? DEMO_PASSWORD);
  }

  if (options.secondFactor && form === signInForm) form.fields.set("second_factor", "1");
  const second = await post(form);
  if (!("page" in second)) return second;
  return approveSecondFactor(second.page);

  async function post(target: { action: string; fields: URLSearchParams }) {
    const action = new URL(target.action, options.authorizeUrl).toString();
    return step(
      await fetch(action, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
        body: target.fields,
      }),
      jar,
      false,
    );
  }

  /** The second-factor page: approve it when asked to, otherwise the sign-in stops here. */
  async function approveSecondFactor(page: string): Promise<BrowserlessSignInResult> {
    const approve = formById(page, "approve-form");
    if (!approve) throw new BrowserlessSignInError(pageError(page) ?? "The sign-in page came back without an error message.", 200, page);
    if (!options.secondFactor) throw new BrowserlessSignInError("The sign-in asks for a second factor (pass secondFactor: true).", 200, page);
    const done = await post(approve);
    if ("page" in done) throw new BrowserlessSignInError(pageError(done.page) ?? "The second-factor page came back.", 200, done.page);
    return done;
  }
}

// ---------------------------------------------------------------------------------------------
// msal-node against the local Entra ID

/**
 * The real msal-node confidential client for Crosslink at `${entra.url}/${authority}`.
 * knownAuthorities is what keeps MSAL from calling the public cloud for instance discovery.
 */
export function msalClientFor(
  entra: { url: string; clientSecret: string },
  authority: string,
  system?: Configuration["system"],
  /** e.g. ["CP1"], as Crosslink declares (claims challenges). */
  clientCapabilities?: string[],
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: CROSSLINK_APP.clientId,
      clientSecret: entra.clientSecret,
      authority: `${entra.url}/${authority}`,
      knownAuthorities: [new URL(entra.url).host],
      clientCapabilities,
    },
    system,
  });
}

export type MsalSignInOptions = Omit<BrowserlessSignInOptions, "authorizeUrl"> & {
  scopes: string[];
  /** Default: the registered http://localhost:3000/auth/callback on another port (loopback ports are ignored). */
  redirectUri?: string;
  prompt?: "login" | "none" | "consent" | "select_account";
  loginHint?: string;
  responseMode?: "query" | "form_post";
  /** A claims request (JSON), e.g. a demand for a second factor. */
  claims?: string;
};

/** Auth code + PKCE with msal-node, the sign-in form driven over fetch. Returns MSAL's result. */
export async function signInWithMsal(
  client: ConfidentialClientApplication,
  options: MsalSignInOptions,
): Promise<{ result: AuthenticationResult; signIn: BrowserlessSignInResult }> {
  const redirectUri = options.redirectUri ?? "http://localhost:53000/auth/callback";
  const pkce = await new CryptoProvider().generatePkceCodes();
  const state = randomBytes(16).toString("base64url");
  const nonce = randomBytes(16).toString("base64url");
  const authorizeUrl = await client.getAuthCodeUrl({
    scopes: options.scopes,
    redirectUri,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: "S256",
    state,
    nonce,
    prompt: options.prompt,
    loginHint: options.loginHint,
    responseMode: options.responseMode,
    claims: options.claims,
  });
  const signIn = await signInThroughBrowserlessForm({ ...options, authorizeUrl });
  if (!signIn.code) throw new Error(`No code: ${signIn.error ?? ""} ${signIn.errorDescription ?? ""}`.trim());
  if (signIn.state !== state) throw new Error("The state came back changed.");
  const result = await client.acquireTokenByCode({
    code: signIn.code,
    scopes: options.scopes,
    redirectUri,
    codeVerifier: pkce.verifier,
    nonce,
  });
  return { result, signIn };
}

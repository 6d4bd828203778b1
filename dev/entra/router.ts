/**
 * Request routing and the error boundary: every path is /{authority}/<endpoint> (plus / and
 * /oidc/userinfo). EntraErrors become Entra's JSON (API endpoints) or an error page (browser
 * endpoints); anything else is a 500 that is logged without request details.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveAuthority, type Authority } from "./authority";
import { handleAdminConsent } from "./admin-consent";
import { handleAuthorize } from "./authorize";
import { handleConsentPost } from "./consent";
import type { EntraContext } from "./context";
import { sendJwks, sendOpenIdConfiguration } from "./discovery";
import { EntraError, Errors, errorBody, newTraceId } from "./errors";
import { cspNonce, sendHtml, sendJson } from "./http";
import { handleLogout } from "./logout";
import { errorPage, indexPage } from "./pages";
import { handleSignInPost } from "./sign-in";
import { handleToken } from "./token-endpoint";
import { handleUserInfo } from "./userinfo";

type Endpoint = "discovery" | "jwks" | "authorize" | "login" | "token" | "logout" | "adminconsent" | "consent";
/** Browser endpoints answer errors with a page; the rest with JSON. */
const BROWSER: ReadonlySet<Endpoint> = new Set(["authorize", "login", "logout", "adminconsent", "consent"]);

const ROUTES: Array<[RegExp, Endpoint]> = [
  [/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/, "discovery"],
  [/^\/([^/]+)\/discovery\/(?:v2\.0\/)?keys$/, "jwks"],
  [/^\/([^/]+)\/oauth2\/v2\.0\/authorize$/, "authorize"],
  [/^\/([^/]+)\/login$/, "login"],
  [/^\/([^/]+)\/oauth2\/v2\.0\/token$/, "token"],
  [/^\/([^/]+)\/oauth2\/v2\.0\/logout$/, "logout"],
  [/^\/([^/]+)\/v2\.0\/adminconsent$/, "adminconsent"],
  [/^\/([^/]+)\/consent$/, "consent"],
];

export function createRouter(ctx: EntraContext) {
  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? "/", ctx.baseUrl);
    const traceId = newTraceId();
    // Entra echoes the client's request ID (MSAL sends client-request-id) as the correlation ID.
    const clientRequestId = req.headers["client-request-id"];
    const correlationId = typeof clientRequestId === "string" && clientRequestId ? clientRequestId.slice(0, 64) : newTraceId();
    const ids = { traceId, correlationId };
    res.setHeader("x-ms-request-id", traceId);
    res.setHeader("client-request-id", correlationId);

    let endpoint: Endpoint | undefined;
    let authority: Authority | undefined;
    let grantType: string | undefined;
    let aadsts: number | undefined;
    try {
      if (url.pathname === "/" && req.method === "GET") {
        const nonce = cspNonce();
        return sendHtml(res, 200, indexPage(nonce, ctx.baseUrl), nonce);
      }
      if (url.pathname === "/oidc/userinfo") return await handleUserInfo(ctx, req, res);

      const match = ROUTES.map(([re, name]) => [re.exec(url.pathname), name] as const).find(([m]) => m);
      if (!match) throw Errors.notFound(url.pathname);
      const [m, name] = match;
      endpoint = name;
      let segment: string;
      try {
        segment = decodeURIComponent(m![1]!);
      } catch {
        throw Errors.notFound(url.pathname);
      }
      authority = resolveAuthority(segment);
      if (!authority) throw Errors.tenantNotFound(segment, name === "discovery" || name === "jwks" ? "invalid_tenant" : "invalid_request");

      switch (name) {
        case "discovery":
          return sendOpenIdConfiguration(ctx, res, authority);
        case "jwks":
          return sendJwks(ctx, res, authority);
        case "authorize":
          return await handleAuthorize(ctx, req, res, authority, url, ids);
        case "login":
          if (req.method !== "POST") throw Errors.invalidRequest("The sign-in form must be posted.");
          return await handleSignInPost(ctx, req, res, authority, ids);
        case "token":
          return await handleToken(ctx, req, res, authority, (g) => (grantType = g));
        case "logout":
          return await handleLogout(ctx, req, res, url);
        case "adminconsent":
          return await handleAdminConsent(ctx, req, res, authority, url, ids);
        case "consent":
          if (req.method !== "POST") throw Errors.invalidRequest("The consent form must be posted.");
          return await handleConsentPost(ctx, req, res, authority, ids);
      }
    } catch (caught) {
      const error =
        caught instanceof EntraError ? caught : new EntraError("server_error", 90033, "A transient error has occurred. Please try again.", 500);
      aadsts = error.code;
      if (!(caught instanceof EntraError)) {
        ctx.log({ level: "error", msg: "unexpected error", err: (caught as Error)?.stack ?? String(caught), traceId });
      }
      if (res.headersSent) {
        res.end();
      } else if (endpoint && BROWSER.has(endpoint)) {
        const nonce = cspNonce();
        sendHtml(res, error.status, errorPage(nonce, error, ids), nonce);
      } else {
        sendJson(res, error.status, errorBody(error, ids));
      }
    } finally {
      ctx.log({
        level: res.statusCode >= 500 ? "error" : "info",
        msg: "request",
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Date.now() - started,
        authority: authority?.segment,
        grantType,
        aadsts,
        traceId,
        correlationId,
      });
    }
  };
}

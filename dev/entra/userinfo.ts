/**
 * GET|POST /oidc/userinfo: the OIDC UserInfo endpoint. Entra serves it from Microsoft Graph and it
 * takes a Graph access token (the token MSAL gets when only OIDC scopes were asked for); here it is
 * on the local host, so the discovery document does not point at the internet.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { jwtVerify } from "jose";
import type { EntraContext } from "./context";
import { findAccount } from "./directory";
import { sendJson } from "./http";
import { GRAPH } from "./resources";

function unauthorized(res: ServerResponse, description: string): void {
  sendJson(res, 401, { error: { code: "InvalidAuthenticationToken", message: description } }, {
    "www-authenticate": `Bearer error="invalid_token", error_description="${description}"`,
  });
}

export async function handleUserInfo(ctx: EntraContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const header = req.headers.authorization ?? "";
  const token = /^bearer /i.test(header) ? header.slice(7).trim() : "";
  if (!token) return unauthorized(res, "Access token is empty.");
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(token, ctx.keys.publicKey, {
      algorithms: ["RS256"],
      audience: GRAPH.audience,
      currentDate: new Date(ctx.now() * 1000),
    }));
  } catch {
    return unauthorized(res, "Access token validation failure. Invalid audience, signature or lifetime.");
  }
  const account = findAccount(String(claims.tid), String(claims.oid));
  if (!account || claims.idtyp === "app") return unauthorized(res, "The token does not belong to a user.");
  const space = account.user.name.lastIndexOf(" ");
  sendJson(res, 200, {
    sub: claims.sub,
    name: account.user.name,
    ...(space > 0 ? { given_name: account.user.name.slice(0, space), family_name: account.user.name.slice(space + 1) } : {}),
    email: account.user.email,
  });
}

/**
 * POST /{tenant}/oauth2/v2.0/token: authenticates the client, then hands the request to the grant.
 * Errors are thrown as EntraError and turned into Entra's JSON by the router.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorityLabel, canonicalSegment, type Authority } from "./authority";
import { authenticateClient } from "./client-auth";
import type { EntraContext } from "./context";
import { Errors } from "./errors";
import { authorizationCodeGrant } from "./grants/authorization-code";
import { clientCredentialsGrant } from "./grants/client-credentials";
import { onBehalfOfGrant } from "./grants/on-behalf-of";
import { passwordGrant } from "./grants/password";
import { refreshTokenGrant } from "./grants/refresh-token";
import type { GrantHandler } from "./grants/types";
import { readForm, sendJson } from "./http";

export const OBO_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

const GRANTS: Record<string, GrantHandler> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
  [OBO_GRANT_TYPE]: onBehalfOfGrant,
  password: passwordGrant,
};

export async function handleToken(
  ctx: EntraContext,
  req: IncomingMessage,
  res: ServerResponse,
  authority: Authority,
  onGrant: (grantType: string) => void,
): Promise<void> {
  if (req.method !== "POST") throw Errors.getOnPostOnlyEndpoint();
  const form = await readForm(req);
  const grantType = form.get("grant_type");
  if (!grantType) throw Errors.missingParameter("grant_type");
  onGrant(grantType);
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
  if (!grant) throw Errors.unsupportedGrantType(grantType);
  // A client assertion names this endpoint as its audience, by the path used or by tenant ID.
  const tokenEndpoints = [...new Set([authority.segment, canonicalSegment(authority)])].map((s) => `${ctx.baseUrl}/${s}/oauth2/v2.0/token`);
  const client = await authenticateClient(ctx, req, form, authorityLabel(authority), tokenEndpoints);
  sendJson(res, 200, await grant({ ctx, authority, client, form }));
}

/**
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with requested_token_use=on_behalf_of:
 * Crosslink's API, holding a user's token for itself (aud = its client ID or App ID URI), gets a
 * token for another resource (ARM) as that user. The assertion must be one of our own user tokens.
 */
import { jwtVerify, type JWTPayload } from "jose";
import { CROSSLINK_APP } from "../../world/demo-tenants";
import { assertAccountAllowedAt, authorityLabel } from "../authority";
import type { RegisteredClient } from "../clients";
import { v1Issuer, v2Issuer, type EntraContext } from "../context";
import { findAccount } from "../directory";
import { Errors } from "../errors";
import { parseScopes } from "../resources";
import { userTokenResponse } from "../token-response";
import { checkedClaims, required, wantsClientInfo, type GrantHandler } from "./types";

function audiencesOf(client: RegisteredClient): string[] {
  return client.clientId === CROSSLINK_APP.clientId ? [client.clientId, CROSSLINK_APP.appIdUri] : [client.clientId];
}

async function verifyAssertion(ctx: EntraContext, assertion: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(assertion, ctx.keys.publicKey, {
      algorithms: ["RS256"],
      currentDate: new Date(ctx.now() * 1000),
    });
    return payload;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_JWT_EXPIRED") throw Errors.assertionExpired();
    throw Errors.invalidAssertion("Assertion failed signature validation. [Reason - The key was not found.]");
  }
}

export const onBehalfOfGrant: GrantHandler = async ({ ctx, authority, client, form }) => {
  const use = required(form, "requested_token_use", Errors.missingParameter);
  if (use !== "on_behalf_of") throw Errors.invalidRequest(`The requested_token_use '${use}' is not supported; use 'on_behalf_of'.`);
  const payload = await verifyAssertion(ctx, required(form, "assertion", Errors.missingParameter));

  const expected = audiencesOf(client);
  const aud = typeof payload.aud === "string" ? payload.aud : undefined;
  if (!aud || !expected.includes(aud)) {
    throw Errors.invalidAssertion(
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${aud ?? ""}' and the expected audience is '${client.clientId}' or one of the Application Uris of this application with App ID '${client.clientId}'(${client.displayName}). The downstream client must request a token for the expected audience (the application that made the OBO request) and this application should use that token as the assertion.`,
    );
  }
  const tid = typeof payload.tid === "string" ? payload.tid : "";
  if (payload.iss !== v2Issuer(ctx, tid) && payload.iss !== v1Issuer(ctx, tid)) {
    throw Errors.invalidAssertion("Assertion issuer is not valid for the tenant in the assertion.");
  }
  if (payload.idtyp === "app") throw Errors.invalidAssertion("An app-only token cannot be used as the assertion of the on-behalf-of flow.");
  const account = typeof payload.oid === "string" ? findAccount(tid, payload.oid) : undefined;
  if (!account) throw Errors.invalidAssertion("The user in the assertion does not exist.");
  assertAccountAllowedAt(authority, account, { baseUrl: ctx.baseUrl, appName: client.displayName, clientId: client.clientId });

  const scopes = parseScopes(required(form, "scope", Errors.missingParameter), authorityLabel(authority));
  // The assertion's sign-in methods carry over (a v2 assertion has no amr: password only).
  const amr = Array.isArray(payload.amr) ? payload.amr.filter((m): m is string => typeof m === "string") : ["pwd"];
  return userTokenResponse(ctx, {
    account,
    clientId: client.clientId,
    scopes,
    sid: typeof payload.sid === "string" ? payload.sid : undefined,
    amr,
    claims: checkedClaims(form, amr, scopes),
    wantsClientInfo: wantsClientInfo(form),
  });
};

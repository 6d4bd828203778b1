/**
 * Token minting: the claims Entra puts in ID tokens, delegated access tokens and app-only access
 * tokens, signed RS256 with the key published in JWKS.
 *
 * Token shape follows the resource, as in Entra: ARM and Graph get v1 tokens
 * (iss `<host>/<tid>/`, appid, upn, unique_name, ver 1.0); Crosslink's own API gets v2 tokens
 * (iss `<host>/<tid>/v2.0`, azp, preferred_username, ver 2.0). ID tokens are always v2.
 */
import { createHash, randomBytes } from "node:crypto";
import { SignJWT, type JWTPayload } from "jose";
import { CROSSLINK_APP, type DemoTenant } from "../world/demo-tenants";
import { v1Issuer, v2Issuer, type EntraContext } from "./context";
import { servicePrincipalRoles, type Account } from "./directory";
import type { Resource, ScopeRequest } from "./resources";
import type { ClaimsRequest } from "./claims-request";

async function sign(ctx: EntraContext, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: ctx.keys.kid }).sign(ctx.keys.privateKey);
}

/** Entra's `sub` is pairwise: stable for one user and one app, different across apps. */
function pairwiseSub(appId: string, account: Account): string {
  return createHash("sha256").update(`${appId}|${account.tenant.tenantId}|${account.user.oid}`).digest("base64url");
}

/** Unique token identifier, as Entra's `uti`. */
function uti(): string {
  return randomBytes(16).toString("base64url").slice(0, 22);
}

function times(ctx: EntraContext, lifetime: number) {
  const now = ctx.now();
  return { iat: now, nbf: now, exp: now + lifetime };
}

/** App roles of the user on an app: only Crosslink defines roles in the demo world. */
function userRolesOn(appId: string, account: Account): string[] {
  return appId === CROSSLINK_APP.clientId ? [...account.user.appRoles] : [];
}

/** Entra omits `roles` when there are none; consumers must treat a missing claim as []. */
function rolesClaim(roles: string[]): { roles?: string[] } {
  return roles.length > 0 ? { roles } : {};
}

function splitName(name: string): { given_name?: string; family_name?: string } {
  const space = name.lastIndexOf(" ");
  return space > 0 ? { given_name: name.slice(0, space), family_name: name.slice(space + 1) } : {};
}

export async function mintIdToken(
  ctx: EntraContext,
  input: { account: Account; clientId: string; nonce?: string; sid?: string; emailRequested?: boolean },
): Promise<string> {
  const { account, clientId } = input;
  return sign(ctx, {
    aud: clientId,
    iss: v2Issuer(ctx, account.tenant.tenantId),
    ...times(ctx, ctx.lifetimes.idTokenSeconds),
    name: account.user.name,
    preferred_username: account.user.username,
    // Entra sends email only when the app asks for it (the email scope, or an optional claim).
    ...(input.emailRequested && account.user.email ? { email: account.user.email } : {}),
    oid: account.user.oid,
    sub: pairwiseSub(clientId, account),
    tid: account.tenant.tenantId,
    ...rolesClaim(userRolesOn(clientId, account)),
    ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
    ...(input.sid ? { sid: input.sid } : {}),
    uti: uti(),
    ver: "2.0",
  });
}

export async function mintUserAccessToken(
  ctx: EntraContext,
  input: { account: Account; clientId: string; scopes: ScopeRequest; sid?: string; amr: string[]; claims?: ClaimsRequest },
): Promise<string> {
  const { account, clientId, scopes } = input;
  const mfa = input.amr.includes("mfa");
  const resource = scopes.resource;
  const common = {
    aud: resource.audience,
    ...times(ctx, ctx.lifetimes.accessTokenSeconds),
    idtyp: "user",
    name: account.user.name,
    oid: account.user.oid,
    scp: scopes.scopes.join(" "),
    sub: pairwiseSub(resource.appId, account),
    tid: account.tenant.tenantId,
    ...rolesClaim(userRolesOn(resource.appId, account)),
    ...(input.sid ? { sid: input.sid } : {}),
    // Authentication contexts the sign-in satisfied (all need MFA in the demo), as Entra's `acrs`.
    ...(mfa && input.claims && input.claims.authContexts.length > 0 ? { acrs: input.claims.authContexts } : {}),
    // Client capabilities the client declared (CP1: it can handle claims challenges).
    ...(input.claims && input.claims.capabilities.length > 0 ? { xms_cc: input.claims.capabilities } : {}),
    uti: uti(),
  };
  if (resource.tokenVersion === 1) {
    return sign(ctx, {
      ...common,
      iss: v1Issuer(ctx, account.tenant.tenantId),
      acr: "1",
      amr: input.amr,
      appid: clientId,
      appidacr: "1",
      ...splitName(account.user.name),
      upn: account.user.username,
      unique_name: account.user.username,
      ver: "1.0",
    });
  }
  return sign(ctx, {
    ...common,
    iss: v2Issuer(ctx, account.tenant.tenantId),
    azp: clientId,
    azpacr: "1",
    preferred_username: account.user.username,
    ver: "2.0",
  });
}

/** App-only token: the client's service principal in `tenant` acting as itself. */
export async function mintAppAccessToken(
  ctx: EntraContext,
  input: { tenant: DemoTenant; clientId: string; resource: Resource },
): Promise<string> {
  const { tenant, clientId, resource } = input;
  const spOid = tenant.crosslinkServicePrincipalOid;
  const common = {
    aud: resource.audience,
    ...times(ctx, ctx.lifetimes.accessTokenSeconds),
    idtyp: "app",
    oid: spOid,
    // For app-only tokens Entra's sub is the service principal's object ID.
    sub: spOid,
    tid: tenant.tenantId,
    ...rolesClaim(servicePrincipalRoles(tenant, resource.appId)),
    uti: uti(),
  };
  if (resource.tokenVersion === 1) {
    return sign(ctx, {
      ...common,
      iss: v1Issuer(ctx, tenant.tenantId),
      appid: clientId,
      appidacr: "1",
      idp: v1Issuer(ctx, tenant.tenantId),
      ver: "1.0",
    });
  }
  return sign(ctx, { ...common, iss: v2Issuer(ctx, tenant.tenantId), azp: clientId, azpacr: "1", ver: "2.0" });
}

/** MSAL builds homeAccountId from this: `<uid>.<utid>`. */
export function clientInfo(account: Account): string {
  return Buffer.from(JSON.stringify({ uid: account.user.oid, utid: account.tenant.tenantId })).toString("base64url");
}

/**
 * Refresh tokens: opaque to clients (an encrypted JWT, "dir" + A256GCM, key derived from the
 * signing key), so they survive restarts when the key is persisted and need no database.
 *
 * Like Entra's, a refresh token is bound to the client and the user, not to a resource: MSAL uses
 * one to get an ARM token after signing in for Graph or Crosslink. Every use returns a new one
 * (rotation); as in Entra, the old one is not revoked and stays valid until it expires.
 */
import { randomBytes } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { EntraContext } from "./context";
import { Errors } from "./errors";

export type RefreshGrant = {
  clientId: string;
  tenantId: string;
  oid: string;
  sid?: string;
  /** How the sign-in behind this token was made; a refresh never adds a factor. */
  amr: string[];
};

export async function issueRefreshToken(ctx: EntraContext, grant: RefreshGrant): Promise<string> {
  const now = ctx.now();
  return new EncryptJWT({ cid: grant.clientId, tid: grant.tenantId, oid: grant.oid, amr: grant.amr, ...(grant.sid ? { sid: grant.sid } : {}) })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM", typ: "rt" })
    .setIssuer(ctx.baseUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + ctx.lifetimes.refreshTokenSeconds)
    .setJti(randomBytes(12).toString("base64url"))
    .encrypt(ctx.keys.derivedKey("refresh-token"));
}

/** Throws Entra's errors: malformed or foreign → AADSTS70000 (invalid_grant), expired → AADSTS700082. */
export async function readRefreshToken(ctx: EntraContext, token: string): Promise<RefreshGrant> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtDecrypt(token, ctx.keys.derivedKey("refresh-token"), {
      issuer: ctx.baseUrl,
      currentDate: new Date(ctx.now() * 1000),
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    }));
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_JWT_EXPIRED") throw Errors.refreshTokenExpired();
    throw Errors.invalidGrant();
  }
  const { cid, tid, oid, sid, amr } = payload;
  if (typeof cid !== "string" || typeof tid !== "string" || typeof oid !== "string") throw Errors.invalidGrant();
  // Tokens from before amr was recorded were password-only sign-ins.
  const methods = Array.isArray(amr) ? amr.filter((m): m is string => typeof m === "string") : ["pwd"];
  return { clientId: cid, tenantId: tid, oid, sid: typeof sid === "string" ? sid : undefined, amr: methods };
}

import crypto from "node:crypto";
import { CryptoProvider } from "@azure/msal-node";
import { z } from "zod";
import type { AppConfig } from "../config";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/audit-log";
import { personActor } from "../core/actor";
import { logger } from "../log/logger";
import { armDelegatedScope, createMsalClient, signInScopes } from "./msal";
import { explainIdpError, idpErrorCode } from "./idp-errors";
import { checkIdToken } from "./id-token-checks";
import { safeReturnTo } from "./return-to";
import { rolesFromClaims, type Role } from "./roles";
import { createSession } from "./session-store";
import { SecretBox } from "./secret-box";

/**
 * Sign-in with the authorization code flow and PKCE, server side. The flow's state, nonce and
 * PKCE verifier are kept in the database (not in a cookie) and are single-use: a replayed or
 * forged callback finds nothing and is refused before any token request is made.
 */

const FLOW_TTL_MS = 10 * 60 * 1000;

export function redirectUri(config: AppConfig): string {
  return `${config.appBaseUrl}/auth/callback`;
}

export function tokenCacheBox(config: AppConfig): SecretBox {
  return new SecretBox(config.sessionSecret, "msal-token-cache");
}

/** The basic scopes, plus ARM for the incremental-consent hop (asked at authorize and redeemed alike). */
function flowScopes(config: AppConfig, armAccess: boolean): string[] {
  return armAccess ? [...signInScopes(config), armDelegatedScope(config)] : signInScopes(config);
}

export async function startSignIn(
  db: Db,
  config: AppConfig,
  input: {
    returnTo?: unknown;
    prompt?: "select_account" | "login";
    loginHint?: string;
    /** Also ask for ARM `user_impersonation` (incremental consent), without forcing the account picker. */
    armAccess?: boolean;
    /**
     * "provider": sign in at the provider tenant's own authority, so provider staff who are B2B
     * guests there get the provider tenant's token and the app roles assigned to them in it
     * (through `organizations` a guest gets a token of their home tenant, without those roles).
     */
    tenant?: "provider";
    /** A claims challenge to satisfy (step-up, lib/auth/step-up.ts): Entra asks for what it demands, e.g. a second factor. */
    claims?: string;
  },
): Promise<string> {
  const authority = input.tenant === "provider" ? config.providerTenantId : config.entra.signInAudience;
  const pkce = await new CryptoProvider().generatePkceCodes();
  const state = crypto.randomBytes(24).toString("base64url");
  const nonce = crypto.randomBytes(24).toString("base64url");
  await db.authFlow.create({
    data: {
      state,
      nonce,
      codeVerifier: pkce.verifier,
      returnTo: safeReturnTo(input.returnTo),
      authority,
      armAccess: input.armAccess === true,
      expiresAt: new Date(Date.now() + FLOW_TTL_MS),
    },
  });
  return createMsalClient(config, { tenant: authority }).getAuthCodeUrl({
    scopes: flowScopes(config, input.armAccess === true),
    redirectUri: redirectUri(config),
    codeChallenge: pkce.challenge,
    codeChallengeMethod: "S256",
    state,
    nonce,
    // The ARM and step-up hops continue with the account already signed in (one silent bounce when
    // consent exists or can be given; a step-up asks only for what the claims demand); a plain
    // sign-in lets the person pick the account.
    prompt: input.prompt ?? (input.armAccess || input.claims ? undefined : "select_account"),
    loginHint: input.loginHint,
    responseMode: "query",
    ...(input.claims ? { claims: input.claims } : {}),
  });
}

export const callbackParamsSchema = z.object({
  code: z.string().min(1).max(4096).optional(),
  state: z.string().min(1).max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(4096).optional(),
});
export type CallbackParams = z.infer<typeof callbackParamsSchema>;

const idTokenClaimsSchema = z.object({
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  iss: z.string().optional(),
  tid: z.string().min(1),
  oid: z.string().min(1),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

export type SignInResult =
  | { ok: true; sessionToken: string; expiresAt: Date; returnTo: string; roles: Role[]; userName: string }
  | { ok: false; reason: "invalid_state" | "idp_error" | "token_error" | "personal_account" | "token_rejected"; message: string; code?: string };

export async function completeSignIn(
  db: Db,
  config: AppConfig,
  params: CallbackParams,
  context: { requestId: string },
): Promise<SignInResult> {
  const log = logger().child({ requestId: context.requestId, step: "sign-in callback" });
  if (!params.state) {
    return { ok: false, reason: "invalid_state", message: "This sign-in response is incomplete. Start the sign-in again." };
  }
  // Take the flow exactly once: deleting it first makes a replayed callback find nothing.
  const flow = await db.authFlow.findUnique({ where: { state: params.state } });
  const taken = flow ? await db.authFlow.deleteMany({ where: { state: params.state } }) : { count: 0 };
  if (!flow || taken.count !== 1 || flow.expiresAt.getTime() < Date.now()) {
    log.warn({ known: Boolean(flow) }, "sign-in callback with unknown, used or expired state");
    return {
      ok: false,
      reason: "invalid_state",
      message: "This sign-in link has expired or was already used. Start the sign-in again.",
    };
  }

  if (params.error) {
    log.warn({ error: params.error, aadsts: idpErrorCode(params.error_description) }, "identity provider refused sign-in");
    return {
      ok: false,
      reason: "idp_error",
      message: explainIdpError(params.error, params.error_description),
      code: idpErrorCode(params.error_description) ?? params.error,
    };
  }
  if (!params.code) {
    return { ok: false, reason: "invalid_state", message: "This sign-in response has no authorization code. Start the sign-in again." };
  }

  // The code is redeemed at the authority the sign-in started at (organizations, or the provider tenant).
  const msal = createMsalClient(config, { tenant: flow.authority });
  let result;
  try {
    result = await msal.acquireTokenByCode(
      // state and nonce on the request: MSAL checks the callback's state and the ID token's nonce.
      {
        code: params.code,
        scopes: flowScopes(config, flow.armAccess),
        redirectUri: redirectUri(config),
        codeVerifier: flow.codeVerifier,
        state: params.state,
        nonce: flow.nonce,
      },
      { code: params.code, state: params.state, nonce: flow.nonce },
    );
  } catch (err) {
    const e = err as { errorCode?: string; errorMessage?: string; message?: string };
    log.warn({ errorCode: e.errorCode, aadsts: idpErrorCode(e.errorMessage ?? e.message) }, "token redemption failed");
    return {
      ok: false,
      reason: "token_error",
      message: explainIdpError(e.errorCode, e.errorMessage ?? e.message),
      code: idpErrorCode(e.errorMessage ?? e.message) ?? e.errorCode,
    };
  }

  // The ID token came straight from the token endpoint over TLS (back channel), which OpenID
  // Connect allows to trust without a signature check; its claims are still validated here.
  const claims = idTokenClaimsSchema.safeParse(result?.idTokenClaims);
  if (!result?.account || !claims.success) {
    log.error({ issues: claims.success ? undefined : claims.error.issues.map((i) => i.path.join(".")) }, "ID token lacks tid/oid");
    return { ok: false, reason: "token_error", message: "The identity provider's answer was incomplete. Start the sign-in again." };
  }

  const c = claims.data;
  const check = checkIdToken(config, c);
  if (!check.ok) {
    // Values are logged to find the misconfiguration; none of them is a secret.
    log.warn({ problem: check.problem, tid: c.tid, iss: c.iss, aud: c.aud }, "ID token refused");
    return { ok: false, reason: check.reason, message: check.message };
  }
  const username = c.preferred_username ?? c.email ?? c.oid;
  const displayName = c.name ?? username;
  const roles = rolesFromClaims(c, config.providerTenantId);
  const tokenCache = tokenCacheBox(config).seal(msal.getTokenCache().serialize());

  const { user, session } = await db.$transaction(async (tx) => {
    const tenant = await tx.tenant.upsert({
      where: { id: c.tid },
      create: {
        id: c.tid,
        displayName: username.includes("@") ? username.split("@")[1]! : c.tid,
        domain: username.includes("@") ? username.split("@")[1]! : null,
        kind: c.tid.toLowerCase() === config.providerTenantId.toLowerCase() ? "provider" : "consumer",
      },
      update: {},
    });
    const user = await tx.user.upsert({
      where: { tenantId_objectId: { tenantId: c.tid, objectId: c.oid } },
      create: { tenantId: c.tid, objectId: c.oid, username, displayName, email: c.email ?? null, lastSeenAt: new Date() },
      update: { username, displayName, email: c.email ?? null, lastSeenAt: new Date() },
    });
    const session = await createSession(tx, {
      userId: user.id,
      tenantId: c.tid,
      roles,
      homeAccountId: result.account!.homeAccountId,
      tokenCache,
      ttlHours: config.sessionTtlHours,
    });
    await recordAudit(tx, {
      actor: personActor(null, { name: displayName, tenantName: tenant.displayName, userId: user.id, tenantId: c.tid }),
      action: "auth.sign_in",
      tenantId: c.tid,
      httpRequestId: context.requestId,
      details: { roles },
    });
    return { user, session };
  });

  log.info({ userId: user.id, tenantId: c.tid, roles }, "signed in");
  return { ok: true, sessionToken: session.token, expiresAt: session.expiresAt, returnTo: flow.returnTo, roles, userName: displayName };
}

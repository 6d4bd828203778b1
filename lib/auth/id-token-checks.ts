import type { AppConfig } from "../config";
import { PERSONAL_ACCOUNTS_TENANT_ID } from "../config/schema";

/**
 * Checks on a signed-in person's ID token that MSAL does not make (it checks state and nonce only).
 * The token came from the token endpoint over TLS, so its signature is not in question; these
 * catch tokens meant for another app, issued by another tenant than they claim, or for personal
 * Microsoft accounts, which all share one tenant and so would all be "the same organization".
 */
export type IdTokenCheck =
  | { ok: true }
  | { ok: false; reason: "personal_account" | "token_rejected"; problem: string; message: string };

/** Entra's v2 issuer for a tenant in the configured cloud: `<authority host>/<tid>/v2.0`. */
export function expectedIssuer(config: Pick<AppConfig, "entra">, tenantId: string): string {
  return `${config.entra.authorityHost}/${tenantId}/v2.0`;
}

/** What a person is told, by reason (the error page words reasons from these too). */
export const ID_TOKEN_REFUSALS = {
  personal_account:
    "Crosslink is for organizations: personal Microsoft accounts (outlook.com, hotmail.com, live.com) cannot sign in. Sign in with your work or school account.",
  token_rejected:
    "The identity provider's answer did not pass Crosslink's checks, so you were not signed in. Start the sign-in again; if it keeps failing, tell your administrator and give them the reference below.",
} as const;

export function checkIdToken(config: Pick<AppConfig, "entra">, claims: { aud?: unknown; iss?: unknown; tid: string }): IdTokenCheck {
  if (claims.tid.toLowerCase() === PERSONAL_ACCOUNTS_TENANT_ID) {
    return {
      ok: false,
      reason: "personal_account",
      problem: "personal Microsoft account",
      message: ID_TOKEN_REFUSALS.personal_account,
    };
  }
  const audiences = typeof claims.aud === "string" ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!audiences.some((a) => typeof a === "string" && a.toLowerCase() === config.entra.clientId.toLowerCase())) {
    return { ok: false, reason: "token_rejected", problem: "aud is not this app's client ID", message: ID_TOKEN_REFUSALS.token_rejected };
  }
  // Entra puts the tenant in the issuer; one that names another tenant (or host) than tid is forged
  // or misrouted, and trusting tid from it would put the person in the wrong organization.
  if (typeof claims.iss !== "string" || claims.iss.toLowerCase() !== expectedIssuer(config, claims.tid).toLowerCase()) {
    return { ok: false, reason: "token_rejected", problem: "iss does not match tid in the configured cloud", message: ID_TOKEN_REFUSALS.token_rejected };
  }
  return { ok: true };
}

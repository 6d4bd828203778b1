/**
 * TokenCredentials for the Azure SDK clients, from the two identities Crosslink acts as:
 * - the signed-in consumer (delegated): the app already gets their ARM token from the session's
 *   MSAL cache (lib/auth/delegated-token.ts); `tokenCredentialFrom` wraps that function;
 * - Crosslink itself in the provider tenant (client credentials): `providerAppCredential`.
 * The SDK's bearer policy keeps a token until shortly before it expires and then asks again.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { decodeJwt } from "jose";
import type { AppConfig } from "../config";
import { createMsalClient } from "../auth/msal";
import { clientCredentialHint } from "../auth/client-credential";
import { AzureError, LOCAL_ERROR_CODES } from "./azure-error";

/** When nothing says how long a token lives, assume a short time so it is asked for again soon. */
const UNKNOWN_LIFETIME_MS = 2 * 60_000;

/** Expiry of a token without expiresOn: its `exp` claim, read but not verified (only for caching). */
function expiryOf(token: string): number {
  try {
    const exp = decodeJwt(token).exp;
    if (typeof exp === "number") return exp * 1000;
  } catch {
    // Not a JWT: fall through.
  }
  return Date.now() + UNKNOWN_LIFETIME_MS;
}

/** What the SDK asks of a token beyond its scopes: the claims of a challenge (already decoded JSON). */
export type TokenRequest = { claims?: string };

/**
 * A credential around a function that returns an ARM token, e.g.
 * `tokenCredentialFrom((request) => acquireDelegatedArmToken(db, config, principal, request))`.
 * When ARM answers with a claims challenge (401, error="insufficient_claims"), the SDK's bearer
 * policy decodes the challenge's claims and asks again with `{ claims }`: they are passed on, so
 * a token that satisfies them is fetched instead of the same one again.
 * Its errors (ReauthenticationRequired, StepUpRequired) reach the caller of the Azure operation unchanged.
 */
export function tokenCredentialFrom(getToken: (request: TokenRequest) => Promise<{ token: string; expiresOn: Date | null }>): TokenCredential {
  return {
    async getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      const claims = options?.claims?.trim() ? options.claims : undefined;
      const { token, expiresOn } = await getToken(claims ? { claims } : {});
      return { token, expiresOnTimestamp: expiresOn ? expiresOn.getTime() : expiryOf(token) };
    },
  };
}

/** The ARM scope of an app-only token. */
export function armAppScope(config: Pick<AppConfig, "armAudience">): string {
  return `${config.armAudience}/.default`;
}

// One MSAL client per configuration: MSAL caches app tokens in the client's memory, so reusing
// it means a token per hour instead of one per request.
const providerCredentials = new WeakMap<AppConfig, TokenCredential>();

/**
 * Crosslink's own identity in the provider tenant (client credentials at
 * `<authority>/<providerTenantId>`), for the provider's operations.
 */
export function providerAppCredential(config: AppConfig): TokenCredential {
  const existing = providerCredentials.get(config);
  if (existing) return existing;
  const msal = createMsalClient(config, { tenant: config.providerTenantId });
  const scope = armAppScope(config);
  const credential: TokenCredential = {
    async getToken(): Promise<AccessToken> {
      let result;
      try {
        result = await msal.acquireTokenByClientCredential({ scopes: [scope] });
      } catch (err) {
        // MSAL's errors carry an error code and Entra's description, never the secret or a token.
        const code = (err as { errorCode?: unknown }).errorCode;
        throw new AzureError({
          status: null,
          code: LOCAL_ERROR_CODES.providerCredential,
          message: `Client credentials for ${scope} at tenant ${config.providerTenantId} failed: ${typeof code === "string" ? code : "unknown"}: ${err instanceof Error ? err.message : String(err)}`,
          userMessage:
            `Crosslink could not sign in to Azure as its own identity. Check ${clientCredentialHint(config.entra.credential)}, ENTRA_CLIENT_ID and PROVIDER_TENANT_ID, and that the app registration exists in the provider tenant.`,
          retryable: false,
        });
      }
      if (!result?.accessToken) {
        throw new AzureError({
          status: null,
          code: LOCAL_ERROR_CODES.providerCredential,
          message: `Client credentials for ${scope} returned no access token.`,
          userMessage: "Crosslink could not sign in to Azure as its own identity. Try again; if it persists, check the app registration.",
          retryable: true,
        });
      }
      return { token: result.accessToken, expiresOnTimestamp: result.expiresOn ? result.expiresOn.getTime() : expiryOf(result.accessToken) };
    },
  };
  providerCredentials.set(config, credential);
  return credential;
}

import { ConfidentialClientApplication, type Configuration, type ICachePlugin, LogLevel } from "@azure/msal-node";
import type { AppConfig } from "../config";
import { logger } from "../log/logger";
import { clientCredentialAuth } from "./client-credential";

/**
 * MSAL confidential clients built from configuration only: the same code signs in against real
 * Entra ID or the local one. knownAuthorities pins the authority host, which skips MSAL's
 * instance discovery (a call to the public cloud that the local world cannot answer).
 */
export function authorityUrl(config: AppConfig, tenant: string = config.entra.signInAudience): string {
  return `${config.entra.authorityHost}/${tenant}`;
}

export function createMsalClient(config: AppConfig, options: { tenant?: string; cachePlugin?: ICachePlugin } = {}) {
  const msalConfig: Configuration = {
    auth: {
      clientId: config.entra.clientId,
      ...clientCredentialAuth(config),
      authority: authorityUrl(config, options.tenant),
      knownAuthorities: [new URL(config.entra.authorityHost).host],
      // CP1: Crosslink handles claims challenges (ARM's MFA for writes, Conditional Access), so
      // Entra may issue tokens that Azure revokes by challenge (continuous access evaluation).
      clientCapabilities: ["CP1"],
    },
    cache: options.cachePlugin ? { cachePlugin: options.cachePlugin } : undefined,
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => {
          // MSAL's warnings are routine here (e.g. "No client info in response" for every app-only
          // token); errors stay visible.
          if (level <= LogLevel.Error) logger().error({ msal: true }, message);
          else logger().debug({ msal: true }, message);
        },
      },
    },
  };
  return new ConfidentialClientApplication(msalConfig);
}

/** The scope of a delegated ARM token (the consumer's own rights in their subscriptions). */
export function armDelegatedScope(config: AppConfig): string {
  return `${config.armAudience}/user_impersonation`;
}

/**
 * Scopes requested at sign-in: the basic OpenID ones, which need no consent, so anyone of any
 * organization can sign in and read. ARM access is asked incrementally (`armAccess` in startSignIn)
 * when a consumer first needs it; `email` makes Entra put the address in the ID token.
 */
export function signInScopes(_config: AppConfig): string[] {
  return ["openid", "profile", "offline_access", "email"];
}

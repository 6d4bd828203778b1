/**
 * Official Azure SDK clients pointed at a local ARM, for tests.
 * - credential: a static TokenCredential around a token fetched beforehand (local Entra ID or the
 *   test issuer); the SDK's bearer policy sends it as it would send an Entra token.
 * - trust: when NODE_EXTRA_CA_CERTS does not already cover the local CA (vitest's global setup
 *   sets it), a per-call policy hands the SDK's Node HTTP client an agent that trusts the CA.
 *   This touches tests only; the app relies on NODE_EXTRA_CA_CERTS.
 */
import https from "node:https";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { NetworkManagementClient } from "@azure/arm-network";
import { WebSiteManagementClient } from "@azure/arm-appservice";
import { PrivateDnsManagementClient } from "@azure/arm-privatedns";
import { ResourceManagementClient } from "@azure/arm-resources";
import { decodeJwt } from "jose";
import { ARM_RESOURCE } from "../../world/demo-tenants";

export class StaticTokenCredential implements TokenCredential {
  constructor(private token: string) {}
  set(token: string): void {
    this.token = token;
  }
  getToken(): Promise<AccessToken> {
    const exp = decodeJwt(this.token).exp ?? Math.floor(Date.now() / 1000) + 3600;
    return Promise.resolve({ token: this.token, expiresOnTimestamp: exp * 1000 });
  }
}

export function trustPolicy(caPem: string): PipelinePolicy {
  const agent = new https.Agent({ ca: caPem, keepAlive: true });
  return {
    name: "localArmTestTrust",
    sendRequest: (request, next) => {
      request.agent = agent;
      return next(request);
    },
  };
}

export type ClientOptions = {
  endpoint: string;
  caPem?: string;
  /** SDK retries (defaults: the SDK's own, i.e. 3 retries). */
  maxRetries?: number;
  retryDelayInMs?: number;
};

function common(o: ClientOptions) {
  return {
    endpoint: o.endpoint,
    credentialScopes: [ARM_RESOURCE.appOnlyScope],
    additionalPolicies: o.caPem ? [{ policy: trustPolicy(o.caPem), position: "perCall" as const }] : [],
    retryOptions: {
      ...(o.maxRetries !== undefined ? { maxRetries: o.maxRetries } : {}),
      ...(o.retryDelayInMs !== undefined ? { retryDelayInMs: o.retryDelayInMs, maxRetryDelayInMs: o.retryDelayInMs * 4 } : {}),
    },
  };
}

export function networkClient(cred: TokenCredential, subscriptionId: string, o: ClientOptions): NetworkManagementClient {
  return new NetworkManagementClient(cred, subscriptionId, common(o));
}

export function webClient(cred: TokenCredential, subscriptionId: string, o: ClientOptions): WebSiteManagementClient {
  return new WebSiteManagementClient(cred, subscriptionId, common(o));
}

export function privateDnsClient(cred: TokenCredential, subscriptionId: string, o: ClientOptions): PrivateDnsManagementClient {
  return new PrivateDnsManagementClient(cred, subscriptionId, common(o));
}

export function resourcesClient(cred: TokenCredential, subscriptionId: string, o: ClientOptions): ResourceManagementClient {
  return new ResourceManagementClient(cred, subscriptionId, common(o));
}

// Note: @azure/arm-subscriptions 6 is the Microsoft.Subscription (alias) API and has no
// subscriptions.list; GET /subscriptions is exercised with raw requests in the tests.

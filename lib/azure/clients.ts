/**
 * The official SDK clients, built the one way Crosslink builds them: endpoint and token audience
 * from configuration (real or local ARM look the same from here), the SDK's retry policy tuned by
 * AzureClientOptions, and one client per subscription reused for the life of the factory.
 *
 * Why credential scopes are explicit: with a non-default endpoint, the classic SDKs
 * (@azure/arm-network, @azure/arm-resources-subscriptions) ask for `<endpoint>/.default` unless
 * told otherwise, while ARM tokens are always for the ARM audience. The newer App Service SDK
 * takes the same setting as `credentials.scopes`.
 */
import { WebSiteManagementClient } from "@azure/arm-appservice";
import { NetworkManagementClient } from "@azure/arm-network";
import { ResourceManagementClient } from "@azure/arm-resources";
import { SubscriptionClient } from "@azure/arm-resources-subscriptions";
import type { TokenCredential } from "@azure/core-auth";
import type { AppConfig } from "../config";
import { armAppScope } from "./credentials";
import { clientRequestIdPolicy } from "./client-request-id";
import { rememberErrorBodies } from "./error-bodies";
import { DEFAULT_LRO_POLL_INTERVAL_MS, retryOptionsFrom, type AzureClientOptions } from "./options";

export type ArmConfig = Pick<AppConfig, "armEndpoint" | "armAudience">;

export type ArmClients = {
  network(subscriptionId: string): NetworkManagementClient;
  web(subscriptionId: string): WebSiteManagementClient;
  subscriptions(): SubscriptionClient;
  /** Resource provider registration (Microsoft.Resources). */
  resources(subscriptionId: string): ResourceManagementClient;
  /** `updateIntervalInMs` for long-running operations. */
  readonly pollIntervalMs: number;
};

const USER_AGENT = "crosslink";

export function createArmClients(config: ArmConfig, credential: TokenCredential, options: AzureClientOptions = {}): ArmClients {
  const scopes = [armAppScope(config)];
  const retryOptions = retryOptionsFrom(options);
  const classic = {
    endpoint: config.armEndpoint,
    credentialScopes: scopes,
    retryOptions,
    userAgentOptions: { userAgentPrefix: USER_AGENT },
    additionalPolicies: [{ policy: clientRequestIdPolicy, position: "perCall" as const }],
  };
  const network = new Map<string, NetworkManagementClient>();
  const web = new Map<string, WebSiteManagementClient>();
  const resources = new Map<string, ResourceManagementClient>();
  let subscriptions: SubscriptionClient | undefined;

  const cached = <T>(map: Map<string, T>, key: string, make: () => T): T => {
    const k = key.toLowerCase();
    let client = map.get(k);
    if (!client) {
      client = make();
      map.set(k, client);
    }
    return client;
  };

  return {
    network: (subscriptionId) => cached(network, subscriptionId, () => new NetworkManagementClient(credential, subscriptionId, classic)),
    web: (subscriptionId) =>
      cached(
        web,
        subscriptionId,
        () =>
          new WebSiteManagementClient(credential, subscriptionId, {
            endpoint: config.armEndpoint,
            credentials: { scopes },
            retryOptions,
            userAgentOptions: { userAgentPrefix: USER_AGENT },
            // The SDK's paging drops ARM's error message (which names a missing permission): keep it.
            additionalPolicies: [
              { policy: clientRequestIdPolicy, position: "perCall" },
              { policy: rememberErrorBodies(), position: "perCall" },
            ],
          }),
      ),
    subscriptions: () => (subscriptions ??= new SubscriptionClient(credential, classic)),
    resources: (subscriptionId) => cached(resources, subscriptionId, () => new ResourceManagementClient(credential, subscriptionId, classic)),
    pollIntervalMs: options.lroPollIntervalMs ?? DEFAULT_LRO_POLL_INTERVAL_MS,
  };
}

import { getConfig, type AppConfig } from "./config";
import { getDb, type Db } from "./db/client";
import { createConsumerAzure, createProviderAzure, providerAppCredential, tokenCredentialFrom, type AzureClientOptions, type ConsumerAzure, type ProviderAzure } from "./azure";
import { acquireDelegatedArmToken } from "./auth/delegated-token";
import type { Principal } from "./auth/principal";
import { principalFromSessionId } from "./auth/session-store";
import { connectionJobHandlers } from "./connections/jobs/handlers";
import type { JobDeps } from "./connections/jobs/deps";
import { OutboxWorker } from "./outbox/worker";

/**
 * Wiring: builds the Azure access and the background worker from configuration. Entry points
 * (pages, actions, route handlers, scripts) get their dependencies here, so every one of them
 * talks to Azure the same way: the consumer with their own delegated token, the provider with
 * the app's identity.
 */
export type Services = {
  db: Db;
  config: AppConfig;
  consumerAzureFor(principal: Principal): ConsumerAzure;
  consumerAzureForSession(sessionId: string): Promise<ConsumerAzure | null>;
  providerAzure(): ProviderAzure;
  worker: OutboxWorker;
};

export function createServices(db: Db, config: AppConfig, azureOptions: AzureClientOptions = {}, workerIntervalMs = 1_000): Services {
  const consumerAzureFor = (principal: Principal) =>
    createConsumerAzure(config, tokenCredentialFrom(() => acquireDelegatedArmToken(db, config, principal)), azureOptions);
  let provider: ProviderAzure | undefined;
  const providerAzure = () => (provider ??= createProviderAzure(config, providerAppCredential(config), azureOptions));
  const consumerAzureForSession = async (sessionId: string) => {
    const principal = await principalFromSessionId(db, sessionId);
    return principal ? consumerAzureFor(principal) : null;
  };
  const deps: JobDeps = { db, consumerAzureForSession, providerAzure };
  const worker = new OutboxWorker(db, connectionJobHandlers(deps), workerIntervalMs);
  return { db, config, consumerAzureFor, consumerAzureForSession, providerAzure, worker };
}

// One set per server process, kept on globalThis so Next.js dev reloads don't start a second
// worker. instrumentation.ts starts the worker with the server; entry points kick it after
// recording work, so Azure calls start at once.
const holder = globalThis as unknown as { crosslinkServices?: Services };

export function getSharedServices(): Services {
  holder.crosslinkServices ??= createServices(getDb(), getConfig());
  return holder.crosslinkServices;
}

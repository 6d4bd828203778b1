import { getConfig, type AppConfig } from "./config";
import { createDb, type Db } from "./db/client";
import { createConsumerAzure, createProviderAzure, providerAppCredential, tokenCredentialFrom, type AzureClientOptions, type ConsumerAzure, type ProviderAzure } from "./azure";
import { acquireDelegatedArmToken } from "./auth/delegated-token";
import type { Principal } from "./auth/principal";
import { principalFromSessionId } from "./auth/session-store";
import { CONNECTION_JOBS } from "./connections/jobs";
import type { ConnectionJobDeps } from "./connections/jobs/deps";
import { createJobRegistry, type JobRegistry } from "./jobs/registry";
import { OutboxWorker } from "./outbox/worker";

/**
 * The composition root: the database, Azure access, the job registry and the background worker,
 * built from the validated configuration. Every entry point (page, action, route handler, script)
 * gets its dependencies here, so every one of them talks to the database and to Azure the same
 * way: the consumer with their own delegated token, the provider with the app's identity.
 */
export type Services = {
  db: Db;
  config: AppConfig;
  consumerAzureFor(principal: Principal): ConsumerAzure;
  consumerAzureForSession(sessionId: string): Promise<ConsumerAzure | null>;
  providerAzure(): ProviderAzure;
  /** Every job Crosslink runs, with its dependencies (one registry; new capabilities add theirs here). */
  jobs: JobRegistry;
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
  const connectionDeps: ConnectionJobDeps = { db, consumerAzureForSession, providerAzure };
  const jobs = createJobRegistry(connectionDeps, CONNECTION_JOBS);
  const worker = new OutboxWorker(db, jobs, workerIntervalMs);
  return { db, config, consumerAzureFor, consumerAzureForSession, providerAzure, jobs, worker };
}

// One set per server process, kept on globalThis so Next.js dev reloads and the server's separate
// bundles (instrumentation, routes) share one database connection and one worker.
const holder = globalThis as unknown as { crosslinkServices?: Services };

/** For code that builds its own services (a test's database and world): make them the shared ones. */
export function setSharedServices(services: Services | undefined): void {
  holder.crosslinkServices = services;
}

export function getSharedServices(): Services {
  if (!holder.crosslinkServices) {
    const config = getConfig();
    holder.crosslinkServices = createServices(createDb(config.databaseUrl), config);
  }
  return holder.crosslinkServices;
}

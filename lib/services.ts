import { getConfig, type AppConfig } from "./config";
import { createDb, type Db } from "./db/client";
import { createConsumerAzure, createProviderAzure, providerAppCredential, tokenCredentialFrom, type AzureClientOptions, type ConsumerAzure, type ProviderAzure } from "./azure";
import { acquireDelegatedArmToken } from "./auth/delegated-token";
import type { Principal } from "./auth/principal";
import { principalFromSessionId } from "./auth/session-store";
import { CONNECTION_JOBS } from "./connections/jobs";
import type { ConnectionJobDeps } from "./connections/jobs/deps";
import { createJobRegistry, type JobRegistry } from "./jobs/registry";
import { laneOf, OutboxWorker, WorkerGroup, type MessageRunner } from "./outbox/worker";
import { SecretBox } from "./auth/secret-box";
import { createEventDispatcher } from "./events/dispatcher";
import { createMailer, type Mailer } from "./notify/email/transport";
import { notificationSubscriber } from "./notify/fan-out";
import { NOTIFY_JOBS } from "./notify/jobs";
import type { NotifyJobDeps } from "./notify/jobs/deps";
import type { RouteDeps } from "./notify/routes";

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
  /** Domain events to their subscribers (notifications; later policies and integrations). */
  events: MessageRunner;
  /** What the notification route use cases need. */
  notify: RouteDeps;
  /** The background workers: Azure jobs, events, deliveries (lanes, so one never waits for another). */
  worker: WorkerGroup;
};

export function createServices(db: Db, config: AppConfig, azureOptions: AzureClientOptions = {}, workerIntervalMs = 1_000): Services {
  const consumerAzureFor = (principal: Principal) =>
    createConsumerAzure(config, tokenCredentialFrom((request) => acquireDelegatedArmToken(db, config, principal, request)), azureOptions);
  let provider: ProviderAzure | undefined;
  const providerAzure = () => (provider ??= createProviderAzure(config, providerAppCredential(config), azureOptions));
  const consumerAzureForSession = async (sessionId: string) => {
    const principal = await principalFromSessionId(db, sessionId);
    return principal ? consumerAzureFor(principal) : null;
  };
  const connectionDeps: ConnectionJobDeps = { db, consumerAzureForSession, providerAzure };
  let mailer: Mailer | undefined;
  const notifyDeps: NotifyJobDeps = {
    db,
    mailer: () => (mailer ??= createMailer(config.notify.smtp, config.notify.from)),
    outgoingPolicy: { mode: config.mode, allowLoopback: config.notify.allowLoopbackTargets },
    // Webhook signing secrets are sealed at rest with a key of their own, derived from SESSION_SECRET.
    secrets: new SecretBox(config.sessionSecret, "webhook-signing-secrets"),
    appBaseUrl: config.appBaseUrl,
  };
  const jobs = createJobRegistry<ConnectionJobDeps & NotifyJobDeps>({ ...connectionDeps, ...notifyDeps }, [...CONNECTION_JOBS, ...NOTIFY_JOBS]);
  const events = createEventDispatcher([notificationSubscriber({ db, appBaseUrl: config.appBaseUrl, cloud: config.cloud })]);
  const worker = createWorkers(db, jobs, events, workerIntervalMs);
  const notify: RouteDeps = { db, outgoingPolicy: notifyDeps.outgoingPolicy, secrets: notifyDeps.secrets, appBaseUrl: config.appBaseUrl };
  return { db, config, consumerAzureFor, consumerAzureForSession, providerAzure, jobs, events, notify, worker };
}

/** Notification work polls more often than Azure work: a provider is told within seconds. */
const QUICK_INTERVAL_MS = 250;
/** A delivery's lock outlives its 15 s timeout with room to spare; a crashed one is retried after it. */
const DELIVERY_LOCK_MS = 45_000;

function createWorkers(db: Db, jobs: JobRegistry, events: MessageRunner, intervalMs: number): WorkerGroup {
  const notifyTopics = NOTIFY_JOBS.map((j) => j.topic);
  const azureTopics = jobs.topics.filter((t) => !notifyTopics.includes(t));
  const deliveries = new OutboxWorker(db, jobs, Math.min(intervalMs, QUICK_INTERVAL_MS), laneOf(jobs, { topics: notifyTopics, limit: 50, lockMs: DELIVERY_LOCK_MS }));
  const eventWorker = new OutboxWorker(db, events, Math.min(intervalMs, QUICK_INTERVAL_MS), laneOf(events, { limit: 50 }), () => deliveries.kick());
  const azure = new OutboxWorker(db, jobs, intervalMs, laneOf(jobs, { topics: azureTopics }), () => eventWorker.kick());
  return new WorkerGroup([azure, eventWorker, deliveries]);
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

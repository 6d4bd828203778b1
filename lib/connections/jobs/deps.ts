import type { Db } from "../../db/client";
import type { ConsumerAzure, ProviderAzure } from "../../azure";
import type { JobContext } from "../../jobs/job";

/**
 * What the connection jobs need. The consumer's Azure access is rebuilt from the session that
 * asked for the work (their delegated token); null when that session is gone (signed out, expired).
 */
export type ConnectionJobDeps = {
  db: Db;
  consumerAzureForSession: (sessionId: string) => Promise<ConsumerAzure | null>;
  providerAzure: () => ProviderAzure;
};

export type ConnectionJobContext = JobContext<ConnectionJobDeps>;

import type { Db } from "../../db/client";
import { isAzureError, type ConsumerAzure, type ProviderAzure } from "../../azure";
import { ReauthenticationRequired } from "../../auth/delegated-token";

/**
 * What the background jobs need. The consumer's Azure access is rebuilt from the session that
 * filed the request (their delegated token); null when that session is gone (signed out, expired).
 */
export type JobDeps = {
  db: Db;
  consumerAzureForSession: (sessionId: string) => Promise<ConsumerAzure | null>;
  providerAzure: () => ProviderAzure;
};

export const SYSTEM_ACTOR = { role: "system" as const, label: "Crosslink" };

/**
 * How many times a job tries before it records the failure on the request itself. (The outbox's
 * MAX_ATTEMPTS is the outer limit for handlers that throw.)
 */
export const JOB_ATTEMPTS = 5;

/** What a job says about a failed attempt, and whether trying again can help. */
export function attemptFailure(err: unknown, attempts: number): { message: string; retry: boolean } {
  if (isAzureError(err)) return { message: err.userMessage, retry: err.retryable && attempts < JOB_ATTEMPTS };
  // An expired sign-in does not come back by waiting: the consumer has to sign in again.
  if (ReauthenticationRequired.is(err)) return { message: (err as Error).message, retry: false };
  // Anything else is an outage or a bug: worth another attempt.
  return { message: err instanceof Error ? err.message : String(err), retry: attempts < JOB_ATTEMPTS };
}

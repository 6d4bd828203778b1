import type { Db } from "../../db/client";
import type { ConsumerAzure, ProviderAzure } from "../../azure";

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

/** Errors from lib/azure carry these; anything else is treated as retryable (an outage or a bug). */
export function errorFacts(err: unknown): { message: string; retryable: boolean; retryAfterMs?: number } {
  const e = err as { userMessage?: string; message?: string; retryable?: boolean; retryAfterMs?: number };
  return {
    message: e?.userMessage ?? e?.message ?? String(err),
    retryable: e?.retryable ?? !("userMessage" in (e ?? {})),
    retryAfterMs: e?.retryAfterMs,
  };
}

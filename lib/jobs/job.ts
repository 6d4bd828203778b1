import type { z } from "zod";
import type { DbOrTx } from "../db/client";
import { isAzureError, userMessageWithSupportIds } from "../azure/azure-error";
import { ReauthenticationRequired } from "../auth/delegated-token";
import { ArmConsentRequired } from "../auth/arm-consent";
import { stepUpClaimsOf } from "../auth/step-up";
import { addMessage } from "../outbox/outbox";

/**
 * A job is defined once, next to its handler: its topic, the schema of its payload, what it does,
 * how often it is tried and how long to wait between tries, and what it records for people when
 * it gives up. Enqueueing goes through the definition (typed, and checked at once), the registry
 * (registry.ts) runs it, and the retry rule below is the only one.
 */
export type RetryPolicy = {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before try `attempt + 1`, after try `attempt` (1-based) failed. */
  backoffMs: (attempt: number) => number;
};

/** Exponential backoff with a ceiling: 2 s, 4 s, 8 s … 5 min. */
const exponentialBackoff = (baseMs = 2_000, maxMs = 300_000) => (attempt: number) => Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoffMs: exponentialBackoff() };

/** What a failed try means: the words people see, and whether trying again can help. */
export type Failure = {
  message: string;
  retryable: boolean;
  /** The other side asked to wait this long (Retry-After). */
  retryAfterMs?: number;
  /** Azure wants the person to confirm their sign-in (a claims challenge): the claims to sign in with. */
  stepUpClaims?: string;
};

/** Thrown by a handler for a failure that waiting cannot fix ("the connection is gone"). */
export class PermanentJobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobFailure";
  }
}

/** Thrown by a handler for a failure that waiting may fix, e.g. a receiver answering 503 with Retry-After. */
export class RetryableJobFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "RetryableJobFailure";
  }
}

/** The one classification of failed tries. */
export function failureOf(err: unknown): Failure {
  // With Azure's correlation and request IDs: the failure is recorded where people see it, and support asks for them.
  if (isAzureError(err)) return { message: userMessageWithSupportIds(err), retryable: err.retryable };
  // Nor does a second factor: the job stops and waits for the person (never a retry loop).
  const stepUpClaims = stepUpClaimsOf(err);
  if (stepUpClaims !== undefined) return { message: (err as Error).message, retryable: false, stepUpClaims };
  // An expired sign-in does not come back by waiting: the person has to sign in again.
  if (ReauthenticationRequired.is(err)) return { message: (err as Error).message, retryable: false };
  // Missing consent for Azure neither: the person (or their administrator) has to give it.
  if (ArmConsentRequired.is(err)) return { message: (err as Error).message, retryable: false };
  if ((err as { name?: unknown } | null)?.name === "PermanentJobFailure") return { message: (err as Error).message, retryable: false };
  if (err instanceof RetryableJobFailure) return { message: err.message, retryable: true, retryAfterMs: err.retryAfterMs };
  // Anything else is an outage or a bug: worth another try, within the limit.
  return { message: err instanceof Error ? err.message : String(err), retryable: true };
}

/** The one retry rule: try again when it may help and tries are left. */
export function shouldRetry(policy: RetryPolicy, attempt: number, failure: Failure): boolean {
  return failure.retryable && attempt < policy.attempts;
}

/** How long to wait before the next try: the policy's backoff, or longer when the other side asked. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, failure: Failure): number {
  return Math.max(policy.backoffMs(attempt), failure.retryAfterMs ?? 0);
}

export type JobContext<D> = { deps: D; attempt: number; attempts: number };

export type JobDefinition<P, D> = {
  topic: string;
  payload: z.ZodType<P>;
  retry: RetryPolicy;
  /** Does the work; returns when done, throws when this try failed (classified by failureOf). */
  run: (payload: P, ctx: JobContext<D>) => Promise<void>;
  /** Before a retry is scheduled: e.g. tell people Azure is busy and Crosslink tries again. */
  onRetry?: (payload: P, ctx: JobContext<D>, failure: Failure) => Promise<void>;
  /** The job failed for good: record it where people see it (the request), so nothing fails silently. */
  giveUp?: (payload: P, ctx: JobContext<D>, failure: Failure) => Promise<void>;
};

export function defineJob<P, D>(definition: Omit<JobDefinition<P, D>, "retry"> & { retry?: Partial<RetryPolicy> }): JobDefinition<P, D> {
  return { ...definition, retry: { ...DEFAULT_RETRY, ...definition.retry } };
}

/** A payload the definition refuses: a bug in the code that enqueues, caught before anything is written. */
export class InvalidJobPayload extends Error {
  constructor(topic: string, issues: string) {
    super(`Refused to enqueue "${topic}": ${issues}`);
    this.name = "InvalidJobPayload";
  }
}

function checkedPayload<P, D>(job: JobDefinition<P, D>, payload: P): P {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) throw new InvalidJobPayload(job.topic, parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; "));
  return parsed.data;
}

/** Enqueues a job in the caller's transaction (with the change that needs it). */
export async function enqueueJob<P, D>(tx: DbOrTx, job: JobDefinition<P, D>, payload: P, options: { runAt?: Date } = {}): Promise<string> {
  return jobOrder(job, payload, options).enqueue(tx);
}

/**
 * A job and its payload, checked now, for code that enqueues it later inside its transaction
 * (the request writer enqueues with the change that needs the job).
 */
export type JobOrder = { topic: string; enqueue: (tx: DbOrTx) => Promise<string> };

export function jobOrder<P, D>(job: JobDefinition<P, D>, payload: P, options: { runAt?: Date } = {}): JobOrder {
  const checked = checkedPayload(job, payload);
  return { topic: job.topic, enqueue: (tx) => addMessage(tx, { kind: "job", topic: job.topic, payload: checked, runAt: options.runAt }) };
}

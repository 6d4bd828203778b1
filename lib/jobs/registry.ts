import type { ClaimedMessage } from "../outbox/outbox";
import { logger } from "../log/logger";
import { withAzureClientRequestId } from "../azure/client-request-id";
import { failureOf, retryDelayMs, shouldRetry, type JobContext, type JobDefinition } from "./job";

/**
 * The one registry of jobs, assembled with their dependencies where the services are built
 * (lib/services.ts). It runs a claimed message through its definition and applies the one retry
 * rule; the worker only records the outcome.
 */
export type JobOutcome = { outcome: "done" } | { outcome: "retry"; delayMs: number; error: string } | { outcome: "failed"; error: string };

export type JobRegistry = {
  readonly kind: "job";
  readonly topics: string[];
  run(message: ClaimedMessage): Promise<JobOutcome>;
};

// A registry holds definitions of different payloads; each is checked by its own schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJob<D> = JobDefinition<any, D>;

export function createJobRegistry<D>(deps: D, jobs: readonly AnyJob<D>[]): JobRegistry {
  const byTopic = new Map<string, AnyJob<D>>();
  for (const job of jobs) {
    if (byTopic.has(job.topic)) throw new Error(`Two job definitions share the topic "${job.topic}".`);
    byTopic.set(job.topic, job);
  }
  return {
    kind: "job",
    topics: [...byTopic.keys()],
    run: (message) => runJob(byTopic.get(message.topic), deps, message),
  };
}

async function runJob<D>(job: AnyJob<D> | undefined, deps: D, message: ClaimedMessage): Promise<JobOutcome> {
  if (!job) return { outcome: "failed", error: `no job is defined for "${message.topic}"` };
  const payload = job.payload.safeParse(message.payload);
  // Enqueueing checks payloads, so this is a message from an older version of the code: no retry fixes it.
  if (!payload.success) return { outcome: "failed", error: `malformed payload: ${payload.error.issues[0]?.message ?? "invalid"}` };
  const ctx: JobContext<D> = { deps, attempt: message.attempts, attempts: job.retry.attempts };

  // A try beyond the limit means the last give-up could not be recorded (e.g. the database was
  // busy): record it now rather than running the work again.
  if (message.attempts > job.retry.attempts) return giveUp(job, payload.data, ctx, { message: message.lastError ?? "gave up after the last try", retryable: false });

  try {
    // A job has no HTTP request: its Azure calls carry the job's own id (x-ms-client-request-id).
    await withAzureClientRequestId(message.id, () => job.run(payload.data, ctx));
    return { outcome: "done" };
  } catch (err) {
    const failure = failureOf(err);
    if (shouldRetry(job.retry, message.attempts, failure)) {
      // Telling people about the retry is a courtesy: its failure must not stop the retry itself.
      await job.onRetry?.(payload.data, ctx, failure).catch((noteErr: unknown) => logger().warn({ err: noteErr, topic: job.topic }, "could not note a job's retry"));
      return { outcome: "retry", delayMs: retryDelayMs(job.retry, message.attempts, failure), error: failure.message };
    }
    return giveUp(job, payload.data, ctx, failure);
  }
}

async function giveUp<P, D>(job: JobDefinition<P, D>, payload: P, ctx: JobContext<D>, failure: { message: string; retryable: boolean }): Promise<JobOutcome> {
  try {
    await job.giveUp?.(payload, ctx, failure);
    return { outcome: "failed", error: failure.message };
  } catch (err) {
    // Recording the failure failed: keep the message, so the failure is recorded on a later try.
    return { outcome: "retry", delayMs: job.retry.backoffMs(ctx.attempt), error: `${failure.message} (recording the failure failed: ${err instanceof Error ? err.message : String(err)})` };
  }
}

import { DEFAULT_RETRY, failureOf, retryDelayMs, shouldRetry } from "../jobs/job";
import type { JobOutcome } from "../jobs/registry";
import type { ClaimedMessage } from "../outbox/outbox";
import type { MessageRunner } from "../outbox/worker";

/**
 * Delivers domain events (outbox messages of kind "event") to their subscribers: the one place
 * new capabilities hook in (notifications now; policies and integrations later). A subscriber
 * must be idempotent: when one fails, the event is retried for all of them.
 */
export type EventSubscriber = {
  name: string;
  topics: readonly string[];
  handle(message: { id: string; topic: string; payload: unknown }): Promise<void>;
};

export function createEventDispatcher(subscribers: readonly EventSubscriber[]): MessageRunner & { kind: "event" } {
  const topics = [...new Set(subscribers.flatMap((s) => s.topics))];
  return {
    kind: "event",
    topics,
    run: (message) => dispatch(subscribers, message),
  };
}

async function dispatch(subscribers: readonly EventSubscriber[], message: ClaimedMessage): Promise<JobOutcome> {
  const failures: string[] = [];
  let retryable = false;
  let retryAfterMs = 0;
  for (const subscriber of subscribers) {
    if (!subscriber.topics.includes(message.topic)) continue;
    try {
      await subscriber.handle({ id: message.id, topic: message.topic, payload: message.payload });
    } catch (err) {
      const failure = failureOf(err);
      failures.push(`${subscriber.name}: ${failure.message}`);
      retryable ||= failure.retryable;
      retryAfterMs = Math.max(retryAfterMs, retryDelayMs(DEFAULT_RETRY, message.attempts, failure));
    }
  }
  if (failures.length === 0) return { outcome: "done" };
  const error = failures.join("; ");
  if (shouldRetry(DEFAULT_RETRY, message.attempts, { message: error, retryable })) return { outcome: "retry", delayMs: retryAfterMs, error };
  return { outcome: "failed", error };
}

import type { RetryPolicy } from "../jobs/job";

/**
 * When a delivery is tried: at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
 * (about 28 hours in all, the schedule Standard Webhooks senders such as Svix use), then it is
 * dead-lettered and shows on the route's delivery log for a manual redelivery.
 */
export const DELIVERY_WAITS_MS: readonly number[] = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000];

/** ±20 %: receivers that fail together (an outage) are not all retried in the same second. */
export const JITTER = 0.2;

export function deliveryRetryPolicy(random: () => number = Math.random): RetryPolicy {
  return {
    attempts: DELIVERY_WAITS_MS.length + 1,
    backoffMs: (attempt) => {
      const wait = DELIVERY_WAITS_MS[Math.min(Math.max(attempt, 1), DELIVERY_WAITS_MS.length) - 1] ?? 0;
      return Math.round(wait * (1 - JITTER + 2 * JITTER * random()));
    },
  };
}

/** A route whose deliveries have all failed for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;

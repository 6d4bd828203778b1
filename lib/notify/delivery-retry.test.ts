import { describe, expect, it } from "vitest";
import { DELIVERY_WAITS_MS, deliveryRetryPolicy, JITTER } from "./delivery-retry";
import { shouldRetry } from "../jobs/job";

describe("the delivery schedule", () => {
  it("tries eight times: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    const policy = deliveryRetryPolicy(() => 0.5); // no jitter at the middle
    expect(policy.attempts).toBe(8);
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => policy.backoffMs(a))).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
  });

  it("spreads each wait by at most the jitter, both ways", () => {
    const low = deliveryRetryPolicy(() => 0);
    const high = deliveryRetryPolicy(() => 0.999999);
    DELIVERY_WAITS_MS.forEach((wait, i) => {
      expect(low.backoffMs(i + 1)).toBe(Math.round(wait * (1 - JITTER)));
      expect(high.backoffMs(i + 1)).toBeLessThanOrEqual(Math.round(wait * (1 + JITTER)));
      expect(high.backoffMs(i + 1)).toBeGreaterThan(wait);
    });
  });

  it("stops after the eighth try: the delivery is dead-lettered", () => {
    const policy = deliveryRetryPolicy();
    const failure = { message: "HTTP 500", retryable: true };
    expect(shouldRetry(policy, 7, failure)).toBe(true);
    expect(shouldRetry(policy, 8, failure)).toBe(false);
  });
});

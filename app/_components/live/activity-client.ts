// zod/mini: this module runs in the browser, where the full zod would add its weight to the page.
import { z } from "zod/mini";
import type { Activity } from "@/lib/home/activity";
import { asJsonError, getJson } from "@/app/_lib/json-client";

/**
 * Every open page keeps the header's counts (Pending requests, unread notifications) and the
 * inbox's fingerprint current by polling GET /api/v1/me/activity: every POLL_INTERVAL_MS while
 * the tab is visible, not at all while it is hidden (and at once when it shows again), backing
 * off after failures, and stopping for good when the session has ended (a 401), as polling
 * could not fix that.
 */
export const ACTIVITY_URL = "/api/v1/me/activity";
export const POLL_INTERVAL_MS = 5_000;
export const MAX_BACKOFF_MS = 60_000;

const activitySchema = z.object({
  pendingRequests: z.nullable(z.number()),
  inboxMark: z.nullable(z.string()),
  unreadNotifications: z.number(),
  unreadMore: z.boolean(),
}) satisfies z.ZodMiniType<Activity>;

export function fetchActivity(signal: AbortSignal): Promise<Activity> {
  return getJson(ACTIVITY_URL, activitySchema, { signal });
}

/** The wait before the next poll after `failures` failures in a row: doubling, up to a minute. */
export function delayAfter(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** failures);
}

export type PollerDeps = {
  load: (signal: AbortSignal) => Promise<Activity>;
  onActivity: (activity: Activity) => void;
  /** The session has ended: the poller has stopped. */
  onSignedOut: () => void;
  isHidden: () => boolean;
};

export type ActivityPoller = {
  /** Polls after `firstDelayMs`, then on its own schedule. */
  start(firstDelayMs?: number): void;
  /** The tab became visible again (or the network came back): poll now. */
  resume(): void;
  /** The tab was hidden: no polls until resume(). */
  pause(): void;
  stop(): void;
};

export function createActivityPoller(deps: PollerDeps): ActivityPoller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let failures = 0;
  let stopped = false;

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const arm = (ms: number) => {
    clear();
    if (!stopped) timer = setTimeout(() => void poll(), ms);
  };

  async function poll() {
    timer = undefined;
    // A hidden tab waits for resume(); one poll at a time.
    if (stopped || inFlight || deps.isHidden()) return;
    const controller = new AbortController();
    inFlight = controller;
    try {
      const activity = await deps.load(controller.signal);
      // Paused or stopped meanwhile: the answer is dropped, whatever the loader did with the abort.
      if (controller.signal.aborted) return;
      failures = 0;
      deps.onActivity(activity);
    } catch (err) {
      if (controller.signal.aborted) return;
      if (asJsonError(err).kind === "sign-in") {
        stopped = true;
        deps.onSignedOut();
        return;
      }
      failures++;
    } finally {
      if (inFlight === controller) inFlight = undefined;
    }
    arm(delayAfter(failures));
  }

  return {
    start: (firstDelayMs = POLL_INTERVAL_MS) => arm(firstDelayMs),
    resume: () => {
      if (!inFlight) arm(0);
    },
    pause: () => {
      clear();
      inFlight?.abort();
      inFlight = undefined;
    },
    stop: () => {
      stopped = true;
      clear();
      inFlight?.abort();
    },
  };
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JsonError } from "@/app/_lib/json-client";
import type { Activity } from "@/lib/home/activity";
import { createActivityPoller, delayAfter, fetchActivity, MAX_BACKOFF_MS, POLL_INTERVAL_MS, type PollerDeps } from "./activity-client";

/** The header's polling: its schedule, pausing while hidden, backing off and stopping. */
const activity = (pending: number): Activity => ({ pendingRequests: pending, inboxMark: `m${pending}`, unreadNotifications: 0, unreadMore: false });
const failure = (kind: JsonError["kind"], status: number) => new JsonError({ kind, status, message: "x" });

function world(answers: (() => Promise<Activity>)[]) {
  let hidden = false;
  const seen: Activity[] = [];
  const load = vi.fn<PollerDeps["load"]>(async () => (answers.shift() ?? (async () => activity(0)))());
  const onSignedOut = vi.fn();
  const poller = createActivityPoller({ load, onActivity: (a) => seen.push(a), onSignedOut, isHidden: () => hidden });
  return { poller, load, seen, onSignedOut, hide: (h: boolean) => (hidden = h) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("createActivityPoller", () => {
  it("polls on the interval and hands each answer on", async () => {
    const w = world([async () => activity(1), async () => activity(2)]);
    w.poller.start();
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS - 1);
    expect(w.load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(w.seen.map((a) => a.pendingRequests)).toEqual([1, 2]);
    w.poller.stop();
  });

  it("does not poll while the tab is hidden, and polls at once when it shows again", async () => {
    const w = world([]);
    w.hide(true);
    w.poller.start();
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
    expect(w.load).not.toHaveBeenCalled();
    w.hide(false);
    w.poller.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.load).toHaveBeenCalledTimes(1);
    w.poller.stop();
  });

  it("pausing drops the poll in flight and schedules nothing", async () => {
    let release: (a: Activity) => void = () => {};
    const w = world([() => new Promise<Activity>((resolve) => (release = resolve))]);
    w.poller.start(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(w.load).toHaveBeenCalledTimes(1);
    w.hide(true);
    w.poller.pause();
    release(activity(7));
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(w.seen).toEqual([]);
    expect(w.load).toHaveBeenCalledTimes(1);
  });

  it("backs off after failures, doubling up to a minute, and returns to the interval after a success", async () => {
    const fail = async (): Promise<Activity> => Promise.reject(failure("network", 0));
    const w = world([fail, fail, fail, async () => activity(3)]);
    w.poller.start(0);
    await vi.advanceTimersByTimeAsync(0); // 1st failure
    await vi.advanceTimersByTimeAsync(delayAfter(1) - 1);
    expect(w.load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // 2nd failure
    await vi.advanceTimersByTimeAsync(delayAfter(2)); // 3rd failure
    await vi.advanceTimersByTimeAsync(delayAfter(3)); // success
    expect(w.seen.map((a) => a.pendingRequests)).toEqual([3]);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(w.load).toHaveBeenCalledTimes(5);
    w.poller.stop();
  });

  it("stops for good when the session has ended", async () => {
    const w = world([async () => Promise.reject(failure("sign-in", 401))]);
    w.poller.start(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(w.onSignedOut).toHaveBeenCalledTimes(1);
    w.poller.resume();
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS * 3);
    expect(w.load).toHaveBeenCalledTimes(1);
  });
});

describe("delayAfter", () => {
  it("doubles from the interval and stops at the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(delayAfter)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});

describe("fetchActivity", () => {
  it("reads a checked answer and refuses one it does not understand", async () => {
    const answer = (body: unknown) => vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })));
    answer({ ...activity(4), extra: true });
    expect(await fetchActivity(new AbortController().signal)).toEqual(activity(4));
    answer({ pendingRequests: "4" });
    await expect(fetchActivity(new AbortController().signal)).rejects.toMatchObject({ kind: "unexpected" });
  });
});

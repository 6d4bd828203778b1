import { useSyncExternalStore } from "react";
import type { Activity } from "@/lib/home/activity";

/**
 * The latest activity the page knows, shared by the header (badges, tab title) and the inbox (its
 * fingerprint). One store per browser tab. It is only ever written in the browser (effects,
 * answers, actions): on the server this module is shared by every request, so server renders
 * read the server's own numbers from props (`seed`) instead.
 */
type LiveState = { activity: Activity | null; sessionEnded: boolean };

let state: LiveState = { activity: null, sessionEnded: false };
const listeners = new Set<() => void>();

function set(next: LiveState) {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const liveStore = {
  setActivity: (activity: Activity) => set({ ...state, activity }),
  /** What an action already knows (e.g. the unread count after marking read), before the next poll. */
  patch: (changes: Partial<Activity>) => {
    if (state.activity) set({ ...state, activity: { ...state.activity, ...changes } });
  },
  endSession: () => set({ ...state, sessionEnded: true }),
};

/** The activity: the browser's latest, or the server's `seed` until there is one (and while hydrating). */
export function useActivity(seed: Activity | null): Activity | null {
  return useSyncExternalStore(
    subscribe,
    () => state.activity ?? seed,
    () => seed,
  );
}

export function useInboxMark(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => state.activity?.inboxMark ?? null,
    () => null,
  );
}

export function useSessionEnded(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => state.sessionEnded,
    () => false,
  );
}

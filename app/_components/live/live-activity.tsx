"use client";

import { useEffect } from "react";
import { usePathname } from "next/navigation";
import type { Activity } from "@/lib/home/activity";
import { createActivityPoller, fetchActivity } from "./activity-client";
import { liveStore, useActivity, useSessionEnded } from "./activity-store";

const COUNT_PREFIX = /^\(\d+\+?\) /;

/**
 * Keeps the page's activity current (see activity-client.ts) from the server's `seed` on, puts
 * the provider's Pending count in front of the tab's title ("(3) Inbox · Crosslink"), and says so
 * when the session has ended, as the counts then stop. Rendered once, in the header.
 */
export function LiveActivity({ seed }: { seed: Activity | null }) {
  const pending = useActivity(seed)?.pendingRequests ?? null;
  const sessionEnded = useSessionEnded();
  const pathname = usePathname();

  // Each server render of the header brings numbers as fresh as a poll's.
  useEffect(() => {
    if (seed) liveStore.setActivity(seed);
  }, [seed]);

  useEffect(() => {
    const poller = createActivityPoller({
      load: fetchActivity,
      onActivity: liveStore.setActivity,
      onSignedOut: liveStore.endSession,
      isHidden: () => document.visibilityState === "hidden",
    });
    const onVisibility = () => (document.visibilityState === "hidden" ? poller.pause() : poller.resume());
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", poller.resume);
    poller.start();
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", poller.resume);
      poller.stop();
    };
  }, []);

  // Pages set their own titles (and Next.js sets them again on navigation): the count is put
  // back in front whenever the title changes.
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT_PREFIX, "");
      const wanted = pending ? `(${pending}) ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [pending]);

  if (!sessionEnded) return null;
  return (
    <div role="alert" className="border-t border-stroke2 bg-warning-bg" data-testid="session-ended">
      <p className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 px-4 py-2 text-sm text-warning">
        <span className="font-semibold">Your session has ended.</span>
        <span>New requests and notifications no longer show here.</span>
        <a href={`/auth/sign-in?returnTo=${encodeURIComponent(pathname)}`} className="font-semibold underline underline-offset-2">
          Sign in again
        </a>
      </p>
    </div>
  );
}

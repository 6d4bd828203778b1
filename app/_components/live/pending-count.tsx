"use client";

import type { Activity } from "@/lib/home/activity";
import { useActivity } from "./activity-store";

/**
 * The provider's number of Pending requests, as a badge inside a link or button whose own text
 * names it ("Provider inbox"): the number is read out as "3 pending". Nothing when none wait.
 */
export function PendingCount({ seed }: { seed: Activity | null }) {
  const pending = useActivity(seed)?.pendingRequests ?? 0;
  if (pending <= 0) return null;
  return (
    <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-brand px-1.5 text-xs font-semibold leading-5 text-on-brand" data-testid="nav-pending-count">
      <span aria-hidden="true">{pending}</span>
      <span className="sr-only">, {pending} pending</span>
    </span>
  );
}

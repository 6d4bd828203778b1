"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Activity } from "@/lib/home/activity";
import { useActivity } from "./activity-store";

/** The bell in the header: a link to /notifications with the number of unread ones, kept current. */
export function NotificationsBell({ seed }: { seed: Activity | null }) {
  const activity = useActivity(seed);
  const pathname = usePathname();
  const unread = activity?.unreadNotifications ?? 0;
  const shown = activity?.unreadMore ? `${unread}+` : String(unread);
  const current = pathname === "/notifications";
  return (
    <Link
      href="/notifications"
      aria-current={current ? "page" : undefined}
      className={`relative inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-fl hover:bg-surface2 ${current ? "text-brand-fg" : "text-fg2"}`}
      data-testid="notifications-bell"
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20">
        <path
          fill="currentColor"
          d="M10 2a5.5 5.5 0 0 0-5.5 5.5v2.9l-1.35 2.7A1 1 0 0 0 4.04 14.5h11.92a1 1 0 0 0 .89-1.4L15.5 10.4V7.5A5.5 5.5 0 0 0 10 2Zm0 17a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 19ZM6 7.5a4 4 0 1 1 8 0v3.08l1.12 2.42H4.88L6 10.58V7.5Z"
        />
      </svg>
      <span className="sr-only">Notifications{unread > 0 ? `, ${shown} unread` : ""}</span>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute right-0.5 top-0.5 inline-flex min-w-4 items-center justify-center rounded-full bg-brand px-1 text-[11px] font-semibold leading-4 text-on-brand"
          data-testid="bell-count"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}

"use client";

import { useActionState, useEffect, type MouseEvent, type ReactNode } from "react";
import Link from "next/link";
import { liveStore } from "@/app/_components/live/activity-store";
import { buttonStyles, inlineLinkStyles } from "@/app/_components/ui";
import { markAllReadAction, markReadAction, openNotificationAction, type MarkResult } from "./actions";

/** The bell follows what an action already knows, before the next poll. */
function useUnreadFrom(result: MarkResult) {
  useEffect(() => {
    if (result?.ok) liveStore.patch({ unreadNotifications: result.unread, unreadMore: result.unreadMore });
  }, [result]);
}

function Refused({ result }: { result: MarkResult }) {
  if (!result || result.ok) return null;
  return (
    <p role="alert" className="text-xs text-danger">
      {result.message}
    </p>
  );
}

/** Marks read every notification shown on this page (up to `upTo`, when the page was rendered). */
export function MarkAllRead({ upTo }: { upTo: string }) {
  const [result, formAction, pending] = useActionState(markAllReadAction, null);
  useUnreadFrom(result);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="upTo" value={upTo} />
      <button type="submit" className={buttonStyles.secondary} disabled={pending}>
        {pending ? "Marking all read…" : "Mark all read"}
      </button>
      <Refused result={result} />
    </form>
  );
}

export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const [result, formAction, pending] = useActionState(markReadAction, null);
  useUnreadFrom(result);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={`${buttonStyles.subtle} whitespace-nowrap`} disabled={pending} aria-label={`Mark read: ${title}`}>
        Mark read
      </button>
      <Refused result={result} />
    </form>
  );
}

/**
 * A notification's link to its request. Following it marks the notification read (opening it is
 * reading it); the link itself works as any link, also in a new tab.
 */
export function NotificationLink({ id, href, unread, children }: { id: string; href: string; unread: boolean; children: ReactNode }) {
  const open = (event: MouseEvent) => {
    if (!unread || event.button > 1) return;
    void openNotificationAction(id).then((result) => {
      if (result?.ok) liveStore.patch({ unreadNotifications: result.unread, unreadMore: result.unreadMore });
    });
  };
  return (
    <Link href={href} onClick={open} onAuxClick={open} className={inlineLinkStyles}>
      {children}
    </Link>
  );
}

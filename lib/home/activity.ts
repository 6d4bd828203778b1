import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { inboxChangeMark } from "../connections/provider-inbox";
import { unreadCount } from "../notify/in-app/queries";

/**
 * What every open page of Crosslink polls (GET /api/v1/me/activity) and the header starts from:
 * the provider's Pending count and inbox fingerprint, and the person's unread notifications.
 * Reads by key only, so a poll costs about what the session lookup before it costs.
 */
export type Activity = {
  /** Requests waiting for this provider's decision; null for people without the provider role. */
  pendingRequests: number | null;
  /** Changes when the provider's inbox does (see inboxChangeMark); null without the provider role. */
  inboxMark: string | null;
  unreadNotifications: number;
  /** More unread than unreadNotifications says (the count stops at a cap). */
  unreadMore: boolean;
};

/** `readInboxMark`: a page passes its request's read, which the page itself also uses. */
export async function activityFor(db: Db, principal: Principal, readInboxMark: (db: Db, principal: Principal) => ReturnType<typeof inboxChangeMark> = inboxChangeMark): Promise<Activity> {
  const provider = principal.roles.includes("provider") ? await readInboxMark(db, principal) : null;
  const unread = await unreadCount(db, principal);
  return {
    pendingRequests: provider ? provider.counts.Pending : null,
    inboxMark: provider ? provider.mark : null,
    unreadNotifications: unread.count,
    unreadMore: unread.more,
  };
}

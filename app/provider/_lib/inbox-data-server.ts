import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import { providerInbox, type InboxQuery } from "@/lib/connections/provider-inbox";
import type { InboxData } from "./inbox-data";
import { inboxDataUrl, type InboxView } from "./inbox-url";

/** One page of the inbox as the data endpoint answers it (dates as ISO strings). */
export async function inboxData(db: Db, principal: Principal, query: InboxQuery): Promise<InboxData> {
  const { rows, nextCursor, previousCursor, counts } = await providerInbox(db, principal, query);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() })),
    nextCursor,
    previousCursor,
    counts,
  };
}

/** What the data endpoint answers for `view`, read on the server (the list rendered into the page). */
export function inboxDataForView(db: Db, principal: Principal, view: InboxView): Promise<InboxData> {
  return inboxData(db, principal, Object.fromEntries(new URL(inboxDataUrl(view), "http://inbox").searchParams));
}

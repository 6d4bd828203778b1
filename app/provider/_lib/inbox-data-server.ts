import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import { providerInboxJson } from "@/lib/connections/provider-inbox";
import type { InboxData } from "./inbox-data";
import { inboxDataUrl, type InboxView } from "./inbox-url";

/** What the data endpoint answers for `view`, read on the server (the list rendered into the page). */
export function inboxDataForView(db: Db, principal: Principal, view: InboxView): Promise<InboxData> {
  return providerInboxJson(db, principal, Object.fromEntries(new URL(inboxDataUrl(view), "http://inbox").searchParams));
}

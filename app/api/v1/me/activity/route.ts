import { route } from "@/app/_lib/route";
import { activityFor } from "@/lib/home/activity";

export const dynamic = "force-dynamic";

/**
 * What changed for the signed-in person, for pages to poll: `{ pendingRequests, inboxMark,
 * unreadNotifications, unreadMore }` (the first two null without the provider role). Reads by key
 * only; an open inbox reloads its list only when `inboxMark` changes.
 */
export const GET = route({ auth: {} }, async ({ principal, services }) => activityFor(services.db, principal));

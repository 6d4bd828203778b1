import "server-only";
import { cache } from "react";
import type { Principal } from "@/lib/auth/principal";
import { inboxChangeMark } from "@/lib/connections/provider-inbox";
import { getSharedServices } from "@/lib/services";

/**
 * The provider's inbox mark and counts by state, read once per request: the header's Pending count
 * and the inbox page's tabs come from the same read (the principal is getPrincipal's, one object
 * per request, which is what cache() keys on).
 */
export const inboxMarkOfRequest = cache((principal: Principal) => inboxChangeMark(getSharedServices().db, principal));

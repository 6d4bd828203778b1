import { route } from "@/app/_lib/route";
import { providerInboxJson } from "@/lib/connections/provider-inbox";

export const dynamic = "force-dynamic";

/**
 * The provider inbox as JSON (the data behind /provider): same filters, search, sort and cursor
 * paging, authorized inside the use case. Query: state, resource, tenant, q, sort, cursor (the next
 * page) or before (the previous page), limit. The inbox page renders its list from it.
 */
export const GET = route({ auth: { role: "provider" } }, async ({ principal, services, request }) =>
  providerInboxJson(services.db, principal, Object.fromEntries(request.nextUrl.searchParams)),
);

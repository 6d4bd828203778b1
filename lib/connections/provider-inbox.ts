import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { REQUEST_STATES, type RequestState } from "../domain/connection-lifecycle";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor";
import { stateCountsFor } from "./state-counts";

/**
 * The provider's inbox: requests to the provider tenant's resources, filtered, searched, sorted
 * and paged on the server with keyset cursors, plus counts by state for the same filters.
 */
export const inboxQuerySchema = z.object({
  state: z.enum(REQUEST_STATES).optional().catch(undefined),
  resource: z.string().max(64).optional().catch(undefined), // ProviderResource id
  tenant: z.string().max(64).optional().catch(undefined), // consumer tenant id
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(["newest", "oldest"]).default("newest").catch("newest"),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

export type InboxRow = {
  id: string;
  state: string;
  pendingAction: string | null;
  createdAt: Date;
  updatedAt: Date;
  consumerTenantId: string;
  consumerTenantName: string;
  requesterName: string | null;
  requesterEmail: string | null;
  requestMessage: string;
  targetName: string;
  targetType: string;
  targetResourceId: string;
  groupId: string;
  version: number;
};

export async function providerInbox(db: Db, principal: Principal, raw: InboxQuery) {
  authorize(principal, { role: "provider" });
  const query = inboxQuerySchema.parse(raw);
  const direction = query.sort === "newest" ? "desc" : "asc";

  // The resource filter takes a resource's id (from the list) or its name (typed, when the
  // provider has too many resources for a list); a name can match resources in several groups.
  const resourceIds = query.resource
    ? (
        await db.providerResource.findMany({
          where: { tenantId: principal.tenantId, OR: [{ id: query.resource }, { name: query.resource }] },
          select: { id: true },
        })
      ).map((r) => r.id)
    : undefined;

  // Everything but the state filter: the counts show what each state tab would contain.
  const base: Prisma.ConnectionRequestWhereInput = {
    providerTenantId: principal.tenantId,
    ...(resourceIds ? { providerResourceId: { in: resourceIds } } : {}),
    ...(query.tenant ? { consumerTenantId: query.tenant } : {}),
    ...(query.q
      ? {
          OR: [
            { requestMessage: { contains: query.q } },
            { targetName: { contains: query.q } },
            { endpointResourceId: { contains: query.q } },
            { requester: { is: { displayName: { contains: query.q } } } },
            { requester: { is: { email: { contains: query.q } } } },
            { requester: { is: { username: { contains: query.q } } } },
            { consumerTenant: { is: { displayName: { contains: query.q } } } },
          ],
        }
      : {}),
  };
  const filtered = Boolean(query.resource || query.tenant || query.q);
  const where: Prisma.ConnectionRequestWhereInput = {
    AND: [base, query.state ? { state: query.state } : {}, afterCursor(decodeCursor(query.cursor), direction)],
  };

  const [rows, grouped] = await Promise.all([
    db.connectionRequest.findMany({
      where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: query.limit + 1,
      select: {
        id: true,
        state: true,
        pendingAction: true,
        createdAt: true,
        updatedAt: true,
        consumerTenantId: true,
        consumerTenant: { select: { displayName: true } },
        requester: { select: { displayName: true, email: true, username: true } },
        requestMessage: true,
        targetName: true,
        targetType: true,
        targetResourceId: true,
        groupId: true,
        version: true,
      },
    }),
    // Unfiltered: the maintained counts (no scan). Filtered: count what the filters select.
    filtered ? db.connectionRequest.groupBy({ by: ["state"], where: base, _count: { _all: true } }) : stateCountsFor(db, principal.tenantId),
  ]);

  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  let counts = Object.fromEntries(REQUEST_STATES.map((s) => [s, 0])) as Record<RequestState, number>;
  if (Array.isArray(grouped)) {
    for (const g of grouped) if ((REQUEST_STATES as readonly string[]).includes(g.state)) counts[g.state as RequestState] = g._count._all;
  } else counts = grouped;

  return {
    query,
    rows: page.map(
      (r): InboxRow => ({
        id: r.id,
        state: r.state,
        pendingAction: r.pendingAction,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        consumerTenantId: r.consumerTenantId,
        consumerTenantName: r.consumerTenant.displayName,
        requesterName: r.requester?.displayName ?? null,
        requesterEmail: r.requester?.email ?? r.requester?.username ?? null,
        requestMessage: r.requestMessage,
        targetName: r.targetName,
        targetType: r.targetType,
        targetResourceId: r.targetResourceId,
        groupId: r.groupId,
        version: r.version,
      }),
    ),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    counts,
  };
}

/** Above this many resources the filter is a name field, not a list (a page must stay light). */
export const RESOURCE_LIST_LIMIT = 100;

/**
 * Filter choices for the inbox: the consumer tenants seen, and the provider's resources when
 * there are few enough to list (`resources: null` otherwise: the page offers a name field).
 */
export async function inboxFilterOptions(db: Db, principal: Principal) {
  authorize(principal, { role: "provider" });
  const resourceCount = await db.providerResource.count({ where: { tenantId: principal.tenantId } });
  const [resources, tenants] = await Promise.all([
    resourceCount > RESOURCE_LIST_LIMIT
      ? Promise.resolve(null)
      : db.providerResource.findMany({ where: { tenantId: principal.tenantId }, select: { id: true, name: true, resourceType: true }, orderBy: { name: "asc" } }),
    db.tenant.findMany({
      where: { requests: { some: { providerTenantId: principal.tenantId } } },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  return { resources, resourceCount, tenants };
}

import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { isSettled, REQUEST_STATES, type RequestState } from "../domain/connection-lifecycle";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor";
import { countsByState } from "./state-counts";
import { NotFoundError } from "../core/errors";
import { idOrNotFound } from "../core/parse";
import { requestScope } from "./visibility";

/**
 * The consumer's list: their tenant's requests, newest first, filtered by state and paged with
 * keyset cursors. The tenant is part of the query, so nobody pages into another tenant's rows.
 */
export const myRequestsQuerySchema = z.object({
  state: z.enum(REQUEST_STATES).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});
export type MyRequestsQuery = z.input<typeof myRequestsQuerySchema>;

export type MyRequestRow = {
  id: string;
  state: RequestState;
  pendingAction: string | null;
  source: string;
  targetResourceId: string;
  targetName: string;
  targetType: string;
  /** The registered resource's kind (webApp, functionApp…), when the provider registered it. */
  targetKind: string | null;
  groupId: string;
  endpointName: string | null;
  endpointLocation: string | null;
  requesterName: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type MyRequestsPage = {
  rows: MyRequestRow[];
  /** Cursor of the next page; null on the last page. */
  nextCursor: string | null;
  /** Requests per state for the whole tenant (for the filter's numbers). */
  counts: Record<RequestState, number>;
};

export async function myRequests(db: Db, principal: Principal, raw: MyRequestsQuery = {}): Promise<MyRequestsPage> {
  const scope = requestScope(principal, "consumer");
  const query = myRequestsQuerySchema.parse(raw);
  const where: Prisma.ConnectionRequestWhereInput = {
    AND: [scope.where, query.state ? { state: query.state } : {}, afterCursor(decodeCursor(query.cursor), "desc")],
  };
  const [rows, grouped] = await Promise.all([
    db.connectionRequest.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: {
        id: true,
        state: true,
        pendingAction: true,
        source: true,
        targetResourceId: true,
        targetName: true,
        targetType: true,
        groupId: true,
        endpointName: true,
        endpointLocation: true,
        createdAt: true,
        updatedAt: true,
        requester: { select: { displayName: true } },
        providerResource: { select: { kind: true } },
      },
    }),
    db.connectionRequest.groupBy({ by: ["state"], where: scope.where, _count: { _all: true } }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const counts = countsByState(grouped.map((g) => ({ state: g.state, n: g._count._all })));
  return {
    rows: page.map(({ requester, providerResource, state, ...r }) => ({
      ...r,
      state: state as RequestState,
      requesterName: requester?.displayName ?? null,
      targetKind: providerResource?.kind ?? null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    counts,
  };
}

/** What a request page polls while Azure is working: small, and scoped to the consumer's tenant. */
export type RequestStatus = {
  id: string;
  state: RequestState;
  progress: string | null;
  pendingAction: string | null;
  lastError: string | null;
  version: number;
  updatedAt: Date;
  /** Nothing is running in Azure for this request: polling can stop. */
  settled: boolean;
};

export async function requestStatusForConsumer(db: Db, principal: Principal, requestId: string): Promise<RequestStatus> {
  const scope = requestScope(principal, "consumer");
  const row = await db.connectionRequest.findFirst({
    where: { id: idOrNotFound(requestId), ...scope.where },
    select: { id: true, state: true, progress: true, pendingAction: true, lastError: true, version: true, updatedAt: true },
  });
  if (!row) throw new NotFoundError();
  const state = row.state as RequestState;
  return { ...row, state, settled: isSettled(state, row.pendingAction) };
}

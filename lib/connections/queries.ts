import { z } from "zod";
import { REQUEST_STATES, type RequestState } from "../domain/connection-lifecycle";
import { stateCountsFor } from "./state-counts";
import type { Db } from "../db/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";

/**
 * Read models for the request lists. Authorization is part of each query: a consumer's list is
 * filtered by their own tenant in SQL, and the provider's counts need the provider role.
 */

export { REQUEST_STATES, type RequestState };
export const requestStateSchema = z.enum(REQUEST_STATES);

export async function listMyRequests(db: Db, principal: Principal, filter: { state?: RequestState; take?: number } = {}) {
  authorize(principal);
  return db.connectionRequest.findMany({
    where: { consumerTenantId: principal.tenantId, ...(filter.state ? { state: filter.state } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(filter.take ?? 50, 200),
    select: { id: true, targetResourceId: true, groupId: true, state: true, createdAt: true, updatedAt: true },
  });
}

export async function countRequestsByStateForProvider(db: Db, principal: Principal): Promise<Record<RequestState, number>> {
  authorize(principal, { role: "provider" });
  return stateCountsFor(db, principal.tenantId);
}


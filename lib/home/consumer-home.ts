import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import type { RequestState } from "../domain/connection-lifecycle";
import { requestScope } from "../connections/visibility";
import { countsByState } from "../connections/state-counts";

/**
 * What waits for a consumer: their tenant's requests (the same ones "My requests" lists) that need
 * someone to act, grouped by what to do, and how many requests there are in each state.
 *
 * Crosslink cannot see the consumer's DNS, so it cannot know whether an approved endpoint's
 * records exist. An approval stays on the list for DNS_REMINDER_DAYS after it, long enough to act
 * on, and the page says why it is there.
 */
export const DNS_REMINDER_DAYS = 14;
/** Each group shows this many; the rest are counted and linked. */
export const HOME_GROUP_SIZE = 5;

export type WaitingItem = {
  id: string;
  state: RequestState;
  targetName: string;
  endpointName: string | null;
  requesterName: string | null;
  /** When the request entered its current state. */
  since: Date;
};
export type WaitingGroup = { items: WaitingItem[]; total: number };

export type ConsumerHome = {
  /** Approved within DNS_REMINDER_DAYS: set up DNS so clients use the private endpoint. */
  setUpDns: WaitingGroup;
  /** Disconnected or rejected: the endpoint is left behind in the consumer's subscription. */
  cleanUp: WaitingGroup;
  /** Creation failed: retry or discard. */
  retry: WaitingGroup;
  counts: Record<RequestState, number>;
  total: number;
};

export const CLEAN_UP_STATES = ["Disconnected", "Rejected"] as const satisfies readonly RequestState[];

export async function consumerHome(db: Db, principal: Principal, now = new Date()): Promise<ConsumerHome> {
  const scope = requestScope(principal, "consumer");
  const since = new Date(now.getTime() - DNS_REMINDER_DAYS * 24 * 3600_000);
  const group = async (states: readonly RequestState[], extra: Prisma.ConnectionRequestWhereInput = {}): Promise<WaitingGroup> => {
    // The tenant filter is part of every query: another tenant's requests are never read.
    const where: Prisma.ConnectionRequestWhereInput = { AND: [scope.where, { state: { in: [...states] } }, extra] };
    const [rows, total] = await Promise.all([
      db.connectionRequest.findMany({
        where,
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: HOME_GROUP_SIZE,
        select: {
          id: true,
          state: true,
          targetName: true,
          targetResourceId: true,
          endpointName: true,
          updatedAt: true,
          requester: { select: { displayName: true } },
          transitions: { where: { toState: { in: [...states] } }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
        },
      }),
      db.connectionRequest.count({ where }),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        state: r.state as RequestState,
        targetName: r.targetName || r.targetResourceId,
        endpointName: r.endpointName,
        requesterName: r.requester?.displayName ?? null,
        since: r.transitions[0]?.createdAt ?? r.updatedAt,
      })),
    };
  };
  const [setUpDns, cleanUp, retry, grouped] = await Promise.all([
    group(["Approved"], { transitions: { some: { toState: "Approved", createdAt: { gte: since } } } }),
    group(CLEAN_UP_STATES),
    group(["Failed"]),
    db.connectionRequest.groupBy({ by: ["state"], where: scope.where, _count: { _all: true } }),
  ]);
  const counts = countsByState(grouped.map((g) => ({ state: g.state, n: g._count._all })));
  return { setUpDns, cleanUp, retry, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

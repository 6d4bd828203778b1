import { z } from "zod";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { readRows, sqliteDate } from "../db/read-connection";
import { REQUEST_STATES, type RequestState } from "../domain/connection-lifecycle";
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

const itemSchema = z.object({
  id: z.string(),
  state: z.enum(REQUEST_STATES),
  targetName: z.string(),
  endpointName: z.string().nullable(),
  requesterName: z.string().nullable(),
  since: sqliteDate,
});
const countSchema = z.object({ n: z.coerce.number() });

export async function consumerHome(db: Db, principal: Principal, now = new Date()): Promise<ConsumerHome> {
  const scope = requestScope(principal, "consumer");
  const group = (states: readonly RequestState[], sinceAtLeast?: Date): WaitingGroup => {
    // The tenant filter is part of the query: another tenant's requests are never read. `since`
    // is when the request entered its state (its last transition there), newest first.
    const waiting = Prisma.sql`
      SELECT cr."id", cr."state", COALESCE(NULLIF(cr."targetName", ''), cr."targetResourceId") AS "targetName", cr."endpointName",
             u."displayName" AS "requesterName",
             COALESCE((SELECT MAX(st."createdAt") FROM "StateTransition" st WHERE st."requestId" = cr."id" AND st."toState" = cr."state"), cr."updatedAt") AS "since"
      FROM "ConnectionRequest" cr LEFT JOIN "User" u ON u."id" = cr."requesterId"
      WHERE ${scope.sql} AND cr."state" IN (${Prisma.join([...states])})`;
    const recent = sinceAtLeast ? Prisma.sql`WHERE w."since" >= ${sinceAtLeast}` : Prisma.empty;
    const items = readRows(db, Prisma.sql`SELECT * FROM (${waiting}) w ${recent} ORDER BY w."since" DESC, w."id" DESC LIMIT ${HOME_GROUP_SIZE}`);
    const [count] = readRows(db, Prisma.sql`SELECT COUNT(*) AS "n" FROM (${waiting}) w ${recent}`);
    return { items: items.map((r) => itemSchema.parse(r)), total: countSchema.parse(count).n };
  };
  const setUpDns = group(["Approved"], new Date(now.getTime() - DNS_REMINDER_DAYS * 24 * 3600_000));
  const cleanUp = group(CLEAN_UP_STATES);
  const retry = group(["Failed"]);
  const counts = countsByState(readRows(db, Prisma.sql`SELECT cr."state", COUNT(*) AS "n" FROM "ConnectionRequest" cr WHERE ${scope.sql} GROUP BY cr."state"`));
  return { setUpDns, cleanUp, retry, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

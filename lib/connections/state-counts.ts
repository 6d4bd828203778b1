import { z } from "zod";
import type { Db, DbOrTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { readRows } from "../db/read-connection";
import { REQUEST_STATES, type RequestState } from "../domain/connection-lifecycle";

/**
 * Per-provider counts of requests by state, maintained in the transaction of each change: a new
 * request adds one to its state, a transition moves one from the old state to the new. The
 * inbox reads them instead of counting 100,000s of rows on every page view.
 */
export async function adjustStateCounts(tx: DbOrTx, providerTenantId: string | null, from: string | null, to: string | null): Promise<void> {
  if (!providerTenantId || from === to) return;
  if (from) await bump(tx, providerTenantId, from, -1);
  if (to) await bump(tx, providerTenantId, to, 1);
}

async function bump(tx: DbOrTx, providerTenantId: string, state: string, by: number) {
  await tx.requestStateCount.upsert({
    where: { providerTenantId_state: { providerTenantId, state } },
    create: { providerTenantId, state, count: Math.max(0, by) },
    update: { count: { increment: by } },
  });
}

export async function stateCountsFor(db: Db, providerTenantId: string): Promise<Record<RequestState, number>> {
  // Read on every inbox view: the read connection (see lib/db/read-connection.ts).
  return countsByState(readRows(db, Prisma.sql`SELECT "state", "count" AS "n" FROM "RequestStateCount" WHERE "providerTenantId" = ${providerTenantId}`));
}

const stateCountRowSchema = z.object({ state: z.string(), n: z.coerce.number() });

/** Rows of (state, n) as a count for every state (0 for states without a row). */
export function countsByState(rows: unknown[]): Record<RequestState, number> {
  const counts = Object.fromEntries(REQUEST_STATES.map((s) => [s, 0])) as Record<RequestState, number>;
  for (const { state, n } of rows.map((r) => stateCountRowSchema.parse(r))) {
    if ((REQUEST_STATES as readonly string[]).includes(state)) counts[state as RequestState] = n;
  }
  return counts;
}

/** Recomputes every count from the requests themselves (after bulk imports, or to repair). */
export async function rebuildStateCounts(db: Db): Promise<void> {
  const grouped = await db.connectionRequest.groupBy({ by: ["providerTenantId", "state"], where: { providerTenantId: { not: null } }, _count: { _all: true } });
  await db.$transaction(async (tx) => {
    await tx.requestStateCount.deleteMany({});
    for (const g of grouped) {
      await tx.requestStateCount.create({ data: { providerTenantId: g.providerTenantId!, state: g.state, count: g._count._all } });
    }
  });
}

import { z } from "zod";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { readRows, sqliteDate } from "../db/read-connection";
import { requestScope } from "../connections/visibility";
import { stateCountsFor } from "../connections/state-counts";

/** What waits for a provider: how many requests wait for a decision, and the one waiting longest. */
export type ProviderHome = {
  pending: number;
  oldest: { id: string; createdAt: Date; consumerTenantName: string; targetName: string } | null;
};

const oldestSchema = z.object({ id: z.string(), createdAt: sqliteDate, consumerTenantName: z.string(), targetName: z.string() });

/**
 * The count comes from the maintained per-state counts and the oldest from one step up the
 * (provider, state, createdAt) index, so the home page costs the same at 100,000 requests.
 */
export async function providerHome(db: Db, principal: Principal): Promise<ProviderHome> {
  const scope = requestScope(principal, "provider");
  const counts = await stateCountsFor(db, principal.tenantId);
  const oldest = readRows(
    db,
    Prisma.sql`
      SELECT cr."id", cr."createdAt", COALESCE(t."displayName", cr."consumerTenantId") AS "consumerTenantName", cr."targetName"
      FROM "ConnectionRequest" cr LEFT JOIN "Tenant" t ON t."id" = cr."consumerTenantId"
      WHERE ${scope.sql} AND cr."state" = 'Pending'
      ORDER BY cr."createdAt" ASC LIMIT 1`,
  ).map((r) => oldestSchema.parse(r))[0];
  return { pending: counts.Pending, oldest: oldest ?? null };
}

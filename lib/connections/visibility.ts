import { Prisma } from "../db/generated/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";

/**
 * Which requests a principal may see, as a filter every read model and use case puts into its
 * query (never checked afterwards in code): a consumer sees their tenant's own requests; a
 * provider sees the requests to their tenant's resources, and needs the provider role. Anything
 * outside the filter is simply not found.
 */
export type Viewpoint = "consumer" | "provider";

export type RequestScope = {
  /** For Prisma queries on ConnectionRequest. */
  where: { consumerTenantId: string } | { providerTenantId: string };
  /** The same filter for hand-written SQL, on the alias `cr`. */
  sql: Prisma.Sql;
};

export function requestScope(principal: Principal | null | undefined, as: Viewpoint): RequestScope {
  const p = authorize(principal, as === "provider" ? { role: "provider" } : {});
  return as === "provider"
    ? { where: { providerTenantId: p.tenantId }, sql: Prisma.sql`cr."providerTenantId" = ${p.tenantId}` }
    : { where: { consumerTenantId: p.tenantId }, sql: Prisma.sql`cr."consumerTenantId" = ${p.tenantId}` };
}

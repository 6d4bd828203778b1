/**
 * The first path segment of every endpoint is the authority: a tenant (by ID or domain), or one of
 * the multi-tenant audiences `common` and `organizations`. It decides which users may sign in and
 * which issuer the discovery document advertises.
 */
import type { DemoTenant } from "../world/demo-tenants";
import { findTenantByIdOrDomain, type Account } from "./directory";
import { Errors } from "./errors";

export type Authority =
  | { kind: "tenant"; segment: string; tenant: DemoTenant }
  | { kind: "multi"; segment: "common" | "organizations" };

export function resolveAuthority(segment: string): Authority | undefined {
  const lower = segment.toLowerCase();
  if (lower === "common" || lower === "organizations") return { kind: "multi", segment: lower };
  const tenant = findTenantByIdOrDomain(segment);
  return tenant ? { kind: "tenant", segment, tenant } : undefined;
}

/** The segment used in URLs we hand out: Entra normalizes a domain to the tenant ID. */
export function canonicalSegment(authority: Authority): string {
  return authority.kind === "tenant" ? authority.tenant.tenantId : authority.segment;
}

/** The tenant a tenant authority names, for looking up a guest's account there; undefined for common/organizations. */
export function authorityTenantId(authority: Authority): string | undefined {
  return authority.kind === "tenant" ? authority.tenant.tenantId : undefined;
}

/** Human label for pages and error texts. */
export function authorityLabel(authority: Authority): string {
  return authority.kind === "tenant" ? `${authority.tenant.displayName} (${authority.tenant.domain})` : authority.segment;
}

/** All demo users are work accounts, so `common` and `organizations` admit everyone. */
export function accountAllowedAt(authority: Authority, account: Account): boolean {
  return authority.kind === "multi" || authority.tenant.tenantId === account.tenant.tenantId;
}

export type AssertAllowedContext = { baseUrl: string; appName: string; clientId: string };

/** Entra's AADSTS50020 for a user whose home tenant is not the tenant-ID authority. */
export function assertAccountAllowedAt(authority: Authority, account: Account, ctx: AssertAllowedContext): void {
  if (accountAllowedAt(authority, account) || authority.kind !== "tenant") return;
  throw Errors.userNotInTenant(
    account.user.username,
    `${ctx.baseUrl}/${account.tenant.tenantId}/`,
    authority.tenant.tenantId,
    ctx.appName,
    ctx.clientId,
  );
}

/**
 * The directory: who exists, in which tenant, with which password and app roles.
 * Everything comes from the shared demo world (dev/world/demo-tenants.ts); this file only adds
 * the lookups Entra does (by ID or by domain, by username, by object ID).
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { DEMO_TENANTS, findUserByUsername, type DemoTenant, type DemoUser } from "../world/demo-tenants";

export type Account = { tenant: DemoTenant; user: DemoUser };

/** Entra accepts a tenant by ID or by any verified domain, case-insensitively. */
export function findTenantByIdOrDomain(value: string): DemoTenant | undefined {
  const lower = value.toLowerCase();
  return DEMO_TENANTS.find((t) => t.tenantId === lower || t.domain.toLowerCase() === lower);
}

export function findAccountByUsername(username: string): Account | undefined {
  return findUserByUsername(username);
}

export function findAccount(tenantId: string, oid: string): Account | undefined {
  const tenant = DEMO_TENANTS.find((t) => t.tenantId === tenantId);
  const user = tenant?.users.find((u) => u.oid === oid);
  return tenant && user ? { tenant, user } : undefined;
}

export function allAccounts(): Account[] {
  return DEMO_TENANTS.flatMap((tenant) => tenant.users.map((user) => ({ tenant, user })));
}

/** Constant-time comparison (hash first so lengths cannot leak either). */
export function passwordMatches(user: DemoUser, password: string): boolean {
  const a = createHash("sha256").update(user.password).digest();
  const b = createHash("sha256").update(password).digest();
  return timingSafeEqual(a, b);
}

/**
 * App roles a service principal holds on a resource (app-only tokens' `roles`).
 * The demo world assigns Crosslink's service principals none; ARM authorizes apps through RBAC,
 * not app roles. Kept as a function so a future contract field plugs in here.
 */
export function servicePrincipalRoles(_tenant: DemoTenant, _resourceAppId: string): string[] {
  return [];
}

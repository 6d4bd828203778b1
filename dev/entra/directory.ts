/**
 * The directory: who exists, in which tenant, with which password and app roles.
 * Everything comes from the shared demo world (dev/world/demo-tenants.ts); this file only adds
 * the lookups Entra does (by ID or by domain, by username, by object ID).
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { DEMO_TENANTS, findUserByUsername, type DemoTenant, type DemoUser } from "../world/demo-tenants";

/** A user as a tenant sees them; for a B2B guest `tenant` is the inviting tenant and `homeTenant` their own. */
export type Account = { tenant: DemoTenant; user: DemoUser; homeTenant?: DemoTenant };

/** Entra accepts a tenant by ID or by any verified domain, case-insensitively. */
export function findTenantByIdOrDomain(value: string): DemoTenant | undefined {
  const lower = value.toLowerCase();
  return DEMO_TENANTS.find((t) => t.tenantId === lower || t.domain.toLowerCase() === lower);
}

/**
 * The user with this username, as tenant `atTenantId` sees them: at another tenant where they are a
 * B2B guest, their guest account there (Entra issues that tenant's tokens to guests who sign in at
 * its authority); otherwise their home account.
 */
export function findAccountByUsername(username: string, atTenantId?: string): Account | undefined {
  const home = findUserByUsername(username);
  if (!home || !atTenantId || atTenantId === home.tenant.tenantId) return home;
  return guestAccountIn(atTenantId, home) ?? home;
}

function guestAccountIn(tenantId: string, home: Account): Account | undefined {
  const tenant = DEMO_TENANTS.find((t) => t.tenantId === tenantId);
  const guest = tenant?.guests?.find((g) => g.homeUsername.toLowerCase() === home.user.username.toLowerCase());
  if (!tenant || !guest) return undefined;
  return { tenant, homeTenant: home.tenant, user: { ...home.user, oid: guest.oid, appRoles: [...guest.appRoles], description: guest.description } };
}

export function findAccount(tenantId: string, oid: string): Account | undefined {
  const tenant = DEMO_TENANTS.find((t) => t.tenantId === tenantId);
  const user = tenant?.users.find((u) => u.oid === oid);
  if (tenant && user) return { tenant, user };
  const guest = tenant?.guests?.find((g) => g.oid === oid);
  const home = guest ? findUserByUsername(guest.homeUsername) : undefined;
  return tenant && home ? guestAccountIn(tenant.tenantId, home) : undefined;
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

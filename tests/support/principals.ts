import type { Principal } from "@/lib/auth/principal";
import { DEMO_TENANTS } from "@/dev/world/demo-tenants";

/** A demo tenant's Entra tenant ID by its key (contoso, fabrikam, northwind, litware). */
export const demoTenantId = (key: string): string => DEMO_TENANTS.find((t) => t.key === key)!.tenantId;

/**
 * A principal in a demo tenant for read-model tests, without signing in (no session behind it;
 * tests of sign-in itself use sign-in-as.ts).
 */
export function demoPrincipal(key: string, roles: Principal["roles"] = ["consumer"]): Principal {
  return {
    sessionId: `s-${key}`,
    userId: `u-${key}`,
    tenantId: demoTenantId(key),
    tenantName: key,
    objectId: `o-${key}`,
    name: key,
    username: `${key}@example.test`,
    roles,
  };
}

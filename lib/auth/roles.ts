/**
 * Crosslink's roles, derived from the claims of a verified Entra ID token:
 * - consumer: anyone signed in, from any tenant;
 * - provider: the Crosslink.Provider app role, in the provider tenant only;
 * - admin:    the Crosslink.Admin app role, in the provider tenant only.
 * An app role claimed in another tenant grants nothing: any tenant can assign roles on its own
 * service principal of a multi-tenant app, so only the provider tenant's assignments count.
 */
export const ROLES = ["consumer", "provider", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const APP_ROLE_CLAIMS = {
  provider: "Crosslink.Provider",
  admin: "Crosslink.Admin",
} as const;

export function rolesFromClaims(claims: { tid?: unknown; roles?: unknown }, providerTenantId: string): Role[] {
  const roles: Role[] = ["consumer"];
  const tid = typeof claims.tid === "string" ? claims.tid.toLowerCase() : "";
  if (tid !== providerTenantId.toLowerCase()) return roles;
  const appRoles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [];
  if (appRoles.includes(APP_ROLE_CLAIMS.provider)) roles.push("provider");
  if (appRoles.includes(APP_ROLE_CLAIMS.admin)) roles.push("admin");
  return roles;
}

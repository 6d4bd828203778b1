import { AppError } from "../core/errors";
import type { Principal } from "./principal";
import type { Role } from "./roles";

/**
 * The one authorization check. Every page, server action, route handler and use case calls it
 * with what it needs; entry points translate the error into a redirect, a 403 page or an HTTP 401/403.
 */
export class AuthorizationError extends AppError {
  declare readonly kind: "unauthenticated" | "forbidden";

  constructor(kind: "unauthenticated" | "forbidden", message: string) {
    super(kind, message);
    this.name = "AuthorizationError";
  }
}

export type Requirement =
  | { role?: Role } // signed in, optionally with a role
  | { anyRole: Role[] }; // signed in with at least one of the roles

export function authorize(principal: Principal | null | undefined, requirement: Requirement = {}): Principal {
  if (!principal) throw new AuthorizationError("unauthenticated", "Sign in to continue.");
  const needed = "anyRole" in requirement ? requirement.anyRole : requirement.role ? [requirement.role] : [];
  if (needed.length > 0 && !needed.some((role) => principal.roles.includes(role))) {
    throw new AuthorizationError(
      "forbidden",
      `This page needs the ${needed.join(" or ")} role, which your account (${principal.username}) does not have.`,
    );
  }
  return principal;
}

/** True when the principal may act for a tenant's data: their own tenant only. */
export function assertSameTenant(principal: Principal, tenantId: string): void {
  if (principal.tenantId.toLowerCase() !== tenantId.toLowerCase()) {
    // Callers turn this into a 404: a foreign ID must look exactly like an unknown one.
    throw new AuthorizationError("forbidden", "Not found.");
  }
}

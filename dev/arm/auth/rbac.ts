/**
 * Azure RBAC, reduced to what ARM checks: a principal may perform an action on a scope when a role
 * assignment at that scope or an ancestor grants a role whose `actions` match the action and whose
 * `notActions` do not. Action patterns may contain `*` anywhere, compared case-insensitively.
 */
import { isWithinScope } from "../world/ids";
import type { World } from "../world/store";

const patternCache = new Map<string, RegExp>();

export function actionMatches(pattern: string, action: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(
      "^" +
        pattern
          .split("*")
          .map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
          .join(".*") +
        "$",
      "i",
    );
    patternCache.set(pattern, re);
  }
  return re.test(action);
}

export class Rbac {
  constructor(private readonly world: World) {}

  can(principalId: string, action: string, scope: string): boolean {
    for (const a of this.world.roleAssignments) {
      if (a.principalId.toLowerCase() !== principalId.toLowerCase()) continue;
      if (!isWithinScope(scope, a.scope)) continue;
      const role = this.world.roleDefinitions.find((r) => r.id === a.roleDefinitionId);
      if (!role) continue;
      if (role.actions.some((p) => actionMatches(p, action)) && !role.notActions.some((p) => actionMatches(p, action))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the principal holds any role at, above or below `scope` (makes a subscription visible). */
  hasAnyAssignmentTouching(principalId: string, scope: string): boolean {
    return this.world.roleAssignments.some(
      (a) =>
        a.principalId.toLowerCase() === principalId.toLowerCase() &&
        (isWithinScope(scope, a.scope) || isWithinScope(a.scope, scope)),
    );
  }
}

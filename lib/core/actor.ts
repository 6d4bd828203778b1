/**
 * Who did it: a person (in their role), Crosslink itself, an approval policy, or Azure (a change
 * found there). Built here and only here, so the timeline, the audit trail and the domain events
 * name people and machines the same way ("Priya Patel (Contoso)", "Crosslink", "Azure").
 */
/** The role a person acts in; null where no role is involved (signing in or out). */
export type PersonRole = "consumer" | "provider" | "admin" | null;

export type Actor =
  | { kind: "person"; role: PersonRole; label: string; userId: string | null; tenantId: string | null }
  | { kind: "crosslink"; label: string }
  | { kind: "policy"; label: string; policyId: string }
  | { kind: "azure"; label: string };

export const CROSSLINK: Actor = { kind: "crosslink", label: "Crosslink" };
export const AZURE: Actor = { kind: "azure", label: "Azure" };

/** "Priya Patel (Contoso)": a person is always named with their organization. */
export function personLabel(name: string, tenantName: string): string {
  return `${name} (${tenantName})`;
}

/** The signed-in person acting in a role. */
export function personActor(role: PersonRole, p: { name: string; tenantName: string; userId: string; tenantId: string }): Actor {
  return { kind: "person", role, label: personLabel(p.name, p.tenantName), userId: p.userId, tenantId: p.tenantId };
}

/**
 * A person as stored (a user row with its tenant), e.g. who recorded a decision a job now applies.
 * A user row that is gone (deleted account) leaves the role's name, so history still reads.
 */
export function storedPersonActor(
  role: PersonRole,
  user: { id: string; displayName: string; tenantId: string; tenant: { displayName: string } } | null,
): Actor {
  if (!user) return { kind: "person", role, label: ROLE_NAMES[role ?? "none"], userId: null, tenantId: null };
  return { kind: "person", role, label: personLabel(user.displayName, user.tenant.displayName), userId: user.id, tenantId: user.tenantId };
}

const ROLE_NAMES = { consumer: "Consumer", provider: "Provider", admin: "Admin", none: "Someone" } as const;

/** The audit trail's and timeline's actor columns: people are users; Crosslink and policies are the system. */
export function actorColumns(actor: Actor): { actorType: "user" | "system" | "azure"; actorLabel: string; actorUserId: string | null; actorTenantId: string | null } {
  const actorType = actor.kind === "person" ? "user" : actor.kind === "azure" ? "azure" : "system";
  return {
    actorType,
    actorLabel: actor.label,
    actorUserId: actor.kind === "person" ? actor.userId : null,
    actorTenantId: actor.kind === "person" ? actor.tenantId : null,
  };
}

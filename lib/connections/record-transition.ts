import type { Prisma } from "../db/generated/client";
import type { DbOrTx } from "../db/client";
import { appendAudit } from "../audit/audit-log";
import { transition, type ActorRole, type Command, type RequestState } from "../domain/connection-lifecycle";
import { ConflictError } from "./errors";
import { adjustStateCounts } from "./state-counts";

/**
 * The one way a request changes state: the domain's state machine decides, then the new state,
 * a timeline entry and an audit entry are written together (call it inside a transaction, with
 * the other writes of the same change), guarded by the request's version so two people acting
 * at once cannot both win.
 */
export type ActingParty = {
  role: ActorRole;
  label: string; // "Priya Patel (Contoso)", "Crosslink", "Azure"
  userId?: string | null;
  tenantId?: string | null;
};

export type RequestRow = { id: string; state: string; version: number; consumerTenantId: string; providerTenantId: string | null };

export async function recordTransition(
  tx: DbOrTx,
  request: RequestRow,
  command: Command,
  actor: ActingParty,
  options: {
    data?: Prisma.ConnectionRequestUpdateManyMutationInput;
    note?: string | null;
    auditAction: string;
    auditDetails?: Record<string, unknown>;
    decidedByName?: string;
    httpRequestId?: string;
  },
): Promise<{ from: RequestState; to: RequestState; changed: boolean; version: number }> {
  const result = transition(request.state as RequestState, command, {
    actor: { role: actor.role, name: actor.label },
    decidedBy: options.decidedByName,
  });
  if (!result.ok) throw new ConflictError(result.message, result.code);

  const version = request.version + 1;
  const updated = await tx.connectionRequest.updateMany({
    where: { id: request.id, version: request.version },
    data: { ...options.data, state: result.to, version },
  });
  if (updated.count !== 1) {
    throw new ConflictError("Someone else changed this request a moment ago. Reload it to see what happened.", "version_conflict");
  }
  if (result.changed) {
    await adjustStateCounts(tx, request.providerTenantId, result.from, result.to);
    await tx.stateTransition.create({
      data: {
        requestId: request.id,
        fromState: result.from,
        toState: result.to,
        actorType: actor.role === "system" ? "system" : "user",
        actorUserId: actor.userId ?? null,
        actorLabel: actor.label,
        note: options.note ?? null,
      },
    });
  }
  await appendAudit(tx, {
    action: options.auditAction,
    actorType: actor.role === "system" ? "system" : "user",
    actorLabel: actor.label,
    actorTenantId: actor.tenantId ?? null,
    actorUserId: actor.userId ?? null,
    targetType: "ConnectionRequest",
    targetId: request.id,
    tenantId: request.consumerTenantId,
    requestId: options.httpRequestId ?? null,
    details: { from: result.from, to: result.to, ...(options.note ? { note: options.note } : {}), ...options.auditDetails },
  });
  return { from: result.from, to: result.to, changed: result.changed, version };
}

export function principalLabel(p: { name: string; tenantName: string }): string {
  return `${p.name} (${p.tenantName})`;
}

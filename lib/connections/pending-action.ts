import type { Prisma } from "../db/generated/client";
import type { Db, DbOrTx } from "../db/client";
import { appendAudit } from "../audit/audit-log";
import type { Principal } from "../auth/principal";
import { enqueue, type OutboxTopic } from "../outbox/outbox";
import { ConflictError } from "./errors";
import { principalLabel } from "./record-transition";

/**
 * A change that Azure must carry out (a provider's decision, a consumer's withdrawal) is first
 * recorded as the request's pending action — guarded by its version, audited, with the job that
 * applies it — in one transaction. The state changes only when Azure confirms; if Azure refuses for
 * good, the pending action is abandoned with the reason shown to people.
 */
export async function recordPendingAction(
  tx: DbOrTx,
  request: { id: string; version: number; consumerTenantId: string },
  principal: Principal,
  options: {
    action: string;
    progress: string;
    data?: Prisma.ConnectionRequestUncheckedUpdateManyInput;
    conflictMessage: string;
    auditDetails?: Record<string, unknown>;
    job: { topic: OutboxTopic; payload: Record<string, unknown> };
    httpRequestId?: string;
  },
): Promise<void> {
  const won = await tx.connectionRequest.updateMany({
    where: { id: request.id, version: request.version, pendingAction: null },
    // A new attempt: the previous failure no longer describes the request (a new one is recorded if it fails too).
    data: { ...options.data, pendingAction: options.action, progress: options.progress, lastError: null, version: request.version + 1 },
  });
  if (won.count !== 1) throw new ConflictError(options.conflictMessage, "version_conflict");
  await appendAudit(tx, {
    action: `request.${options.action}_requested`,
    actorType: "user",
    actorLabel: principalLabel(principal),
    actorTenantId: principal.tenantId,
    actorUserId: principal.userId,
    targetType: "ConnectionRequest",
    targetId: request.id,
    tenantId: request.consumerTenantId,
    requestId: options.httpRequestId ?? null,
    ...(options.auditDetails ? { details: options.auditDetails } : {}),
  });
  await enqueue(tx, options.job.topic, options.job.payload);
}

/** Azure refused the pending action for good: clear it, keep the reason, audit the failure. */
export async function abandonPendingAction(
  db: Db,
  request: { id: string; consumerTenantId: string },
  action: string,
  reason: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.connectionRequest.update({
      where: { id: request.id },
      data: { pendingAction: null, progress: null, lastError: reason, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      action: `request.${action}_failed`,
      actorType: "system",
      actorLabel: "Crosslink",
      targetType: "ConnectionRequest",
      targetId: request.id,
      tenantId: request.consumerTenantId,
      details: { reason, ...details },
    });
  });
}

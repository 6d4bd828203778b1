import { z } from "zod";
import type { Db } from "../db/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { enqueue } from "../outbox/outbox";
import { transition, type RequestState } from "../domain/connection-lifecycle";
import { ConflictError, NotFoundError } from "./errors";
import { principalLabel, recordTransition } from "./record-transition";
import { recordPendingAction } from "./pending-action";

/**
 * What a consumer can do with their own request: retry a failed creation, discard a request that
 * has no endpoint, or withdraw one that has (Crosslink deletes the endpoint in Azure). The tenant
 * is part of every lookup, so another tenant's request is not found.
 */
const idSchema = z.string().min(1).max(64);

async function ownRequest(db: Db, principal: Principal, requestId: string) {
  authorize(principal);
  const request = await db.connectionRequest.findFirst({ where: { id: idSchema.parse(requestId), consumerTenantId: principal.tenantId } });
  if (!request) throw new NotFoundError();
  if (request.pendingAction) throw new ConflictError("A change to this request is being applied in Azure; wait for it to finish.", "action_in_progress");
  return request;
}

function actorOf(principal: Principal) {
  return { role: "consumer" as const, label: principalLabel(principal), userId: principal.userId, tenantId: principal.tenantId };
}

export async function retryCreation(db: Db, principal: Principal, requestId: string, context: { httpRequestId?: string } = {}) {
  const request = await ownRequest(db, principal, requestId);
  await db.$transaction(async (tx) => {
    await recordTransition(tx, request, { type: "retry" }, actorOf(principal), {
      data: { lastError: null, progress: "Waiting to create the private endpoint…" },
      auditAction: "request.retry",
      httpRequestId: context.httpRequestId,
    });
    // The retry runs with the session of whoever asked for it now.
    await enqueue(tx, "endpoint.create", { requestId: request.id, sessionId: principal.sessionId });
  });
}

export async function discardRequest(db: Db, principal: Principal, requestId: string, context: { httpRequestId?: string } = {}) {
  const request = await ownRequest(db, principal, requestId);
  await db.$transaction((tx) =>
    recordTransition(tx, request, { type: "discard" }, actorOf(principal), { data: { progress: null }, auditAction: "request.discarded", httpRequestId: context.httpRequestId }),
  );
}

/** Records the withdrawal and queues the endpoint's deletion; the state changes once Azure confirms. */
export async function withdrawRequest(db: Db, principal: Principal, requestId: string, context: { httpRequestId?: string } = {}) {
  const request = await ownRequest(db, principal, requestId);
  const check = transition(request.state as RequestState, { type: "withdraw" }, { actor: { role: "consumer", name: principal.name } });
  if (!check.ok) throw new ConflictError(check.message, check.code);
  if (!check.changed || !request.endpointResourceId) {
    return db.$transaction((tx) =>
      recordTransition(tx, request, { type: "withdraw" }, actorOf(principal), { auditAction: "request.withdrawn", httpRequestId: context.httpRequestId }),
    );
  }
  await db.$transaction((tx) =>
    recordPendingAction(tx, request, principal, {
      action: "withdraw",
      progress: "Deleting the private endpoint in Azure…",
      conflictMessage: "This request changed a moment ago. Reload to see what happened.",
      job: { topic: "endpoint.delete", payload: { requestId: request.id, sessionId: principal.sessionId } },
      httpRequestId: context.httpRequestId,
    }),
  );
}

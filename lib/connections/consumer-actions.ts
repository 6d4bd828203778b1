import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { personActor } from "../core/actor";
import { ConflictError, NotFoundError } from "../core/errors";
import { idOrNotFound } from "../core/parse";
import { jobOrder } from "../jobs/job";
import { transition, type RequestState } from "../domain/connection-lifecycle";
import { ACTION_WORDS } from "../domain/request-words";
import { createEndpointJob } from "./jobs/create-endpoint";
import { deleteEndpointJob } from "./jobs/delete-endpoint";
import { changeState, recordPendingAction } from "./request-writer";
import { requestScope } from "./visibility";

/**
 * What a consumer can do with their own request: retry a failed creation, discard a request that
 * has no endpoint, or withdraw one that has (Crosslink deletes the endpoint in Azure). The tenant
 * is part of every lookup, so another tenant's request is not found, and so is a malformed ID.
 */
async function ownRequest(db: Db, principal: Principal, requestId: unknown) {
  const scope = requestScope(principal, "consumer");
  const request = await db.connectionRequest.findFirst({ where: { id: idOrNotFound(requestId), ...scope.where } });
  if (!request) throw new NotFoundError();
  if (request.pendingAction) throw new ConflictError("A change to this request is being applied in Azure; wait for it to finish.", "action_in_progress");
  return request;
}

type Context = { httpRequestId?: string };

export async function retryCreation(db: Db, principal: Principal, requestId: unknown, context: Context = {}) {
  const request = await ownRequest(db, principal, requestId);
  await db.$transaction((tx) =>
    changeState(tx, request, { type: "retry" }, personActor("consumer", principal), {
      facts: { lastError: null },
      progress: ACTION_WORDS.retry.progress,
      audit: { action: "request.retry" },
      httpRequestId: context.httpRequestId,
      // The retry runs with the session of whoever asked for it now.
      job: jobOrder(createEndpointJob, { requestId: request.id, sessionId: principal.sessionId }),
    }),
  );
}

export async function discardRequest(db: Db, principal: Principal, requestId: unknown, context: Context = {}) {
  const request = await ownRequest(db, principal, requestId);
  await db.$transaction((tx) =>
    changeState(tx, request, { type: "discard" }, personActor("consumer", principal), {
      progress: null,
      audit: { action: "request.discarded" },
      httpRequestId: context.httpRequestId,
    }),
  );
}

/** Records the withdrawal and queues the endpoint's deletion; the state changes once Azure confirms. */
export async function withdrawRequest(db: Db, principal: Principal, requestId: unknown, context: Context = {}) {
  const request = await ownRequest(db, principal, requestId);
  const actor = personActor("consumer", principal);
  const check = transition(request.state as RequestState, { type: "withdraw" }, { actor: { role: "consumer", name: principal.name } });
  if (!check.ok) throw new ConflictError(check.message, check.code);
  if (!check.changed || !request.endpointResourceId) {
    // Nothing to delete in Azure: withdrawn at once (or already withdrawn).
    return db.$transaction((tx) => changeState(tx, request, { type: "withdraw" }, actor, { audit: { action: "request.withdrawn" }, httpRequestId: context.httpRequestId }));
  }
  await db.$transaction((tx) =>
    recordPendingAction(tx, request, actor, {
      action: "withdraw",
      progress: ACTION_WORDS.withdraw.progress,
      conflictMessage: "This request changed a moment ago. Reload to see what happened.",
      job: jobOrder(deleteEndpointJob, { requestId: request.id, sessionId: principal.sessionId }),
      httpRequestId: context.httpRequestId,
    }),
  );
}

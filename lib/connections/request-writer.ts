import type { Db, DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { recordAudit } from "../audit/audit-log";
import { actorColumns, type Actor } from "../core/actor";
import { ConflictError } from "../core/errors";
import { initialState, transition, type ActorRole, type AzureConnectionStatus, type Command, type RequestState } from "../domain/connection-lifecycle";
import type { JobOrder } from "../jobs/job";
import { appendRequestEvent, eventTypeForTransition, type RequestEventType } from "./request-events";
import { adjustStateCounts } from "./state-counts";

/**
 * The one door: the only code that creates or changes a ConnectionRequest row (a test keeps it so).
 * Every change goes through here, inside the caller's transaction, and writes together:
 *   the row (guarded by its version, so of two people acting at once exactly one wins),
 *   the per-provider state counts, the timeline entry, the audit entry, the domain event
 *   (request-events.ts) and the job that must follow (an Azure call).
 * So a feature that must react to every change subscribes to the events; it never needs a second
 * way to write a request, and a rolled-back change leaves no event behind.
 *
 * Progress notes (what Azure is doing right now, for the page) are the one exception: display
 * text, rewritten every few seconds while an operation runs. They change no state and no version
 * and raise no event; they are written here too, so this file stays the only writer.
 */

/** A request as the writer needs it: loaded by the caller, usually inside the same transaction. */
export type RequestRef = {
  id: string;
  state: string;
  version: number;
  pendingAction: string | null;
  consumerTenantId: string;
  providerTenantId: string | null;
  providerResourceId: string | null;
};

/** What a change may record besides the state: facts learned from Azure and the decision. */
export type RequestFacts = Partial<{
  endpointResourceId: string | null;
  privateIps: string;
  azureStatus: string | null;
  lastError: string | null;
  connectionName: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}>;

type Audit = { action: string; details?: Record<string, unknown> };
type Common = { audit: Audit; httpRequestId?: string; job?: JobOrder };

/** The lifecycle's view of an actor: people act in their role; Crosslink, policies and Azure are the system. */
function lifecycleRole(actor: Actor): ActorRole {
  if (actor.kind !== "person") return "system";
  // Admins act on requests only through Crosslink's own machinery (none yet): the state machine refuses them.
  return actor.role === "provider" ? "provider" : actor.role === "consumer" ? "consumer" : "system";
}

type Snapshot = { state: RequestState; pendingAction: string | null };

/** The domain event of a change, written into the outbox in the change's transaction. */
function raise(
  tx: DbOrTx,
  request: Pick<RequestRef, "id" | "consumerTenantId" | "providerTenantId" | "providerResourceId">,
  change: { type: RequestEventType; version: number; actor: Actor; before: Snapshot | null; after: Snapshot; command?: string; action?: string; note?: string | null },
) {
  return appendRequestEvent(tx, {
    type: change.type,
    requestId: request.id,
    version: change.version,
    occurredAt: new Date().toISOString(),
    // The actor as built by lib/core/actor: its shape is the event's.
    actor: change.actor,
    consumerTenantId: request.consumerTenantId,
    providerTenantId: request.providerTenantId,
    providerResourceId: request.providerResourceId,
    before: change.before,
    after: change.after,
    ...(change.command ? { command: change.command } : {}),
    ...(change.action ? { action: change.action } : {}),
    note: change.note ?? null,
  });
}

async function timeline(tx: DbOrTx, requestId: string, from: string | null, to: string, actor: Actor, note: string | null | undefined) {
  const { actorType, actorLabel, actorUserId } = actorColumns(actor);
  await tx.stateTransition.create({ data: { requestId, fromState: from, toState: to, actorType, actorUserId, actorLabel, note: note ?? null } });
}

function auditRequest(tx: DbOrTx, request: { id: string; consumerTenantId: string }, actor: Actor, audit: Audit, httpRequestId: string | undefined, details: Record<string, unknown>) {
  return recordAudit(tx, {
    actor,
    action: audit.action,
    target: { type: "ConnectionRequest", id: request.id },
    tenantId: request.consumerTenantId,
    httpRequestId: httpRequestId ?? null,
    details: { ...details, ...audit.details },
  });
}

// ---------------------------------------------------------------- create

/** The row of a new request, without what the writer owns (state, version, pending action, progress). */
export type NewRequest = Omit<
  Prisma.ConnectionRequestUncheckedCreateInput,
  "id" | "state" | "version" | "pendingAction" | "progress" | "source" | "createdAt" | "updatedAt" | "transitions"
>;

/**
 * A new request. `filed`: recorded as Filed and at once submitted (Creating) for the job that
 * creates the endpoint; `registered`: an existing endpoint, in the state Azure reports.
 */
export async function createRequest(
  tx: DbOrTx,
  input: Omit<Common, "job"> & {
    /** The job that follows, for the new request's id. */
    job?: (requestId: string) => JobOrder;
    origin: "filed" | "registered";
    data: NewRequest;
    azureStatus?: AzureConnectionStatus;
    actor: Actor;
    /** The first timeline entry's note (the consumer's message, how it was registered). */
    note: string | null;
    progress?: string | null;
  },
): Promise<{ id: string; state: RequestState; version: number }> {
  const first = initialState(input.origin === "filed" ? "portal" : "registered", input.azureStatus);
  let state = first;
  if (input.origin === "filed") {
    const submitted = transition(first, { type: "submit" }, { actor: { role: lifecycleRole(input.actor), name: input.actor.label } });
    if (!submitted.ok) throw new ConflictError(submitted.message, submitted.code);
    state = submitted.to;
  }
  const created = await tx.connectionRequest.create({
    data: { ...input.data, state, version: 1, source: input.origin === "filed" ? "portal" : "registered", progress: input.progress ?? null },
    select: { id: true, consumerTenantId: true, providerTenantId: true, providerResourceId: true },
  });
  await adjustStateCounts(tx, created.providerTenantId, null, state);
  await timeline(tx, created.id, null, first, input.actor, input.note);
  if (state !== first) await timeline(tx, created.id, first, state, input.actor, null);
  await auditRequest(tx, created, input.actor, input.audit, input.httpRequestId, state !== first ? { from: first, to: state } : { to: state });
  await raise(tx, created, {
    type: input.origin === "filed" ? "request.filed" : "request.registered",
    version: 1,
    actor: input.actor,
    before: null,
    after: { state, pendingAction: null },
    command: input.origin === "filed" ? "submit" : undefined,
    note: input.note,
  });
  await input.job?.(created.id).enqueue(tx);
  return { id: created.id, state, version: 1 };
}

// ---------------------------------------------------------------- state changes

/**
 * A lifecycle command: the domain's state machine decides, then the row, counts, timeline,
 * audit and event are written. A no-op (re-approving an approved request) is audited and
 * versioned as before but raises no event: nothing happened to tell anyone about.
 */
export async function changeState(
  tx: DbOrTx,
  request: RequestRef,
  command: Command,
  actor: Actor,
  options: Common & {
    facts?: RequestFacts;
    /** undefined leaves the progress text as it is. */
    progress?: string | null;
    /** The command completes the pending action (Azure confirmed it). */
    completesPendingAction?: boolean;
    /** The timeline note: a decision's note, a failure's reason. */
    note?: string | null;
    /** Who took the request's last decision, named when the command is refused. */
    decidedBy?: string;
  },
): Promise<{ from: RequestState; to: RequestState; changed: boolean; version: number }> {
  const result = transition(request.state as RequestState, command, { actor: { role: lifecycleRole(actor), name: actor.label }, decidedBy: options.decidedBy });
  if (!result.ok) throw new ConflictError(result.message, result.code);

  const version = request.version + 1;
  const pendingAction = options.completesPendingAction ? null : request.pendingAction;
  const updated = await tx.connectionRequest.updateMany({
    where: { id: request.id, version: request.version },
    data: {
      ...options.facts,
      ...(options.progress !== undefined ? { progress: options.progress } : {}),
      ...(options.completesPendingAction ? { pendingAction: null } : {}),
      // A new state: whatever waited for the person's sign-in no longer waits.
      ...(result.changed ? { stepUpClaims: null } : {}),
      state: result.to,
      version,
    },
  });
  if (updated.count !== 1) {
    throw new ConflictError("Someone else changed this request a moment ago. Reload it to see what happened.", "version_conflict");
  }
  if (result.changed) {
    await adjustStateCounts(tx, request.providerTenantId, result.from, result.to);
    await timeline(tx, request.id, result.from, result.to, actor, options.note);
  }
  await auditRequest(tx, request, actor, options.audit, options.httpRequestId, {
    from: result.from,
    to: result.to,
    ...(options.note ? { note: options.note } : {}),
  });
  if (result.changed) {
    await raise(tx, request, {
      type: eventTypeForTransition(result.to, result.command),
      version,
      actor,
      before: { state: result.from, pendingAction: request.pendingAction },
      after: { state: result.to, pendingAction },
      command: result.command,
      note: options.note,
    });
  }
  await options.job?.enqueue(tx);
  return { from: result.from, to: result.to, changed: result.changed, version };
}

// ---------------------------------------------------------------- pending actions

/**
 * A change Azure must carry out (a provider's decision, a consumer's withdrawal) is first
 * recorded as the request's pending action, with the job that applies it. The state changes
 * only when Azure confirms (changeState with completesPendingAction); if Azure refuses for good,
 * the pending action is abandoned with the reason shown to people.
 */
export async function recordPendingAction(
  tx: DbOrTx,
  request: RequestRef,
  actor: Actor,
  options: Omit<Common, "audit" | "job"> & {
    action: string;
    progress: string;
    facts?: RequestFacts;
    conflictMessage: string;
    auditDetails?: Record<string, unknown>;
    job: JobOrder;
  },
): Promise<{ version: number }> {
  const version = request.version + 1;
  const won = await tx.connectionRequest.updateMany({
    where: { id: request.id, version: request.version, pendingAction: null },
    // A new attempt: the previous failure no longer describes the request (a new one is recorded if it fails too).
    data: { ...options.facts, pendingAction: options.action, progress: options.progress, lastError: null, stepUpClaims: null, version },
  });
  if (won.count !== 1) throw new ConflictError(options.conflictMessage, "version_conflict");
  await auditRequest(tx, request, actor, { action: `request.${options.action}_requested`, details: options.auditDetails }, options.httpRequestId, {});
  const state = request.state as RequestState;
  await raise(tx, request, {
    type: "request.action_requested",
    version,
    actor,
    before: { state, pendingAction: request.pendingAction },
    after: { state, pendingAction: options.action },
    action: options.action,
    note: options.facts?.decisionNote,
  });
  await options.job.enqueue(tx);
  return { version };
}

/** Azure refused the pending action for good: clear it, keep the reason, audit it, raise the event. */
export async function abandonPendingAction(
  db: Db,
  requestId: string,
  actor: Actor,
  action: string,
  reason: string,
  details: Record<string, unknown> = {},
  /** Azure wanted the person to confirm their sign-in: keep its claims for the button that does. */
  options: { stepUpClaims?: string } = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await tx.connectionRequest.findUniqueOrThrow({ where: { id: requestId } });
    const version = request.version + 1;
    await tx.connectionRequest.update({
      where: { id: request.id },
      data: { pendingAction: null, progress: null, lastError: reason, stepUpClaims: options.stepUpClaims ?? null, version },
    });
    await auditRequest(tx, request, actor, { action: `request.${action}_failed`, details: { reason, ...details } }, undefined, {});
    const state = request.state as RequestState;
    await raise(tx, request, {
      type: "request.action_failed",
      version,
      actor,
      before: { state, pendingAction: request.pendingAction },
      after: { state, pendingAction: null },
      action,
      note: reason,
    });
  });
}

// ---------------------------------------------------------------- progress notes

/** What Azure is doing right now, for the page; only while the request is still in `whileState`. */
export async function noteProgress(db: DbOrTx, requestId: string, text: string, whileState: RequestState): Promise<void> {
  await db.connectionRequest.updateMany({ where: { id: requestId, state: whileState }, data: { progress: text } });
}

/** A try failed and will be repeated: say so on the page and in the audit trail. */
export async function noteRetry(
  db: Db,
  request: { id: string; consumerTenantId: string },
  actor: Actor,
  options: { progress: string; whileState: RequestState; auditAction: string; reason: string; attempt: number },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await noteProgress(tx, request.id, options.progress, options.whileState);
    await auditRequest(tx, request, actor, { action: options.auditAction }, undefined, { reason: options.reason, attempt: options.attempt });
  });
}

// ---------------------------------------------------------------- step-up (the person confirms their sign-in)

/**
 * Azure asked for a stronger sign-in (a claims challenge, e.g. a second factor) before the job
 * could go on, and only the person can give it: the request stays in its state, keeps the claims
 * to sign in with, and says so on the page and in the timeline. No event: nothing happened to the
 * connection, and the person who must act is looking at the request. The job is not retried;
 * `resumeAfterStepUp` starts it again once the person has signed in.
 */
export async function awaitStepUp(
  db: Db,
  requestId: string,
  actor: Actor,
  options: { whileState: RequestState; claims: string; progress: string; note: string; auditAction: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await tx.connectionRequest.findUnique({ where: { id: requestId } });
    if (!request || request.state !== options.whileState) return;
    const updated = await tx.connectionRequest.updateMany({
      where: { id: request.id, version: request.version },
      data: { stepUpClaims: options.claims, progress: options.progress, lastError: null, version: request.version + 1 },
    });
    // Changed meanwhile: the job's give-up is tried again (and finds the request as it is then).
    if (updated.count !== 1) throw new ConflictError("The request changed while its wait for a sign-in was recorded.", "version_conflict");
    await timeline(tx, request.id, request.state, request.state, actor, options.note);
    await auditRequest(tx, request, actor, { action: options.auditAction }, undefined, { state: request.state });
  });
}

/**
 * The person signed in again as Azure asked: clear the wait and queue the job again, with the
 * person's new session (its token satisfies the claims).
 */
export async function resumeAfterStepUp(
  tx: DbOrTx,
  request: RequestRef & { stepUpClaims: string | null },
  actor: Actor,
  options: { progress: string; note: string; auditAction: string; httpRequestId?: string; job: JobOrder },
): Promise<{ version: number }> {
  if (!request.stepUpClaims) throw new ConflictError("This request is not waiting for you to confirm your sign-in.", "not_waiting_for_step_up");
  const version = request.version + 1;
  const updated = await tx.connectionRequest.updateMany({
    where: { id: request.id, version: request.version },
    data: { stepUpClaims: null, progress: options.progress, version },
  });
  if (updated.count !== 1) throw new ConflictError("Someone else changed this request a moment ago. Reload it to see what happened.", "version_conflict");
  await timeline(tx, request.id, request.state, request.state, actor, options.note);
  await auditRequest(tx, request, actor, { action: options.auditAction }, options.httpRequestId, { state: request.state });
  await options.job.enqueue(tx);
  return { version };
}

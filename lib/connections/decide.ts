import { z } from "zod";
import type { Db } from "../db/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { personActor } from "../core/actor";
import { isAppError, ConflictError, NotFoundError } from "../core/errors";
import { parseInput } from "../core/parse";
import { jobOrder } from "../jobs/job";
import { transition, type RequestState } from "../domain/connection-lifecycle";
import { ACTION_WORDS, DECISIONS, wordsFor, type Decision } from "../domain/request-words";
import { applyDecisionJob } from "./jobs/apply-decision";
import { recordPendingAction } from "./request-writer";
import { requestScope } from "./visibility";

/**
 * A provider approves, rejects or disconnects. The decision is recorded first — who, what, why,
 * and the job that applies it in Azure, in one transaction guarded by the request's version — so
 * of two providers deciding at once exactly one wins and the other is told who decided and how.
 * The state itself changes when Azure has confirmed (see jobs/apply-decision.ts).
 */
export { DECISIONS, type Decision };

const noteSchema = z.string().trim().max(140, "Keep the note to 140 characters: Azure shows it to the consumer.").default("");
const reasonGiven = (v: { decision: Decision; note: string }) => v.decision !== "reject" || v.note.length > 0;

export const decideInput = z
  .object({
    requestId: z.string().min(1).max(64),
    decision: z.enum(DECISIONS, { error: "Choose approve, reject or disconnect." }),
    note: noteSchema,
    expectedVersion: z.coerce.number({ error: "The version is the number the request showed." }).int().positive().optional(),
  })
  .refine(reasonGiven, { message: "Give the consumer a reason for the rejection.", path: ["note"] });
export type DecideInput = z.input<typeof decideInput>;

const decideManyInput = z
  .object({
    requestIds: z.array(z.string().min(1).max(64)).min(1, "Select at least one request.").max(200, "Select at most 200 requests at a time."),
    decision: z.enum(["approve", "reject"]),
    note: noteSchema,
  })
  .refine(reasonGiven, { message: "Give the consumers a reason for the rejection.", path: ["note"] });
export type DecideManyInput = z.input<typeof decideManyInput>;

export type DecideResult = { requestId: string; outcome: "recorded" | "no_change"; state: RequestState };

export async function decide(db: Db, principal: Principal, raw: DecideInput, context: { httpRequestId?: string } = {}): Promise<DecideResult> {
  const scope = requestScope(principal, "provider");
  const input = parseInput(decideInput, raw);

  // The provider tenant is part of the lookup: another tenant's request is simply not found.
  const request = await db.connectionRequest.findFirst({
    where: { id: input.requestId, ...scope.where },
    include: { decidedBy: { select: { displayName: true } } },
  });
  if (!request) throw new NotFoundError();
  const decidedByName = request.decidedBy?.displayName;

  if (request.pendingAction) {
    throw new ConflictError(
      request.pendingAction === "withdraw"
        ? "The consumer is withdrawing this request; Crosslink is deleting their endpoint in Azure now."
        : `${decidedByName ?? "Someone"} is already ${wordsFor(request.pendingAction)?.doing ?? "changing"} this request; Crosslink is applying it in Azure now.`,
      "decision_in_progress",
    );
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== request.version) {
    const who = decidedByName ? ` by ${decidedByName}` : "";
    throw new ConflictError(
      request.decidedAt && request.state !== "Pending"
        ? `This request was already ${request.state.toLowerCase()}${who}. Reload to see the current state.`
        : "This request changed since you opened it. Reload to see the current state.",
      "version_conflict",
    );
  }

  const check = transition(request.state as RequestState, { type: input.decision }, { actor: { role: "provider", name: principal.name }, decidedBy: decidedByName });
  if (!check.ok) throw new ConflictError(check.message, check.code);
  if (!check.changed) {
    // Re-approving an approved connection is harmless: no Azure call (some services error on it).
    return { requestId: request.id, outcome: "no_change", state: check.to };
  }

  await db.$transaction((tx) =>
    recordPendingAction(tx, request, personActor("provider", principal), {
      action: input.decision,
      progress: ACTION_WORDS[input.decision].progress,
      facts: { decidedById: principal.userId, decidedAt: new Date(), decisionNote: input.note || null },
      conflictMessage: "Someone else decided this request a moment ago. Reload to see who and how.",
      auditDetails: { note: input.note || null },
      job: jobOrder(applyDecisionJob, { requestId: request.id, decision: input.decision }),
      httpRequestId: context.httpRequestId,
    }),
  );
  return { requestId: request.id, outcome: "recorded", state: request.state as RequestState };
}

/**
 * Bulk decisions: the shared decision and note are checked once (a missing reason is one answer,
 * not one failure per request); then each request on its own (its own transaction), with a
 * per-item result.
 */
export async function decideMany(
  db: Db,
  principal: Principal,
  raw: DecideManyInput,
  context: { httpRequestId?: string } = {},
): Promise<{ requestId: string; ok: boolean; message: string }[]> {
  authorize(principal, { role: "provider" });
  const input = parseInput(decideManyInput, raw);
  const results = [];
  for (const requestId of [...new Set(input.requestIds)]) {
    try {
      const r = await decide(db, principal, { requestId, decision: input.decision, note: input.note }, context);
      results.push({ requestId, ok: true, message: r.outcome === "no_change" ? "Already in that state; nothing to do." : "Recorded; applying in Azure." });
    } catch (err) {
      // Told per request: not found, or its state refuses the decision. Anything else stops the batch.
      if (isAppError(err) && err.kind !== "unauthenticated" && err.kind !== "forbidden") results.push({ requestId, ok: false, message: err.message });
      else throw err;
    }
  }
  return results;
}

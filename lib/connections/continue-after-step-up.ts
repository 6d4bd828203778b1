import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { personActor } from "../core/actor";
import { ConflictError, NotFoundError } from "../core/errors";
import { idOrNotFound } from "../core/parse";
import { jobOrder } from "../jobs/job";
import { createEndpointJob } from "./jobs/create-endpoint";
import { resumeAfterStepUp } from "./request-writer";
import { STEP_UP_WORDS } from "./step-up-words";
import { withdrawRequest } from "./consumer-actions";
import { requestScope } from "./visibility";

/**
 * The consumer confirmed their sign-in as Azure asked (step-up) and comes back to the request:
 * the work that waited goes on with their new session, whose token satisfies Azure's claims.
 * - endpoint creation waited (still Creating): the creation job is queued again;
 * - a withdrawal was stopped: it is recorded again (and its deletion job queued).
 * Only the consumer's own tenant's requests are found; an unknown ID is 404.
 */
export async function continueAfterStepUp(db: Db, principal: Principal, requestId: unknown, context: { httpRequestId?: string } = {}): Promise<"creation" | "withdraw"> {
  const scope = requestScope(principal, "consumer");
  const request = await db.connectionRequest.findFirst({ where: { id: idOrNotFound(requestId), ...scope.where } });
  if (!request) throw new NotFoundError();
  if (!request.stepUpClaims) throw new ConflictError("This request is not waiting for you to confirm your sign-in. Reload it to see where it stands.", "not_waiting_for_step_up");

  if (request.state === "Creating") {
    await db.$transaction((tx) =>
      resumeAfterStepUp(tx, request, personActor("consumer", principal), {
        progress: STEP_UP_WORDS.resumedProgress,
        note: STEP_UP_WORDS.resumedNote,
        auditAction: "request.creation_resumed",
        httpRequestId: context.httpRequestId,
        job: jobOrder(createEndpointJob, { requestId: request.id, sessionId: principal.sessionId }),
      }),
    );
    return "creation";
  }
  // A stopped withdrawal: recording it again clears the wait (and the old failure).
  await withdrawRequest(db, principal, request.id, context);
  return "withdraw";
}

import { z } from "zod";
import { CROSSLINK, storedPersonActor } from "../../core/actor";
import { defineJob, PermanentJobFailure } from "../../jobs/job";
import { abandonPendingAction, changeState } from "../request-writer";
import type { ConnectionJobContext } from "./deps";
import { STEP_UP_WORDS } from "../step-up-words";

/** Deletes the consumer's endpoint (their token) for a withdrawal, then records Withdrawn. */
export const deleteEndpointJob = defineJob({
  topic: "endpoint.delete",
  payload: z.object({ requestId: z.string().min(1), sessionId: z.string().min(1) }),

  async run({ requestId, sessionId }, { deps }: ConnectionJobContext) {
    const { db } = deps;
    const request = await db.connectionRequest.findUnique({ where: { id: requestId }, include: { requester: { include: { tenant: true } } } });
    if (!request || request.pendingAction !== "withdraw") return;

    const azure = await deps.consumerAzureForSession(sessionId);
    if (!azure) throw new PermanentJobFailure("Your sign-in session ended before the endpoint could be deleted. Sign in again and withdraw again.");
    await azure.deletePrivateEndpoint(request.endpointResourceId!);
    await db.$transaction(async (tx) => {
      const latest = await tx.connectionRequest.findUniqueOrThrow({ where: { id: request.id } });
      await changeState(tx, latest, { type: "withdraw" }, storedPersonActor("consumer", request.requester), {
        facts: { lastError: null, azureStatus: null },
        progress: null,
        completesPendingAction: true,
        note: "Private endpoint deleted.",
        audit: { action: "request.withdrawn" },
      });
    });
  },

  async giveUp({ requestId }, { deps }: ConnectionJobContext, failure) {
    const request = await deps.db.connectionRequest.findUnique({ where: { id: requestId }, select: { pendingAction: true } });
    if (request?.pendingAction !== "withdraw") return;
    if (failure.stepUpClaims) {
      // Azure wants a second factor: the page offers to confirm the sign-in and withdraw again.
      await abandonPendingAction(deps.db, requestId, CROSSLINK, "withdraw", STEP_UP_WORDS.withdrawNote, { stepUp: true }, { stepUpClaims: failure.stepUpClaims });
      return;
    }
    await abandonPendingAction(deps.db, requestId, CROSSLINK, "withdraw", failure.message);
  },
});

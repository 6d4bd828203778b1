import { z } from "zod";
import type { ClaimedMessage } from "../../outbox/outbox";
import type { HandlerResult } from "../../outbox/worker";
import { recordTransition } from "../record-transition";
import { attemptFailure, type JobDeps } from "./deps";
import { abandonPendingAction } from "../pending-action";

const payloadSchema = z.object({ requestId: z.string().min(1), sessionId: z.string().min(1) });

/** Deletes the consumer's endpoint (their token) for a withdrawal, then records Withdrawn. */
export async function deleteEndpointJob(deps: JobDeps, message: ClaimedMessage): Promise<HandlerResult> {
  const payload = payloadSchema.safeParse(message.payload);
  if (!payload.success) return { outcome: "failed", error: "malformed job payload" };
  const { db } = deps;
  const request = await db.connectionRequest.findUnique({ where: { id: payload.data.requestId }, include: { requester: { include: { tenant: true } } } });
  if (!request || request.pendingAction !== "withdraw") return { outcome: "done" };

  const giveUp = async (reason: string): Promise<HandlerResult> => {
    await abandonPendingAction(db, request, "withdraw", reason);
    return { outcome: "failed", error: reason };
  };


  const azure = await deps.consumerAzureForSession(payload.data.sessionId);
  if (!azure) return giveUp("Your sign-in session ended before the endpoint could be deleted. Sign in again and withdraw again.");
  try {
    await azure.deletePrivateEndpoint(request.endpointResourceId!);
    const actor = request.requester
      ? { role: "consumer" as const, label: `${request.requester.displayName} (${request.requester.tenant.displayName})`, userId: request.requester.id, tenantId: request.consumerTenantId }
      : { role: "consumer" as const, label: "Consumer" };
    await db.$transaction(async (tx) => {
      const latest = await tx.connectionRequest.findUniqueOrThrow({ where: { id: request.id } });
      await recordTransition(tx, latest, { type: "withdraw" }, actor, {
        data: { pendingAction: null, progress: null, lastError: null, azureStatus: null },
        note: "Private endpoint deleted.",
        auditAction: "request.withdrawn",
      });
    });
    return { outcome: "done" };
  } catch (err) {
    const failure = attemptFailure(err, message.attempts);
    return failure.retry ? { outcome: "retry", error: failure.message } : giveUp(failure.message);
  }
}

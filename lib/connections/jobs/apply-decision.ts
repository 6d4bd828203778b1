import { z } from "zod";
import type { ClaimedMessage } from "../../outbox/outbox";
import type { HandlerResult } from "../../outbox/worker";
import { sameResourceId, parseTargetResourceId } from "../../domain/resource-id";
import { recordTransition } from "../record-transition";
import { attemptFailure, type JobDeps } from "./deps";
import { abandonPendingAction } from "../pending-action";

const payloadSchema = z.object({ requestId: z.string().min(1), decision: z.enum(["approve", "reject", "disconnect"]) });
const PAST = { approve: "approved", reject: "rejected", disconnect: "disconnected" } as const;

/**
 * Applies a recorded provider decision in Azure with the provider's app identity, then commits
 * the new state (state + timeline + audit in one transaction). A permanent failure clears the
 * pending decision and shows Azure's reason; a transient one is retried.
 */
export async function applyDecisionJob(deps: JobDeps, message: ClaimedMessage): Promise<HandlerResult> {
  const payload = payloadSchema.safeParse(message.payload);
  if (!payload.success) return { outcome: "failed", error: "malformed job payload" };
  const { db } = deps;
  const { requestId, decision } = payload.data;
  const request = await db.connectionRequest.findUnique({ where: { id: requestId }, include: { decidedBy: { include: { tenant: true } } } });
  if (!request || request.pendingAction !== decision) return { outcome: "done" }; // nothing (left) to apply
  const decider = request.decidedBy
    ? { role: "provider" as const, label: `${request.decidedBy.displayName} (${request.decidedBy.tenant.displayName})`, userId: request.decidedBy.id, tenantId: request.decidedBy.tenantId }
    : { role: "provider" as const, label: "Provider" };

  const azure = deps.providerAzure();
  const target = parseTargetResourceId(request.targetResourceId);
  if (!target.ok) return giveUp(target.message);
  // Connections of a slot are listed on the slot itself (the endpoint names the site with sites-<slot>).
  const connectionTarget = target.id;

  try {
    let connectionName = request.connectionName;
    if (!connectionName) {
      const connections = await azure.listConnections(connectionTarget);
      const match = connections.find((c) => c.privateEndpointId && request.endpointResourceId && sameResourceId(c.privateEndpointId, request.endpointResourceId));
      if (!match) return giveUp("The connection was not found on the resource in Azure: the consumer may have deleted their endpoint.");
      connectionName = match.name;
    }
    if (decision === "disconnect") {
      await azure.deleteConnection(connectionTarget, connectionName);
    } else {
      await azure.setConnectionState(connectionTarget, connectionName, {
        status: decision === "approve" ? "Approved" : "Rejected",
        description: request.decisionNote ?? (decision === "approve" ? "Approved" : "Rejected"),
      });
    }
    await db.$transaction(async (tx) => {
      const latest = await tx.connectionRequest.findUniqueOrThrow({ where: { id: requestId } });
      await recordTransition(tx, latest, { type: decision }, decider, {
        data: { pendingAction: null, progress: null, lastError: null, connectionName, azureStatus: decision === "disconnect" ? "Disconnected" : PAST[decision].replace(/^./, (c) => c.toUpperCase()) },
        note: request.decisionNote,
        auditAction: `request.${PAST[decision]}`,
      });
    });
    return { outcome: "done" };
  } catch (err) {
    const failure = attemptFailure(err, message.attempts);
    return failure.retry ? { outcome: "retry", error: failure.message } : giveUp(failure.message);
  }

  async function giveUp(reason: string): Promise<HandlerResult> {
    await abandonPendingAction(db, request!, decision, reason, { decidedBy: decider.label });
    return { outcome: "failed", error: reason };
  }

}

import { z } from "zod";
import { CROSSLINK, storedPersonActor } from "../../core/actor";
import { defineJob, PermanentJobFailure } from "../../jobs/job";
import { sameResourceId, parseTargetResourceId } from "../../domain/resource-id";
import { ACTION_WORDS, DECISIONS } from "../../domain/request-words";
import { abandonPendingAction, changeState } from "../request-writer";
import type { ConnectionJobContext } from "./deps";


/**
 * Applies a recorded provider decision in Azure with the provider's app identity, then commits
 * the new state. A permanent failure clears the pending decision and shows Azure's reason; a
 * transient one is retried.
 */
export const applyDecisionJob = defineJob({
  topic: "connection.decide",
  payload: z.object({ requestId: z.string().min(1), decision: z.enum(DECISIONS) }),

  async run({ requestId, decision }, { deps }: ConnectionJobContext) {
    const { db } = deps;
    const request = await db.connectionRequest.findUnique({ where: { id: requestId }, include: { decidedBy: { include: { tenant: true } } } });
    if (!request || request.pendingAction !== decision) return; // nothing (left) to apply

    const target = parseTargetResourceId(request.targetResourceId);
    if (!target.ok) throw new PermanentJobFailure(target.message);
    // Connections of a slot are listed on the slot itself (the endpoint names the site with sites-<slot>).
    const azure = deps.providerAzure();
    let connectionName = request.connectionName;
    if (!connectionName) {
      const connections = await azure.listConnections(target.id);
      const match = connections.find((c) => c.privateEndpointId && request.endpointResourceId && sameResourceId(c.privateEndpointId, request.endpointResourceId));
      if (!match) throw new PermanentJobFailure("The connection was not found on the resource in Azure: the consumer may have deleted their endpoint.");
      connectionName = match.name;
    }
    if (decision === "disconnect") {
      await azure.deleteConnection(target.id, connectionName);
    } else {
      await azure.setConnectionState(target.id, connectionName, {
        status: decision === "approve" ? "Approved" : "Rejected",
        description: request.decisionNote ?? ACTION_WORDS[decision].leadsTo,
      });
    }
    await db.$transaction(async (tx) => {
      const latest = await tx.connectionRequest.findUniqueOrThrow({ where: { id: requestId } });
      await changeState(tx, latest, { type: decision }, storedPersonActor("provider", request.decidedBy), {
        // What Azure now reports: the state the decision leads to.
        facts: { lastError: null, connectionName, azureStatus: ACTION_WORDS[decision].leadsTo },
        progress: null,
        completesPendingAction: true,
        note: request.decisionNote,
        audit: { action: `request.${ACTION_WORDS[decision].past}` },
      });
    });
  },

  async giveUp({ requestId, decision }, { deps }: ConnectionJobContext, failure) {
    const request = await deps.db.connectionRequest.findUnique({ where: { id: requestId }, include: { decidedBy: { include: { tenant: true } } } });
    if (!request || request.pendingAction !== decision) return;
    await abandonPendingAction(deps.db, requestId, CROSSLINK, decision, failure.message, { decidedBy: storedPersonActor("provider", request.decidedBy).label });
  },
});

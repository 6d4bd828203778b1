import { z } from "zod";
import { CROSSLINK } from "../../core/actor";
import { defineJob, PermanentJobFailure } from "../../jobs/job";
import { parseTargetResourceId } from "../../domain/resource-id";
import { privateLinkConnectionFor } from "../../domain/private-link-catalog";
import { awaitStepUp, changeState, noteProgress, noteRetry } from "../request-writer";
import { STEP_UP_WORDS } from "../step-up-words";
import type { ConnectionJobContext } from "./deps";

/**
 * Creates the consumer's private endpoint (manual connection) with the consumer's own token and
 * records the outcome: Pending with the endpoint's details, or Failed with Azure's reason in plain
 * words. Transient failures (throttling, outages) leave the request Creating and are retried.
 */
export const createEndpointJob = defineJob({
  topic: "endpoint.create",
  payload: z.object({ requestId: z.string().min(1), sessionId: z.string().min(1) }),

  async run({ requestId, sessionId }, { deps }: ConnectionJobContext) {
    const { db } = deps;
    const request = await db.connectionRequest.findUnique({ where: { id: requestId } });
    // Gone, or already settled (e.g. seen by the watcher): nothing left to do.
    if (!request || request.state !== "Creating") return;
    // Waiting for the person to confirm their sign-in: continueAfterStepUp queues the job again.
    if (request.stepUpClaims) return;

    // A slot is reached through its site's ID with the group ID sites-<slot>.
    const target = parseTargetResourceId(request.targetResourceId);
    if (!target.ok) throw new PermanentJobFailure(target.message);
    const connection = privateLinkConnectionFor(target, request.groupId || null);

    const azure = await deps.consumerAzureForSession(sessionId);
    if (!azure) throw new PermanentJobFailure("Your sign-in session ended before the private endpoint could be created. Sign in again and choose Retry.");

    const progress = (text: string) => noteProgress(db, request.id, text, "Creating");
    await progress("Creating the private endpoint in your subscription…");
    const endpoint = await azure.createPrivateEndpoint(
      {
        subscriptionId: request.endpointSubscriptionId!,
        resourceGroup: request.endpointResourceGroup!,
        name: request.endpointName!,
        location: request.endpointLocation!,
        subnetId: request.subnetId!,
        targetResourceId: connection.privateLinkServiceId,
        groupIds: connection.groupIds,
        requestMessage: request.requestMessage,
      },
      {
        onProgress: (p) =>
          void progress(
            p.phase === "submitted" ? "Azure accepted the request; creating the private endpoint…" : `Azure is creating the private endpoint (${p.provisioningState ?? "in progress"}, ${Math.round(p.elapsedMs / 1000)} s)…`,
          ),
      },
    );
    const details = (await azure.endpointDetails(endpoint.id)) ?? { status: endpoint.connection?.state?.status ?? null, dnsRecords: [], privateIpAddresses: [] };
    // FQDN → IPs as Azure reports them, plus the NIC's addresses (the DNS guide needs both).
    const privateIps = [
      ...details.dnsRecords.map((r) => ({ fqdn: r.fqdn, ips: r.ipAddresses })),
      ...(details.privateIpAddresses.length > 0 ? [{ ips: details.privateIpAddresses }] : []),
    ];
    await db.$transaction(async (tx) => {
      const latest = await tx.connectionRequest.findUniqueOrThrow({ where: { id: request.id } });
      await changeState(tx, latest, { type: "creationSucceeded" }, CROSSLINK, {
        facts: { endpointResourceId: endpoint.id, privateIps: JSON.stringify(privateIps), azureStatus: details.status ?? "Pending", lastError: null },
        progress: null,
        note: "Private endpoint created; waiting for the provider's decision.",
        audit: { action: "request.endpoint_created", details: { endpoint: endpoint.id } },
      });
    });
  },

  async onRetry({ requestId }, { deps, attempt }: ConnectionJobContext, failure) {
    const request = await deps.db.connectionRequest.findUnique({ where: { id: requestId }, select: { id: true, consumerTenantId: true } });
    if (!request) return;
    await noteRetry(deps.db, request, CROSSLINK, {
      progress: `Azure is busy; trying again shortly (attempt ${attempt + 1})…`,
      whileState: "Creating",
      auditAction: "request.creation_retry",
      reason: failure.message,
      attempt,
    });
  },

  async giveUp({ requestId }, { deps }: ConnectionJobContext, failure) {
    // Azure wants a second factor: not a failure of the request, a wait for the person.
    if (failure.stepUpClaims) {
      await awaitStepUp(deps.db, requestId, CROSSLINK, {
        whileState: "Creating",
        claims: failure.stepUpClaims,
        progress: STEP_UP_WORDS.waitingProgress,
        note: STEP_UP_WORDS.creationNote,
        auditAction: "request.creation_awaits_step_up",
      });
      return;
    }
    await deps.db.$transaction(async (tx) => {
      const request = await tx.connectionRequest.findUnique({ where: { id: requestId } });
      if (!request || request.state !== "Creating") return;
      await changeState(tx, request, { type: "creationFailed" }, CROSSLINK, {
        facts: { lastError: failure.message },
        progress: null,
        note: failure.message,
        audit: { action: "request.creation_failed", details: { reason: failure.message } },
      });
    });
  },
});

import { z } from "zod";
import type { ClaimedMessage } from "../../outbox/outbox";
import type { HandlerResult } from "../../outbox/worker";
import { appendAudit } from "../../audit/audit-log";
import { recordTransition } from "../record-transition";
import { parseTargetResourceId } from "../../domain/resource-id";
import { privateLinkConnectionFor } from "../../domain/private-link-catalog";
import { attemptFailure, SYSTEM_ACTOR, type JobDeps } from "./deps";

const payloadSchema = z.object({ requestId: z.string().min(1), sessionId: z.string().min(1) });

/**
 * Creates the consumer's private endpoint (manual connection) and records the outcome:
 * Pending with the endpoint's details, or Failed with Azure's reason in plain words. Transient
 * failures (throttling, outages) leave the request Creating and the job is retried.
 */
export async function createEndpointJob(deps: JobDeps, message: ClaimedMessage): Promise<HandlerResult> {
  const payload = payloadSchema.safeParse(message.payload);
  if (!payload.success) return { outcome: "failed", error: "malformed job payload" };
  const { db } = deps;
  const request = await db.connectionRequest.findUnique({ where: { id: payload.data.requestId } });
  if (!request) return { outcome: "failed", error: "request no longer exists" };
  if (request.state !== "Creating") return { outcome: "done" }; // already settled (e.g. seen by the watcher)

  const fail = async (reason: string) => {
    await db.$transaction((tx) =>
      recordTransition(tx, request, { type: "creationFailed" }, SYSTEM_ACTOR, {
        data: { lastError: reason, progress: null },
        note: reason,
        auditAction: "request.creation_failed",
        auditDetails: { reason },
      }),
    );
    return { outcome: "failed" as const, error: reason };
  };

  // A slot is reached through its site's ID with the group ID sites-<slot>.
  const target = parseTargetResourceId(request.targetResourceId);
  if (!target.ok) return fail(target.message);
  const connection = privateLinkConnectionFor(target, request.groupId || null);

  const azure = await deps.consumerAzureForSession(payload.data.sessionId);
  if (!azure) return fail("Your sign-in session ended before the private endpoint could be created. Sign in again and choose Retry.");

  const setProgress = (text: string) => db.connectionRequest.updateMany({ where: { id: request.id, state: "Creating" }, data: { progress: text } });
  await setProgress("Creating the private endpoint in your subscription…");
  try {
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
          void setProgress(
            p.phase === "submitted" ? "Azure accepted the request; creating the private endpoint…" : `Azure is creating the private endpoint (${p.provisioningState ?? "in progress"}, ${Math.round(p.elapsedMs / 1000)} s)…`,
          ),
      },
    );
    const details = (await azure.endpointDetails(endpoint.id)) ?? {
      status: endpoint.connection?.state?.status ?? null,
      dnsRecords: [],
      privateIpAddresses: [],
    };
    // FQDN → IPs as Azure reports them, plus the NIC's addresses (the DNS guide needs both).
    const privateIps = [
      ...details.dnsRecords.map((r) => ({ fqdn: r.fqdn, ips: r.ipAddresses })),
      ...(details.privateIpAddresses.length > 0 ? [{ ips: details.privateIpAddresses }] : []),
    ];
    const latest = await db.connectionRequest.findUniqueOrThrow({ where: { id: request.id } });
    await db.$transaction(async (tx) => {
      await recordTransition(tx, latest, { type: "creationSucceeded" }, SYSTEM_ACTOR, {
        data: {
          endpointResourceId: endpoint.id,
          privateIps: JSON.stringify(privateIps),
          azureStatus: details.status ?? "Pending",
          progress: null,
          lastError: null,
        },
        note: "Private endpoint created; waiting for the provider's decision.",
        auditAction: "request.endpoint_created",
        auditDetails: { endpoint: endpoint.id },
      });
    });
    return { outcome: "done" };
  } catch (err) {
    const failure = attemptFailure(err, message.attempts);
    if (failure.retry) {
      await setProgress(`Azure is busy; trying again shortly (attempt ${message.attempts + 1})…`);
      await appendAudit(db, {
        action: "request.creation_retry",
        actorType: "system",
        actorLabel: SYSTEM_ACTOR.label,
        targetType: "ConnectionRequest",
        targetId: request.id,
        tenantId: request.consumerTenantId,
        details: { reason: failure.message, attempt: message.attempts },
      });
      return { outcome: "retry", error: failure.message };
    }
    return fail(failure.message);
  }
}

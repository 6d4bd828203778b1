import { z } from "zod";
import type { Db } from "../db/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { recordAudit } from "../audit/audit-log";
import { personActor } from "../core/actor";
import { NotFoundError, ValidationError } from "../core/errors";
import { parseInput } from "../core/parse";
import { parseTargetResourceId } from "../domain/resource-id";
import type { ManageableResource, ProviderAzure } from "../azure";
import { recountProviderResources } from "./resource-counts";

/**
 * Provider onboarding: what the provider's app identity can see in Azure, and which of those
 * resources Crosslink manages. Only the provider tenant's providers may change it.
 */
export type OnboardingRow = ManageableResource & { managed: boolean };

export async function listOnboardingCandidates(deps: { db: Db; providerAzure: ProviderAzure }, principal: Principal): Promise<OnboardingRow[]> {
  authorize(principal, { role: "provider" });
  const [live, registered] = await Promise.all([
    deps.providerAzure.listManageableResources(),
    deps.db.providerResource.findMany({ where: { tenantId: principal.tenantId }, select: { resourceId: true, managed: true } }),
  ]);
  const managed = new Set(registered.filter((r) => r.managed).map((r) => r.resourceId));
  return live
    .map((r) => ({ ...r, managed: managed.has(r.id.toLowerCase()) }))
    .sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}

const registerInput = z.object({
  resourceId: z.string().trim().min(1, "Choose a resource.").max(2048, "That is too long for a resource ID."),
  manage: z.boolean(),
});

export async function setManaged(
  deps: { db: Db; providerAzure: ProviderAzure },
  principal: Principal,
  raw: z.input<typeof registerInput>,
  context: { httpRequestId?: string } = {},
): Promise<{ managed: boolean }> {
  authorize(principal, { role: "provider" });
  const input = parseInput(registerInput, raw);
  const parsed = parseTargetResourceId(input.resourceId);
  if (!parsed.ok) throw new ValidationError({ resourceId: parsed.message });
  // Registering needs the resource to be visible to the provider's identity now; unregistering does not.
  const live = input.manage ? await deps.providerAzure.getManageableResource(input.resourceId) : null;
  if (input.manage && !live) throw new NotFoundError("resource");

  await deps.db.$transaction(async (tx) => {
    const existing = await tx.providerResource.findUnique({ where: { resourceId: parsed.key } });
    if (existing && existing.tenantId !== principal.tenantId) throw new NotFoundError("resource");
    if (!existing && !input.manage) throw new NotFoundError("resource");
    if (input.manage && live) {
      await tx.providerResource.upsert({
        where: { resourceId: parsed.key },
        create: {
          tenantId: principal.tenantId,
          resourceId: parsed.key,
          displayResourceId: live.id,
          resourceType: live.type.toLowerCase(),
          kind: live.kind,
          name: live.name,
          subscriptionId: live.subscriptionId.toLowerCase(),
          resourceGroup: live.resourceGroup,
          location: live.location,
          managed: true,
        },
        update: { managed: true, displayResourceId: live.id, kind: live.kind, location: live.location },
      });
    } else {
      await tx.providerResource.update({ where: { resourceId: parsed.key }, data: { managed: false } });
    }
    await recountProviderResources(tx, principal.tenantId);
    await recordAudit(tx, {
      actor: personActor("provider", principal),
      action: input.manage ? "resource.registered" : "resource.unregistered",
      target: { type: "ProviderResource", id: parsed.key },
      tenantId: principal.tenantId,
      httpRequestId: context.httpRequestId,
    });
  });
  return { managed: input.manage };
}

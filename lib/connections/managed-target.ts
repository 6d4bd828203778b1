import type { Db } from "../db/client";
import { ValidationError } from "../core/errors";
import type { TargetResourceId } from "../domain/resource-id";

/**
 * The target of a new request: only resources a provider manages through Crosslink can be
 * requested (someone must be there to decide). Answers the request's target and provider columns.
 */
export async function managedTarget(db: Db, target: TargetResourceId) {
  const resource = await db.providerResource.findFirst({ where: { resourceId: target.key, managed: true }, select: { id: true, tenantId: true } });
  if (!resource) {
    throw new ValidationError({
      targetResourceId: "This resource is not offered through Crosslink. Check the ID with the provider, or ask them to register it in Crosslink.",
    });
  }
  return {
    providerTenantId: resource.tenantId,
    providerResourceId: resource.id,
    targetResourceId: target.id,
    targetType: target.resourceType.toLowerCase(),
    targetName: target.kind === "slot" ? `${target.siteName}/${target.slotName}` : target.name,
  };
}

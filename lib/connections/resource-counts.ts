import type { DbOrTx } from "../db/client";

/**
 * The provider's resource counts kept on its Tenant row, so every inbox view reads two numbers
 * instead of counting up to thousands of registrations. Recounted (not incremented) inside the
 * transaction that changes a registration, so they cannot drift; only registration writes
 * ProviderResource rows (lib/connections/onboarding.ts).
 */
export async function recountProviderResources(tx: DbOrTx, tenantId: string): Promise<void> {
  const [total, managed] = await Promise.all([tx.providerResource.count({ where: { tenantId } }), tx.providerResource.count({ where: { tenantId, managed: true } })]);
  await tx.tenant.update({ where: { id: tenantId }, data: { resourceCount: total, managedResourceCount: managed } });
}

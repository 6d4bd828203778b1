/**
 * Seeds the demo world's tenants so names show from the first sign-in, and the demo provider's
 * team email route. Idempotent: run it on
 * every start. Real-Azure deployments don't seed; tenants appear as people sign in.
 */
import { DEFAULT_ROUTE_EVENTS } from "../lib/notify/notification-types";
import { createDb } from "../lib/db/client";
import { DEMO_TENANTS } from "../dev/world/demo-tenants";

export async function seedDemoWorld(db = createDb()): Promise<{ tenants: number }> {
  for (const t of DEMO_TENANTS) {
    await db.tenant.upsert({
      where: { id: t.tenantId },
      create: { id: t.tenantId, displayName: t.displayName, domain: t.domain, kind: t.role === "provider" ? "provider" : "consumer" },
      update: { displayName: t.displayName, domain: t.domain },
    });
  }
  await seedDemoRoute(db);
  return { tenants: DEMO_TENANTS.length };
}

/** The demo provider's team address, so someone trying Crosslink sees the provider's emails in the local mail page. */
export const DEMO_TEAM_ADDRESS = "platform-team@contoso.example";

// Only while the provider has no route at all: an admin who deletes it keeps it deleted unless they delete every route.
async function seedDemoRoute(db: ReturnType<typeof createDb>) {
  const provider = DEMO_TENANTS.find((t) => t.role === "provider");
  if (!provider || (await db.notificationRoute.count({ where: { tenantId: provider.tenantId } })) > 0) return;
  await db.notificationRoute.create({
    data: { tenantId: provider.tenantId, name: "Platform team (demo)", channel: "email", purpose: "notify", target: DEMO_TEAM_ADDRESS, eventFilter: JSON.stringify(DEFAULT_ROUTE_EVENTS) },
  });
}

if (require.main === module) {
  const db = createDb();
  seedDemoWorld(db)
    .then((r) => console.log(`seed: ${r.tenants} demo tenants`))
    .finally(() => db.$disconnect());
}

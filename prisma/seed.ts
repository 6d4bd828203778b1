/**
 * Seeds the demo world's tenants so names show from the first sign-in. Idempotent: run it on
 * every start. Real-Azure deployments don't seed; tenants appear as people sign in.
 */
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
  return { tenants: DEMO_TENANTS.length };
}

if (require.main === module) {
  const db = createDb();
  seedDemoWorld(db)
    .then((r) => console.log(`seed: ${r.tenants} demo tenants`))
    .finally(() => db.$disconnect());
}

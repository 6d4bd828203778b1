import { FAST, type TestWorld } from "@/tests/support/test-world";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import { createServices, type Services } from "@/lib/services";
import { processDue } from "@/lib/outbox/worker";
import { setManaged } from "@/lib/connections/onboarding";
import { DEMO_RESOURCES } from "@/dev/world/demo-resources";
import { seedDemoWorld } from "@/prisma/seed";
import { createTestDb } from "./test-db";
import { signInAs } from "./sign-in-as";

export type Journey = { db: Db; cleanup: () => Promise<void>; services: Services; felix: Principal; nora: Principal; priya: Principal };

/**
 * The starting point of the use-case journeys: a fresh migrated database with the demo tenants,
 * the app's services pointed at the test world, Felix (Fabrikam), Nora (Northwind) and Priya
 * (Contoso's provider) signed in for real, and contoso-orders managed by Crosslink.
 */
export async function openJourney(world: TestWorld): Promise<Journey> {
  const { db, cleanup } = await createTestDb();
  await seedDemoWorld(db);
  const services = createServices(db, world.config, FAST);
  const felix = await signInAs(db, world.config, "felix@fabrikam.onmicrosoft.com");
  const nora = await signInAs(db, world.config, "nora@northwind.onmicrosoft.com");
  const priya = await signInAs(db, world.config, "priya@contoso.onmicrosoft.com");
  await setManaged({ db, providerAzure: services.providerAzure() }, priya, { resourceId: DEMO_RESOURCES.contoso.sites.orders.id, manage: true });
  return { db, cleanup, services, felix, nora, priya };
}

/**
 * Runs the worker's handlers until no job is due (what the background worker does); optionally
 * makes retries due at once instead of after their backoff.
 */
export async function drainOutbox(db: Db, services: Services, options: { fastForwardRetries?: boolean } = {}): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (options.fastForwardRetries) await db.outboxMessage.updateMany({ where: { status: "pending" }, data: { nextAttemptAt: new Date(0) } });
    // Jobs write events; events write deliveries (jobs again): drain both until neither has work.
    const jobs = await processDue(db, services.jobs);
    const events = await processDue(db, services.events);
    if (jobs + events === 0) break;
  }
}

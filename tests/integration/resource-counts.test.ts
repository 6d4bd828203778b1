import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "@/tests/support/test-world";
import { setManaged } from "@/lib/connections/onboarding";
import { inboxFilterOptions } from "@/lib/connections/provider-inbox";
import { openJourney, type Journey } from "@/tests/support/journey";
import { DEMO_RESOURCES } from "@/dev/world/demo-resources";

/**
 * The inbox reads the provider's resource counts from its tenant row (kept by registration)
 * instead of counting on every view: registering and unregistering must keep them exact.
 */
let world: TestWorld;
let journey: Journey;

beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());
beforeEach(async () => {
  await world.reset();
  journey = await openJourney(world);
});
afterEach(() => journey.cleanup());

describe("the provider's resource counts", () => {
  it("follow registering and unregistering, and another provider's stay apart", async () => {
    const { db, services, priya } = journey;
    const manage = (resourceId: string, on: boolean) => setManaged({ db, providerAzure: services.providerAzure() }, priya, { resourceId, manage: on });
    // The journey registered contoso-orders.
    expect(await inboxFilterOptions(db, priya)).toMatchObject({ resourceCount: 1, managedCount: 1 });

    await manage(DEMO_RESOURCES.contoso.sites.billing.id, true);
    expect(await inboxFilterOptions(db, priya)).toMatchObject({ resourceCount: 2, managedCount: 2 });
    // Registering again changes nothing.
    await manage(DEMO_RESOURCES.contoso.sites.billing.id, true);
    expect(await inboxFilterOptions(db, priya)).toMatchObject({ resourceCount: 2, managedCount: 2 });

    // Unregistered resources stay known (requests keep pointing at them) but are not managed.
    await manage(DEMO_RESOURCES.contoso.sites.orders.id, false);
    const options = await inboxFilterOptions(db, priya);
    expect(options).toMatchObject({ resourceCount: 2, managedCount: 1 });
    expect(options.resources?.map((r) => r.name).sort()).toEqual(["contoso-billing", "contoso-orders"]);
    expect(await db.tenant.findMany({ where: { id: { not: priya.tenantId } }, select: { resourceCount: true } })).toSatisfy((rows: { resourceCount: number }[]) =>
      rows.every((r) => r.resourceCount === 0),
    );
  });
});

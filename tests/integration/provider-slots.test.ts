/**
 * A deployment slot's connections, wherever App Service lists them: under the slot, or under the
 * parent site with group ID `sites-<slot>` (the local ARM's `slotConnections` switch). The provider
 * side finds the slot's connection in either case, keeps it out of the site's list, and approves
 * and removes it where it lives; the consumer sees the result on their endpoint.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C } from "@/dev/world/demo-resources";
import { fabrikamEndpointRequest, startTestWorld, type TestWorld } from "@/tests/support/test-world";

const FELIX = "felix@fabrikam.onmicrosoft.com";
const slotId = C.sites.orders.slots.staging.id;
const siteId = C.sites.orders.id;

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(async () => {
  await w?.admin("PUT", "/_local/behaviour", { slotConnections: "slot" });
  await w?.close();
});
beforeEach(() => w.reset());

describe.each(["slot", "site"] as const)("slot connections listed under the %s", (listing) => {
  it("are found for the slot only, approved and removed there, and the consumer sees it", async () => {
    await w.admin("PUT", "/_local/behaviour", { slotConnections: listing });
    const felix = w.consumer(FELIX);
    const provider = w.provider();
    const toSlot = await felix.createPrivateEndpoint(fabrikamEndpointRequest("pe-staging", { groupIds: [C.sites.orders.slots.staging.groupId] }));
    const toSite = await felix.createPrivateEndpoint(fabrikamEndpointRequest("pe-production", { groupIds: ["sites"] }));

    const onSlot = await provider.listConnections(slotId);
    expect(onSlot.map((c) => c.privateEndpointId)).toEqual([toSlot.id]);
    expect(onSlot[0]).toMatchObject({ targetResourceId: slotId, status: "Pending" });
    expect((await provider.listConnections(siteId)).map((c) => c.privateEndpointId)).toEqual([toSite.id]);

    const approved = await provider.setConnectionState(slotId, onSlot[0]!.name, { status: "Approved", description: "staging ok" });
    expect(approved).toMatchObject({ status: "Approved", targetResourceId: slotId, privateEndpointId: toSlot.id });
    expect((await felix.endpointDetails(toSlot.id))?.status).toBe("Approved");
    expect((await felix.endpointDetails(toSite.id))?.status).toBe("Pending");

    await provider.deleteConnection(slotId, onSlot[0]!.name);
    expect(await provider.listConnections(slotId)).toEqual([]);
    expect((await felix.endpointDetails(toSlot.id))?.status).toBe("Disconnected");
    expect((await provider.listConnections(siteId)).map((c) => c.privateEndpointId)).toEqual([toSite.id]);
  });
});

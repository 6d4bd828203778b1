/**
 * The provider's operations with Crosslink's own identity (client credentials through MSAL at
 * the local Entra ID), against requests consumers make with their delegated tokens.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F, NORTHWIND_RESOURCES as N } from "../../dev/world/demo-resources";
import { AzureError } from "./azure-error";
import type { LroProgress } from "./lro";
import { FABRIKAM_MESSAGE, fabrikamEndpointRequest as felixRequest, failureOf, inPrefix, startTestWorld, type TestWorld } from "@/tests/support/test-world";

const FELIX = "felix@fabrikam.onmicrosoft.com";
const NORA = "nora@northwind.onmicrosoft.com";
const MESSAGE = FABRIKAM_MESSAGE;

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(() => w?.close());
beforeEach(() => w.reset());

describe("what the provider identity can manage", () => {
  it("lists the seeded web apps, the slot, the function app and the Private Link Service, all in Contoso's subscription", async () => {
    const resources = await w.provider().listManageableResources();
    const byId = Object.fromEntries(resources.map((r) => [r.id.toLowerCase(), r]));
    const get = (id: string) => byId[id.toLowerCase()];

    expect(get(C.sites.orders.id)).toMatchObject({ name: "contoso-orders", kind: "webApp", type: "Microsoft.Web/sites", location: C.location, resourceGroup: C.resourceGroup, subscriptionId: C.subscriptionId, parentId: null });
    expect(get(C.sites.billing.id)).toMatchObject({ kind: "webApp" });
    expect(get(C.sites.eventsFunc.id)).toMatchObject({ kind: "functionApp", armKind: expect.stringContaining("functionapp") });
    expect(get(C.sites.orders.slots.staging.id)).toMatchObject({ kind: "slot", type: "Microsoft.Web/sites/slots", parentId: C.sites.orders.id });
    expect(get(C.privateLinkService.id)).toMatchObject({ name: C.privateLinkService.name, kind: "privateLinkService", armKind: null, location: C.location });
    expect(resources).toHaveLength(5);
    // Crosslink's identity holds no role outside the provider tenant's subscription.
    expect(resources.every((r) => r.subscriptionId === C.subscriptionId)).toBe(true);
  });

  it("reads one of them by ID exactly as the list shows it, and null for one it cannot see", async () => {
    const provider = w.provider();
    const listed = await provider.listManageableResources();
    for (const id of [C.sites.orders.id, C.sites.eventsFunc.id, C.sites.orders.slots.staging.id, C.privateLinkService.id]) {
      expect(await provider.getManageableResource(id)).toEqual(listed.find((r) => r.id.toLowerCase() === id.toLowerCase()));
    }
    expect(await provider.getManageableResource(`${C.resourceGroupId}/providers/Microsoft.Web/sites/contoso-ghost`)).toBeNull();
  });
});

describe("a request to a web app: Pending, approve, disconnect, delete", () => {
  it("shows Pending with the request message, approves (long-running, with progress), and the consumer sees Approved with an IP in the subnet", async () => {
    const felix = w.consumer(FELIX);
    const provider = w.provider();
    const pe = await felix.createPrivateEndpoint(felixRequest("pe-orders"));

    const pending = await provider.listConnections(C.sites.orders.id);
    expect(pending).toHaveLength(1);
    const conn = pending[0]!;
    expect(conn).toMatchObject({
      targetResourceId: C.sites.orders.id,
      privateEndpointId: pe.id,
      status: "Pending",
      description: MESSAGE,
      provisioningState: "Succeeded",
    });
    expect(conn.name.startsWith("pe-orders-")).toBe(true);
    expect(conn.id.toLowerCase()).toBe(`${C.sites.orders.id}/privateEndpointConnections/${conn.name}`.toLowerCase());

    await w.admin("PUT", "/_local/lro", { minMs: 150, maxMs: 200, retryAfterSeconds: 0 });
    const seen: LroProgress[] = [];
    const approved = await provider.setConnectionState(
      C.sites.orders.id,
      conn.name,
      { status: "Approved", description: "Approved by Priya" },
      { onProgress: (p) => seen.push(p) },
    );
    expect(approved).toMatchObject({ name: conn.name, status: "Approved", description: "Approved by Priya", privateEndpointId: pe.id });
    expect(seen[0]?.phase).toBe("submitted");
    expect(seen.some((p) => p.phase === "running")).toBe(true);
    expect(seen.at(-1)).toMatchObject({ phase: "succeeded" });

    const details = (await felix.endpointDetails(pe.id))!;
    expect(details).toMatchObject({ status: "Approved", description: "Approved by Priya" });
    expect(details.privateIpAddresses).toHaveLength(1);
    expect(inPrefix(details.privateIpAddresses[0]!, F.vnet.subnets.endpoints.addressPrefix)).toBe(true);
    // The provider sees the same IP on its side of the connection.
    expect((await provider.listConnections(C.sites.orders.id))[0]?.ipAddresses).toEqual(details.privateIpAddresses);
  });

  it("deleting the connection leaves the consumer's endpoint Disconnected; the consumer deletes it; everything is gone", async () => {
    const felix = w.consumer(FELIX);
    const provider = w.provider();
    const pe = await felix.createPrivateEndpoint(felixRequest("pe-orders"));
    const [conn] = await provider.listConnections(C.sites.orders.id);
    await provider.setConnectionState(C.sites.orders.id, conn!.name, { status: "Approved", description: "ok" });

    const phases: string[] = [];
    await provider.deleteConnection(C.sites.orders.id, conn!.name, { onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe("submitted");
    expect(phases.at(-1)).toBe("succeeded");
    expect(await provider.listConnections(C.sites.orders.id)).toEqual([]);
    expect((await felix.endpointDetails(pe.id))?.status).toBe("Disconnected");
    // Removing it again is what the caller wanted: no error.
    await expect(provider.deleteConnection(C.sites.orders.id, conn!.name)).resolves.toBeUndefined();

    await felix.deletePrivateEndpoint(pe.id);
    expect(await felix.getPrivateEndpoint(pe.id)).toBeNull();
  });

  it("the consumer deleting a Pending endpoint removes the provider's connection", async () => {
    const felix = w.consumer(FELIX);
    const pe = await felix.createPrivateEndpoint(felixRequest("pe-orders"));
    expect(await w.provider().listConnections(C.sites.orders.id)).toHaveLength(1);
    await felix.deletePrivateEndpoint(pe.id);
    expect(await w.provider().listConnections(C.sites.orders.id)).toEqual([]);
  });
});

describe("rejecting", () => {
  it("shows Rejected with the provider's description to the consumer; approving afterwards is refused with a clear error", async () => {
    const felix = w.consumer(FELIX);
    const provider = w.provider();
    const pe = await felix.createPrivateEndpoint(felixRequest("pe-orders"));
    const [conn] = await provider.listConnections(C.sites.orders.id);
    const rejected = await provider.setConnectionState(C.sites.orders.id, conn!.name, { status: "Rejected", description: "Not a known customer" });
    expect(rejected).toMatchObject({ status: "Rejected", description: "Not a known customer" });
    expect(await felix.endpointDetails(pe.id)).toMatchObject({ status: "Rejected", description: "Not a known customer" });

    const err = await failureOf(provider.setConnectionState(C.sites.orders.id, conn!.name, { status: "Approved", description: "changed my mind" }));
    expect(err).toBeInstanceOf(AzureError);
    const e = err as AzureError;
    expect(e.status).toBe(400);
    expect(e.code).toBe("BadRequest");
    expect(e.retryable).toBe(false);
    expect(e.userMessage).toMatch(/rejected/i);
    expect((await provider.listConnections(C.sites.orders.id))[0]?.status).toBe("Rejected");
  });
});

describe("a deployment slot (sites-staging)", () => {
  it("is requested through the site's ID, appears on the slot only, and is approved and removed there", async () => {
    const felix = w.consumer(FELIX);
    const provider = w.provider();
    const slotId = C.sites.orders.slots.staging.id;
    const pe = await felix.createPrivateEndpoint(felixRequest("pe-orders-staging", { groupIds: [C.sites.orders.slots.staging.groupId] }));
    expect(pe.connection).toMatchObject({ targetResourceId: C.sites.orders.id, groupIds: ["sites-staging"] });

    expect(await provider.listConnections(C.sites.orders.id)).toEqual([]);
    const onSlot = await provider.listConnections(slotId);
    expect(onSlot).toHaveLength(1);
    expect(onSlot[0]).toMatchObject({ targetResourceId: slotId, status: "Pending", description: MESSAGE, privateEndpointId: pe.id });

    const approved = await provider.setConnectionState(slotId, onSlot[0]!.name, { status: "Approved", description: "staging ok" });
    expect(approved.status).toBe("Approved");
    const details = await felix.endpointDetails(pe.id);
    expect(details).toMatchObject({ status: "Approved" });
    expect(details!.dnsRecords.map((d) => d.fqdn)).toEqual(["contoso-orders-staging.azurewebsites.net", "contoso-orders-staging.scm.azurewebsites.net"]);

    await provider.deleteConnection(slotId, onSlot[0]!.name);
    expect(await provider.listConnections(slotId)).toEqual([]);
    expect((await felix.endpointDetails(pe.id))?.status).toBe("Disconnected");
  });
});

describe("a Private Link Service", () => {
  it("takes Nora's request (no group IDs); approval is synchronous; removal leaves her endpoint Disconnected", async () => {
    const nora = w.consumer(NORA);
    const provider = w.provider();
    const pe = await nora.createPrivateEndpoint({
      subscriptionId: N.subscriptionId,
      resourceGroup: N.resourceGroup,
      name: "pe-pls",
      location: N.location,
      subnetId: N.vnet.subnets.endpoints.id,
      targetResourceId: C.privateLinkService.id,
      groupIds: [],
      requestMessage: "Northwind needs the orders API",
    });
    expect(pe.connection).toMatchObject({ targetResourceId: C.privateLinkService.id, groupIds: [], state: { status: "Pending" } });

    const conns = await provider.listConnections(C.privateLinkService.id);
    expect(conns).toHaveLength(1);
    expect(conns[0]).toMatchObject({ targetResourceId: C.privateLinkService.id, privateEndpointId: pe.id, status: "Pending", description: "Northwind needs the orders API" });

    const phases: string[] = [];
    const approved = await provider.setConnectionState(C.privateLinkService.id, conns[0]!.name, { status: "Approved", description: "welcome" }, { onProgress: (p) => phases.push(p.phase) });
    expect(approved).toMatchObject({ status: "Approved", description: "welcome" });
    expect(phases).toEqual(["succeeded"]); // synchronous: nothing to poll

    const details = await nora.endpointDetails(pe.id);
    expect(details).toMatchObject({ status: "Approved", description: "welcome" });
    expect(details!.dnsRecords.map((d) => d.fqdn)).toEqual(C.privateLinkService.fqdns);
    expect(inPrefix(details!.privateIpAddresses[0]!, N.vnet.subnets.endpoints.addressPrefix)).toBe(true);

    await provider.deleteConnection(C.privateLinkService.id, conns[0]!.name);
    expect(await provider.listConnections(C.privateLinkService.id)).toEqual([]);
    expect((await nora.endpointDetails(pe.id))?.status).toBe("Disconnected");
  });
});

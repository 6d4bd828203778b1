/**
 * The consumer's operations against the real local ARM and local Entra ID: Felix (Fabrikam) with
 * his own delegated token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F } from "../../dev/world/demo-resources";
import { DEMO_TENANTS } from "../../dev/world/demo-tenants";
import type { LroProgress } from "./lro";
import { fabrikamEndpointRequest as request, inPrefix, startTestWorld, type TestWorld } from "@/tests/support/test-world";

const FELIX = "felix@fabrikam.onmicrosoft.com";
const fabrikam = DEMO_TENANTS.find((t) => t.key === "fabrikam")!;

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(() => w?.close());
beforeEach(() => w.reset());

describe("Felix's subscriptions and networks", () => {
  it("lists only his own subscription, with its state and tenant", async () => {
    const subs = await w.consumer(FELIX).listSubscriptions();
    expect(subs).toEqual([{ subscriptionId: F.subscriptionId, displayName: fabrikam.subscriptionName, state: "Enabled", tenantId: fabrikam.tenantId }]);
  });

  it("lists his VNet with location, resource group and subnets; the delegated subnet is not allowed, with the reason", async () => {
    const vnets = await w.consumer(FELIX).listVirtualNetworks(F.subscriptionId);
    expect(vnets).toHaveLength(1);
    const vnet = vnets[0]!;
    expect(vnet).toMatchObject({
      id: F.vnet.id,
      name: F.vnet.name,
      location: F.location,
      resourceGroup: F.resourceGroup,
      subscriptionId: F.subscriptionId,
      addressPrefixes: [F.vnet.addressPrefix],
    });
    const byName = Object.fromEntries(vnet.subnets.map((s) => [s.name, s]));
    expect(byName["snet-endpoints"]).toEqual({
      id: F.vnet.subnets.endpoints.id,
      name: "snet-endpoints",
      addressPrefixes: [F.vnet.subnets.endpoints.addressPrefix],
      delegations: [],
      endpointAllowed: true,
      reason: null,
    });
    const delegated = byName["snet-appservice"]!;
    expect(delegated).toMatchObject({ endpointAllowed: false, delegations: ["Microsoft.Web/serverFarms"], addressPrefixes: ["10.1.2.0/24"] });
    expect(delegated.reason).toContain("Microsoft.Web/serverFarms");
    expect(delegated.reason).toMatch(/App Service VNet integration/);
    expect(delegated.reason).toMatch(/does not allow private endpoints in a delegated subnet/);
  });
});

describe("Felix's private endpoint to Contoso's contoso-orders", () => {
  it("is created through the SDK poller with progress reported, and comes back Pending with the request", async () => {
    // Long enough that the poller sees the operation still running at least once.
    await w.admin("PUT", "/_local/lro", { minMs: 150, maxMs: 200, retryAfterSeconds: 0 });
    const seen: LroProgress[] = [];
    const pe = await w.consumer(FELIX).createPrivateEndpoint(request("pe-orders"), { onProgress: (p) => seen.push(p) });

    expect(seen[0]).toMatchObject({ phase: "submitted", provisioningState: "Updating" });
    expect(seen.filter((p) => p.phase === "running").length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ phase: "succeeded", provisioningState: "Succeeded" });
    expect(seen.filter((p) => p.phase === "succeeded")).toHaveLength(1);
    const polls = seen.map((p) => p.polls);
    expect(polls).toEqual([...polls].sort((a, b) => a - b));

    expect(pe).toMatchObject({
      id: `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-orders`,
      name: "pe-orders",
      subscriptionId: F.subscriptionId,
      resourceGroup: F.resourceGroup,
      location: F.location,
      provisioningState: "Succeeded",
      subnetId: F.vnet.subnets.endpoints.id,
      connection: {
        name: "pe-orders",
        kind: "manual",
        targetResourceId: C.sites.orders.id,
        groupIds: ["sites"],
        requestMessage: "Fabrikam orders integration, ticket FAB-42",
        state: { status: "Pending", description: "Awaiting approval", actionsRequired: "None" },
      },
    });
    expect(pe.networkInterfaceIds).toHaveLength(1);
  });

  it("reads back with getPrivateEndpoint, and its details carry the NIC's IP and the DNS names", async () => {
    const consumer = w.consumer(FELIX);
    const created = await consumer.createPrivateEndpoint(request("pe-orders"));
    expect(await consumer.getPrivateEndpoint(created.id)).toEqual(created);

    const details = await consumer.endpointDetails(created.id);
    expect(details).not.toBeNull();
    expect(details).toMatchObject({
      id: created.id,
      status: "Pending",
      description: "Awaiting approval",
      targetResourceId: C.sites.orders.id,
      groupIds: ["sites"],
      requestMessage: "Fabrikam orders integration, ticket FAB-42",
      networkInterfaceId: created.networkInterfaceIds[0],
    });
    expect(details!.privateIpAddresses).toHaveLength(1);
    const ip = details!.privateIpAddresses[0]!;
    expect(inPrefix(ip, F.vnet.subnets.endpoints.addressPrefix)).toBe(true);
    expect(details!.dnsRecords).toEqual([
      { fqdn: "contoso-orders.azurewebsites.net", ipAddresses: [ip] },
      { fqdn: "contoso-orders.scm.azurewebsites.net", ipAddresses: [ip] },
    ]);
  });

  it("getPrivateEndpoint and endpointDetails answer null for an endpoint that does not exist", async () => {
    const missing = `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-nothing-here`;
    expect(await w.consumer(FELIX).getPrivateEndpoint(missing)).toBeNull();
    expect(await w.consumer(FELIX).endpointDetails(missing)).toBeNull();
  });

  it("is deleted with progress; deleting it again is still a success", async () => {
    const consumer = w.consumer(FELIX);
    const created = await consumer.createPrivateEndpoint(request("pe-orders"));
    const seen: LroProgress["phase"][] = [];
    await consumer.deletePrivateEndpoint(created.id, { onProgress: (p) => seen.push(p.phase) });
    expect(seen[0]).toBe("submitted");
    expect(seen.at(-1)).toBe("succeeded");
    expect(await consumer.getPrivateEndpoint(created.id)).toBeNull();
    await expect(consumer.deletePrivateEndpoint(created.id)).resolves.toBeUndefined();
    expect(w.arm.world.inspect().connections).toHaveLength(0);
  });
});

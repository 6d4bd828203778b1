/**
 * Faults injected into the local ARM (its /_local/faults admin API): the SDK's own retry policy
 * rides through 429s, and what cannot be ridden through surfaces as an AzureError. The request
 * counts show there is exactly one retry layer (the SDK's), not a second one in lib/azure.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F } from "../../dev/world/demo-resources";
import { AzureError } from "./azure-error";
import type { LroProgress } from "./lro";
import { fabrikamEndpointRequest as request, failureOf, startTestWorld, type TestWorld } from "@/tests/support/test-world";

const FELIX = "felix@fabrikam.onmicrosoft.com";

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(() => w?.close());
beforeEach(() => w.reset());

async function azureErrorOf(p: Promise<unknown>): Promise<AzureError> {
  const err = await failureOf(p);
  expect(err).toBeInstanceOf(AzureError);
  return err as AzureError;
}

const faultStats = async () => (await w.admin("GET", "/_local/faults")).stats as { injected429: number; injected500: number; dropped: number; lroFailed: number };

describe("throttling", () => {
  it("rides through injected 429s with the SDK's retries (Retry-After honoured)", async () => {
    const consumer = w.consumer(FELIX, { maxRetries: 10 });
    await w.admin("PUT", "/_local/faults", { seed: 7, p429: 0.5, retryAfterSeconds: 0, resetStats: true });
    for (let i = 0; i < 6; i++) {
      const vnets = await consumer.listVirtualNetworks(F.subscriptionId);
      expect(vnets.map((v) => v.name)).toEqual([F.vnet.name]);
    }
    expect((await faultStats()).injected429).toBeGreaterThan(0);
  });

  it("rides through the local ARM's real token-bucket throttling", async () => {
    const consumer = w.consumer(FELIX);
    await w.admin("PUT", "/_local/throttling", { enabled: true, reads: { burst: 2, perSecond: 20 } });
    await w.admin("POST", "/_local/stats/reset");
    for (let i = 0; i < 4; i++) expect(await consumer.listVirtualNetworks(F.subscriptionId)).toHaveLength(1);
    expect((await w.admin("GET", "/_local/stats")).throttled).toBeGreaterThan(0);
  });

  it("gives up after the configured retries with a retryable AzureError", async () => {
    const consumer = w.consumer(FELIX, { maxRetries: 2 });
    await w.admin("PUT", "/_local/faults", { p429: 1, retryAfterSeconds: 0, resetStats: true });
    const e = await azureErrorOf(consumer.listVirtualNetworks(F.subscriptionId));
    expect(e).toMatchObject({ status: 429, code: "SubscriptionRequestsThrottled", retryable: true });
    expect(e.userMessage).toMatch(/throttling/);
    expect(e.requestId).toBeTruthy();
    expect((await faultStats()).injected429).toBe(3); // one try + 2 retries: no second retry layer
  });
});

describe("server errors and dropped connections", () => {
  it("surfaces 500s as a retryable AzureError once the SDK's retries are used up", async () => {
    const consumer = w.consumer(FELIX, { maxRetries: 1 });
    await w.admin("PUT", "/_local/faults", { p500: 1, resetStats: true });
    const e = await azureErrorOf(consumer.getPrivateEndpoint(`${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-any`));
    expect(e).toMatchObject({ status: 500, code: "InternalServerError", retryable: true });
    expect(e.userMessage).toMatch(/temporary problem \(HTTP 500/);
    expect((await faultStats()).injected500).toBe(2);
  });

  it("turns connections dropped on every attempt into a NetworkError", async () => {
    const consumer = w.consumer(FELIX, { maxRetries: 1 });
    await w.admin("PUT", "/_local/faults", { pDrop: 1, resetStats: true });
    const e = await azureErrorOf(consumer.listSubscriptions());
    expect(e).toMatchObject({ status: null, code: "NetworkError", retryable: true });
    expect(e.userMessage).toMatch(/could not reach Azure Resource Manager/);
    expect((await faultStats()).dropped).toBe(2);
  });
});

describe("long-running operations that fail", () => {
  it("endpoint creation: an AzureError with the operation's code; the provider never sees a request", async () => {
    const consumer = w.consumer(FELIX);
    await w.admin("PUT", "/_local/faults", { pLroFail: 1 });
    const phases: LroProgress["phase"][] = [];
    const e = await azureErrorOf(consumer.createPrivateEndpoint(request("pe-fails"), { onProgress: (p) => phases.push(p.phase) }));
    expect(e).toMatchObject({ status: null, code: "InternalServerError", retryable: true });
    expect(e.userMessage).toMatch(/operation failed \(InternalServerError\)/);
    expect(phases[0]).toBe("submitted");
    expect(phases).not.toContain("succeeded");

    await w.admin("PUT", "/_local/faults", { reset: true });
    expect((await consumer.getPrivateEndpoint(`${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-fails`))?.provisioningState).toBe("Failed");
    expect(await w.provider().listConnections(C.sites.orders.id)).toEqual([]);
  });

  it("approval on App Service (the newer SDK's poller): an AzureError; the connection stays Pending", async () => {
    const provider = w.provider();
    await w.consumer(FELIX).createPrivateEndpoint(request("pe-orders"));
    const [conn] = await provider.listConnections(C.sites.orders.id);
    await w.admin("PUT", "/_local/faults", { pLroFail: 1 });
    const e = await azureErrorOf(provider.setConnectionState(C.sites.orders.id, conn!.name, { status: "Approved", description: "ok" }));
    expect(e.retryable).toBe(true);
    expect(e.code).toBe("InternalServerError");
    await w.admin("PUT", "/_local/faults", { reset: true });
    expect((await provider.listConnections(C.sites.orders.id))[0]?.status).toBe("Pending");
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "@/tests/support/test-world";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import type { Services } from "@/lib/services";
import { fileRequest } from "@/lib/connections/file-request";
import { decide, decideMany } from "@/lib/connections/decide";
import { withdrawRequest, retryCreation, discardRequest } from "@/lib/connections/consumer-actions";
import { listOnboardingCandidates } from "@/lib/connections/onboarding";
import { providerInbox } from "@/lib/connections/provider-inbox";
import { stateCountsFor } from "@/lib/connections/state-counts";
import { requestForConsumer, requestForProvider } from "@/lib/connections/request-detail";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { verifyAuditChain } from "@/lib/audit/audit-log";
import { drainOutbox, openJourney } from "@/tests/support/journey";
import { DEMO_RESOURCES } from "@/dev/world/demo-resources";

/**
 * The core journey through the use cases, with a real database, the real local Entra ID (sign-in,
 * delegated tokens from the session cache, client credentials) and the real local ARM.
 */
let world: TestWorld;
let db: Db;
let cleanup: () => Promise<void>;
let services: Services;
let felix: Principal;
let nora: Principal;
let priya: Principal;

const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;
const FABRIKAM_SUB = DEMO_RESOURCES.fabrikam.subscriptionId;
const FABRIKAM_SUBNET = DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id;
const FABRIKAM_DELEGATED = DEMO_RESOURCES.fabrikam.vnet.subnets.appservice.id;

const drain = (options: { fastForwardRetries?: boolean } = {}) => drainOutbox(db, services, options);

async function file(principal: Principal, overrides: Record<string, string> = {}) {
  return fileRequest(
    { db, consumerAzure: services.consumerAzureFor(principal) },
    principal,
    {
      targetResourceId: ORDERS,
      groupId: "sites",
      requestMessage: "Fabrikam billing needs private access (ticket 4711)",
      subscriptionId: FABRIKAM_SUB,
      subnetId: FABRIKAM_SUBNET,
      endpointName: `pe-orders-${Math.random().toString(36).slice(2, 8)}`,
      ...overrides,
    },
  );
}

beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());
beforeEach(async () => {
  await world.reset();
  ({ db, cleanup, services, felix, nora, priya } = await openJourney(world));
});
afterEach(() => cleanup());

describe("onboarding", () => {
  it("lists what the provider identity can see and registers a resource", async () => {
    const rows = await listOnboardingCandidates({ db, providerAzure: services.providerAzure() }, priya);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(["contoso-orders", "contoso-billing", "contoso-events-func", "contoso-orders/staging", "contoso-pls"]));
    expect(rows.find((r) => r.name === "contoso-orders")?.managed).toBe(true);
    expect(rows.find((r) => r.name === "contoso-billing")?.managed).toBe(false);
    await expect(listOnboardingCandidates({ db, providerAzure: services.providerAzure() }, felix)).rejects.toThrow(/provider role/);
  });
});

describe("the core journey", () => {
  it("files, creates the endpoint, the provider approves, and the consumer sees Approved with a DNS guide", async () => {
    const { requestId } = await file(felix);
    let view = await requestForConsumer(db, felix, requestId);
    expect(view.state).toBe("Creating");
    expect(view.transitions.map((t) => t.toState)).toEqual(["Filed", "Creating"]);

    await drain();
    view = await requestForConsumer(db, felix, requestId);
    expect(view.state).toBe("Pending");
    expect(view.endpointResourceId).toMatch(/\/privateEndpoints\/pe-orders-/);

    const inbox = await providerInbox(db, priya, { state: "Pending" });
    expect(inbox.counts.Pending).toBe(1);
    expect(inbox.rows[0]).toMatchObject({ id: requestId, consumerTenantName: "Fabrikam", requesterName: "Felix Fischer", requestMessage: "Fabrikam billing needs private access (ticket 4711)" });

    await decide(db, priya, { requestId, decision: "approve", note: "Welcome aboard" });
    expect((await requestForProvider(db, priya, requestId)).pendingAction).toBe("approve");
    await drain();

    view = await requestForConsumer(db, felix, requestId);
    expect(view.state).toBe("Approved");
    expect(view.decisionNote).toBe("Welcome aboard");
    expect(view.dnsGuide).toMatchObject({ ok: true, kind: "private_dns_zone", zoneName: "privatelink.azurewebsites.net" });
    const ips = view.privateIps.flatMap((p) => p.ips);
    expect(ips.some((ip) => ip.startsWith("10.1."))).toBe(true);
    // Azure agrees: the consumer's endpoint now reads Approved.
    const endpoint = await services.consumerAzureFor(felix).endpointDetails(view.endpointResourceId!);
    expect(endpoint?.status).toBe("Approved");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect((await db.auditEvent.findMany({ where: { targetId: requestId } })).map((a) => a.action)).toEqual([
      "request.filed",
      "request.endpoint_created",
      "request.approve_requested",
      "request.approved",
    ]);
  });

  it("rejects with a reason; a rejected request cannot be approved", async () => {
    const { requestId } = await file(felix);
    await drain();
    await expect(decide(db, priya, { requestId, decision: "reject" })).rejects.toBeInstanceOf(ValidationError);
    await decide(db, priya, { requestId, decision: "reject", note: "Not a customer" });
    await drain();
    const view = await requestForConsumer(db, felix, requestId);
    expect(view.state).toBe("Rejected");
    const refused = await decide(db, priya, { requestId, decision: "approve" }).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/rejected by Priya Patel.*cannot be approved/);
  });

  it("disconnects an approved connection; re-approving an approved one is a harmless no-op", async () => {
    const { requestId } = await file(felix);
    await drain();
    await decide(db, priya, { requestId, decision: "approve" });
    await drain();
    expect(await decide(db, priya, { requestId, decision: "approve" })).toMatchObject({ outcome: "no_change", state: "Approved" });
    await decide(db, priya, { requestId, decision: "disconnect" });
    await drain();
    const view = await requestForConsumer(db, felix, requestId);
    expect(view.state).toBe("Disconnected");
    expect((await services.consumerAzureFor(felix).endpointDetails(view.endpointResourceId!))?.status).toBe("Disconnected");
  });

  it("lets the consumer withdraw: the endpoint is deleted in Azure", async () => {
    const { requestId } = await file(felix);
    await drain();
    const endpointId = (await requestForConsumer(db, felix, requestId)).endpointResourceId!;
    await withdrawRequest(db, felix, requestId);
    await drain();
    expect((await requestForConsumer(db, felix, requestId)).state).toBe("Withdrawn");
    expect(await services.consumerAzureFor(felix).getPrivateEndpoint(endpointId)).toBeNull();
  });

  it("one of two simultaneous decisions wins; the other is told who decided", async () => {
    const { requestId } = await file(felix);
    await drain();
    const version = (await requestForProvider(db, priya, requestId)).version;
    await decide(db, priya, { requestId, decision: "approve", expectedVersion: version });
    const second = await decide(db, priya, { requestId, decision: "reject", note: "no", expectedVersion: version }).catch((e) => e);
    expect(second).toBeInstanceOf(ConflictError);
    expect((second as Error).message).toMatch(/Priya Patel is already approving/);
  });

  it("bulk decisions report per item", async () => {
    const a = await file(felix);
    const b = await file(felix);
    await drain();
    const results = await decideMany(db, priya, { requestIds: [a.requestId, b.requestId, "unknown-id"], decision: "approve" });
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]!.message).toMatch(/not found/);
    await drain();
    expect((await providerInbox(db, priya, {})).counts.Approved).toBe(2);
    // The maintained counts agree with counting the rows.
    const maintained = await stateCountsFor(db, priya.tenantId);
    const counted = await db.connectionRequest.groupBy({ by: ["state"], where: { providerTenantId: priya.tenantId }, _count: { _all: true } });
    for (const g of counted) expect(maintained[g.state as keyof typeof maintained], g.state).toBe(g._count._all);
    expect(Object.values(maintained).reduce((a, b) => a + b, 0)).toBe(2);
    expect((await providerInbox(db, priya, { q: "ticket" })).counts.Approved).toBe(2);
    // The resource filter takes the resource's id or its name; another name matches nothing.
    const resourceId = (await db.providerResource.findFirstOrThrow({ where: { name: "contoso-orders" } })).id;
    expect((await providerInbox(db, priya, { state: "Approved", resource: resourceId })).rows).toHaveLength(2);
    expect((await providerInbox(db, priya, { state: "Approved", resource: "contoso-orders" })).rows).toHaveLength(2);
    expect((await providerInbox(db, priya, { state: "Approved", resource: "contoso-billing" })).rows).toHaveLength(0);
  });

  it("records a failed creation in plain words, then retries and discards", async () => {
    // Make the create fail for good in Azure: every long-running operation fails.
    await world.admin("PUT", "/_local/faults", { pLroFail: 1 });
    const { requestId } = await file(felix);
    await drain({ fastForwardRetries: true });
    let view = await requestForConsumer(db, felix, requestId);
    expect(view.state).toBe("Failed");
    expect(view.lastError).toBeTruthy();
    await world.admin("PUT", "/_local/faults", { reset: true });
    await retryCreation(db, felix, requestId);
    await drain();
    view = await requestForConsumer(db, felix, requestId);
    expect(view.state).toBe("Pending");
    await expect(discardRequest(db, felix, requestId)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("bulk decisions", () => {
  it("checks the shared decision and note once, before touching any request", async () => {
    const { requestId } = await file(felix);
    await drain();
    const missingReason = await decideMany(db, priya, { requestIds: [requestId], decision: "reject" }).catch((e: unknown) => e);
    expect(missingReason).toBeInstanceOf(ValidationError);
    expect((missingReason as ValidationError).fieldErrors).toEqual({ note: "Give the consumers a reason for the rejection." });
    const nothingSelected = await decideMany(db, priya, { requestIds: [], decision: "approve" }).catch((e: unknown) => e);
    expect((nothingSelected as ValidationError).fieldErrors).toEqual({ requestIds: "Select at least one request." });
    expect((await requestForProvider(db, priya, requestId)).pendingAction).toBeNull();
  });
});

describe("a decision Azure refuses", () => {
  it("keeps Azure's reason on the request until the next attempt, which starts clean", async () => {
    const { requestId } = await file(felix);
    await drain();
    await world.admin("PUT", "/_local/faults", { p500: 1, pathFilter: "privateEndpointConnections" });
    await decide(db, priya, { requestId, decision: "approve" });
    await drain({ fastForwardRetries: true });
    let view = await requestForProvider(db, priya, requestId);
    expect(view).toMatchObject({ state: "Pending", pendingAction: null });
    expect(view.lastError).toBeTruthy();

    await world.admin("PUT", "/_local/faults", { reset: true });
    await decide(db, priya, { requestId, decision: "approve" });
    view = await requestForProvider(db, priya, requestId);
    expect(view).toMatchObject({ pendingAction: "approve", lastError: null });
    await drain();
    expect(await requestForProvider(db, priya, requestId)).toMatchObject({ state: "Approved", lastError: null });
  });
});

describe("bad input and isolation", () => {
  it("refuses bad input with specific messages and changes nothing", async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ targetResourceId: "/subscriptions/x" }, "targetResourceId", /subscription/i],
      [{ groupId: "blob" }, "groupId", /group/i],
      [{ requestMessage: "x".repeat(141) }, "requestMessage", /140/],
      [{ endpointName: "-bad-" }, "endpointName", /./],
      [{ subnetId: FABRIKAM_DELEGATED }, "subnetId", /delegat/i],
      [{ targetResourceId: DEMO_RESOURCES.contoso.sites.billing.id }, "targetResourceId", /not offered through Crosslink/],
    ];
    for (const [overrides, field, pattern] of cases) {
      const err = await file(felix, overrides).catch((e) => e);
      expect(err, field).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fieldErrors[field], field).toMatch(pattern);
    }
    expect(await db.connectionRequest.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("another tenant's request is not found, for reading and for acting", async () => {
    const { requestId } = await file(felix);
    await expect(requestForConsumer(db, nora, requestId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawRequest(db, nora, requestId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestForProvider(db, felix, requestId)).rejects.toThrow(/provider role/);
    await expect(decide(db, nora, { requestId, decision: "approve" })).rejects.toThrow(/provider role/);
  });
});

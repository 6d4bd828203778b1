import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "@/tests/support/test-world";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import type { Services } from "@/lib/services";
import { setManaged } from "@/lib/connections/onboarding";
import { registerExistingEndpoint, UNREADABLE_ENDPOINT_MESSAGE } from "@/lib/connections/register-existing";
import { requestForConsumer } from "@/lib/connections/request-detail";
import { providerInbox } from "@/lib/connections/provider-inbox";
import { withdrawRequest } from "@/lib/connections/consumer-actions";
import { ValidationError } from "@/lib/core/errors";
import { verifyAuditChain } from "@/lib/audit/audit-log";
import { drainOutbox, openJourney } from "@/tests/support/journey";
import { DEMO_RESOURCES } from "@/dev/world/demo-resources";
import { ARM_RESOURCE } from "@/dev/world/demo-tenants";
import { userToken } from "@/dev/entra/test-support";
import { networkClient, StaticTokenCredential } from "@/dev/arm/test-support/sdk";

/**
 * Registering an endpoint created outside Crosslink ("I created it with the CLI"), against a real
 * database and the real local Entra ID and ARM: the endpoints are created with the consumer's own
 * ConsumerAzure, exactly as a person with the az CLI would, then registered.
 */
let world: TestWorld;
let db: Db;
let cleanup: () => Promise<void>;
let services: Services;
let felix: Principal;
let nora: Principal;
let priya: Principal;

const C = DEMO_RESOURCES.contoso;
const F = DEMO_RESOURCES.fabrikam;
const ORDERS = C.sites.orders.id;
const STAGING = C.sites.orders.slots.staging.id;
const BILLING = C.sites.billing.id;

const drain = (options: { fastForwardRetries?: boolean } = {}) => drainOutbox(db, services, options);

/** What `az network private-endpoint create --manual-request` does, with Felix's own token. */
async function createWithCli(options: { target?: string; groupIds?: string[]; message?: string; name?: string } = {}) {
  const name = options.name ?? `pe-cli-${Math.random().toString(36).slice(2, 8)}`;
  return world.consumer("felix@fabrikam.onmicrosoft.com").createPrivateEndpoint({
    subscriptionId: F.subscriptionId,
    resourceGroup: F.resourceGroup,
    name,
    location: F.location,
    subnetId: F.vnet.subnets.endpoints.id,
    targetResourceId: options.target ?? ORDERS,
    groupIds: options.groupIds ?? ["sites"],
    requestMessage: options.message ?? "Created with the CLI for the billing team",
  });
}

function register(principal: Principal, privateEndpointId: string, targetResourceId = ORDERS) {
  return registerExistingEndpoint({ db, consumerAzure: services.consumerAzureFor(principal) }, principal, { privateEndpointId, targetResourceId }, { httpRequestId: "req-test" });
}

async function fieldErrorsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const err = await p.then(
    () => {
      throw new Error("expected a ValidationError, but the call succeeded");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fieldErrors;
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

describe("registering an existing endpoint", () => {
  it("records a Pending request with the endpoint's details, a timeline entry and an audit entry", async () => {
    const endpoint = await createWithCli();
    const { requestId, state } = await register(felix, endpoint.id);
    expect(state).toBe("Pending");

    const view = await requestForConsumer(db, felix, requestId);
    expect(view).toMatchObject({
      state: "Pending",
      source: "registered",
      endpointResourceId: endpoint.id,
      endpointName: endpoint.name,
      endpointLocation: "westeurope",
      endpointResourceGroup: F.resourceGroup,
      subnetId: F.vnet.subnets.endpoints.id,
      groupId: "sites",
      targetName: "contoso-orders",
      requestMessage: "Created with the CLI for the billing team",
      azureStatus: "Pending",
      pendingAction: null,
    });
    // The NIC's address, read from Azure with Felix's token.
    expect(view.privateIps.flatMap((p) => p.ips).some((ip) => ip.startsWith("10.1.1."))).toBe(true);
    expect(view.privateIps.some((p) => p.fqdn === "contoso-orders.privatelink.azurewebsites.net" || p.fqdn === "contoso-orders.azurewebsites.net")).toBe(true);
    expect(view.transitions).toHaveLength(1);
    expect(view.transitions[0]).toMatchObject({ fromState: null, toState: "Pending", actorLabel: "Felix Fischer (Fabrikam)" });
    expect(view.transitions[0]!.note).toMatch(/Registered an existing private endpoint/);
    expect(view.actions).toEqual(["withdraw"]);

    const audit = await db.auditEvent.findMany({ where: { targetId: requestId } });
    expect(audit.map((a) => a.action)).toEqual(["request.registered"]);
    expect(audit[0]).toMatchObject({ actorLabel: "Felix Fischer (Fabrikam)", tenantId: felix.tenantId, requestId: "req-test" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // The provider sees it in the inbox like any other request.
    const inbox = await providerInbox(db, priya, { state: "Pending" });
    expect(inbox.rows.map((r) => r.id)).toContain(requestId);
  });

  it("starts in the state Azure reports: approved outside Crosslink is Approved, with a DNS guide", async () => {
    const endpoint = await createWithCli();
    const provider = services.providerAzure();
    const connection = (await provider.listConnections(ORDERS)).find((c) => c.privateEndpointId?.toLowerCase() === endpoint.id.toLowerCase());
    expect(connection).toBeDefined();
    await provider.setConnectionState(ORDERS, connection!.name, { status: "Approved", description: "Approved in the portal" });

    const { requestId, state } = await register(felix, endpoint.id);
    expect(state).toBe("Approved");
    const view = await requestForConsumer(db, felix, requestId);
    expect(view.decisionNote).toBe("Approved in the portal");
    expect(view.dnsGuide).toMatchObject({ ok: true, kind: "private_dns_zone", zoneName: "privatelink.azurewebsites.net" });
    expect(view.actions).toEqual(["withdraw"]);
  });

  it("accepts a portal address, and a slot named by its own ID (reached with sites-<slot>)", async () => {
    await setManaged({ db, providerAzure: services.providerAzure() }, priya, { resourceId: STAGING, manage: true });
    const endpoint = await createWithCli({ target: ORDERS, groupIds: ["sites-staging"] });
    const portal = `https://portal.azure.com/#@fabrikam.onmicrosoft.com/resource${endpoint.id}/overview`;
    const { requestId } = await register(felix, portal, STAGING);
    const view = await requestForConsumer(db, felix, requestId);
    expect(view).toMatchObject({ groupId: "sites-staging", targetName: "contoso-orders/staging", state: "Pending" });
  });

  it("is followed like any other request afterwards: withdrawing deletes the endpoint in Azure", async () => {
    const endpoint = await createWithCli();
    const { requestId } = await register(felix, endpoint.id);
    await withdrawRequest(db, felix, requestId);
    await drain();
    expect((await requestForConsumer(db, felix, requestId)).state).toBe("Withdrawn");
    expect(await services.consumerAzureFor(felix).getPrivateEndpoint(endpoint.id)).toBeNull();
  });
});

describe("refusals: specific, and nothing is written", () => {
  it("refuses IDs that are not IDs, both at once", async () => {
    const errors = await fieldErrorsOf(register(felix, "not-an-id", "/subscriptions/x"));
    expect(errors.privateEndpointId).toBeTruthy();
    expect(errors.targetResourceId).toMatch(/subscription/i);
    const wrongKind = await fieldErrorsOf(register(felix, F.vnet.subnets.endpoints.id));
    expect(wrongKind.privateEndpointId).toMatch(/private endpoint/i);
  });

  it("an endpoint that does not exist, or that the user cannot read, gets the same answer", async () => {
    const missing = `/subscriptions/${F.subscriptionId}/resourceGroups/${F.resourceGroup}/providers/Microsoft.Network/privateEndpoints/pe-nothing-here`;
    expect((await fieldErrorsOf(register(felix, missing))).privateEndpointId).toBe(UNREADABLE_ENDPOINT_MESSAGE);
    // Nora (Northwind) names Felix's endpoint: Azure refuses her token for Fabrikam's subscription.
    const endpoint = await createWithCli();
    expect((await fieldErrorsOf(register(nora, endpoint.id))).privateEndpointId).toBe(UNREADABLE_ENDPOINT_MESSAGE);
    // A resource group that does not exist either.
    const noGroup = `/subscriptions/${F.subscriptionId}/resourceGroups/rg-nope/providers/Microsoft.Network/privateEndpoints/pe-x`;
    expect((await fieldErrorsOf(register(felix, noGroup))).privateEndpointId).toBe(UNREADABLE_ENDPOINT_MESSAGE);
    expect(await db.connectionRequest.count()).toBe(0);
  });

  it("an endpoint that connects to something else than the named resource", async () => {
    await setManaged({ db, providerAzure: services.providerAzure() }, priya, { resourceId: BILLING, manage: true });
    await setManaged({ db, providerAzure: services.providerAzure() }, priya, { resourceId: STAGING, manage: true });
    const endpoint = await createWithCli({ target: ORDERS });
    expect((await fieldErrorsOf(register(felix, endpoint.id, BILLING))).targetResourceId).toBe(
      "That endpoint connects to contoso-orders, not to contoso-billing. Name the resource the endpoint connects to.",
    );
    // The production app, named as its staging slot.
    expect((await fieldErrorsOf(register(felix, endpoint.id, STAGING))).targetResourceId).toMatch(/connects to contoso-orders, not to the slot staging/);
    expect(await db.connectionRequest.count()).toBe(0);
  });

  it("a resource no provider manages through Crosslink", async () => {
    const endpoint = await createWithCli({ target: BILLING });
    expect((await fieldErrorsOf(register(felix, endpoint.id, BILLING))).targetResourceId).toMatch(/not offered through Crosslink/);
  });

  it("an endpoint with an automatic (not manual) connection", async () => {
    // Priya owns Contoso's subscription and holds the approval right, so her endpoint is auto-approved.
    const token = await userToken(world.entra.url, "priya@contoso.onmicrosoft.com", ARM_RESOURCE.delegatedScope);
    const network = networkClient(new StaticTokenCredential(token.accessToken), C.subscriptionId, { endpoint: world.arm.url, retryDelayInMs: 5 });
    const auto = await network.privateEndpoints.beginCreateOrUpdateAndWait(
      C.resourceGroup,
      "pe-auto-orders",
      {
        location: C.location,
        subnet: { id: C.vnet.subnets.pls.id },
        privateLinkServiceConnections: [{ name: "pe-auto-orders", privateLinkServiceId: ORDERS, groupIds: ["sites"] }],
      },
      { updateIntervalInMs: 5 },
    );
    expect(auto.privateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status).toBe("Approved");
    expect((await fieldErrorsOf(register(priya, auto.id!))).privateEndpointId).toMatch(/automatic .*not a manual connection request/);
  });

  it("an endpoint Crosslink already follows", async () => {
    const endpoint = await createWithCli();
    const { requestId } = await register(felix, endpoint.id);
    const errors = await fieldErrorsOf(register(felix, endpoint.id.toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/")));
    expect(errors.privateEndpointId).toBe(`Crosslink already follows this endpoint (request ${requestId}). Open it from My requests.`);
    expect(await db.connectionRequest.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "request.registered" } })).toBe(1);
  });
});

/**
 * The published custom role (deploy/azure/crosslink-provider-role.json) is exactly what
 * Crosslink's own identity needs: the local ARM assigns it (and nothing else) to Crosslink's
 * service principal, so the provider side's work — find the resources, read their connections,
 * approve, reject and disconnect on a web app, a slot and a Private Link Service — succeeds with
 * it, and fails with ARM's 403 naming the action as soon as any single action is taken away
 * (a useless action in the role would leave the journey passing, and fail here).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CROSSLINK_PROVIDER_ROLE } from "@/dev/world/crosslink-provider-role";
import { CONTOSO_RESOURCES as C, DEMO_ROLE_DEFINITIONS, FABRIKAM_RESOURCES as F } from "@/dev/world/demo-resources";
import { AzureError } from "@/lib/azure/azure-error";
import { fabrikamEndpointRequest, failureOf, startTestWorld, type TestWorld } from "@/tests/support/test-world";

const FELIX = "felix@fabrikam.onmicrosoft.com";

const TARGETS = [
  { name: "web app", id: C.sites.orders.id, request: { targetResourceId: C.sites.orders.id, groupIds: ["sites"] } },
  { name: "slot", id: C.sites.orders.slots.staging.id, request: { targetResourceId: C.sites.orders.id, groupIds: [C.sites.orders.slots.staging.groupId] } },
  { name: "Private Link Service", id: C.privateLinkService.id, request: { targetResourceId: C.privateLinkService.id, groupIds: [] } },
] as const;

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(() => w?.close());
beforeEach(() => w.reset());

/** The role Crosslink's service principal holds in the running local ARM. */
function assignedRole() {
  const role = w.arm.world.live.roleDefinitions.find((r) => r.id === DEMO_ROLE_DEFINITIONS.privateEndpointConnectionApprover);
  if (!role) throw new Error("the provider role is missing from the local ARM's world");
  return role;
}

function withoutAction(action: string): void {
  const role = assignedRole();
  // The local ARM's RBAC reads role definitions live; mutate() marks the world changed.
  w.arm.world.live.mutate(() => (role.actions = role.actions.filter((a) => a !== action)));
}

/** Two endpoints from Fabrikam to each target, as Felix files them (his rights, not the provider's). */
async function requestsToEveryTarget(): Promise<void> {
  const felix = w.consumer(FELIX);
  for (const [i, t] of TARGETS.entries()) {
    for (const which of ["a", "b"]) {
      await felix.createPrivateEndpoint(fabrikamEndpointRequest(`pe-role-${i}-${which}`, { ...t.request, subnetId: F.vnet.subnets.endpoints.id }));
    }
  }
}

/** What the app's provider side does with its own identity, on every kind of target. */
async function providerJourney(): Promise<void> {
  const provider = w.provider();
  const resources = await provider.listManageableResources();
  expect(resources.map((r) => r.id.toLowerCase())).toEqual(expect.arrayContaining(TARGETS.map((t) => t.id.toLowerCase())));
  for (const t of TARGETS) {
    expect(await provider.getManageableResource(t.id)).not.toBeNull();
    const connections = await provider.listConnections(t.id);
    expect(connections).toHaveLength(2);
    const [first, second] = connections as [(typeof connections)[0], (typeof connections)[0]];
    expect((await provider.setConnectionState(t.id, first.name, { status: "Approved", description: "ok" })).status).toBe("Approved");
    expect((await provider.setConnectionState(t.id, second.name, { status: "Rejected", description: "no" })).status).toBe("Rejected");
    await provider.deleteConnection(t.id, first.name); // disconnect the approved one
    expect((await provider.listConnections(t.id)).map((c) => c.name)).toEqual([second.name]);
  }
}

describe("Crosslink's provider role", () => {
  it("is the published file, assigned alone to Crosslink's service principal, without wildcards", () => {
    expect(assignedRole().actions).toEqual(CROSSLINK_PROVIDER_ROLE.Actions);
    expect(CROSSLINK_PROVIDER_ROLE.Actions.filter((a) => a.includes("*"))).toEqual([]);
    expect(CROSSLINK_PROVIDER_ROLE.NotActions).toEqual([]);
    expect(CROSSLINK_PROVIDER_ROLE.DataActions).toEqual([]);
    const assignments = w.arm.world.snapshot().roleAssignments.filter((a) => a.principalType === "ServicePrincipal");
    expect(assignments.map((a) => a.roleDefinitionId)).toEqual([DEMO_ROLE_DEFINITIONS.privateEndpointConnectionApprover]);
  });

  it("is enough: approve, reject and disconnect on a web app, a slot and a Private Link Service", async () => {
    await requestsToEveryTarget();
    await providerJourney();
  });

  it("is still enough when App Service lists slot connections under the parent site", async () => {
    await w.admin("PUT", "/_local/behaviour", { slotConnections: "site" });
    try {
      await requestsToEveryTarget();
      await providerJourney();
    } finally {
      await w.admin("PUT", "/_local/behaviour", { slotConnections: "slot" });
    }
  });

  // One case per action: without it, the journey stops at ARM's 403 naming exactly that action.
  it.each(CROSSLINK_PROVIDER_ROLE.Actions.map((a) => [a]))("needs %s", async (action) => {
    await requestsToEveryTarget();
    withoutAction(action);
    const err = await failureOf(providerJourney());
    expect(err).toBeInstanceOf(AzureError);
    const e = err as AzureError;
    expect(e.code).toBe("AuthorizationFailed");
    expect(e.message).toContain(`perform action '${action}' over scope '/subscriptions/${C.subscriptionId}`);
    expect(e.userMessage).toContain(`missing permission: ${action}`);
  });
});

/**
 * A consumer's prerequisites, through lib/azure and the use cases against the real local Entra ID
 * and ARM: Nora's "Northwind Sandbox" subscription lacks Microsoft.Web, so Crosslink refuses to
 * file until she registers it (asynchronous in Azure), explains when she may not register, and
 * explains a Private Link Service that is not visible to her subscription.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C, DEMO_ROLE_DEFINITIONS, NORTHWIND_SANDBOX_RESOURCES as S } from "@/dev/world/demo-resources";
import { AzureError } from "@/lib/azure/azure-error";
import { providerPrerequisites, registerPrerequisite, requireRegisteredProviders } from "@/lib/connections/consumer-prerequisites";
import { isAppError } from "@/lib/core/errors";
import { parseTargetResourceId, type TargetResourceId } from "@/lib/domain/resource-id";
import { demoPrincipal } from "@/tests/support/principals";
import { failureOf, startTestWorld, type TestWorld } from "@/tests/support/test-world";

const NORA = "nora@northwind.onmicrosoft.com";
const nora = demoPrincipal("northwind");

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(() => w?.close());
beforeEach(async () => {
  await w.reset();
  await w.admin("PUT", "/_local/behaviour", { registrationMs: 200 });
});

function target(id: string): TargetResourceId {
  const t = parseTargetResourceId(id);
  if (!t.ok) throw new Error(t.message);
  return t;
}

const sandboxEndpoint = (name: string, targetResourceId: string, groupIds: string[]) => ({
  subscriptionId: S.subscriptionId,
  resourceGroup: S.resourceGroup,
  name,
  location: S.location,
  subnetId: S.vnet.subnets.endpoints.id,
  targetResourceId,
  groupIds,
  requestMessage: "Northwind sandbox tests",
});

describe("resource provider registration", () => {
  it("reports what a web app target needs, and a Private Link Service needs only Microsoft.Network", async () => {
    const azure = w.consumer(NORA);
    expect(await providerPrerequisites(azure, nora, { id: S.subscriptionId, target: C.sites.orders.id })).toEqual([
      { namespace: "Microsoft.Network", state: "Registered", registered: true },
      { namespace: "Microsoft.Web", state: "NotRegistered", registered: false },
    ]);
    expect(await providerPrerequisites(azure, nora, { id: S.subscriptionId, target: C.privateLinkService.id })).toEqual([
      { namespace: "Microsoft.Network", state: "Registered", registered: true },
    ]);
  });

  it("refuses to file before Microsoft.Web is registered, on the subscription field, saying what to do", async () => {
    const err = await failureOf(requireRegisteredProviders(w.consumer(NORA), S.subscriptionId, target(C.sites.orders.id)));
    expect(isAppError(err) && err.fieldErrors?.subscriptionId).toMatch(/^Microsoft\.Web is not registered in subscription ffff6666-.*Use “Register Microsoft\.Web” below/);
  });

  it("Azure's own refusal, should the endpoint be created anyway, is explained too", async () => {
    const err = await failureOf(w.consumer(NORA).createPrivateEndpoint(sandboxEndpoint("pe-unregistered", C.sites.orders.id, ["sites"])));
    expect(err).toBeInstanceOf(AzureError);
    expect((err as AzureError).code).toBe("MissingSubscriptionRegistration");
    expect((err as AzureError).userMessage).toContain(`Subscription ${S.subscriptionId} is not registered for Microsoft.Web`);
    expect((err as AzureError).userMessage).toContain("Register Microsoft.Web");
  });

  it("registers with the consumer's token: Registering, then Registered, then the endpoint is created", async () => {
    const azure = w.consumer(NORA);
    expect(await registerPrerequisite(azure, nora, { id: S.subscriptionId, namespace: "Microsoft.Web" })).toEqual({
      namespace: "Microsoft.Web",
      state: "Registering",
      registered: false,
    });
    const stillRegistering = await failureOf(requireRegisteredProviders(azure, S.subscriptionId, target(C.sites.orders.id)));
    expect(isAppError(stillRegistering) && stillRegistering.fieldErrors?.subscriptionId).toContain("is still registering");

    const deadline = Date.now() + 5000;
    while ((await azure.providerRegistration(S.subscriptionId, "Microsoft.Web")) !== "Registered") {
      if (Date.now() > deadline) throw new Error("Microsoft.Web never became Registered");
      await new Promise((r) => setTimeout(r, 50));
    }
    await requireRegisteredProviders(azure, S.subscriptionId, target(C.sites.orders.id));
    const pe = await azure.createPrivateEndpoint(sandboxEndpoint("pe-registered", C.sites.orders.id, ["sites"]));
    expect(pe.connection?.state?.status).toBe("Pending");
  });

  it("registers only the namespaces Crosslink needs", async () => {
    const err = await failureOf(registerPrerequisite(w.consumer(NORA), nora, { id: S.subscriptionId, namespace: "Microsoft.Compute" as never }));
    expect(isAppError(err) && err.kind).toBe("validation");
  });

  it("someone who may not register is told who can, and how", async () => {
    const world = w.arm.world.live;
    const owner = world.roleDefinitions.find((r) => r.id === DEMO_ROLE_DEFINITIONS.owner)!;
    world.mutate(() => owner.notActions.push("*/register/action"));
    const err = await failureOf(registerPrerequisite(w.consumer(NORA), nora, { id: S.subscriptionId, namespace: "Microsoft.Web" }));
    expect(err).toBeInstanceOf(AzureError);
    const e = err as AzureError;
    expect(e.code).toBe("AuthorizationFailed");
    expect(e.userMessage).toBe(
      `Your account does not have permission to register resource providers in subscription ${S.subscriptionId} (missing permission: Microsoft.Web/register/action). Registering a resource provider needs the …/register/action permission on the subscription (Contributor and Owner have it). Ask an owner of the subscription to register it, in the Azure portal (Subscriptions → Resource providers) or with az provider register.`,
    );
  });
});

describe("Private Link Service visibility", () => {
  it("an endpoint from a subscription the provider has not listed is refused, with what to ask the provider", async () => {
    const err = await failureOf(w.consumer(NORA).createPrivateEndpoint(sandboxEndpoint("pe-pls", C.privateLinkService.id, [])));
    expect(err).toBeInstanceOf(AzureError);
    const e = err as AzureError;
    expect(e.code).toBe("PrivateLinkServiceNotVisibleToSubscription");
    expect(e.userMessage).toBe(
      `The provider has not made ${C.privateLinkService.name} visible to subscription ${S.subscriptionId}, so Azure refuses endpoints to it from there. Ask the provider to add subscription ${S.subscriptionId} to the service's visibility list, or use a subscription they have listed.`,
    );
  });
});

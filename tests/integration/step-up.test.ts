import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failureOf as rejectionOf, fabrikamEndpointRequest, startTestWorld, type TestWorld } from "@/tests/support/test-world";
import { drainOutbox, openJourney, type Journey } from "@/tests/support/journey";
import { signInAs } from "@/tests/support/sign-in-as";
import { MFA_CLAIMS_CHALLENGE } from "@/dev/arm/http/pipeline";
import { DEMO_RESOURCES } from "@/dev/world/demo-resources";
import { StepUpRequired, stepUpClaimsOf } from "@/lib/auth/step-up";
import { failureOf } from "@/lib/jobs/job";
import { fileRequest } from "@/lib/connections/file-request";
import { continueAfterStepUp } from "@/lib/connections/continue-after-step-up";
import { withdrawRequest } from "@/lib/connections/consumer-actions";
import { STEP_UP_WORDS } from "@/lib/connections/step-up-words";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import type { Principal } from "@/lib/auth/principal";

/**
 * ARM requiring MFA for users' writes, against the real local Entra ID, local ARM and database:
 * the app's credential passes ARM's claims challenge to MSAL; a password-only sign-in cannot meet
 * it silently, so the operation ends in StepUpRequired (tried once, never retried); the job that
 * met it waits on the request; after a sign-in with the claims and a second factor it goes on.
 */
const FELIX = "felix@fabrikam.onmicrosoft.com";
let world: TestWorld;
let journey: Journey;

beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());
beforeEach(async () => {
  await world.reset();
  await world.admin("PUT", "/_local/mfa", { requireMfa: "writes" });
  journey = await openJourney(world);
});
afterEach(async () => {
  await journey.cleanup();
  await world.admin("PUT", "/_local/mfa", { requireMfa: "off" });
});

function file(principal: Principal) {
  return fileRequest({ db: journey.db, consumerAzure: journey.services.consumerAzureFor(principal) }, principal, {
    targetResourceId: DEMO_RESOURCES.contoso.sites.orders.id,
    groupId: "sites",
    requestMessage: "Fabrikam needs private access (step-up)",
    subscriptionId: DEMO_RESOURCES.fabrikam.subscriptionId,
    subnetId: DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id,
    endpointName: `pe-stepup-${Math.random().toString(36).slice(2, 8)}`,
  });
}

describe("a claims challenge from ARM", () => {
  it("becomes StepUpRequired with ARM's claims for a password-only sign-in: one try, no retry; reads still work", async () => {
    const password = await signInAs(journey.db, world.config, FELIX, { secondFactor: false });
    const azure = journey.services.consumerAzureFor(password);
    expect((await azure.listVirtualNetworks(DEMO_RESOURCES.fabrikam.subscriptionId)).length).toBeGreaterThan(0);

    await world.admin("POST", "/_local/stats/reset");
    const err = await rejectionOf(azure.createPrivateEndpoint(fabrikamEndpointRequest("pe-no-mfa")));
    expect(StepUpRequired.is(err)).toBe(true);
    expect(stepUpClaimsOf(err)).toBe(MFA_CLAIMS_CHALLENGE);
    expect(failureOf(err)).toMatchObject({ retryable: false, stepUpClaims: MFA_CLAIMS_CHALLENGE });
    // ARM saw the write once: the SDK asked the credential again with the claims, MSAL could not
    // satisfy them silently, and nothing sent the same token again.
    const stats = (await world.admin("GET", "/_local/stats")) as { requests: { byStatus: Record<string, number> } };
    expect(stats.requests.byStatus["401"]).toBe(1);
  });

  it("is met silently once the sign-in had a second factor", async () => {
    const strong = await signInAs(journey.db, world.config, FELIX, { secondFactor: true });
    const endpoint = await journey.services.consumerAzureFor(strong).createPrivateEndpoint(fabrikamEndpointRequest("pe-mfa"));
    expect(endpoint.id).toMatch(/\/privateEndpoints\/pe-mfa$/);
  });
});

describe("a job that meets a step-up", () => {
  it("waits on the request with the claims (not Failed, not retried), then goes on after a sign-in with a second factor", async () => {
    const { db, services } = journey;
    const password = await signInAs(db, world.config, FELIX, { secondFactor: false });
    const { requestId } = await file(password);
    await drainOutbox(db, services, { fastForwardRetries: true });

    const waiting = await db.connectionRequest.findUniqueOrThrow({ where: { id: requestId }, include: { transitions: { orderBy: { createdAt: "asc" } } } });
    expect(waiting).toMatchObject({ state: "Creating", stepUpClaims: MFA_CLAIMS_CHALLENGE, progress: STEP_UP_WORDS.waitingProgress, lastError: null, endpointResourceId: null });
    expect(waiting.transitions.at(-1)).toMatchObject({ fromState: "Creating", toState: "Creating", note: STEP_UP_WORDS.creationNote });
    const job = await db.outboxMessage.findFirstOrThrow({ where: { topic: "endpoint.create" } });
    expect(job).toMatchObject({ attempts: 1, status: "failed" });
    expect(await db.auditEvent.count({ where: { action: "request.creation_awaits_step_up" } })).toBe(1);

    // Only the consumer's own tenant finds the request.
    await expect(continueAfterStepUp(db, journey.nora, requestId)).rejects.toThrow(NotFoundError);

    // The sign-in Azure asked for (the claims, a second factor), then the work goes on with that session.
    const strong = await signInAs(db, world.config, FELIX, { claims: waiting.stepUpClaims!, secondFactor: true });
    expect(await continueAfterStepUp(db, strong, requestId)).toBe("creation");
    await drainOutbox(db, services, { fastForwardRetries: true });
    const done = await db.connectionRequest.findUniqueOrThrow({ where: { id: requestId }, include: { transitions: { orderBy: { createdAt: "asc" } } } });
    expect(done).toMatchObject({ state: "Pending", stepUpClaims: null });
    expect(done.endpointResourceId).toMatch(/\/privateEndpoints\//);
    expect(done.transitions.map((t) => t.note)).toContain(STEP_UP_WORDS.resumedNote);
    await expect(continueAfterStepUp(db, strong, requestId)).rejects.toThrow(ConflictError);
  });

  it("a withdrawal that meets a step-up is stopped with the claims kept, and recorded again after the step-up", async () => {
    const { db, services } = journey;
    // The endpoint exists (created with MFA); the withdrawal then runs with a password-only session.
    const { requestId } = await file(journey.felix);
    await drainOutbox(db, services, { fastForwardRetries: true });
    expect((await db.connectionRequest.findUniqueOrThrow({ where: { id: requestId } })).state).toBe("Pending");

    const password = await signInAs(db, world.config, FELIX, { secondFactor: false });
    await withdrawRequest(db, password, requestId);
    await drainOutbox(db, services, { fastForwardRetries: true });
    const stopped = await db.connectionRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stopped).toMatchObject({ state: "Pending", pendingAction: null, stepUpClaims: MFA_CLAIMS_CHALLENGE, lastError: STEP_UP_WORDS.withdrawNote });

    const strong = await signInAs(db, world.config, FELIX, { claims: MFA_CLAIMS_CHALLENGE, secondFactor: true });
    expect(await continueAfterStepUp(db, strong, requestId)).toBe("withdraw");
    await drainOutbox(db, services, { fastForwardRetries: true });
    expect(await db.connectionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ state: "Withdrawn", stepUpClaims: null });
  });
});

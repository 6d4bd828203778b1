import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { startTestWorld, type TestWorld } from "@/tests/support/test-world";
import { drainOutbox, openJourney, type Journey } from "@/tests/support/journey";
import { signInWithCookie } from "@/tests/support/sign-in-as";
import { setSharedServices } from "@/lib/services";
import { fileRequest } from "@/lib/connections/file-request";
import { sessionCookieName } from "@/lib/auth/session-store";
import { DEMO_RESOURCES } from "@/dev/world/demo-resources";

/**
 * The one edge, driven as Next.js drives it: route handlers get a NextRequest, server actions run
 * with the request's cookies and headers. Every failure answers in the one shape with its status.
 */
const requestHeaders = vi.hoisted(() => ({ cookie: "", requestId: "req-edge" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (requestHeaders.cookie ? { name, value: requestHeaders.cookie } : undefined) }),
  headers: async () => new Headers({ "x-request-id": requestHeaders.requestId, "x-crosslink-path": "/requests" }),
}));

const { GET: requestStatus } = await import("@/app/api/consumer/requests/[id]/route");
const { GET: networks } = await import("@/app/api/consumer/subscriptions/[id]/networks/route");
const { GET: inbox } = await import("@/app/api/v1/provider/requests/route");
const { POST: postDecision } = await import("@/app/api/v1/provider/requests/[id]/decisions/route");
const { POST: signOut } = await import("@/app/auth/sign-out/route");
const { requestCommandAction } = await import("@/app/requests/actions");

let world: TestWorld;
let journey: Journey;
let cookies: Record<"felix" | "nora" | "priya", string>;

const APP = "http://localhost:3000";
const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;

beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());
beforeEach(async () => {
  await world.reset();
  journey = await openJourney(world);
  setSharedServices(journey.services);
  const { db } = journey;
  cookies = {
    felix: (await signInWithCookie(db, world.config, "felix@fabrikam.onmicrosoft.com")).cookie,
    nora: (await signInWithCookie(db, world.config, "nora@northwind.onmicrosoft.com")).cookie,
    priya: (await signInWithCookie(db, world.config, "priya@contoso.onmicrosoft.com")).cookie,
  };
});
afterEach(async () => {
  // Actions kick the worker; stop it before the database goes away.
  journey.services.worker.stop();
  setSharedServices(undefined);
  await journey.cleanup();
});

function call(path: string, options: { as?: keyof typeof cookies; method?: string; body?: unknown; origin?: string } = {}) {
  const headers = new Headers({ "x-request-id": "req-edge" });
  if (options.as) headers.set("cookie", `${sessionCookieName(world.config.appBaseUrl)}=${cookies[options.as]}`);
  if (options.origin) headers.set("origin", options.origin);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  return new NextRequest(new URL(path, APP), { method: options.method ?? "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function pendingRequest(): Promise<string> {
  const { requestId } = await fileRequest({ db: journey.db, consumerAzure: journey.services.consumerAzureFor(journey.felix) }, journey.felix, {
    targetResourceId: ORDERS,
    groupId: "sites",
    requestMessage: "edge test",
    subscriptionId: DEMO_RESOURCES.fabrikam.subscriptionId,
    subnetId: DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id,
    endpointName: `pe-edge-${Math.random().toString(36).slice(2, 8)}`,
  });
  await drainOutbox(journey.db, journey.services);
  return requestId;
}

describe("route handlers: one wrapper, one JSON error shape", () => {
  it("answers the owner with the request's status, uncached", async () => {
    const id = await pendingRequest();
    const response = await requestStatus(call(`/api/consumer/requests/${id}`, { as: "felix" }), params({ id }));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await answer(response)).toMatchObject({ status: 200, body: { id, state: "Pending", settled: true } });
  });

  it("401 without a session", async () => {
    const { status, body } = await answer(await requestStatus(call("/api/consumer/requests/x"), params({ id: "x" })));
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue.", requestId: "req-edge" } });
  });

  it("404 for another tenant's request, the same as for an unknown or malformed ID", async () => {
    const id = await pendingRequest();
    for (const [who, target] of [["nora", id], ["felix", "no-such-request"], ["felix", "x".repeat(300)]] as const) {
      const { status, body } = await answer(await requestStatus(call(`/api/consumer/requests/${target}`, { as: who }), params({ id: target })));
      expect(status, `${who} ${target.slice(0, 20)}`).toBe(404);
      expect(body).toMatchObject({ error: { code: "not_found", message: expect.stringMatching(/not found/) } });
    }
  });

  it("403 for a consumer on the provider's API", async () => {
    const { status, body } = await answer(await inbox(call("/api/v1/provider/requests", { as: "felix" }), params({})));
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/provider role/) } });
  });

  it("400 with a message per field for bad input", async () => {
    const { status, body } = await answer(await networks(call("/api/consumer/subscriptions/not-a-guid/networks", { as: "felix" }), params({ id: "not-a-guid" })));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "validation", fieldErrors: { id: expect.stringMatching(/GUID/) } } });

    const id = await pendingRequest();
    const reject = await answer(await postDecision(call(`/api/v1/provider/requests/${id}/decisions`, { as: "priya", method: "POST", origin: APP, body: { decision: "reject" } }), params({ id })));
    expect(reject).toMatchObject({ status: 400, body: { error: { fieldErrors: { note: "Give the consumer a reason for the rejection." } } } });
    const notJson = await postDecision(
      new NextRequest(new URL(`/api/v1/provider/requests/${id}/decisions`, APP), { method: "POST", headers: { cookie: `${sessionCookieName(world.config.appBaseUrl)}=${cookies.priya}` }, body: "approve!" }),
      params({ id }),
    );
    expect(await answer(notJson)).toMatchObject({ status: 400, body: { error: { fieldErrors: { form: expect.stringMatching(/JSON/) } } } });
  });

  it("202 for a recorded decision, then 409 for a second one while Azure applies the first", async () => {
    const id = await pendingRequest();
    const first = await answer(await postDecision(call(`/api/v1/provider/requests/${id}/decisions`, { as: "priya", method: "POST", origin: APP, body: { decision: "approve", note: "ok" } }), params({ id })));
    expect(first).toMatchObject({ status: 202, body: { requestId: id, outcome: "recorded" } });
    const second = await answer(await postDecision(call(`/api/v1/provider/requests/${id}/decisions`, { as: "priya", method: "POST", origin: APP, body: { decision: "reject", note: "no" } }), params({ id })));
    expect(second).toMatchObject({ status: 409, body: { error: { code: "decision_in_progress", message: expect.stringMatching(/already approving/) } } });
  });

  it("403 for a state-changing request from another site, before anything happens", async () => {
    const id = await pendingRequest();
    const forged = await answer(await postDecision(call(`/api/v1/provider/requests/${id}/decisions`, { as: "priya", method: "POST", origin: "https://evil.example", body: { decision: "approve" } }), params({ id })));
    expect(forged).toMatchObject({ status: 403, body: { error: { code: "cross_origin" } } });
    expect(await journey.db.connectionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ pendingAction: null });

    const signOutForged = await signOut(call("/auth/sign-out", { as: "felix", method: "POST", origin: "https://evil.example" }), params({}));
    expect(signOutForged.status).toBe(403);
    expect(await journey.db.session.count({ where: { userId: journey.felix.userId } })).toBeGreaterThan(0);
    const signOutOwn = await signOut(call("/auth/sign-out", { as: "felix", method: "POST", origin: APP }), params({}));
    expect(signOutOwn.status).toBe(303);
  });
});

describe("server actions: one wrapper", () => {
  it("answers a consumer action with a malformed or foreign ID with 404, not a crash", async () => {
    const id = await pendingRequest();
    requestHeaders.cookie = cookies.felix;
    expect(await requestCommandAction("x".repeat(300), "withdraw")).toMatchObject({ ok: false, status: 404, code: "not_found", requestId: "req-edge" });
    expect(await requestCommandAction({ evil: true } as unknown as string, "retry")).toMatchObject({ ok: false, status: 404 });
    requestHeaders.cookie = cookies.nora;
    expect(await requestCommandAction(id, "withdraw")).toMatchObject({ ok: false, status: 404 });
    requestHeaders.cookie = cookies.felix;
    expect(await requestCommandAction(id, "discard")).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/withdraw the request/) });
    expect(await requestCommandAction(id, "withdraw")).toEqual({ ok: true, message: "Crosslink is deleting the private endpoint in Azure." });
  });
});

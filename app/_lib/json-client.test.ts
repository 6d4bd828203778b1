import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod/mini";
import { getJson, JsonError, NETWORK_FAILED, NOT_UNDERSTOOD, SESSION_ENDED } from "./json-client";

/** The browser's JSON client: the unified error contract, the older answers it must survive, and a failed network. */
const schema = z.object({ subscriptions: z.array(z.object({ subscriptionId: z.string(), usable: z.boolean() })) });

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  vi.stubGlobal("fetch", vi.fn(async () => new Response(text, { status, headers: { "content-type": "application/json", ...headers } })));
}

const failure = (url = "/api/x") => getJson(url, schema).catch((e: unknown) => e);

afterEach(() => vi.unstubAllGlobals());

describe("getJson", () => {
  it("returns the answer as the schema reads it, without fields it does not name (the older `ok: true`)", async () => {
    answer(200, { ok: true, subscriptions: [{ subscriptionId: "s1", usable: true, extra: 1 }] });
    await expect(getJson("/api/x", schema)).resolves.toEqual({ subscriptions: [{ subscriptionId: "s1", usable: true }] });
  });

  it("asks for JSON, uncached, with the caller's signal", async () => {
    answer(200, { subscriptions: [] });
    const controller = new AbortController();
    await getJson("/api/x", schema, { signal: controller.signal });
    expect(fetch).toHaveBeenCalledWith("/api/x", { signal: controller.signal, cache: "no-store", headers: { accept: "application/json" } });
  });

  it("takes an error's message, code, field errors and reference from the unified error body", async () => {
    answer(400, { error: { code: "bad_subscription_id", message: "A subscription ID is a GUID.", fieldErrors: { id: "Not a GUID." }, requestId: "req-123" } });
    const err = await failure();
    expect(err).toBeInstanceOf(JsonError);
    expect(err).toMatchObject({ kind: "http", status: 400, message: "A subscription ID is a GUID.", code: "bad_subscription_id", fieldErrors: { id: "Not a GUID." }, requestId: "req-123" });
  });

  it("says the session ended on 401 unauthenticated", async () => {
    answer(401, { error: { code: "unauthenticated", message: "Your session has ended. Sign in again to continue." } });
    await expect(failure()).resolves.toMatchObject({ kind: "sign-in", status: 401, code: "unauthenticated", message: SESSION_ENDED });
  });

  it("keeps the route's words for another 401 (Azure wants a fresh sign-in), still as a sign-in problem", async () => {
    answer(401, { error: { code: "reauthenticate", message: "Sign in again so Crosslink can act in Azure for you." } });
    await expect(failure()).resolves.toMatchObject({ kind: "sign-in", message: "Sign in again so Crosslink can act in Azure for you." });
  });

  it.each([
    ["the older error body", 404, { ok: false, status: 404, message: "Not found." }],
    ["an HTML error page", 502, "<html>bad gateway</html>"],
    ["an empty body", 500, ""],
  ])("names the HTTP status for %s", async (_what, status, body) => {
    answer(status, body);
    await expect(failure()).resolves.toMatchObject({ kind: "http", status, message: `Crosslink answered with HTTP ${status}. Try again in a moment.` });
  });

  it("is a sign-in problem on a 401 whose body it does not understand", async () => {
    answer(401, { ok: false, status: 401, message: "Your session has ended.", code: "unauthenticated" });
    await expect(failure()).resolves.toMatchObject({ kind: "sign-in", status: 401, message: "Crosslink answered with HTTP 401: sign in again to continue." });
  });

  it("falls back to the response's x-request-id as the reference", async () => {
    answer(500, "oops", { "x-request-id": "hdr-456" });
    await expect(failure()).resolves.toMatchObject({ requestId: "hdr-456" });
  });

  it.each([
    ["a missing field", { subscriptions: [{ subscriptionId: "s1" }] }],
    ["a wrong type", { subscriptions: "none" }],
    ["no JSON", "<html>sign in</html>"],
  ])("does not show a success it does not understand (%s)", async (_what, body) => {
    answer(200, body);
    await expect(failure()).resolves.toMatchObject({ kind: "unexpected", status: 200, message: NOT_UNDERSTOOD });
  });

  it("says the network failed when there is no answer", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    await expect(failure()).resolves.toMatchObject({ kind: "network", status: 0, message: NETWORK_FAILED });
  });

  it("lets an abort stay an abort, not an error to show", async () => {
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new DOMException("aborted", "AbortError"))));
    const err = await getJson("/x", schema, { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(JsonError);
    expect(err).toMatchObject({ name: "AbortError" });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchInbox, toView } from "./inbox-data";
import { JsonError } from "@/app/_lib/json-client";

/** The browser side of the inbox list: reading the data endpoint's answer, and a row in words. */
const item = {
  id: "r1",
  state: "Pending",
  pendingAction: null,
  createdAt: "2025-11-22T06:08:12.000Z",
  updatedAt: "2025-11-22T06:09:00.000Z",
  consumerTenantId: "22222222-2222-4222-8222-222222222222",
  consumerTenantName: "Fabrikam",
  requesterName: "Felix",
  requesterEmail: "felix@fabrikam.example",
  requestMessage: "please",
  targetName: "contoso-orders",
  targetType: "microsoft.web/sites",
  targetKind: null,
  targetResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/contoso-orders",
  groupId: "sites",
  version: 3,
  lastError: null,
};
const counts = { Filed: 0, Creating: 0, Pending: 1, Approved: 0, Rejected: 0, Disconnected: 0, Failed: 0, Withdrawn: 0 };

function answer(status: number, body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status })));
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchInbox", () => {
  it("returns a checked answer", async () => {
    answer(200, { items: [item], nextCursor: "n", previousCursor: null, counts });
    const data = await fetchInbox("/api/v1/provider/requests?state=Pending");
    expect(data.items[0]!.id).toBe("r1");
    expect(data.counts.Pending).toBe(1);
  });

  it.each([
    ["an error with a message", 403, { error: { code: "403", message: "Only providers can do this." } }, "Only providers can do this."],
    ["an error without a body", 502, "<html>bad gateway</html>", "Crosslink answered with HTTP 502. Try again in a moment."],
    ["a row missing its fields", 200, { items: [{ id: "x" }], nextCursor: null, previousCursor: null, counts }, "Crosslink sent a list this page does not understand. Reload the page to get the current version."],
    ["a date that is not one", 200, { items: [{ ...item, createdAt: "yesterday" }], nextCursor: null, previousCursor: null, counts }, "Crosslink sent a list this page does not understand. Reload the page to get the current version."],
  ])("turns %s into words (HTTP %i)", async (_what, status, body, message) => {
    answer(status, body);
    const err = await fetchInbox("/x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JsonError);
    expect(err).toMatchObject({ status, message });
  });

  it("says Crosslink could not be reached when there is no answer", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    await expect(fetchInbox("/x")).rejects.toMatchObject({ status: 0, message: "Crosslink could not be reached. Check your network connection, then try again." });
  });

  it("lets an aborted load stay an abort, not an error to show", async () => {
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new DOMException("aborted", "AbortError"))));
    const err = await fetchInbox("/x", controller.signal).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(JsonError);
    expect((err as Error).name).toBe("AbortError");
  });
});

describe("toView", () => {
  const now = new Date("2025-11-22T08:08:12.000Z");

  it("puts the dates and the type in words and offers the provider's decisions", () => {
    const view = toView(item, now);
    expect(view).toMatchObject({ age: "2 hours ago", exactTime: "2025-11-22 06:08:12 UTC", createdAtIso: item.createdAt, targetTypeLabel: "App Service app", pendingLabel: null });
    expect(view.decisions).toEqual(["approve", "reject", "disconnect"]);
    expect(view).not.toHaveProperty("updatedAt");
    expect(view).not.toHaveProperty("pendingAction");
  });

  it("offers nothing while a change is being applied, and says what is happening", () => {
    const view = toView({ ...item, pendingAction: "approve" }, now);
    expect(view.decisions).toEqual([]);
    expect(view.pendingLabel).toBe("Approving in Azure…");
  });

  it("calls a function app a function app once the row says so, and a site of unknown kind an App Service app", () => {
    expect(toView({ ...item, targetKind: "functionApp" }, now).targetTypeLabel).toBe("Function app");
    expect(toView({ ...item, targetKind: "functionapp,linux" }, now).targetTypeLabel).toBe("Function app");
    expect(toView({ ...item, targetKind: "webApp" }, now).targetTypeLabel).toBe("Web app");
    expect(toView({ ...item, targetKind: null }, now).targetTypeLabel).toBe("App Service app");
  });
});

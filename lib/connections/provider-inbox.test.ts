import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { AuthorizationError } from "../auth/authorize";
import { createTestDb } from "../../tests/support/test-db";
import { seedDemoWorld } from "../../prisma/seed";
import { demoPrincipal, demoTenantId } from "../../tests/support/principals";
import { recountProviderResources } from "./resource-counts";
import { providerInbox, inboxChangeMark, inboxFilterOptions, RESOURCE_LIST_LIMIT } from "./provider-inbox";
import { adjustStateCounts, rebuildStateCounts } from "./state-counts";

/** The provider inbox's hand-written SQL, on a real migrated database: paging, filters, search, isolation. */
let db: Db;
let cleanup: () => Promise<void>;

const tenant = demoTenantId;
const principalOf = (key: string, roles: Principal["roles"] = ["provider"]) => demoPrincipal(key, roles);
const contoso = principalOf("contoso");
// Another provider tenant in the same database: its requests must never show in Contoso's inbox.
const litware = principalOf("litware");

const BASE = Date.UTC(2025, 0, 1);
let n = 0;

async function resource(owner: string, name: string, group = "rg", managed = true) {
  const created = await db.providerResource.create({
    data: {
      tenantId: tenant(owner),
      resourceId: `/subscriptions/s/resourcegroups/${group}/providers/microsoft.web/sites/${name}`,
      displayResourceId: `/subscriptions/s/resourceGroups/${group}/providers/Microsoft.Web/sites/${name}`,
      resourceType: "microsoft.web/sites",
      kind: "webApp",
      name,
      subscriptionId: "s",
      resourceGroup: group,
      location: "westeurope",
      managed,
    },
  });
  await recountProviderResources(db, tenant(owner));
  return created;
}

async function user(key: string, displayName: string, email: string | null, username = `${displayName.toLowerCase().replace(/ /g, ".")}@${key}.test`) {
  return db.user.create({ data: { tenantId: tenant(key), objectId: `oid-${displayName}`, username, displayName, email } });
}

async function request(input: { consumer: string; provider: string; resourceId: string; resourceName: string; state?: string; message?: string; requesterId?: string; minutes?: number }) {
  n++;
  return db.connectionRequest.create({
    data: {
      consumerTenantId: tenant(input.consumer),
      providerTenantId: tenant(input.provider),
      providerResourceId: input.resourceId,
      requesterId: input.requesterId ?? null,
      targetResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/${input.resourceName}`,
      targetName: input.resourceName,
      targetType: "microsoft.web/sites",
      groupId: "sites",
      requestMessage: input.message ?? `request ${n}`,
      state: input.state ?? "Pending",
      createdAt: new Date(BASE + (input.minutes ?? n) * 60_000),
    },
  });
}

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoWorld(db);
  n = 0;
});
afterEach(() => cleanup());

describe("providerInbox", () => {
  it("pages both ways with keyset cursors (ties broken by id), never showing another provider's requests", async () => {
    const orders = await resource("contoso", "orders");
    const theirs = await resource("litware", "elsewhere");
    // Seven of Contoso's, two sharing a timestamp; three of Litware's interleaved in time.
    for (let i = 0; i < 7; i++) await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders", minutes: Math.min(i, 5) });
    for (let i = 0; i < 3; i++) await request({ consumer: "fabrikam", provider: "litware", resourceId: theirs.id, resourceName: "elsewhere", minutes: i });
    await rebuildStateCounts(db);

    for (const sort of ["newest", "oldest"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await providerInbox(db, contoso, { state: "Pending", sort, limit: 3, cursor });
        seen.push(...page.rows.map((r) => r.id));
        expect(page.rows.every((r) => r.targetName === "orders")).toBe(true);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(7);
      const times = await Promise.all(seen.map(async (id) => (await db.connectionRequest.findUniqueOrThrow({ where: { id } })).createdAt.getTime()));
      const ordered = [...times].sort((a, b) => (sort === "newest" ? b - a : a - b));
      expect(times).toEqual(ordered);
    }

    const all = await providerInbox(db, contoso, {});
    expect(all.counts.Pending).toBe(7);
    expect((await providerInbox(db, litware, {})).counts.Pending).toBe(3);
  });

  it("walks back with previousCursor: the same pages in the same order, and says where each side ends", async () => {
    const orders = await resource("contoso", "orders");
    const theirs = await resource("litware", "elsewhere");
    for (let i = 0; i < 7; i++) await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders", minutes: Math.min(i, 5) });
    for (let i = 0; i < 3; i++) await request({ consumer: "fabrikam", provider: "litware", resourceId: theirs.id, resourceName: "elsewhere", minutes: i });

    for (const sort of ["newest", "oldest"] as const) {
      // Forward: 3 + 3 + 1. The first page has nothing before it; the last has nothing after it.
      const forward = [await providerInbox(db, contoso, { state: "Pending", sort, limit: 3 })];
      expect(forward[0]!.previousCursor).toBeNull();
      while (forward.at(-1)!.nextCursor) forward.push(await providerInbox(db, contoso, { state: "Pending", sort, limit: 3, cursor: forward.at(-1)!.nextCursor! }));
      expect(forward.map((p) => p.rows.length)).toEqual([3, 3, 1]);
      expect(forward.slice(1).every((p) => p.previousCursor !== null)).toBe(true);

      // Back from the last page: the same pages, rows in display order, ending at the first page.
      const back = [forward[2]!];
      while (back.at(-1)!.previousCursor) back.push(await providerInbox(db, contoso, { state: "Pending", sort, limit: 3, before: back.at(-1)!.previousCursor! }));
      expect(back.map((p) => p.rows.map((r) => r.id))).toEqual([...forward].reverse().map((p) => p.rows.map((r) => r.id)));
      expect(back.at(-1)!.previousCursor).toBeNull();
      expect(back.slice(1).every((p) => p.nextCursor !== null)).toBe(true);
    }

    // A cursor wins over before; a malformed before means the first page.
    const first = await providerInbox(db, contoso, { state: "Pending", limit: 3 });
    const second = await providerInbox(db, contoso, { state: "Pending", limit: 3, cursor: first.nextCursor!, before: first.nextCursor! });
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id);
    const garbled = await providerInbox(db, contoso, { state: "Pending", limit: 3, before: "not-a-cursor" });
    expect(garbled.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(garbled.previousCursor).toBeNull();
  });

  it("returns each row with its consumer tenant's name and the requester (email, else username)", async () => {
    const orders = await resource("contoso", "orders");
    const felix = await user("fabrikam", "Felix Example", "felix@fabrikam.example");
    const nora = await user("northwind", "Nora Example", null, "nora@northwind.test");
    await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders", requesterId: felix.id, message: "from felix" });
    await request({ consumer: "northwind", provider: "contoso", resourceId: orders.id, resourceName: "orders", requesterId: nora.id, message: "from nora" });
    const { rows } = await providerInbox(db, contoso, { state: "Pending" });
    const byMessage = Object.fromEntries(rows.map((r) => [r.requestMessage, r]));
    expect(byMessage["from felix"]).toMatchObject({ consumerTenantName: "Fabrikam", requesterName: "Felix Example", requesterEmail: "felix@fabrikam.example", version: 1 });
    expect(byMessage["from nora"]).toMatchObject({ consumerTenantName: "Northwind Traders", requesterName: "Nora Example", requesterEmail: "nora@northwind.test" });
    expect(byMessage["from felix"]!.createdAt).toBeInstanceOf(Date);
    expect(byMessage["from felix"]!.lastError).toBeNull();
  });

  it("says why the last change failed in Azure, until one succeeds", async () => {
    const orders = await resource("contoso", "orders");
    const failed = await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders" });
    await db.connectionRequest.update({ where: { id: failed.id }, data: { lastError: "Azure is throttling requests; try again in a minute." } });
    const [row] = (await providerInbox(db, contoso, { state: "Pending" })).rows;
    expect(row!.lastError).toBe("Azure is throttling requests; try again in a minute.");
  });

  it("filters by consumer tenant and by resource id or name, with counts for the filtered set", async () => {
    const orders = await resource("contoso", "orders", "rg-a");
    const ordersB = await resource("contoso", "orders", "rg-b"); // same name, another group
    const billing = await resource("contoso", "billing");
    const litwareOrders = await resource("litware", "orders-l");
    await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders" });
    await request({ consumer: "fabrikam", provider: "contoso", resourceId: ordersB.id, resourceName: "orders", state: "Approved" });
    await request({ consumer: "northwind", provider: "contoso", resourceId: billing.id, resourceName: "billing" });
    await request({ consumer: "northwind", provider: "contoso", resourceId: orders.id, resourceName: "orders", state: "Rejected" });
    await request({ consumer: "fabrikam", provider: "litware", resourceId: litwareOrders.id, resourceName: "orders-l" });
    await rebuildStateCounts(db);

    const fabrikam = await providerInbox(db, contoso, { tenant: tenant("fabrikam"), state: "Pending" });
    expect(fabrikam.rows).toHaveLength(1);
    expect(fabrikam.counts).toMatchObject({ Pending: 1, Approved: 1, Rejected: 0 });

    const byName = await providerInbox(db, contoso, { resource: "orders" });
    expect(byName.counts).toMatchObject({ Pending: 1, Approved: 1, Rejected: 1 });
    const byId = await providerInbox(db, contoso, { resource: ordersB.id });
    expect(byId.counts).toMatchObject({ Pending: 0, Approved: 1, Rejected: 0 });

    // Another tenant's resource is no filter at all for Contoso: nothing matches.
    const foreign = await providerInbox(db, contoso, { resource: litwareOrders.id });
    expect(foreign.rows).toHaveLength(0);
    expect(Object.values(foreign.counts).every((c) => c === 0)).toBe(true);
  });

  it("searches message, target, requester and tenant case-insensitively, with % and _ taken literally", async () => {
    const orders = await resource("contoso", "orders");
    const felix = await user("fabrikam", "Felix Example", "felix@fabrikam.example");
    await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders", requesterId: felix.id, message: "Need 100% uptime" });
    await request({ consumer: "northwind", provider: "contoso", resourceId: orders.id, resourceName: "orders", message: "ticket 1000" });
    await request({ consumer: "northwind", provider: "contoso", resourceId: orders.id, resourceName: "orders", message: "snake_case name" });
    await request({ consumer: "northwind", provider: "contoso", resourceId: orders.id, resourceName: "orders", message: "snakeXcase name" });

    const messages = async (q: string) => (await providerInbox(db, contoso, { q, state: "Pending" })).rows.map((r) => r.requestMessage).sort();
    expect(await messages("100%")).toEqual(["Need 100% uptime"]);
    expect(await messages("snake_case")).toEqual(["snake_case name"]);
    expect(await messages("FELIX@FABRIKAM")).toEqual(["Need 100% uptime"]);
    expect(await messages("northwind tr")).toEqual(["snakeXcase name", "snake_case name", "ticket 1000"].sort());
    expect(await messages("ORDERS")).toHaveLength(4);
    expect(await messages("nothing like this")).toEqual([]);
    expect((await providerInbox(db, contoso, { q: "ticket" })).counts.Pending).toBe(1);
  });

  it("is for providers only", async () => {
    await expect(providerInbox(db, principalOf("fabrikam", ["consumer"]), {})).rejects.toBeInstanceOf(AuthorizationError);
    await expect(inboxFilterOptions(db, principalOf("fabrikam", ["consumer"]))).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("inboxFilterOptions", () => {
  it("lists the tenants that asked this provider, the resources, and how many are managed", async () => {
    const orders = await resource("contoso", "orders");
    await resource("contoso", "billing", "rg", false);
    const theirs = await resource("litware", "elsewhere");
    await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders" });
    await request({ consumer: "northwind", provider: "litware", resourceId: theirs.id, resourceName: "elsewhere" });

    const options = await inboxFilterOptions(db, contoso);
    expect(options.tenants).toEqual([{ id: tenant("fabrikam"), displayName: "Fabrikam" }]);
    expect(options.resources?.map((r) => r.name)).toEqual(["billing", "orders"]);
    expect(options.resourceCount).toBe(2);
    expect(options.managedCount).toBe(1);
  });

  it("offers no list above the limit (the page shows a name field)", async () => {
    await db.providerResource.createMany({
      data: Array.from({ length: RESOURCE_LIST_LIMIT + 1 }, (_, i) => ({
        tenantId: tenant("contoso"),
        resourceId: `/subscriptions/s/resourcegroups/rg/providers/microsoft.web/sites/app-${i}`,
        displayResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app-${i}`,
        resourceType: "microsoft.web/sites",
        kind: "webApp",
        name: `app-${i}`,
        subscriptionId: "s",
        resourceGroup: "rg",
        location: "westeurope",
      })),
    });
    await recountProviderResources(db, tenant("contoso"));
    const options = await inboxFilterOptions(db, contoso);
    expect(options.resources).toBeNull();
    expect(options.resourceCount).toBe(RESOURCE_LIST_LIMIT + 1);
    expect(options.managedCount).toBe(RESOURCE_LIST_LIMIT + 1);
  });
});

describe("inboxChangeMark", () => {
  it("changes when a request arrives or changes state, and not otherwise", async () => {
    const orders = await resource("contoso", "orders");
    const first = await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders" });
    await rebuildStateCounts(db);
    const before = await inboxChangeMark(db, contoso);
    expect(before.counts.Pending).toBe(1);
    expect((await inboxChangeMark(db, contoso)).mark).toBe(before.mark);

    // A note or an error on a row moves no count: the mark stays (the list's own polling covers those).
    await db.connectionRequest.update({ where: { id: first.id }, data: { lastError: "Azure said no" } });
    expect((await inboxChangeMark(db, contoso)).mark).toBe(before.mark);

    // Decided: one moves from Pending to Approved.
    await db.connectionRequest.update({ where: { id: first.id }, data: { state: "Approved" } });
    await adjustStateCounts(db, tenant("contoso"), "Pending", "Approved");
    const decided = await inboxChangeMark(db, contoso);
    expect(decided.mark).not.toBe(before.mark);
    expect(decided.counts).toMatchObject({ Pending: 0, Approved: 1 });

    // A new request, even before its count is adjusted, is the newest.
    await request({ consumer: "fabrikam", provider: "contoso", resourceId: orders.id, resourceName: "orders", minutes: 999 });
    expect((await inboxChangeMark(db, contoso)).mark).not.toBe(decided.mark);
  });

  it("reads only the provider's own requests and needs the provider role", async () => {
    const theirs = await resource("litware", "elsewhere");
    const mark = (await inboxChangeMark(db, contoso)).mark;
    await request({ consumer: "fabrikam", provider: "litware", resourceId: theirs.id, resourceName: "elsewhere" });
    await rebuildStateCounts(db);
    expect((await inboxChangeMark(db, contoso)).mark).toBe(mark);
    expect((await inboxChangeMark(db, litware)).counts.Pending).toBe(1);
    await expect(inboxChangeMark(db, principalOf("fabrikam", ["consumer"]))).rejects.toBeInstanceOf(AuthorizationError);
  });
});

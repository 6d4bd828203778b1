import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { AuthorizationError } from "../auth/authorize";
import { createTestDb } from "../../tests/support/test-db";
import { seedDemoWorld } from "../../prisma/seed";
import { demoPrincipal, demoTenantId } from "../../tests/support/principals";
import { rebuildStateCounts } from "../connections/state-counts";
import { insertInAppNotifications } from "../notify/in-app/testing";
import { providerHome } from "./provider-home";
import { consumerHome, DNS_REMINDER_DAYS, HOME_GROUP_SIZE } from "./consumer-home";
import { activityFor } from "./activity";
import { waitedFor } from "./wait";

/** The signed-in home page's read models and the polled activity, on a real migrated database. */
let db: Db;
let cleanup: () => Promise<void>;

const NOW = new Date(Date.UTC(2025, 5, 1, 12));
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);
const contoso = demoPrincipal("contoso", ["consumer", "provider"]);
const litware = demoPrincipal("litware", ["consumer", "provider"]);
const fabrikam = demoPrincipal("fabrikam");
const northwind = demoPrincipal("northwind");

let n = 0;
async function request(input: { consumer: string; provider?: string; state: string; createdAt?: Date; name?: string }) {
  n++;
  return db.connectionRequest.create({
    data: {
      consumerTenantId: demoTenantId(input.consumer),
      providerTenantId: demoTenantId(input.provider ?? "contoso"),
      targetResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/${input.name ?? `app-${n}`}`,
      targetName: input.name ?? `app-${n}`,
      targetType: "microsoft.web/sites",
      groupId: "sites",
      requestMessage: "",
      state: input.state,
      createdAt: input.createdAt ?? hoursAgo(n),
    },
  });
}

/** A request that entered `state` at `at`, as the request writer records it. */
async function entered(state: string, at: Date, consumer = "fabrikam", name?: string) {
  const r = await request({ consumer, state, name, createdAt: new Date(at.getTime() - 3600_000) });
  await db.stateTransition.create({ data: { requestId: r.id, fromState: "Pending", toState: state, actorType: "azure", actorLabel: "Azure", createdAt: at } });
  return r;
}

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoWorld(db);
  n = 0;
});
afterEach(() => cleanup());

describe("providerHome", () => {
  it("counts Pending from the maintained counts and names the request waiting longest", async () => {
    await request({ consumer: "northwind", state: "Pending", createdAt: hoursAgo(1), name: "newer" });
    const oldest = await request({ consumer: "fabrikam", state: "Pending", createdAt: hoursAgo(3), name: "contoso-orders" });
    await request({ consumer: "fabrikam", state: "Approved", createdAt: hoursAgo(50) });
    // Another provider's older request is not Contoso's to see.
    await request({ consumer: "fabrikam", provider: "litware", state: "Pending", createdAt: hoursAgo(90) });
    await rebuildStateCounts(db);

    const home = await providerHome(db, contoso);
    expect(home.pending).toBe(2);
    expect(home.oldest).toMatchObject({ id: oldest.id, consumerTenantName: "Fabrikam", targetName: "contoso-orders" });
    expect(waitedFor(home.oldest!.createdAt, NOW)).toBe("3 h");
    expect((await providerHome(db, litware)).pending).toBe(1);
  });

  it("has nothing waiting when nothing is Pending, and needs the provider role", async () => {
    await request({ consumer: "fabrikam", state: "Approved" });
    await rebuildStateCounts(db);
    expect(await providerHome(db, contoso)).toEqual({ pending: 0, oldest: null });
    await expect(providerHome(db, fabrikam)).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("consumerHome", () => {
  it("groups the tenant's requests by what to do, newest approvals only, and counts every state", async () => {
    const newest = await entered("Approved", hoursAgo(1), "fabrikam", "newest");
    const fresh = await entered("Approved", hoursAgo(2), "fabrikam", "fresh");
    // Touched since (the watcher looked at it): still listed by when it was approved.
    await db.connectionRequest.update({ where: { id: fresh.id }, data: { lastError: null } });
    await entered("Approved", hoursAgo(DNS_REMINDER_DAYS * 24 + 1), "fabrikam", "long ago");
    const disconnected = await entered("Disconnected", hoursAgo(5));
    const rejected = await entered("Rejected", hoursAgo(6));
    const failed = await request({ consumer: "fabrikam", state: "Failed" });
    await request({ consumer: "fabrikam", state: "Pending" });
    // Northwind's requests of every kind are never Fabrikam's.
    await entered("Approved", hoursAgo(1), "northwind", "theirs");
    await entered("Disconnected", hoursAgo(1), "northwind");
    await request({ consumer: "northwind", state: "Failed" });

    const home = await consumerHome(db, fabrikam, NOW);
    expect(home.setUpDns.items.map((i) => i.id)).toEqual([newest.id, fresh.id]);
    expect(home.setUpDns).toMatchObject({ total: 2, items: [{ targetName: "newest" }, { targetName: "fresh", state: "Approved", since: hoursAgo(2) }] });
    expect(home.cleanUp.items.map((i) => i.id).sort()).toEqual([disconnected.id, rejected.id].sort());
    expect(home.retry).toMatchObject({ total: 1, items: [{ id: failed.id, state: "Failed" }] });
    expect(home.counts).toMatchObject({ Approved: 3, Disconnected: 1, Rejected: 1, Failed: 1, Pending: 1, Filed: 0 });
    expect(home.total).toBe(7);
  });

  it("shows a few of a group and counts the rest", async () => {
    for (let i = 0; i < HOME_GROUP_SIZE + 2; i++) await request({ consumer: "fabrikam", state: "Failed" });
    const home = await consumerHome(db, fabrikam, NOW);
    expect(home.retry.items).toHaveLength(HOME_GROUP_SIZE);
    expect(home.retry.total).toBe(HOME_GROUP_SIZE + 2);
  });

  it("is empty for a tenant without requests", async () => {
    await request({ consumer: "fabrikam", state: "Failed" });
    const home = await consumerHome(db, northwind, NOW);
    expect(home.total).toBe(0);
    expect([home.setUpDns, home.cleanUp, home.retry]).toEqual([
      { items: [], total: 0 },
      { items: [], total: 0 },
      { items: [], total: 0 },
    ]);
  });
});

describe("activityFor", () => {
  it("gives a provider the Pending count and the inbox's mark, and everyone their unread notifications", async () => {
    const felix: Principal = { ...fabrikam, userId: "u-felix" };
    await insertInAppNotifications(db, [
      { userId: felix.userId, title: "a" },
      { userId: contoso.userId, title: "b" },
      { userId: contoso.userId, title: "c", readAt: NOW },
    ]);
    await request({ consumer: "fabrikam", state: "Pending" });
    await rebuildStateCounts(db);

    const provider = await activityFor(db, contoso);
    expect(provider).toMatchObject({ pendingRequests: 1, unreadNotifications: 1, unreadMore: false });
    expect(provider.inboxMark).toEqual(expect.any(String));
    expect(await activityFor(db, felix)).toEqual({ pendingRequests: null, inboxMark: null, unreadNotifications: 1, unreadMore: false });
    // Another provider tenant sees none of Contoso's requests.
    expect((await activityFor(db, litware)).pendingRequests).toBe(0);
  });
});

describe("waitedFor", () => {
  it.each([
    [0.2, "under a minute"],
    [59, "59 min"],
    [60, "1 h"],
    [179, "2 h"],
    [47 * 60 + 59, "47 h"],
    [48 * 60, "2 days"],
  ])("after %f minutes says %s", (minutes, words) => {
    expect(waitedFor(new Date(NOW.getTime() - minutes * 60_000), NOW)).toBe(words);
  });
});

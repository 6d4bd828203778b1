import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import type { Principal } from "../../auth/principal";
import { createTestDb } from "../../../tests/support/test-db";
import { seedDemoWorld } from "../../../prisma/seed";
import { demoTenantId } from "../../../tests/support/principals";
import { NotFoundError } from "../../core/errors";
import { markAllRead, markRead, notificationHref, notificationsPage, unreadCount, UNREAD_COUNT_CAP } from "./queries";
import { insertInAppNotifications } from "./testing";

/** The bell's and the notifications page's queries, on a real migrated database. */
let db: Db;
let cleanup: () => Promise<void>;

async function person(key: string, name: string, roles: Principal["roles"] = ["consumer"]): Promise<Principal> {
  const user = await db.user.create({ data: { tenantId: demoTenantId(key), objectId: `oid-${name}`, username: `${name}@${key}.test`, displayName: name } });
  return { sessionId: `s-${name}`, userId: user.id, tenantId: user.tenantId, tenantName: key, objectId: user.objectId, name, username: user.username, roles };
}

async function request(consumer: Principal, providerKey = "contoso") {
  return db.connectionRequest.create({
    data: {
      consumerTenantId: consumer.tenantId,
      requesterId: consumer.userId,
      providerTenantId: demoTenantId(providerKey),
      targetResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/orders",
      targetName: "orders",
      targetType: "microsoft.web/sites",
      groupId: "sites",
      requestMessage: "",
      state: "Pending",
    },
  });
}

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));

let felix: Principal;
let fiona: Principal;
let priya: Principal;
let nora: Principal;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoWorld(db);
  felix = await person("fabrikam", "felix");
  fiona = await person("fabrikam", "fiona");
  priya = await person("contoso", "priya", ["consumer", "provider"]);
  nora = await person("northwind", "nora");
});
afterEach(() => cleanup());

describe("unreadCount", () => {
  it("counts the person's own unread notifications only", async () => {
    await insertInAppNotifications(db, [
      { userId: felix.userId, title: "a" },
      { userId: felix.userId, title: "b" },
      { userId: felix.userId, title: "read", readAt: at(1) },
      { userId: nora.userId, title: "someone else's" },
    ]);
    expect(await unreadCount(db, felix)).toEqual({ count: 2, more: false });
    expect(await unreadCount(db, nora)).toEqual({ count: 1, more: false });
    expect(await unreadCount(db, priya)).toEqual({ count: 0, more: false });
  });

  it("stops counting at the cap and says there are more", async () => {
    await insertInAppNotifications(db, Array.from({ length: UNREAD_COUNT_CAP + 3 }, (_, i) => ({ userId: felix.userId, title: `n${i}` })));
    expect(await unreadCount(db, felix)).toEqual({ count: UNREAD_COUNT_CAP, more: true });
  });
});

describe("notificationsPage", () => {
  it("pages newest first with keyset cursors (ties broken by id), never showing another person's", async () => {
    // Seven of Felix's, three sharing a minute; Fiona (same tenant) and Nora have their own.
    await insertInAppNotifications(db, [
      ...Array.from({ length: 7 }, (_, i) => ({ userId: felix.userId, title: `felix ${i}`, createdAt: at(Math.min(i, 4)) })),
      { userId: fiona.userId, title: "fiona's", createdAt: at(3) },
      { userId: nora.userId, title: "nora's", createdAt: at(9) },
    ]);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await notificationsPage(db, felix, { limit: 3, cursor });
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.every((t) => t.startsWith("felix"))).toBe(true);
    expect(seen.slice(-2).sort()).toEqual(["felix 0", "felix 1"]);
  });

  it("links each to the request's page for this person: the requester's and the provider's side", async () => {
    const felixRequest = await request(felix);
    const noraRequest = await request(nora, "litware");
    await insertInAppNotifications(db, [
      { userId: felix.userId, title: "own", requestId: felixRequest.id, createdAt: at(1) },
      { userId: fiona.userId, title: "colleague's", requestId: felixRequest.id, createdAt: at(1) },
      { userId: priya.userId, title: "provider", requestId: felixRequest.id, eventType: "request.pending", createdAt: at(2) },
      { userId: priya.userId, title: "not Contoso's", requestId: noraRequest.id, createdAt: at(3) },
      { userId: priya.userId, title: "gone", requestId: "no-such-request", createdAt: at(4) },
      { userId: priya.userId, title: "route message", requestId: null, eventType: "route.disabled", createdAt: at(5) },
    ]);
    const hrefs = async (p: Principal) => Object.fromEntries((await notificationsPage(db, p)).items.map((i) => [i.title, i.href]));
    expect(await hrefs(felix)).toEqual({ own: `/requests/${felixRequest.id}` });
    expect(await hrefs(fiona)).toEqual({ "colleague's": `/requests/${felixRequest.id}` });
    expect(await hrefs(priya)).toEqual({ provider: `/provider/requests/${felixRequest.id}`, "not Contoso's": null, gone: null, "route message": null });
  });
});

describe("notificationHref", () => {
  const subject = { id: "r 1", requesterId: "u-felix", consumerTenantId: "fab", providerTenantId: "con" };
  const p = (userId: string, tenantId: string, roles: Principal["roles"]): Principal => ({ ...felix, userId, tenantId, roles });

  it("prefers the requester's page, then the provider's, and escapes the id", () => {
    // A request within one tenant: its requester reads it as a consumer even with the provider role.
    expect(notificationHref(p("u-felix", "con", ["consumer", "provider"]), { ...subject, consumerTenantId: "con" })).toBe("/requests/r%201");
    expect(notificationHref(p("u-priya", "con", ["consumer", "provider"]), subject)).toBe("/provider/requests/r%201");
  });

  it("gives no provider link without the provider role", () => {
    expect(notificationHref(p("u-paul", "con", ["consumer"]), subject)).toBeNull();
  });
});

describe("markRead and markAllRead", () => {
  it("marks the person's own notification read once; another person's id is not found and stays unread", async () => {
    const [mine, theirs] = await insertInAppNotifications(db, [
      { userId: felix.userId, title: "mine" },
      { userId: nora.userId, title: "theirs" },
    ]);
    expect(await markRead(db, felix, mine)).toEqual({ changed: true });
    expect(await markRead(db, felix, mine)).toEqual({ changed: false });
    await expect(markRead(db, felix, theirs)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markRead(db, felix, "x".repeat(200))).rejects.toBeInstanceOf(NotFoundError);
    expect(await unreadCount(db, nora)).toEqual({ count: 1, more: false });
    expect((await db.inAppNotification.findUniqueOrThrow({ where: { id: theirs! } })).readAt).toBeNull();
  });

  it("marks all of the person's unread read, only up to the time given, and nobody else's", async () => {
    await insertInAppNotifications(db, [
      { userId: felix.userId, title: "old", createdAt: at(1) },
      { userId: felix.userId, title: "older", createdAt: at(0) },
      { userId: felix.userId, title: "arrived after the page was shown", createdAt: at(10) },
      { userId: fiona.userId, title: "colleague's", createdAt: at(1) },
    ]);
    expect(await markAllRead(db, felix, at(5))).toEqual({ changed: 2 });
    expect(await unreadCount(db, felix)).toEqual({ count: 1, more: false });
    expect(await unreadCount(db, fiona)).toEqual({ count: 1, more: false });
    expect(await markAllRead(db, felix)).toEqual({ changed: 1 });
    expect(await unreadCount(db, felix)).toEqual({ count: 0, more: false });
    const items = (await notificationsPage(db, felix)).items;
    expect(items.every((i) => i.readAt instanceof Date)).toBe(true);
  });
});

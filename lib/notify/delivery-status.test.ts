import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { createTestDb } from "../../tests/support/test-db";
import { seedDemoWorld } from "../../prisma/seed";
import { demoPrincipal, demoTenantId } from "../../tests/support/principals";
import { isAppError } from "../core/errors";
import { deliveryStatus } from "./delivery-status";

/** The status a route page polls after a test event: the admin's own tenant's deliveries only. */
let db: Db;
let cleanup: () => Promise<void>;

const contosoAdmin = demoPrincipal("contoso", ["admin"]);

async function routeIn(key: string) {
  return db.notificationRoute.create({ data: { tenantId: demoTenantId(key), name: `${key} hooks`, channel: "webhook", target: "https://hooks.example.com/x" } });
}

async function delivery(routeId: string | null, data: Partial<{ status: string; attempts: number; lastStatusCode: number; lastError: string; userId: string }> = {}) {
  return db.delivery.create({
    data: { key: `k-${Math.random()}`, eventId: "evt_1", eventType: "route.test", routeId, channel: "webhook", recipient: "https://hooks.example.com/x", facts: "{}", ...data },
  });
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (err) {
    return isAppError(err) ? err.kind : "other";
  }
}

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoWorld(db);
});
afterEach(() => cleanup());

describe("deliveryStatus", () => {
  it("tells the admin where their route's delivery stands", async () => {
    const route = await routeIn("contoso");
    const d = await delivery(route.id, { status: "retrying", attempts: 2, lastStatusCode: 503, lastError: "HTTP 503" });
    const status = await deliveryStatus(db, contosoAdmin, d.id);
    expect(status).toMatchObject({ id: d.id, routeId: route.id, status: "retrying", attempts: 2, lastStatusCode: 503, lastError: "HTTP 503", deliveredAt: null });
  });

  it("does not find another tenant's delivery, a person's own email, or an unknown or malformed id", async () => {
    const foreign = await delivery((await routeIn("fabrikam")).id);
    const personal = await delivery(null, { userId: "u-contoso" });
    for (const id of [foreign.id, personal.id, "nope", "", "x".repeat(200), 42]) {
      expect(await kindOf(deliveryStatus(db, contosoAdmin, id)), String(id)).toBe("not_found");
    }
  });

  it("refuses anyone who is not an admin", async () => {
    const d = await delivery((await routeIn("contoso")).id);
    expect(await kindOf(deliveryStatus(db, demoPrincipal("contoso", ["provider"]), d.id))).toBe("forbidden");
    expect(await kindOf(deliveryStatus(db, null as never, d.id))).toBe("unauthenticated");
  });
});

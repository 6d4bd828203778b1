import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/support/test-db";
import type { Db } from "./client";
import { runHousekeeping } from "./housekeeping";

let db: Db;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe("database housekeeping", () => {
  it("deletes expired sessions and keeps live ones", async () => {
    await db.tenant.create({ data: { id: "t1", displayName: "Fabrikam" } });
    const user = await db.user.create({ data: { tenantId: "t1", objectId: "o", username: "u@x", displayName: "U" } });
    const now = new Date("2026-01-01T12:00:00Z");
    const session = (id: string, expiresAt: Date) => db.session.create({ data: { id, userId: user.id, tenantId: "t1", roles: "[]", homeAccountId: "h", expiresAt } });
    await session("expired", new Date(now.getTime() - 1000));
    await session("live", new Date(now.getTime() + 3600_000));

    expect(await runHousekeeping(db, now)).toEqual({ expiredRemoved: 1 });
    expect((await db.session.findMany()).map((s) => s.id)).toEqual(["live"]);
  });

  it("gathers the query planner's statistics once tables hold data", async () => {
    await db.tenant.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, displayName: `Tenant ${i}` })) });
    await db.tenant.findMany({ where: { displayName: "Tenant 7" } }); // a query that would use them
    await runHousekeeping(db);
    const stats = await db.$queryRawUnsafe<{ tbl: string }[]>(`SELECT "tbl" FROM "sqlite_stat1"`);
    expect(stats.map((s) => s.tbl)).toContain("Tenant");
  });
});

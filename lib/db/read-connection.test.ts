import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/support/test-db";
import type { Db } from "./client";
import { holdTransaction } from "@/tests/support/hold-transaction";
import { Prisma } from "./generated/client";
import { readRows, sqliteDate } from "./read-connection";

let db: Db;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe("the read connection", () => {
  it("reads what Prisma wrote, with dates and parameters as Prisma stores them", async () => {
    const created = await db.tenant.create({ data: { id: "t1", displayName: "Fabrikam" } });
    const rows = readRows(db, Prisma.sql`SELECT "id", "createdAt" FROM "Tenant" WHERE "createdAt" = ${created.createdAt} AND "id" IN (${Prisma.join(["t1", "t2"])})`);
    expect(rows).toHaveLength(1);
    expect(sqliteDate.parse((rows[0] as { createdAt: unknown }).createdAt).getTime()).toBe(created.createdAt.getTime());
  });

  it("cannot write", async () => {
    expect(() => readRows(db, Prisma.sql`INSERT INTO "Tenant" ("id", "displayName", "kind", "createdAt", "updatedAt") VALUES ('x', 'X', 'consumer', '2025-01-01', '2025-01-01') RETURNING "id"`)).toThrow(/readonly|read-only|query_only/i);
    expect(await db.tenant.count()).toBe(0);
  });

  it("sees committed data only, never a transaction still open on the main connection", async () => {
    const tx = holdTransaction(db, { rollBack: false });
    await tx.written;
    expect(readRows(db, Prisma.sql`SELECT "id" FROM "Tenant"`)).toEqual([]);
    tx.finish();
    await tx.done;
    expect(readRows(db, Prisma.sql`SELECT "id" FROM "Tenant"`)).toEqual([{ id: "uncommitted" }]);
  });
});

describe("sqliteDate", () => {
  it("reads every way a DATETIME is stored as the same instant", () => {
    const instant = Date.UTC(2025, 0, 2, 3, 4, 5);
    expect(sqliteDate.parse("2025-01-02T03:04:05.000+00:00").getTime()).toBe(instant);
    expect(sqliteDate.parse("2025-01-02 03:04:05").getTime()).toBe(instant);
    expect(sqliteDate.parse(instant).getTime()).toBe(instant);
    expect(sqliteDate.parse(BigInt(instant)).getTime()).toBe(instant);
    expect(sqliteDate.safeParse("not a date").success).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/support/test-db";
import type { Db } from "./client";
import { holdTransaction } from "@/tests/support/hold-transaction";

/**
 * The process shares one SQLite connection (the driver adapter opens one). A statement from another
 * request must never run inside someone else's open transaction: it would see uncommitted rows,
 * and its own writes would be rolled back with that transaction. Prisma's client holds such
 * statements back until the transaction ends; these tests keep that true across upgrades and
 * changes to lib/db/client.ts.
 */
let db: Db;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe("the shared database connection", () => {
  it("does not show a transaction's uncommitted rows to statements outside it", async () => {
    const tx = holdTransaction(db, { rollBack: true });
    await tx.written;
    const seen = db.tenant.findUnique({ where: { id: "uncommitted" } });
    tx.finish();
    await expect(tx.done).rejects.toThrow("rolled back on purpose");
    expect(await seen).toBeNull();
  });

  it("keeps a write made outside a transaction when that transaction rolls back", async () => {
    const tx = holdTransaction(db, { rollBack: true });
    await tx.written;
    const outside = db.tenant.create({ data: { id: "outside", displayName: "Outside" } });
    tx.finish();
    await expect(tx.done).rejects.toThrow("rolled back on purpose");
    await outside;
    expect((await db.tenant.findMany()).map((t) => t.id)).toEqual(["outside"]);
  });

  it("runs queries, transactions and raw SQL as before", async () => {
    await db.$transaction(async (tx) => {
      await tx.tenant.create({ data: { id: "a", displayName: "A" } });
      await tx.tenant.create({ data: { id: "b", displayName: "B" } });
    });
    await db.$transaction([db.tenant.create({ data: { id: "c", displayName: "C" } })]);
    expect(await db.$queryRaw`SELECT COUNT(*) AS n FROM "Tenant"`).toEqual([{ n: 3n }]);
  });
});

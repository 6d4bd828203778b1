import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/support/test-db";
import type { Db } from "../db/client";
import { appendAudit, GENESIS_HASH, verifyAuditChain } from "./audit-log";

let db: Db;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

async function appendMany(n: number) {
  for (let i = 0; i < n; i++) {
    await appendAudit(db, { action: "test.event", actorType: "system", actorLabel: "test", details: { i } });
  }
}

describe("audit chain", () => {
  it("chains each event to the previous one", async () => {
    await appendMany(3);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 3 });
  });

  it("detects an edited event", async () => {
    await appendMany(4);
    await db.auditEvent.update({ where: { seq: 2 }, data: { actorLabel: "someone else" } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: "this event's content was changed" });
  });

  it("detects a deleted event", async () => {
    await appendMany(4);
    await db.auditEvent.delete({ where: { seq: 3 } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: 4 });
  });

  it("keeps the chain intact under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendAudit(db, { action: "race", actorType: "system", actorLabel: "t", details: { i } })),
    );
    expect(await verifyAuditChain(db, 7)).toEqual({ ok: true, checked: 20 });
  });
});

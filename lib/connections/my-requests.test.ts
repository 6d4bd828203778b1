import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { createTestDb } from "../../tests/support/test-db";
import { seedDemoWorld } from "../../prisma/seed";
import { demoPrincipal, demoTenantId } from "../../tests/support/principals";
import { myRequests, requestStatusForConsumer } from "./my-requests";
import { isSettled } from "../domain/connection-lifecycle";
import { NotFoundError } from "../core/errors";

/** The consumer's list and status read models, on a real migrated database. */
let db: Db;
let cleanup: () => Promise<void>;

const tenant = demoTenantId;
const fabrikam = demoPrincipal("fabrikam");
const northwind = demoPrincipal("northwind");

async function insert(key: string, n: number, state: string, createdAt: Date) {
  return db.connectionRequest.create({
    data: {
      consumerTenantId: tenant(key),
      targetResourceId: `/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/sites/app-${n}`,
      targetName: `app-${n}`,
      targetType: "microsoft.web/sites",
      groupId: "sites",
      requestMessage: "",
      state,
      createdAt,
      progress: state === "Creating" ? "Creating the private endpoint…" : null,
    },
  });
}

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoWorld(db);
});
afterEach(() => cleanup());

describe("myRequests", () => {
  it("pages through the tenant's requests newest first with keyset cursors, never another tenant's", async () => {
    const base = Date.UTC(2025, 0, 1);
    // Two share a timestamp: the id breaks the tie, so nothing is skipped or repeated.
    for (let i = 0; i < 7; i++) await insert("fabrikam", i, i % 2 ? "Pending" : "Approved", new Date(base + Math.min(i, 5) * 60_000));
    await insert("northwind", 99, "Pending", new Date(base + 10 * 60_000));

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await myRequests(db, fabrikam, { limit: 3, cursor });
      seen.push(...page.rows.map((r) => r.targetName));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).not.toContain("app-99");
    expect(seen[0] === "app-6" || seen[0] === "app-5").toBe(true);

    const pending = await myRequests(db, fabrikam, { state: "Pending" });
    expect(pending.rows.map((r) => r.state)).toEqual(["Pending", "Pending", "Pending"]);
    expect(pending.counts).toMatchObject({ Pending: 3, Approved: 4, Rejected: 0 });
    expect((await myRequests(db, northwind, {})).rows.map((r) => r.targetName)).toEqual(["app-99"]);
  });

  it("treats a malformed cursor or state as absent instead of failing", async () => {
    await insert("fabrikam", 1, "Pending", new Date());
    const page = await myRequests(db, fabrikam, { cursor: "%%%not-a-cursor", state: "Nope" as never });
    expect(page.rows).toHaveLength(1);
  });
});

describe("requestStatusForConsumer", () => {
  it("reports progress and whether anything is still running; other tenants get not found", async () => {
    const creating = await insert("fabrikam", 1, "Creating", new Date());
    const status = await requestStatusForConsumer(db, fabrikam, creating.id);
    expect(status).toMatchObject({ state: "Creating", progress: "Creating the private endpoint…", settled: false, version: 1 });
    await expect(requestStatusForConsumer(db, northwind, creating.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestStatusForConsumer(db, fabrikam, "x".repeat(500))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is settled only without a running creation or pending action", () => {
    expect(isSettled("Creating", null)).toBe(false);
    expect(isSettled("Filed", null)).toBe(false);
    expect(isSettled("Pending", "withdraw")).toBe(false);
    expect(isSettled("Pending", null)).toBe(true);
    expect(isSettled("Failed", null)).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "../db/client";
import { createTestDb } from "../../tests/support/test-db";
import { seedDemoWorld } from "../../prisma/seed";
import { demoTenantId } from "../../tests/support/principals";
import { AZURE, CROSSLINK, personActor, type Actor } from "../core/actor";
import { ConflictError } from "../core/errors";
import { defineJob, jobOrder } from "../jobs/job";
import type { Command } from "../domain/connection-lifecycle";
import { requestEventSchema, type RequestEvent } from "./request-events";
import { abandonPendingAction, changeState, createRequest, recordPendingAction, type NewRequest } from "./request-writer";

/**
 * The one door: every change of a request writes exactly one domain event, with the right type and
 * the request's new version, in the same transaction as the change (a rolled-back change leaves
 * no event); a no-op writes none.
 */
let db: Db;
let cleanup: () => Promise<void>;

const CONSUMER = demoTenantId("fabrikam");
const PROVIDER = demoTenantId("contoso");
const felix = personActor("consumer", { name: "Felix Fischer", tenantName: "Fabrikam", userId: "u-felix", tenantId: CONSUMER });
const priya = personActor("provider", { name: "Priya Patel", tenantName: "Contoso", userId: "u-priya", tenantId: PROVIDER });

const ROW: NewRequest = {
  consumerTenantId: CONSUMER,
  providerTenantId: PROVIDER,
  targetResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/contoso-orders",
  targetType: "microsoft.web/sites",
  targetName: "contoso-orders",
  groupId: "sites",
  requestMessage: "ticket 4711",
};

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoWorld(db);
});
afterEach(() => cleanup());

async function events(): Promise<RequestEvent[]> {
  const rows = await db.outboxMessage.findMany({ where: { kind: "event" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => {
    const event = requestEventSchema.parse(JSON.parse(r.payload));
    expect(r.topic).toBe(event.type);
    return event;
  });
}

/** Runs one change and returns the events it wrote. */
async function only(change: () => Promise<unknown>): Promise<RequestEvent[]> {
  const before = (await events()).length;
  await change();
  return (await events()).slice(before);
}

const load = (id: string) => db.connectionRequest.findUniqueOrThrow({ where: { id } });

async function fileOne(): Promise<string> {
  return db.$transaction(async (tx) => (await createRequest(tx, { origin: "filed", data: ROW, actor: felix, note: "ticket 4711", audit: { action: "request.filed" } })).id);
}

async function change(id: string, command: Command, actor: Actor, options: { completesPendingAction?: boolean } = {}) {
  return db.$transaction(async (tx) => changeState(tx, await tx.connectionRequest.findUniqueOrThrow({ where: { id } }), command, actor, { audit: { action: `test.${command.type}` }, ...options }));
}

async function pend(id: string, action: string, actor: Actor) {
  const job = defineJob({ topic: `test.${action}`, payload: z.object({ id: z.string() }), run: async () => {} });
  return db.$transaction(async (tx) =>
    recordPendingAction(tx, await tx.connectionRequest.findUniqueOrThrow({ where: { id } }), actor, { action, progress: "…", conflictMessage: "changed", job: jobOrder(job, { id }) }),
  );
}

describe("the request writer's domain events", () => {
  it("creating a filed request writes one request.filed event at version 1, with the timeline, counts and audit", async () => {
    const [event, ...rest] = await only(fileOne);
    expect(rest).toEqual([]);
    const row = await db.connectionRequest.findFirstOrThrow();
    expect(event).toMatchObject({
      type: "request.filed",
      requestId: row.id,
      version: 1,
      actor: { kind: "person", label: "Felix Fischer (Fabrikam)", role: "consumer", userId: "u-felix" },
      consumerTenantId: CONSUMER,
      providerTenantId: PROVIDER,
      before: null,
      after: { state: "Creating", pendingAction: null },
      command: "submit",
    });
    expect(row).toMatchObject({ state: "Creating", version: 1 });
    expect((await db.stateTransition.findMany({ orderBy: { createdAt: "asc" } })).map((t) => [t.fromState, t.toState])).toEqual([
      [null, "Filed"],
      ["Filed", "Creating"],
    ]);
    expect(await db.requestStateCount.findMany({ where: { count: { gt: 0 } } })).toEqual([{ providerTenantId: PROVIDER, state: "Creating", count: 1 }]);
    expect((await db.auditEvent.findMany()).map((a) => a.action)).toEqual(["request.filed"]);
  });

  it("a registered endpoint starts in Azure's state with one request.registered event", async () => {
    const [event, ...rest] = await only(() =>
      db.$transaction((tx) => createRequest(tx, { origin: "registered", azureStatus: "Approved", data: ROW, actor: felix, note: null, audit: { action: "request.registered" } })),
    );
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: "request.registered", version: 1, before: null, after: { state: "Approved" } });
  });

  it("every lifecycle command yields exactly one event of its type, carrying the new version", async () => {
    const id = await fileOne();
    const steps: [string, () => Promise<unknown>, string, string][] = [
      ["creation fails", () => change(id, { type: "creationFailed" }, CROSSLINK), "request.failed", "Failed"],
      ["the consumer retries", () => change(id, { type: "retry" }, felix), "request.retried", "Creating"],
      ["the endpoint is created", () => change(id, { type: "creationSucceeded" }, CROSSLINK), "request.pending", "Pending"],
      ["the provider asks to approve", () => pend(id, "approve", priya), "request.action_requested", "Pending"],
      ["Azure refuses the approval for good", () => abandonPendingAction(db, id, CROSSLINK, "approve", "Azure said no"), "request.action_failed", "Pending"],
      ["the provider asks again", () => pend(id, "approve", priya), "request.action_requested", "Pending"],
      ["Azure confirms the approval", () => change(id, { type: "approve" }, priya, { completesPendingAction: true }), "request.approved", "Approved"],
      ["the provider disconnects", () => change(id, { type: "disconnect" }, priya), "request.disconnected", "Disconnected"],
      ["the consumer withdraws", () => change(id, { type: "withdraw" }, felix), "request.withdrawn", "Withdrawn"],
    ];
    let version = 1;
    for (const [what, run, type, state] of steps) {
      const written = await only(run);
      version++;
      expect(written.map((e) => e.type), what).toEqual([type]);
      expect(written[0], what).toMatchObject({ requestId: id, version, after: { state } });
      expect((await load(id)).version, what).toBe(version);
    }
    const last = (await events()).at(-1)!;
    expect(last.before).toEqual({ state: "Disconnected", pendingAction: null });
  });

  it("the other commands each yield their one event: reject, discard, and what Azure is seen to do", async () => {
    const rejected = await fileOne();
    await change(rejected, { type: "creationSucceeded" }, CROSSLINK);
    expect((await only(() => change(rejected, { type: "reject" }, priya))).map((e) => [e.type, e.version])).toEqual([["request.rejected", 3]]);

    const discarded = await fileOne();
    await change(discarded, { type: "creationFailed" }, CROSSLINK);
    expect((await only(() => change(discarded, { type: "discard" }, felix))).map((e) => [e.type, e.version, e.command])).toEqual([["request.withdrawn", 3, "discard"]]);

    const seen = await fileOne();
    expect((await only(() => change(seen, { type: "observedInAzure", status: "Approved" }, AZURE))).map((e) => [e.type, e.version])).toEqual([["request.approved", 2]]);
    expect((await only(() => change(seen, { type: "observedInAzure", status: "Deleted" }, AZURE))).map((e) => [e.type, e.version])).toEqual([["request.withdrawn", 3]]);
  });

  it("names who did it: a person, Crosslink or Azure, the same in the event, the timeline and the audit trail", async () => {
    const id = await fileOne();
    await change(id, { type: "creationSucceeded" }, CROSSLINK);
    const [seen] = await only(() => change(id, { type: "observedInAzure", status: "Rejected" }, AZURE));
    expect(seen).toMatchObject({ type: "request.rejected", actor: { kind: "azure", label: "Azure" }, command: "observedInAzure:Rejected" });
    const timeline = await db.stateTransition.findFirstOrThrow({ where: { toState: "Rejected" } });
    expect(timeline).toMatchObject({ actorType: "azure", actorLabel: "Azure" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "test.observedInAzure" } });
    expect(audit).toMatchObject({ actorType: "azure", actorLabel: "Azure" });
  });

  it("a rejected command and a rolled-back change leave no event and no change", async () => {
    const id = await fileOne();
    const before = (await events()).length;
    // The state machine refuses: a request being created cannot be approved.
    await expect(change(id, { type: "approve" }, priya)).rejects.toBeInstanceOf(ConflictError);
    // A legal change whose transaction fails afterwards: the event goes with it.
    await expect(
      db.$transaction(async (tx) => {
        await changeState(tx, await tx.connectionRequest.findUniqueOrThrow({ where: { id } }), { type: "creationSucceeded" }, CROSSLINK, { audit: { action: "test" } });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect((await events()).length).toBe(before);
    expect(await load(id)).toMatchObject({ state: "Creating", version: 1 });
  });

  it("a stale version is refused with a conflict and writes nothing", async () => {
    const id = await fileOne();
    const stale = await load(id);
    await change(id, { type: "creationSucceeded" }, CROSSLINK);
    const count = (await events()).length;
    await expect(db.$transaction((tx) => changeState(tx, stale, { type: "creationFailed" }, CROSSLINK, { audit: { action: "test" } }))).rejects.toMatchObject({
      code: "version_conflict",
    });
    expect((await events()).length).toBe(count);
  });

  it("a no-op (re-approving an approved request) is audited but raises no event", async () => {
    const id = await fileOne();
    await change(id, { type: "creationSucceeded" }, CROSSLINK);
    await change(id, { type: "approve" }, priya);
    expect(await only(() => change(id, { type: "approve" }, priya))).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "test.approve" } })).toBe(2);
  });

  it("a pending action enqueues its job with the change, and refuses a second one", async () => {
    const id = await fileOne();
    await change(id, { type: "creationSucceeded" }, CROSSLINK);
    await pend(id, "approve", priya);
    expect(await db.outboxMessage.count({ where: { kind: "job", topic: "test.approve" } })).toBe(1);
    await expect(pend(id, "reject", priya)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.outboxMessage.count({ where: { kind: "job", topic: "test.reject" } })).toBe(0);
  });
});

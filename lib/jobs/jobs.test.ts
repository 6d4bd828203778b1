import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "../db/client";
import { createTestDb } from "../../tests/support/test-db";
import { AzureError } from "../azure";
import { ReauthenticationRequired } from "../auth/delegated-token";
import { StepUpRequired } from "../auth/step-up";
import { processDue } from "../outbox/worker";
import { defineJob, enqueueJob, failureOf, InvalidJobPayload, jobOrder, PermanentJobFailure, shouldRetry, DEFAULT_RETRY, type Failure } from "./job";
import { createJobRegistry } from "./registry";

const azure = (retryable: boolean) => new AzureError({ status: retryable ? 503 : 400, code: "X", message: "raw", userMessage: "Plain words.", retryable });

describe("the one retry rule", () => {
  it("retries what Azure says may pass, until the job's attempts run out", () => {
    expect(failureOf(azure(true))).toEqual({ message: "Plain words.", retryable: true });
    expect(shouldRetry(DEFAULT_RETRY, 1, failureOf(azure(true)))).toBe(true);
    expect(shouldRetry(DEFAULT_RETRY, DEFAULT_RETRY.attempts, failureOf(azure(true)))).toBe(false);
  });

  it("gives up at once on what will not pass by waiting", () => {
    expect(shouldRetry(DEFAULT_RETRY, 1, failureOf(azure(false)))).toBe(false);
    // The consumer's sign-in expired: no retry brings it back.
    expect(failureOf(new ReauthenticationRequired())).toEqual({ message: new ReauthenticationRequired().message, retryable: false });
    expect(failureOf(new PermanentJobFailure("The connection is gone."))).toEqual({ message: "The connection is gone.", retryable: false });
  });

  it("never retries a step-up (Azure wants the person's second factor) and keeps its claims for the wait", () => {
    const claims = '{"access_token":{"acrs":{"essential":true,"values":["p1"]}}}';
    const failure = failureOf(new StepUpRequired(claims));
    expect(failure).toEqual({ message: new StepUpRequired(claims).message, retryable: false, stepUpClaims: claims });
    expect(shouldRetry(DEFAULT_RETRY, 1, failure)).toBe(false);
  });

  it("retries anything else (an outage or a bug), within the same limit", () => {
    expect(failureOf(new Error("socket hang up"))).toEqual({ message: "socket hang up", retryable: true });
    expect(shouldRetry(DEFAULT_RETRY, DEFAULT_RETRY.attempts, failureOf("odd"))).toBe(false);
  });
});

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

type Deps = { seen: string[]; failWith?: unknown; gaveUp: Failure[]; retried: number[] };
const greet = defineJob({
  topic: "test.greet",
  payload: z.object({ name: z.string().min(1), times: z.number().int().positive() }),
  retry: { attempts: 3, backoffMs: () => 0 },
  async run({ name }, { deps }: { deps: Deps }) {
    if (deps.failWith) throw deps.failWith;
    deps.seen.push(name);
  },
  async onRetry(_payload, { deps, attempt }: { deps: Deps; attempt: number }) {
    deps.retried.push(attempt);
  },
  async giveUp(_payload, { deps }: { deps: Deps }, failure) {
    deps.gaveUp.push(failure);
  },
});

async function drain(deps: Deps) {
  const jobs = createJobRegistry(deps, [greet]);
  for (let i = 0; i < 10; i++) if ((await processDue(db, jobs)) === 0) return;
}

describe("jobs through their definition", () => {
  it("enqueues through the definition and runs the job from the outbox", async () => {
    await enqueueJob(db, greet, { name: "Felix", times: 1 });
    const deps: Deps = { seen: [], gaveUp: [], retried: [] };
    await drain(deps);
    expect(deps.seen).toEqual(["Felix"]);
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ kind: "job", topic: "test.greet", status: "done", attempts: 1 });
  });

  it("refuses a wrong payload at enqueue time and writes nothing", async () => {
    // @ts-expect-error: the payload's type comes from the definition
    await expect(enqueueJob(db, greet, { name: "Felix" })).rejects.toBeInstanceOf(InvalidJobPayload);
    await expect(enqueueJob(db, greet, { name: "", times: 1 })).rejects.toThrow(/test\.greet.*name/);
    expect(() => jobOrder(greet, { name: "Felix", times: 0 })).toThrow(InvalidJobPayload);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("retries a transient failure up to the definition's attempts, then gives up once, recording why", async () => {
    await enqueueJob(db, greet, { name: "Nora", times: 1 });
    const deps: Deps = { seen: [], gaveUp: [], retried: [], failWith: azure(true) };
    await drain(deps);
    expect(deps.retried).toEqual([1, 2]);
    expect(deps.gaveUp).toEqual([{ message: "Plain words.", retryable: true }]);
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: 3, lastError: "Plain words." });
  });

  it("gives up at once on a permanent failure", async () => {
    await enqueueJob(db, greet, { name: "Nora", times: 1 });
    const deps: Deps = { seen: [], gaveUp: [], retried: [], failWith: new PermanentJobFailure("The endpoint is gone.") };
    await drain(deps);
    expect(deps.retried).toEqual([]);
    expect(deps.gaveUp.map((f) => f.message)).toEqual(["The endpoint is gone."]);
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("fails a stored payload its definition no longer accepts without running it", async () => {
    await db.outboxMessage.create({ data: { kind: "job", topic: "test.greet", payload: JSON.stringify({ name: 42 }) } });
    const deps: Deps = { seen: [], gaveUp: [], retried: [] };
    await drain(deps);
    expect(deps.seen).toEqual([]);
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "failed", lastError: expect.stringMatching(/malformed payload/) });
  });

  it("never claims domain events or topics it does not know", async () => {
    await db.outboxMessage.create({ data: { kind: "event", topic: "test.greet", payload: JSON.stringify({ name: "x", times: 1 }) } });
    await db.outboxMessage.create({ data: { kind: "job", topic: "test.unknown", payload: "{}" } });
    const deps: Deps = { seen: [], gaveUp: [], retried: [] };
    await drain(deps);
    expect(deps.seen).toEqual([]);
    expect((await db.outboxMessage.findMany()).map((m) => m.status)).toEqual(["pending", "pending"]);
  });

  it("refuses two definitions of one topic in a registry", () => {
    expect(() => createJobRegistry<Deps>({ seen: [], gaveUp: [], retried: [] }, [greet, greet])).toThrow(/share the topic "test.greet"/);
  });
});

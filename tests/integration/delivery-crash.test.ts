import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestDb } from "@/tests/support/test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { SecretBox } from "@/lib/auth/secret-box";
import { createDeliveries } from "@/lib/notify/deliveries";
import { exampleFacts } from "@/lib/notify/messages/example-facts";
import { newWebhookSecret } from "@/lib/notify/webhook-signing";
import type { Db } from "@/lib/db/client";

/**
 * Nothing lost, nothing acknowledged sent twice, with a real crash: a worker process is killed
 * (SIGKILL) in the middle of 200 webhook deliveries, and a new one started on the same database.
 * Every delivery reaches the receiver; every delivery recorded as delivered before the crash
 * reached it exactly once (those in flight at the crash may come again, with the same webhook-id:
 * at least once is the promise).
 */
const ROOT = path.resolve(__dirname, "..", "..");
const SESSION_SECRET = "delivery-crash-test-session-secret-0123456789";
const COUNT = 200;

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let receiver: WebhookReceiver;
const children: ChildProcess[] = [];

beforeEach(async () => {
  ({ db, url, cleanup } = await createTestDb());
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await receiver.close();
  await cleanup();
});

function startWorker(): Promise<ChildProcess> {
  // Node itself with tsx's loader: the tsx command would run the worker in a child process of its
  // own, which would survive a SIGKILL sent to the command.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/worker-process.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      CROSSLINK_MODE: "local",
      DATABASE_URL: url,
      APP_BASE_URL: "http://localhost:3999",
      ENTRA_AUTHORITY_HOST: "https://localhost:1",
      ENTRA_CLIENT_SECRET: "not-used-by-deliveries-0123456789",
      SESSION_SECRET,
      ARM_ENDPOINT: "https://localhost:2",
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

it("a worker killed mid-delivery: after a restart everything arrives, and nothing acknowledged arrives twice", { timeout: 180_000 }, async () => {
  const tenant = await db.tenant.create({ data: { id: "11111111-1111-4111-8111-111111111111", displayName: "Contoso", kind: "provider" } });
  const secret = newWebhookSecret();
  const route = await db.notificationRoute.create({
    data: { tenantId: tenant.id, name: "Crash test", channel: "webhook", target: receiver.url, eventFilter: "[]", webhookSecret: new SecretBox(SESSION_SECRET, "webhook-signing-secrets").seal(secret) },
  });
  const facts = exampleFacts("request.pending");
  await db.$transaction(async (tx) => {
    for (let i = 0; i < COUNT; i++) {
      const eventId = `evt_crash_${i}`;
      await createDeliveries(tx, eventId, facts.type, null, [{ key: `${eventId}:route:${route.id}`, routeId: route.id, userId: null, channel: "webhook", recipient: receiver.url, facts: { ...facts, eventId } }]);
    }
  });
  // Each answer takes a while, so the crash lands with deliveries in flight.
  receiver.answer = () => 200;
  receiver.delayMs = 150;

  const first = await startWorker();
  // Kill it once some deliveries are acknowledged and others are claimed and on their way.
  const inTheMiddle = async () => receiver.inFlight > 0 && (await db.delivery.count({ where: { status: "delivered" } })) >= COUNT / 4;
  await expect.poll(inTheMiddle, { timeout: 60_000, interval: 10 }).toBe(true);
  first.kill("SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const acknowledged = new Set((await db.delivery.findMany({ where: { status: "delivered" }, select: { eventId: true } })).map((d) => d.eventId));
  expect(acknowledged.size).toBeGreaterThan(0);
  expect(acknowledged.size).toBeLessThan(COUNT);
  const unfinished = await db.delivery.count({ where: { status: "pending", attempts: 0, route: { id: route.id } } });
  expect(unfinished, "deliveries the dead worker had sent but not recorded, or not reached").toBeGreaterThan(0);

  await startWorker();
  // Deliveries the dead worker had claimed wait for its lock to run out (45 s), then go again.
  await expect.poll(() => db.delivery.count({ where: { status: "delivered" } }), { timeout: 150_000, interval: 250 }).toBe(COUNT);

  const times = new Map<string, number>();
  for (const r of receiver.received) times.set(String(r.headers["webhook-id"]), (times.get(String(r.headers["webhook-id"])) ?? 0) + 1);
  expect(times.size).toBe(COUNT);
  for (const eventId of acknowledged) expect(times.get(eventId), `${eventId} was acknowledged before the crash`).toBe(1);
});

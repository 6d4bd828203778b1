/**
 * npm run bench:notify — how fast Crosslink tells people, with the real app doing the telling.
 * Starts the whole local world (production build, its mail catcher) on ports of its own with a
 * fresh database; signs Felix (consumer), Priya (provider) and Adam (admin) in through the real
 * sign-in flow; Adam's webhook route points at a receiver in this process and an email route at
 * the catcher. Then:
 *  1. latency: files 1,000 requests as Felix (the use case the request form calls, with his
 *     session's delegated token; the app's worker creates the endpoints), in rounds of 200 that
 *     are withdrawn before the next (his subnet holds about 250 endpoints). For each, from the
 *     moment its Pending state was committed to (a) the webhook arriving here and (b) the email
 *     being accepted by the catcher: p50/p95.
 *  2. throughput: queues 10,000 webhook deliveries at once and measures how fast the app's worker
 *     delivers them while 4 clients keep loading the provider inbox page (its p50/p95 is printed
 *     too); counts duplicates by webhook-id (each delivery must arrive exactly once here: the
 *     receiver answers 200 to all, so no retry is deliberate).
 * Targets: p95 ≤ 2 s for (a) and (b); ≥ 100 deliveries/s.
 *   CROSSLINK_DATA_DIR=.data/bench-notify tsx scripts/with-local-ca.ts scripts/bench/notify.ts [--requests 1000] [--deliveries 10000]
 */
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import type { AddressInfo } from "node:net";
import { ensureLocalSecrets } from "../../dev/world/local-secrets";
import { DEMO_RESOURCES } from "../../dev/world/demo-resources";
import { loadConfig } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { createServices } from "../../lib/services";
import { principalFromSessionToken } from "../../lib/auth/session-store";
import { fileRequest } from "../../lib/connections/file-request";
import { setManaged } from "../../lib/connections/onboarding";
import { withdrawRequest } from "../../lib/connections/consumer-actions";
import { createRoute, listRoutes, setRoutePaused } from "../../lib/notify/routes";
import { saveEmailPreferences } from "../../lib/notify/preferences";
import { enqueueJob } from "../../lib/jobs/job";
import { deliverJob } from "../../lib/notify/jobs/deliver";
import { notificationFactsSchema } from "../../lib/notify/facts";
import { getMail, listMail } from "../../dev/mail-catcher/client";
import { ms, summarize } from "./stats";
import { ROOT, sessionToken, startBenchWorld } from "./bench-world";

const PORTS = { app: 3410, entra: 7853, arm: 8853, smtp: 2453, mail: 2454 };
const APP = `http://localhost:${PORTS.app}`;
const MAIL = `http://localhost:${PORTS.mail}`;
const DATA_DIR = path.resolve(ROOT, process.env.CROSSLINK_DATA_DIR ?? ".data/bench-notify");
const TEAM_ADDRESS = "bench-team@contoso.example";

const { values } = parseArgs({ options: { requests: { type: "string", default: "1000" }, deliveries: { type: "string", default: "10000" } } });
const REQUESTS = Number(values.requests);
const DELIVERIES = Number(values.deliveries);
const ROUND = 200;

const startWorld = () =>
  startBenchWorld([
    ...["--app-port", `${PORTS.app}`, "--entra-port", `${PORTS.entra}`, "--arm-port", `${PORTS.arm}`, "--smtp-port", `${PORTS.smtp}`, "--mail-port", `${PORTS.mail}`],
    ...["--data-dir", DATA_DIR, "--fresh"],
  ]);

/** The receiver: when each webhook-id first arrived, and how often each arrived. */
async function startReceiver() {
  const firstSeen = new Map<string, { at: number; requestId: string | null; type: string }>();
  const seen = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const id = String(req.headers["webhook-id"] ?? "");
      seen.set(id, (seen.get(id) ?? 0) + 1);
      if (!firstSeen.has(id)) {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { type: string; data: { request?: { id: string } | null } };
        firstSeen.set(id, { at, requestId: body.data.request?.id ?? null, type: body.type });
      }
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/crosslink`, firstSeen, seen, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function main() {
  console.log(`bench:notify — ${REQUESTS} requests filed, ${DELIVERIES} queued webhook deliveries`);
  console.log("• starting the local world (production build; the first run builds the app)…");
  const world = await startWorld();
  const receiver = await startReceiver();
  const secrets = ensureLocalSecrets(path.join(DATA_DIR, "local-secrets.json"));
  const config = loadConfig({
    ...process.env,
    CROSSLINK_MODE: "local",
    APP_BASE_URL: APP,
    DATABASE_URL: `file:${path.join(DATA_DIR, "crosslink.db")}`,
    ENTRA_AUTHORITY_HOST: `https://localhost:${PORTS.entra}`,
    ENTRA_CLIENT_SECRET: secrets.clientSecret,
    SESSION_SECRET: secrets.sessionSecret,
    ARM_ENDPOINT: `https://localhost:${PORTS.arm}`,
    SMTP_PORT: String(PORTS.smtp),
    MAIL_CATCHER_URL: MAIL,
    LOG_LEVEL: "warn",
  });
  // This process writes as another instance would; the app's own worker does all the delivering.
  const db = createDb(config.databaseUrl);
  const services = createServices(db, config);
  try {
    const [felixToken, priyaToken, adamToken] = [await sessionToken(APP, "felix@fabrikam.onmicrosoft.com"), await sessionToken(APP, "priya@contoso.onmicrosoft.com"), await sessionToken(APP, "adam@contoso.onmicrosoft.com")];
    const felix = (await principalFromSessionToken(db, felixToken))!;
    const adam = (await principalFromSessionToken(db, adamToken))!;
    const priya = (await principalFromSessionToken(db, priyaToken))!;
    await setManaged({ db, providerAzure: services.providerAzure() }, priya, { resourceId: DEMO_RESOURCES.contoso.sites.orders.id, manage: true });
    const { routeId } = await createRoute(services.notify, adam, { name: "Bench receiver", channel: "webhook", purpose: "notify", scope: "tenant", events: ["request.pending"], target: receiver.url });
    await createRoute(services.notify, adam, { name: "Bench team mail", channel: "email", purpose: "notify", scope: "tenant", events: ["request.pending"], target: TEAM_ADDRESS });
    // The catcher keeps the last 2,000 messages: only the measured ones are sent (the demo's own
    // route would add one per withdrawal, Felix's own emails one per request).
    for (const route of await listRoutes(db, adam)) if (route.name.endsWith("(demo)")) await setRoutePaused(db, adam, route.id, true);
    await saveEmailPreferences(db, felix, { emailed: [] });

    // ------------------------------------------------------------ 1. latency
    // Fabrikam's endpoint subnet holds about 250 endpoints: file in rounds, and withdraw each
    // round (deleting its endpoints) before the next. The webhook route hears request.pending only.
    console.log(`• filing ${REQUESTS} requests as Felix, in rounds of ${ROUND}…`);
    const ids: string[] = [];
    const consumerAzure = services.consumerAzureFor(felix);
    const pendingHooks = (wanted: Set<string>) => [...receiver.firstSeen.values()].filter((v) => v.type === "request.pending" && v.requestId && wanted.has(v.requestId)).length;
    for (let round = 0; round * ROUND < REQUESTS; round++) {
      const roundIds: string[] = [];
      let next = round * ROUND;
      const end = Math.min(REQUESTS, next + ROUND);
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < end) {
            const n = next++;
            const r = await fileRequest({ db, consumerAzure }, felix, {
              targetResourceId: DEMO_RESOURCES.contoso.sites.orders.id,
              groupId: "sites",
              requestMessage: `bench ${n}`,
              subscriptionId: DEMO_RESOURCES.fabrikam.subscriptionId,
              subnetId: DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id,
              endpointName: `pe-bench-${n}`,
            });
            roundIds.push(r.requestId);
          }
        }),
      );
      const wanted = new Set(roundIds);
      await waitUntil(`round ${round + 1}'s request.pending webhooks`, async () => {
        const failed = await db.connectionRequest.findFirst({ where: { id: { in: roundIds }, state: "Failed" }, select: { stateReason: true } });
        if (failed) throw new Error(`an endpoint creation failed: ${failed.stateReason}`);
        return pendingHooks(wanted) >= roundIds.length;
      }, 10 * 60_000);
      for (const id of roundIds) await withdrawRequest(db, felix, id);
      await waitUntil(`round ${round + 1}'s endpoints deleted`, async () => (await db.connectionRequest.count({ where: { id: { in: roundIds }, state: { not: "Withdrawn" } } })) === 0, 10 * 60_000);
      ids.push(...roundIds);
      console.log(`  round ${round + 1}: ${ids.length} filed, their webhooks received, their endpoints deleted`);
    }
    await waitUntil("every team email", async () => (await mailCount()) >= REQUESTS, 5 * 60_000);

    const pendingAt = new Map(
      // The bench's database is fresh: every Pending transition is one of its requests (no id list: SQLite caps parameters at 999).
      (await db.stateTransition.findMany({ where: { toState: "Pending" }, select: { requestId: true, createdAt: true } })).map((t) => [t.requestId, t.createdAt.getTime()]),
    );
    const hookLatency = [...receiver.firstSeen.values()].filter((v) => v.requestId && pendingAt.has(v.requestId)).map((v) => v.at - pendingAt.get(v.requestId!)!);
    const mailLatency = await emailLatencies(db, pendingAt);
    const a = summarize(hookLatency);
    const b = summarize(mailLatency);
    console.log(`(a) Pending committed → webhook received: n=${a.n} p50 ${ms(a.p50)} p95 ${ms(a.p95)} max ${ms(a.max)}  (target p95 ≤ 2000 ms)`);
    console.log(`(b) Pending committed → email accepted:   n=${b.n} p50 ${ms(b.p50)} p95 ${ms(b.p95)} max ${ms(b.max)}  (target p95 ≤ 2000 ms)`);

    // ------------------------------------------------------------ 2. throughput
    console.log(`• queueing ${DELIVERIES} webhook deliveries while 4 clients load the inbox…`);
    const sample = await db.delivery.findFirstOrThrow({ where: { routeId, eventType: "request.pending" } });
    const facts = notificationFactsSchema.parse(JSON.parse(sample.facts));
    const before = receiver.firstSeen.size;
    // Queued first and released at once (their jobs wait far in the future until then), so the
    // rate measured is the worker's, not the speed of this loop.
    const held = new Date(Date.now() + 24 * 3_600_000);
    for (let start = 0; start < DELIVERIES; start += 250) {
      await db.$transaction(
        async (tx) => {
          const batch = Array.from({ length: Math.min(250, DELIVERIES - start) }, (_, j) => {
            const eventId = `bench_${start + j}`;
            return { id: crypto.randomUUID(), key: `${eventId}:route:${routeId}`, eventId, eventType: facts.type, requestId: facts.request?.id ?? null, routeId, channel: "webhook", recipient: receiver.url, facts: JSON.stringify({ ...facts, eventId }) };
          });
          await tx.delivery.createMany({ data: batch });
          for (const d of batch) await enqueueJob(tx, deliverJob, { deliveryId: d.id }, { runAt: held });
        },
        { timeout: 60_000 },
      );
    }
    await db.outboxMessage.updateMany({ where: { topic: deliverJob.topic, status: "pending", nextAttemptAt: held }, data: { nextAttemptAt: new Date() } });
    const queuedAt = Date.now();
    const pageTimes: number[] = [];
    let loading = true;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (loading) {
          const t0 = performance.now();
          await get(`${APP}/provider`, agent, `crosslink_session=${priyaToken}`);
          pageTimes.push(performance.now() - t0);
        }
      }),
    );
    await waitUntil("every queued delivery", () => receiver.firstSeen.size >= before + DELIVERIES, 20 * 60_000);
    const doneAt = Math.max(...[...receiver.firstSeen.entries()].filter(([id]) => id.startsWith("bench_")).map(([, v]) => v.at));
    loading = false;
    await load;
    agent.destroy();
    const seconds = (doneAt - queuedAt) / 1000;
    const duplicates = [...receiver.seen.values()].reduce((sum, n) => sum + (n - 1), 0);
    const pages = summarize(pageTimes);
    console.log(`throughput: ${DELIVERIES} deliveries in ${seconds.toFixed(1)} s = ${(DELIVERIES / seconds).toFixed(0)} deliveries/s  (target ≥ 100/s)`);
    console.log(`duplicates received (same webhook-id twice): ${duplicates}  (must be 0: nothing was retried)`);
    console.log(`inbox page during delivery: n=${pages.n} p50 ${ms(pages.p50)} p95 ${ms(pages.p95)}`);
  } finally {
    services.worker.stop();
    await db.$disconnect();
    await receiver.close();
    world.kill("SIGTERM");
  }
}

async function mailCount(): Promise<number> {
  return (await listMail(MAIL, { to: TEAM_ADDRESS, limit: 2000 })).length;
}

/** Each team email's acceptance time, matched to its request through the delivery's event id (the X-Crosslink-Event header). */
async function emailLatencies(db: ReturnType<typeof createDb>, pendingAt: Map<string, number>): Promise<number[]> {
  const messages = await listMail(MAIL, { to: TEAM_ADDRESS, limit: 2000 });
  const deliveries = await db.delivery.findMany({ where: { channel: "email", recipient: TEAM_ADDRESS }, select: { eventId: true, requestId: true } });
  const requestOf = new Map(deliveries.map((d) => [d.eventId, d.requestId]));
  const out: number[] = [];
  for (const m of messages) {
    const detail = await getMail(MAIL, m.id);
    const eventId = detail.headers.find((h) => h.name.toLowerCase() === "x-crosslink-event")?.value ?? "";
    const requestId = requestOf.get(eventId);
    const t = requestId ? pendingAt.get(requestId) : undefined;
    if (t !== undefined) out.push(new Date(m.receivedAt).getTime() - t);
  }
  return out;
}

function get(url: string, agent: http.Agent, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

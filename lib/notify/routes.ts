import { z } from "zod";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { authorize } from "../auth/authorize";
import { recordAudit } from "../audit/audit-log";
import { personActor } from "../core/actor";
import { NotFoundError, ValidationError } from "../core/errors";
import { idOrNotFound, parseInput } from "../core/parse";
import { parseRouteInput, type RouteInput } from "./route-input";
import type { OutgoingPolicy } from "./ssrf";
import { newWebhookSecret } from "./webhook-signing";
import { recipientLabel } from "./route-target";
import { routeEvents } from "./route-matching";
import { createDeliveries } from "./deliveries";
import type { NotificationFacts } from "./facts";
import { routePageUrl } from "./route-health";
import { enqueueJob } from "../jobs/job";
import { deliverJob } from "./jobs/deliver";

/**
 * The admin's notification routes: where the provider tenant's notifications go. Only admins of
 * the provider tenant see or change them, and every query names the admin's tenant, so another
 * tenant's route ID is simply not found. Each change is audited.
 */
export type RouteDeps = {
  db: Db;
  outgoingPolicy: OutgoingPolicy;
  secrets: { seal(plain: string): string; open(sealed: string): string | null };
  appBaseUrl: string;
  /** Resolves host names for the SSRF check (injectable for tests). */
  resolve?: (host: string) => Promise<string[]>;
};

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

const asAdmin = (principal: Principal) => authorize(principal, { role: "admin" });
const actorOf = (p: Principal) => personActor("admin", p);

export type RouteStatus = "active" | "paused" | "disabled";
export type RouteSummary = {
  id: string;
  name: string;
  channel: string;
  purpose: string;
  recipient: string;
  scope: { kind: "tenant" } | { kind: "resource"; id: string; name: string };
  events: string[];
  status: RouteStatus;
  disabledReason: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  rotationEndsAt: Date | null;
  createdAt: Date;
  counts: { delivered: number; failing: number; dead: number };
};

const routeInclude = { providerResource: { select: { id: true, name: true } } } as const;

function summarize(route: Awaited<ReturnType<typeof loadRoute>>, counts: RouteSummary["counts"], now = new Date()): RouteSummary {
  return {
    id: route.id,
    name: route.name,
    channel: route.channel,
    purpose: route.purpose,
    recipient: recipientLabel(route.channel, route.target),
    scope: route.providerResource ? { kind: "resource", id: route.providerResource.id, name: route.providerResource.name } : { kind: "tenant" },
    events: [...routeEvents(route)],
    status: route.disabledAt ? "disabled" : route.enabled ? "active" : "paused",
    disabledReason: route.disabledReason,
    disabledAt: route.disabledAt,
    failingSince: route.failingSince,
    rotationEndsAt: route.previousSecretExpiresAt && route.previousSecretExpiresAt > now ? route.previousSecretExpiresAt : null,
    createdAt: route.createdAt,
    counts,
  };
}

async function loadRoute(db: Db, principal: Principal, routeId: unknown) {
  const route = await db.notificationRoute.findFirst({ where: { id: idOrNotFound(routeId, "route"), tenantId: principal.tenantId }, include: routeInclude });
  if (!route) throw new NotFoundError("route");
  return route;
}

async function countsFor(db: Db, routeIds: string[]): Promise<Map<string, RouteSummary["counts"]>> {
  const groups = routeIds.length ? await db.delivery.groupBy({ by: ["routeId", "status"], where: { routeId: { in: routeIds } }, _count: { _all: true } }) : [];
  const counts = new Map<string, RouteSummary["counts"]>(routeIds.map((id) => [id, { delivered: 0, failing: 0, dead: 0 }]));
  for (const g of groups) {
    const c = counts.get(g.routeId as string);
    if (!c) continue;
    if (g.status === "delivered") c.delivered += g._count._all;
    else if (g.status === "retrying") c.failing += g._count._all;
    else if (g.status === "dead") c.dead += g._count._all;
  }
  return counts;
}

export async function listRoutes(db: Db, principal: Principal): Promise<RouteSummary[]> {
  const admin = asAdmin(principal);
  const routes = await db.notificationRoute.findMany({ where: { tenantId: admin.tenantId }, include: routeInclude, orderBy: [{ purpose: "desc" }, { createdAt: "asc" }] });
  const counts = await countsFor(db, routes.map((r) => r.id));
  return routes.map((r) => summarize(r, counts.get(r.id) ?? { delivered: 0, failing: 0, dead: 0 }));
}

export async function getRoute(db: Db, principal: Principal, routeId: unknown): Promise<RouteSummary> {
  const route = await loadRoute(db, asAdmin(principal), routeId);
  const counts = await countsFor(db, [route.id]);
  return summarize(route, counts.get(route.id) ?? { delivered: 0, failing: 0, dead: 0 });
}

/** The resources a route can be limited to: the tenant's managed resources. */
export async function routeScopes(db: Db, principal: Principal): Promise<{ id: string; name: string }[]> {
  const admin = asAdmin(principal);
  return db.providerResource.findMany({ where: { tenantId: admin.tenantId, managed: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

async function checkedInput(deps: RouteDeps, principal: Principal, raw: unknown): Promise<RouteInput> {
  const parsed = await parseRouteInput(raw, deps.outgoingPolicy, deps.resolve);
  if (!parsed.ok) throw new ValidationError(Object.fromEntries(Object.entries(parsed.fieldErrors).map(([k, v]) => [k, v[0] ?? "Check this field."])));
  const input = parsed.value;
  if (input.scope !== "tenant") {
    const resource = await deps.db.providerResource.findFirst({ where: { id: input.scope, tenantId: principal.tenantId }, select: { id: true } });
    if (!resource) throw new ValidationError({ scope: "Choose one of your resources, or all of them." });
  }
  return input;
}

function routeColumns(input: RouteInput) {
  return {
    name: input.name,
    channel: input.channel,
    purpose: input.purpose,
    target: input.target,
    providerResourceId: input.scope === "tenant" ? null : input.scope,
    eventFilter: JSON.stringify(input.events),
  };
}

/** Creates a route; a webhook route gets its signing secret, returned here once and never shown again. */
export async function createRoute(deps: RouteDeps, principal: Principal, raw: unknown, httpRequestId?: string): Promise<{ routeId: string; secret: string | null }> {
  const admin = asAdmin(principal);
  const input = await checkedInput(deps, admin, raw);
  const secret = input.channel === "webhook" ? newWebhookSecret() : null;
  const route = await deps.db.$transaction(async (tx) => {
    const created = await tx.notificationRoute.create({
      data: { tenantId: admin.tenantId, createdById: admin.userId, ...routeColumns(input), webhookSecret: secret ? deps.secrets.seal(secret) : null },
    });
    await recordAudit(tx, { actor: actorOf(admin), action: "notify.route_created", target: { type: "notification_route", id: created.id }, tenantId: admin.tenantId, httpRequestId, details: { name: input.name, channel: input.channel, purpose: input.purpose, events: input.events } });
    return created;
  });
  return { routeId: route.id, secret };
}

export async function updateRoute(deps: RouteDeps, principal: Principal, routeId: unknown, raw: unknown, httpRequestId?: string): Promise<void> {
  const admin = asAdmin(principal);
  const route = await loadRoute(deps.db, admin, routeId);
  const form: Record<string, unknown> = { ...(raw as Record<string, unknown>), channel: route.channel };
  // A URL is never shown again (Teams and Slack URLs carry their secret): left empty, the saved one stays.
  if (route.channel !== "email" && typeof form.target === "string" && form.target.trim() === "") form.target = route.target;
  const input = await checkedInput(deps, admin, form);
  await deps.db.$transaction(async (tx) => {
    await tx.notificationRoute.update({ where: { id: route.id }, data: routeColumns({ ...input, channel: route.channel as RouteInput["channel"] }) });
    await recordAudit(tx, { actor: actorOf(admin), action: "notify.route_updated", target: { type: "notification_route", id: route.id }, tenantId: admin.tenantId, httpRequestId, details: { name: input.name, events: input.events } });
  });
}

/** Pauses, or resumes; resuming a route Crosslink disabled enables it again with a clean slate. */
export async function setRoutePaused(db: Db, principal: Principal, routeId: unknown, paused: boolean, httpRequestId?: string): Promise<void> {
  const admin = asAdmin(principal);
  const route = await loadRoute(db, admin, routeId);
  await db.$transaction(async (tx) => {
    await tx.notificationRoute.update({
      where: { id: route.id },
      data: paused ? { enabled: false } : { enabled: true, disabledAt: null, disabledReason: null, failingSince: null },
    });
    await recordAudit(tx, { actor: actorOf(admin), action: paused ? "notify.route_paused" : "notify.route_resumed", target: { type: "notification_route", id: route.id }, tenantId: admin.tenantId, httpRequestId });
  });
}

export async function deleteRoute(db: Db, principal: Principal, routeId: unknown, httpRequestId?: string): Promise<void> {
  const admin = asAdmin(principal);
  const route = await loadRoute(db, admin, routeId);
  await db.$transaction(async (tx) => {
    await tx.notificationRoute.delete({ where: { id: route.id } });
    await recordAudit(tx, { actor: actorOf(admin), action: "notify.route_deleted", target: { type: "notification_route", id: route.id }, tenantId: admin.tenantId, httpRequestId, details: { name: route.name, channel: route.channel } });
  });
}

/** A new signing secret, shown once; the old one keeps signing alongside for 24 hours. */
export async function rotateSecret(deps: RouteDeps, principal: Principal, routeId: unknown, httpRequestId?: string, now = new Date()): Promise<{ secret: string; previousValidUntil: Date }> {
  const admin = asAdmin(principal);
  const route = await loadRoute(deps.db, admin, routeId);
  if (route.channel !== "webhook") throw new ValidationError({ form: "Only webhook routes have a signing secret." });
  const secret = newWebhookSecret();
  const previousValidUntil = new Date(now.getTime() + ROTATION_OVERLAP_MS);
  await deps.db.$transaction(async (tx) => {
    await tx.notificationRoute.update({
      where: { id: route.id },
      data: { webhookSecret: deps.secrets.seal(secret), previousWebhookSecret: route.webhookSecret, previousSecretExpiresAt: previousValidUntil },
    });
    await recordAudit(tx, { actor: actorOf(admin), action: "notify.route_secret_rotated", target: { type: "notification_route", id: route.id }, tenantId: admin.tenantId, httpRequestId });
  });
  return { secret, previousValidUntil };
}

/** Sends a test event through the route now (even a paused one is refused: resume it first). */
export async function sendTestEvent(deps: RouteDeps, principal: Principal, routeId: unknown, httpRequestId?: string, now = new Date()): Promise<{ deliveryId: string }> {
  const admin = asAdmin(principal);
  const route = await loadRoute(deps.db, admin, routeId);
  if (!route.enabled || route.disabledAt) throw new ValidationError({ form: "This route is paused or disabled: resume it, then send the test event." });
  const eventId = `test_${crypto.randomUUID()}`;
  const facts: NotificationFacts = {
    eventId,
    type: "route.test",
    occurredAt: now.toISOString(),
    audience: "provider",
    link: routePageUrl(deps.appBaseUrl, route.id),
    actor: { kind: "person", label: actorOf(admin).label },
    request: null,
    note: null,
    action: null,
    waitingHours: null,
    route: { id: route.id, name: route.name, reason: null },
  };
  const key = `${eventId}:route:${route.id}`;
  await deps.db.$transaction(async (tx) => {
    await createDeliveries(tx, eventId, facts.type, null, [{ key, routeId: route.id, userId: null, channel: route.channel, recipient: recipientLabel(route.channel, route.target), facts }]);
    await recordAudit(tx, { actor: actorOf(admin), action: "notify.route_test_sent", target: { type: "notification_route", id: route.id }, tenantId: admin.tenantId, httpRequestId });
  });
  const delivery = await deps.db.delivery.findUniqueOrThrow({ where: { key }, select: { id: true } });
  return { deliveryId: delivery.id };
}

// ------------------------------------------------------------------ the delivery log

const logQuery = z.object({
  status: z.enum(["all", "delivered", "retrying", "dead", "pending", "skipped"]).catch("all"),
  cursor: z.string().max(64).optional().catch(undefined),
});

export const DELIVERY_LOG_PAGE = 25;

export type DeliveryLogRow = {
  id: string;
  eventId: string;
  eventType: string;
  requestId: string | null;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  tries: { attemptedAt: Date; statusCode: number | null; latencyMs: number; responseExcerpt: string | null; error: string | null }[];
};

export async function deliveryLog(db: Db, principal: Principal, routeId: unknown, rawQuery: unknown): Promise<{ rows: DeliveryLogRow[]; nextCursor: string | null }> {
  const admin = asAdmin(principal);
  const route = await loadRoute(db, admin, routeId);
  const query = logQuery.parse(rawQuery ?? {});
  const rows = await db.delivery.findMany({
    where: { routeId: route.id, ...(query.status === "all" ? {} : { status: query.status }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_PAGE + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: {
      id: true, eventId: true, eventType: true, requestId: true, status: true, attempts: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true,
      attemptsLog: { orderBy: { attemptedAt: "desc" }, take: 10, select: { attemptedAt: true, statusCode: true, latencyMs: true, responseExcerpt: true, error: true } },
    },
  });
  const page = rows.slice(0, DELIVERY_LOG_PAGE);
  return {
    rows: page.map(({ attemptsLog, ...d }) => ({ ...d, tries: attemptsLog })),
    nextCursor: rows.length > DELIVERY_LOG_PAGE ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** Sends one delivery again, with the same webhook-id (receivers deduplicate by it). */
export async function redeliver(db: Db, principal: Principal, deliveryId: unknown, httpRequestId?: string): Promise<void> {
  const admin = asAdmin(principal);
  const delivery = await db.delivery.findFirst({ where: { id: idOrNotFound(deliveryId, "delivery"), route: { tenantId: admin.tenantId } }, select: { id: true, routeId: true } });
  if (!delivery) throw new NotFoundError("delivery");
  await db.$transaction(async (tx) => {
    await tx.delivery.update({ where: { id: delivery.id }, data: { status: "pending", deliveredAt: null } });
    await enqueueJob(tx, deliverJob, { deliveryId: delivery.id });
    await recordAudit(tx, { actor: actorOf(admin), action: "notify.redelivered", target: { type: "notification_route", id: delivery.routeId as string }, tenantId: admin.tenantId, httpRequestId, details: { deliveries: 1 } });
  });
}

const sinceSchema = z.object({ since: z.coerce.date({ error: "Give a date and time to redeliver from." }) });

/** Sends again every delivery of the route that did not get through (dead or skipped) since a time. */
export async function redeliverFailedSince(db: Db, principal: Principal, routeId: unknown, raw: unknown, httpRequestId?: string): Promise<number> {
  const admin = asAdmin(principal);
  const route = await loadRoute(db, admin, routeId);
  const { since } = parseInput(sinceSchema, raw);
  if (since.getTime() > Date.now()) throw new ValidationError({ since: "That time is in the future: choose one in the past." });
  return db.$transaction(async (tx) => {
    const failed = await tx.delivery.findMany({ where: { routeId: route.id, status: { in: ["dead", "skipped"] }, createdAt: { gte: since } }, select: { id: true } });
    for (const d of failed) {
      await tx.delivery.update({ where: { id: d.id }, data: { status: "pending" } });
      await enqueueJob(tx, deliverJob, { deliveryId: d.id });
    }
    await recordAudit(tx, { actor: actorOf(admin), action: "notify.redelivered", target: { type: "notification_route", id: route.id }, tenantId: admin.tenantId, httpRequestId, details: { deliveries: failed.length, since: since.toISOString() } });
    return failed.length;
  });
}

import { z } from "zod";
import { defineJob, PermanentJobFailure, RetryableJobFailure, type JobContext } from "../../jobs/job";
import { notificationFactsSchema } from "../facts";
import { send, type SendOutcome } from "../channels";
import { deliveryRetryPolicy, DISABLE_AFTER_FAILING_MS } from "../delivery-retry";
import { disableRoute } from "../route-health";
import { REMINDER_TYPES } from "../notification-types";
import type { NotifyJobDeps } from "./deps";

/**
 * Sends one delivery and records the try (time, status, latency, excerpt, error) for the route's
 * delivery log. The outbox retries it on the delivery schedule; a 410 disables the route at once,
 * and so does a route that has failed for five days; both tell the route's owner.
 */
const payload = z.object({ deliveryId: z.string().min(1) });
type Ctx = JobContext<NotifyJobDeps>;

export const deliverJob = defineJob<z.infer<typeof payload>, NotifyJobDeps>({
  topic: "notify.deliver",
  payload,
  retry: deliveryRetryPolicy(),
  run: async ({ deliveryId }, ctx) => deliver(deliveryId, ctx),
  onRetry: async ({ deliveryId }, ctx) => {
    await ctx.deps.db.delivery.updateMany({ where: { id: deliveryId, status: { not: "delivered" } }, data: { status: "retrying" } });
  },
  giveUp: async ({ deliveryId }, ctx, failure) => {
    await ctx.deps.db.delivery.updateMany({ where: { id: deliveryId, status: { not: "delivered" } }, data: { status: "dead", lastError: failure.message.slice(0, 1000) } });
  },
});

async function deliver(deliveryId: string, ctx: Ctx): Promise<void> {
  const { db } = ctx.deps;
  const delivery = await db.delivery.findUnique({ where: { id: deliveryId }, include: { route: true } });
  if (!delivery) throw new PermanentJobFailure("the delivery no longer exists (its route was deleted)");
  if (delivery.status === "delivered") return; // acknowledged already: never sent twice
  const skip = await skipReason(ctx, delivery);
  if (skip) {
    await db.delivery.update({ where: { id: deliveryId }, data: { status: "skipped", lastError: skip } });
    return;
  }
  const facts = notificationFactsSchema.parse(JSON.parse(delivery.facts));
  const now = new Date();
  let outcome: SendOutcome;
  try {
    outcome = await send(ctx.deps, { channel: delivery.channel, recipient: delivery.recipient, route: delivery.route, eventId: delivery.eventId }, facts, now);
  } catch (err) {
    // Rendering or a bug: recorded like any failed try, and retried.
    outcome = { ok: false, statusCode: null, latencyMs: 0, excerpt: null, error: err instanceof Error ? err.message : String(err), permanent: false, gone: false, retryAfterMs: null };
  }
  const failingSince = await record(ctx, delivery.id, delivery.routeId, outcome, now);
  if (outcome.ok) return;

  const route = delivery.route;
  if (route && outcome.gone) {
    await disableRoute(ctx.deps, route.id, "The receiver answered 410 Gone: it no longer accepts these notifications.");
    throw new PermanentJobFailure(`${outcome.error} — the route was disabled`);
  }
  if (route && failingSince && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
    await disableRoute(ctx.deps, route.id, "Every delivery has failed for 5 days.");
    throw new PermanentJobFailure(`${outcome.error} — the route was disabled after 5 days of failures`);
  }
  if (outcome.permanent) throw new PermanentJobFailure(outcome.error ?? "refused");
  throw new RetryableJobFailure(outcome.error ?? "failed", outcome.retryAfterMs ?? undefined);
}

/** A delivery not to send any more: its route is paused or disabled, or a reminder's request was decided. */
async function skipReason(ctx: Ctx, delivery: { eventType: string; requestId: string | null; route: { enabled: boolean; disabledAt: Date | null } | null }): Promise<string | null> {
  if (delivery.route && !delivery.route.enabled) return "Not sent: the route is paused.";
  if (delivery.route?.disabledAt) return "Not sent: the route is disabled.";
  if ((REMINDER_TYPES as readonly string[]).includes(delivery.eventType) && delivery.requestId) {
    const request = await ctx.deps.db.connectionRequest.findUnique({ where: { id: delivery.requestId }, select: { state: true } });
    if (request?.state !== "Pending") return "Not sent: the request was decided before the reminder went out.";
  }
  return null;
}

/** Records the try; answers since when the route has been failing (null: it is not). */
async function record(ctx: Ctx, deliveryId: string, routeId: string | null, outcome: SendOutcome, at: Date): Promise<Date | null> {
  const { db } = ctx.deps;
  return db.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({
      data: { deliveryId, attemptedAt: at, statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, responseExcerpt: outcome.excerpt?.slice(0, 1024) ?? null, error: outcome.error?.slice(0, 1000) ?? null },
    });
    await tx.delivery.update({
      where: { id: deliveryId },
      data: {
        attempts: { increment: 1 },
        lastStatusCode: outcome.statusCode,
        lastError: outcome.ok ? null : (outcome.error?.slice(0, 1000) ?? null),
        ...(outcome.ok ? { status: "delivered", deliveredAt: at } : {}),
      },
    });
    if (!routeId) return null;
    if (outcome.ok) {
      await tx.notificationRoute.updateMany({ where: { id: routeId, failingSince: { not: null } }, data: { failingSince: null } });
      return null;
    }
    await tx.notificationRoute.updateMany({ where: { id: routeId, failingSince: null }, data: { failingSince: at } });
    return (await tx.notificationRoute.findUnique({ where: { id: routeId }, select: { failingSince: true } }))?.failingSince ?? null;
  });
}

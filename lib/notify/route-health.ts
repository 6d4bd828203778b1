import { recordAudit } from "../audit/audit-log";
import { CROSSLINK } from "../core/actor";
import type { DbOrTx } from "../db/client";
import type { NotificationFacts } from "./facts";
import { createDeliveries } from "./deliveries";
import type { NotifyJobDeps } from "./jobs/deps";
import { describeNotification } from "./messages/describe";
import { emailAddressOf } from "./user-address";

/** Where an admin manages one route. */
export function routePageUrl(appBaseUrl: string, routeId: string): string {
  return `${appBaseUrl}/admin/notifications/${encodeURIComponent(routeId)}`;
}

/**
 * Crosslink disables a route that is gone (410) or has failed for days, so it stops piling up
 * retries, and tells the person who set it up, by email and in the app. Done once: a route
 * already disabled is left as it is.
 */
export async function disableRoute(deps: Pick<NotifyJobDeps, "db" | "appBaseUrl">, routeId: string, reason: string, now = new Date()): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const changed = await tx.notificationRoute.updateMany({ where: { id: routeId, disabledAt: null }, data: { disabledAt: now, disabledReason: reason } });
    if (changed.count === 0) return false;
    const route = await tx.notificationRoute.findUniqueOrThrow({ where: { id: routeId } });
    await recordAudit(tx, { actor: CROSSLINK, action: "notify.route_disabled", target: { type: "notification_route", id: routeId }, tenantId: route.tenantId, details: { reason } });
    await tellOwner(tx, deps.appBaseUrl, route, reason, now);
    return true;
  });
}

async function tellOwner(tx: DbOrTx, appBaseUrl: string, route: { id: string; name: string; createdById: string | null }, reason: string, now: Date) {
  if (!route.createdById) return;
  const owner = await tx.user.findUnique({ where: { id: route.createdById }, select: { id: true, email: true, username: true } });
  if (!owner) return;
  const eventId = `route_${route.id}_disabled_${now.getTime()}`;
  const facts: NotificationFacts = {
    eventId,
    type: "route.disabled",
    occurredAt: now.toISOString(),
    audience: "provider",
    link: routePageUrl(appBaseUrl, route.id),
    actor: { kind: "crosslink", label: "Crosslink" },
    request: null,
    note: reason,
    action: null,
    waitingHours: null,
    route: { id: route.id, name: route.name, reason },
  };
  const words = describeNotification(facts);
  await tx.inAppNotification.create({ data: { key: `${eventId}:user:${owner.id}`, userId: owner.id, eventType: facts.type, title: words.title, body: words.summary } });
  const address = emailAddressOf(owner);
  if (address) await createDeliveries(tx, eventId, facts.type, null, [{ key: `${eventId}:user:${owner.id}`, routeId: null, userId: owner.id, channel: "email", recipient: address, facts }]);
}

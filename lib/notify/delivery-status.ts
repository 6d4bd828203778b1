import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../core/errors";
import { idOrNotFound } from "../core/parse";

/**
 * Where one delivery of a route stands, for the route page to follow a test event it just sent.
 * Admins of the route's tenant only: the tenant is part of the query, so another tenant's
 * delivery (or a person's own email, which has no route) is simply not found.
 */
export type DeliveryStatus = {
  id: string;
  routeId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  updatedAt: Date;
};

export async function deliveryStatus(db: Db, principal: Principal, deliveryId: unknown): Promise<DeliveryStatus> {
  const admin = authorize(principal, { role: "admin" });
  const delivery = await db.delivery.findFirst({
    where: { id: idOrNotFound(deliveryId, "delivery"), route: { tenantId: admin.tenantId } },
    select: { id: true, routeId: true, status: true, attempts: true, lastStatusCode: true, lastError: true, deliveredAt: true, updatedAt: true },
  });
  if (!delivery?.routeId) throw new NotFoundError("delivery");
  return { ...delivery, routeId: delivery.routeId };
}

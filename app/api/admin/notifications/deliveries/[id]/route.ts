import { z } from "zod";
import { route } from "@/app/_lib/route";
import { deliveryStatus } from "@/lib/notify/delivery-status";

/**
 * GET /api/admin/notifications/deliveries/{id} — where one of the admin's route deliveries stands,
 * for the route page to follow the test event it just sent. Another tenant's ID is a 404 like an
 * unknown one.
 */
export const GET = route({ auth: { role: "admin" }, params: z.object({ id: z.string() }) }, async ({ principal, services, params }) => {
  const d = await deliveryStatus(services.db, principal, params.id);
  return {
    id: d.id,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
});

// zod/mini: this module runs in the browser.
import { z } from "zod/mini";

/** The answer of GET /api/admin/notifications/deliveries/{id}, as the route page reads it. */
export const deliveryStatusSchema = z.object({
  id: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastStatusCode: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  deliveredAt: z.nullable(z.string()),
});
export type DeliveryStatusAnswer = z.infer<typeof deliveryStatusSchema>;

export const deliveryStatusUrl = (deliveryId: string) => `/api/admin/notifications/deliveries/${encodeURIComponent(deliveryId)}`;

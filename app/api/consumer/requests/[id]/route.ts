import { z } from "zod";
import { route } from "@/app/_lib/route";
import { requestStatusForConsumer } from "@/lib/connections/my-requests";

/**
 * GET /api/consumer/requests/{id} — the request's state and what Azure is doing for it, for the
 * request page to poll while something is running. Another tenant's ID is a 404 like an unknown one.
 */
export const GET = route({ auth: {}, params: z.object({ id: z.string() }) }, async ({ principal, services, params }) => {
  const status = await requestStatusForConsumer(services.db, principal, params.id);
  return { ...status, updatedAt: status.updatedAt.toISOString() };
});

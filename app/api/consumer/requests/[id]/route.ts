import type { NextRequest } from "next/server";
import { getSharedServices } from "@/lib/services";
import { requestStatusForConsumer } from "@/lib/connections/my-requests";
import { asConsumer, json } from "../../_shared";

/**
 * GET /api/consumer/requests/{id} — the request's state and what Azure is doing for it, for the
 * request page to poll while something is running. Another tenant's ID is a 404 like an unknown one.
 */
export async function GET(request: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  return asConsumer(request, async (principal) => {
    const { id } = await ctx.params;
    const status = await requestStatusForConsumer(getSharedServices().db, principal, id);
    return json({ ok: true, ...status, updatedAt: status.updatedAt.toISOString() });
  });
}

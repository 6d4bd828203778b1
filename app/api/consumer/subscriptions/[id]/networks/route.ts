import type { NextRequest } from "next/server";
import { z } from "zod";
import { getSharedServices } from "@/lib/services";
import { asConsumer, errorJson, json } from "../../../_shared";

const params = z.object({ id: z.guid("A subscription ID is a GUID like 00000000-0000-0000-0000-000000000000.") });

/**
 * GET /api/consumer/subscriptions/{id}/networks — the virtual networks and subnets of one of the
 * person's subscriptions (their own token), with whether a private endpoint may go into each subnet.
 */
export async function GET(request: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  return asConsumer(request, async (principal) => {
    const parsed = params.safeParse(await ctx.params);
    if (!parsed.success) {
      return errorJson({ ok: false, status: 400, message: parsed.error.issues[0]?.message ?? "Invalid subscription ID.", code: "bad_subscription_id" });
    }
    const networks = await getSharedServices().consumerAzureFor(principal).listVirtualNetworks(parsed.data.id.toLowerCase());
    return json({
      ok: true,
      networks: networks.map((n) => ({
        id: n.id,
        name: n.name,
        location: n.location,
        resourceGroup: n.resourceGroup,
        addressPrefixes: n.addressPrefixes,
        subnets: n.subnets.map((s) => ({ id: s.id, name: s.name, addressPrefixes: s.addressPrefixes, endpointAllowed: s.endpointAllowed, reason: s.reason })),
      })),
    });
  });
}

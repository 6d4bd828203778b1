import type { NextRequest } from "next/server";
import { getSharedServices } from "@/lib/services";
import { asConsumer, json } from "../_shared";

/** Subscriptions that can take new endpoints: Azure allows new resources in Enabled and Warned ones. */
const USABLE = new Set(["enabled", "warned"]);

/** GET /api/consumer/subscriptions — the signed-in person's subscriptions, read with their own token. */
export async function GET(request: NextRequest) {
  return asConsumer(request, async (principal) => {
    const subscriptions = await getSharedServices().consumerAzureFor(principal).listSubscriptions();
    return json({
      ok: true,
      subscriptions: subscriptions.map((s) => {
        const usable = USABLE.has(s.state.toLowerCase());
        return {
          subscriptionId: s.subscriptionId,
          displayName: s.displayName,
          state: s.state,
          usable,
          reason: usable ? null : `This subscription is ${s.state}; Azure does not allow new resources in it.`,
        };
      }),
    });
  });
}

import { z } from "zod";
import { route } from "@/app/_lib/route";
import { providerPrerequisites } from "@/lib/connections/consumer-prerequisites";

/**
 * GET /api/consumer/subscriptions/{id}/providers?target=<resource ID> — whether the resource
 * providers a private endpoint to that target needs are registered in one of the person's
 * subscriptions (their own token). Without a target: Microsoft.Network and Microsoft.Web.
 */
export const GET = route(
  { auth: {}, params: z.object({ id: z.string() }), query: z.object({ target: z.string().optional() }) },
  async ({ principal, services, params, query }) => ({
    providers: await providerPrerequisites(services.consumerAzureFor(principal), principal, { id: params.id, target: query.target }),
  }),
);

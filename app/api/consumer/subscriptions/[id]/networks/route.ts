import { z } from "zod";
import { route } from "@/app/_lib/route";
import { networkChoices } from "@/lib/connections/consumer-placement";

/**
 * GET /api/consumer/subscriptions/{id}/networks — the virtual networks and subnets of one of the
 * person's subscriptions (their own token), with whether a private endpoint may go into each subnet.
 */
export const GET = route({ auth: {}, params: z.object({ id: z.string() }) }, async ({ principal, services, params }) => ({
  networks: await networkChoices(services.consumerAzureFor(principal), principal, params),
}));

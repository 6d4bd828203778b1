import { route } from "@/app/_lib/route";
import { subscriptionChoices } from "@/lib/connections/consumer-placement";

/** GET /api/consumer/subscriptions — the signed-in person's subscriptions, read with their own token. */
export const GET = route({ auth: {} }, async ({ principal, services }) => ({
  subscriptions: await subscriptionChoices(services.consumerAzureFor(principal), principal),
}));

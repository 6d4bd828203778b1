/**
 * The subscriptions a caller can see: ARM's `GET /subscriptions` (api-version 2022-12-01) through
 * @azure/arm-resources-subscriptions, the official client for it. (@azure/arm-subscriptions 6 is
 * the Microsoft.Subscription alias API and has no list.) ARM lists only subscriptions where the
 * caller holds a role, in the caller's own tenant.
 */
import { rethrow, type ErrorContext } from "./azure-error";
import type { ArmClients } from "./clients";
import { parseAzure, subscriptionSchema } from "./schemas";
import type { AzureSubscription } from "./types";

export async function listSubscriptions(clients: ArmClients, actor: ErrorContext["actor"]): Promise<AzureSubscription[]> {
  const raw: unknown[] = [];
  try {
    for await (const s of clients.subscriptions().subscriptions.list()) raw.push(s);
  } catch (err) {
    rethrow(err, { operation: "listSubscriptions", actor });
  }
  return raw
    .map((s) => parseAzure(subscriptionSchema, s, "the list of subscriptions"))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

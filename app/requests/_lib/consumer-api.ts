// zod/mini: this module runs in the browser, where the full zod would add its weight to the page.
import { z } from "zod/mini";
import type { RequestStatus } from "@/lib/connections/my-requests";

/**
 * The consumer's JSON endpoints as the browser reads them (with getJson from app/_lib/json-client):
 * their URLs and the schema each answer is checked against before a page uses it.
 */

export const SUBSCRIPTIONS_URL = "/api/consumer/subscriptions";

export const networksUrl = (subscriptionId: string) => `/api/consumer/subscriptions/${encodeURIComponent(subscriptionId)}/networks`;

/** The resource providers a private endpoint to `target` needs, and whether each is registered in the subscription. */
export const providersUrl = (subscriptionId: string, target: string) =>
  `/api/consumer/subscriptions/${encodeURIComponent(subscriptionId)}/providers${target ? `?target=${encodeURIComponent(target)}` : ""}`;

/** GET /api/consumer/subscriptions/{id}/providers: Azure's registrationState per namespace. */
export const providersSchema = z.object({
  providers: z.array(z.object({ namespace: z.string(), state: z.string(), registered: z.boolean() })),
});
export type ProviderStatus = z.infer<typeof providersSchema>["providers"][number];

export const requestStatusUrl = (requestId: string) => `/api/consumer/requests/${encodeURIComponent(requestId)}`;

const subscriptionSchema = z.object({
  subscriptionId: z.string(),
  displayName: z.string(),
  state: z.string(),
  /** Azure allows new resources in it (Enabled or Warned); otherwise `reason` says why not. */
  usable: z.boolean(),
  reason: z.nullable(z.string()),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** GET /api/consumer/subscriptions: the person's subscriptions, read with their own token. */
export const subscriptionsSchema = z.object({ subscriptions: z.array(subscriptionSchema) });

const subnetSchema = z.object({
  id: z.string(),
  name: z.string(),
  addressPrefixes: z.array(z.string()),
  /** Azure would put a private endpoint in it; otherwise `reason` says why not (e.g. a delegation). */
  endpointAllowed: z.boolean(),
  reason: z.nullable(z.string()),
});
export type Subnet = z.infer<typeof subnetSchema>;

const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  resourceGroup: z.string(),
  addressPrefixes: z.array(z.string()),
  subnets: z.array(subnetSchema),
});
export type Network = z.infer<typeof networkSchema>;

/** GET /api/consumer/subscriptions/{id}/networks: one subscription's virtual networks and subnets. */
export const networksSchema = z.object({ networks: z.array(networkSchema) });

/**
 * GET /api/consumer/requests/{id}: a request's state while Azure works on it, the date as an ISO
 * string. For the request page's live status.
 */
export const requestStatusSchema = z.object({
  id: z.string(),
  state: z.string(),
  progress: z.nullable(z.string()),
  pendingAction: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  version: z.number(),
  updatedAt: z.iso.datetime(),
  settled: z.boolean(),
}) satisfies z.ZodMiniType<Omit<RequestStatus, "state" | "updatedAt"> & { state: string; updatedAt: string }>;

import { z } from "zod";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import type { ConsumerAzure } from "../azure";
import { parseInput } from "../core/parse";

/**
 * Where a consumer can place a private endpoint: their subscriptions, and the virtual networks
 * and subnets of one of them, read live with their own token (Azure decides what they may see).
 */

/** Azure allows new resources in Enabled and Warned subscriptions only. */
const USABLE_STATES = new Set(["enabled", "warned"]);

export type SubscriptionChoice = { subscriptionId: string; displayName: string; state: string; usable: boolean; reason: string | null };

export async function subscriptionChoices(azure: ConsumerAzure, principal: Principal): Promise<SubscriptionChoice[]> {
  authorize(principal);
  const subscriptions = await azure.listSubscriptions();
  return subscriptions.map((s) => {
    const usable = USABLE_STATES.has(s.state.toLowerCase());
    return {
      subscriptionId: s.subscriptionId,
      displayName: s.displayName,
      state: s.state,
      usable,
      reason: usable ? null : `This subscription is ${s.state}; Azure does not allow new resources in it.`,
    };
  });
}

const networksInput = z.object({ id: z.guid("A subscription ID is a GUID like 00000000-0000-0000-0000-000000000000.") });

export type NetworkChoice = {
  id: string;
  name: string;
  location: string;
  resourceGroup: string;
  addressPrefixes: string[];
  subnets: { id: string; name: string; addressPrefixes: string[]; endpointAllowed: boolean; reason: string | null }[];
};

/** The networks of one subscription, with whether a private endpoint may go into each subnet. */
export async function networkChoices(azure: ConsumerAzure, principal: Principal, raw: z.input<typeof networksInput>): Promise<NetworkChoice[]> {
  authorize(principal);
  const { id } = parseInput(networksInput, raw);
  const networks = await azure.listVirtualNetworks(id.toLowerCase());
  return networks.map((n) => ({
    id: n.id,
    name: n.name,
    location: n.location,
    resourceGroup: n.resourceGroup,
    addressPrefixes: n.addressPrefixes,
    subnets: n.subnets.map((s) => ({ id: s.id, name: s.name, addressPrefixes: s.addressPrefixes, endpointAllowed: s.endpointAllowed, reason: s.reason })),
  }));
}

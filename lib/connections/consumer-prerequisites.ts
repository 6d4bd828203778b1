import { z } from "zod";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import type { ConsumerAzure } from "../azure";
import type { ProviderRegistrationState } from "../azure/consumer-azure";
import { ValidationError } from "../core/errors";
import { parseInput } from "../core/parse";
import { parseTargetResourceId, type TargetResourceId } from "../domain/resource-id";

/**
 * What a consumer's subscription needs before Azure accepts a private endpoint there: the
 * resource providers registered — Microsoft.Network for the endpoint itself, and the target's own
 * namespace (Microsoft.Web for web apps, function apps and slots). Read, and registered, with the
 * consumer's own token: Azure decides whether they may (registering needs …/register/action).
 */

/** The namespaces Crosslink checks and offers to register; nothing else may be registered through it. */
export const PREREQUISITE_NAMESPACES = ["Microsoft.Network", "Microsoft.Web"] as const;
export type PrerequisiteNamespace = (typeof PREREQUISITE_NAMESPACES)[number];

export function namespacesFor(target: Pick<TargetResourceId, "kind"> | null): PrerequisiteNamespace[] {
  if (!target) return [...PREREQUISITE_NAMESPACES];
  return target.kind === "privateLinkService" ? ["Microsoft.Network"] : ["Microsoft.Network", "Microsoft.Web"];
}

export type ProviderPrerequisite = { namespace: PrerequisiteNamespace; state: ProviderRegistrationState; registered: boolean };

const subscriptionId = z.guid("A subscription ID is a GUID like 00000000-0000-0000-0000-000000000000.");

const prerequisitesInput = z.object({ id: subscriptionId, target: z.string().trim().max(2048).optional() });

/** The registration state of each namespace the target needs (both when no target is given). */
export async function providerPrerequisites(
  azure: ConsumerAzure,
  principal: Principal,
  raw: z.input<typeof prerequisitesInput>,
): Promise<ProviderPrerequisite[]> {
  authorize(principal);
  const input = parseInput(prerequisitesInput, raw);
  const target = input.target ? parseTargetResourceId(input.target) : null;
  const namespaces = namespacesFor(target?.ok ? target : null);
  return Promise.all(
    namespaces.map(async (namespace) => {
      const state = await azure.providerRegistration(input.id.toLowerCase(), namespace);
      return { namespace, state, registered: state.toLowerCase() === "registered" };
    }),
  );
}

const registerInput = z.object({
  id: subscriptionId,
  namespace: z.enum(PREREQUISITE_NAMESPACES, "Crosslink registers only Microsoft.Network and Microsoft.Web."),
});

/** Starts registering one namespace in the person's subscription; Azure answers Registering, then Registered. */
export async function registerPrerequisite(
  azure: ConsumerAzure,
  principal: Principal,
  // Any text: the namespace comes from the browser and is checked here.
  raw: { id: string; namespace: string },
): Promise<ProviderPrerequisite> {
  authorize(principal);
  const input = parseInput(registerInput, raw);
  const state = await azure.registerProvider(input.id.toLowerCase(), input.namespace);
  return { namespace: input.namespace, state, registered: state.toLowerCase() === "registered" };
}

/**
 * Refuses to file when a namespace the target needs is not registered, so the person registers it
 * first (the form offers to) instead of meeting Azure's MissingSubscriptionRegistration later.
 */
export async function requireRegisteredProviders(azure: ConsumerAzure, subscription: string, target: TargetResourceId): Promise<void> {
  for (const namespace of namespacesFor(target)) {
    const state = await azure.providerRegistration(subscription, namespace);
    if (state.toLowerCase() === "registered") continue;
    const doing = state.toLowerCase() === "registering" ? "is still registering" : "is not registered";
    throw new ValidationError({
      subscriptionId: `${namespace} ${doing} in subscription ${subscription}; Azure refuses private endpoints to this target until it is registered. Use “Register ${namespace}” below, wait until it says Registered, then file again.`,
    });
  }
}

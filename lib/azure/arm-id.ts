/**
 * Where an ID that *Azure returned* lives: subscription, resource group, and the resource's own
 * name. IDs people paste go through lib/domain/resource-id.ts, which validates and explains;
 * this only reads the fixed leading segments of IDs Azure wrote itself, including types that
 * parser does not know (network interfaces).
 */
export type ArmIdScope = { subscriptionId: string; resourceGroup: string; name: string };

const SCOPE = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/(?:[^/]+\/[^/]+\/)*[^/]+\/([^/]+)$/i;

/** The scope of a resource ID, or undefined when the ID is not a resource-group resource. */
export function armIdScope(id: string): ArmIdScope | undefined {
  const m = SCOPE.exec(id.trim().replace(/\/+$/, ""));
  if (!m) return undefined;
  return { subscriptionId: m[1]!.toLowerCase(), resourceGroup: m[2]!, name: m[3]! };
}

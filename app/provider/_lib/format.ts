import { TARGET_LABELS } from "@/lib/domain/private-link-catalog";
import { DECISIONS, type Decision } from "@/lib/domain/request-words";
import type { ManageableResourceKind } from "@/lib/azure";

export const KIND_GROUPS: { kind: ManageableResourceKind; label: string; singular: string }[] = [
  { kind: "webApp", label: "Web apps", singular: TARGET_LABELS.webApp },
  { kind: "functionApp", label: "Function apps", singular: TARGET_LABELS.functionApp },
  { kind: "slot", label: "Deployment slots", singular: TARGET_LABELS.slot },
  { kind: "privateLinkService", label: "Private Link Services", singular: TARGET_LABELS.privateLinkService },
];

export type ProviderDecision = Decision;
export const PROVIDER_DECISIONS: readonly ProviderDecision[] = DECISIONS;

/** The decisions among a request's available commands (view.actions / availableCommands). */
export function decisionsOf(actions: readonly string[]): ProviderDecision[] {
  return PROVIDER_DECISIONS.filter((d) => actions.includes(d));
}

import { DECISIONS, type Decision } from "@/lib/domain/request-words";
import type { ManageableResourceKind } from "@/lib/azure";

export const KIND_GROUPS: { kind: ManageableResourceKind; label: string }[] = [
  { kind: "webApp", label: "Web apps" },
  { kind: "functionApp", label: "Function apps" },
  { kind: "slot", label: "Deployment slots" },
  { kind: "privateLinkService", label: "Private Link Services" },
];

export type ProviderDecision = Decision;
export const PROVIDER_DECISIONS: readonly ProviderDecision[] = DECISIONS;

/** The decisions among a request's available commands (view.actions / availableCommands). */
export function decisionsOf(actions: readonly string[]): ProviderDecision[] {
  return PROVIDER_DECISIONS.filter((d) => actions.includes(d));
}

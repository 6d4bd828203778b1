import { catalogEntryFor, TARGET_LABELS } from "@/lib/domain/private-link-catalog";
import type { ManageableResourceKind } from "@/lib/azure";

/** "just now", "3 min ago", "2 hours ago", "5 days ago", or the date for older ones. */
export function relativeAge(date: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} day${days === 1 ? "" : "s"} ago`;
  return date.toISOString().slice(0, 10);
}

/** The exact time, in UTC so everybody reading it agrees: "2025-11-22 06:08:12 UTC". */
export function exactTime(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** A target type (as stored, lower-case ARM type) in words. */
export function targetTypeLabel(targetType: string): string {
  switch (targetType.toLowerCase()) {
    case "microsoft.web/sites":
      return "App Service app";
    case "microsoft.web/sites/slots":
      return TARGET_LABELS.slot;
    case "microsoft.network/privatelinkservices":
      return TARGET_LABELS.privateLinkService;
    default:
      return catalogEntryFor(targetType)?.label ?? targetType;
  }
}

/** What a pending decision is doing right now, for the state column. */
export function pendingLabel(pendingAction: string): string {
  switch (pendingAction) {
    case "approve":
      return "Approving in Azure…";
    case "reject":
      return "Rejecting in Azure…";
    case "disconnect":
      return "Disconnecting in Azure…";
    case "withdraw":
      return "Consumer withdrawing…";
    default:
      return "Applying in Azure…";
  }
}

export const KIND_GROUPS: { kind: ManageableResourceKind; label: string; singular: string }[] = [
  { kind: "webApp", label: "Web apps", singular: TARGET_LABELS.webApp },
  { kind: "functionApp", label: "Function apps", singular: TARGET_LABELS.functionApp },
  { kind: "slot", label: "Deployment slots", singular: TARGET_LABELS.slot },
  { kind: "privateLinkService", label: "Private Link Services", singular: TARGET_LABELS.privateLinkService },
];

export type ProviderDecision = "approve" | "reject" | "disconnect";
export const PROVIDER_DECISIONS: readonly ProviderDecision[] = ["approve", "reject", "disconnect"];

/** The decisions among a request's available commands (view.actions / availableCommands). */
export function decisionsOf(actions: readonly string[]): ProviderDecision[] {
  return PROVIDER_DECISIONS.filter((d) => actions.includes(d));
}

import { parseTargetResourceId, type TargetResourceId } from "@/lib/domain/resource-id";
import { catalogEntryForTarget, SITE_GROUP_ID, slotGroupId, validateGroupId, validateRequestMessage } from "@/lib/domain/private-link-catalog";
import { suggestEndpointName, validateEndpointName } from "@/lib/domain/endpoint-name";
import type { Network } from "../_lib/consumer-api";

/**
 * The new-request form's draft, what follows from it, and its live checks: the same domain rules
 * the server applies (lib/domain), so most mistakes are explained before anything is sent.
 * Pure, so the form component only holds state and renders.
 */

/** The fields the server action reads, in the order they appear on the page. */
export const FIELDS = ["targetResourceId", "groupId", "requestMessage", "subscriptionId", "subnetId", "endpointName"] as const;
export type FieldName = (typeof FIELDS)[number];

/** What the person typed and chose. */
export type Draft = {
  target: string;
  /** For an app: reach the app itself (`sites`) or one of its slots (`sites-<slot>`). */
  groupChoice: "site" | "slot";
  slotName: string;
  message: string;
  subscriptionId: string;
  subnetId: string;
  /** null: use the name suggested from the target. */
  nameInput: string | null;
};

/** A new draft; a slot's group ID in the URL (`?groupId=sites-staging`) preselects that slot. */
export function initialDraft(target: string, groupId: string): Draft {
  const slotName = /^sites-/i.test(groupId) ? groupId.slice("sites-".length) : "";
  return { target, groupChoice: slotName ? "slot" : "site", slotName, message: "", subscriptionId: "", subnetId: "", nameInput: null };
}

export function checkDraft(draft: Draft, networks: readonly Network[]) {
  const parsed = draft.target.trim() === "" ? null : parseTargetResourceId(draft.target);
  const target: TargetResourceId | null = parsed?.ok ? parsed : null;
  const groupId = groupIdFor(target, draft);
  const groupCheck = target && target.kind !== "privateLinkService" ? validateGroupId(target, groupId) : null;
  const entry = target ? catalogEntryForTarget(target) : null;
  const messageCheck = validateRequestMessage(draft.message, entry?.resourceType ?? "Microsoft.Web/sites");
  const suggestion = target ? suggestEndpointName(target, { groupId: groupId || null }) : "";
  const endpointName = draft.nameInput ?? suggestion;
  const nameCheck = validateEndpointName(endpointName);
  const network = networks.find((n) => n.subnets.some((s) => s.id === draft.subnetId));
  const subnet = network?.subnets.find((s) => s.id === draft.subnetId);

  const errors: Partial<Record<FieldName, string>> = {};
  if (!parsed) errors.targetResourceId = "Enter the resource ID of the app or service you want to reach.";
  else if (!parsed.ok) errors.targetResourceId = parsed.message;
  if (groupCheck && !groupCheck.ok) errors.groupId = groupCheck.message;
  if (!messageCheck.ok) errors.requestMessage = messageCheck.message;
  if (!draft.subscriptionId) errors.subscriptionId = "Choose the subscription the private endpoint goes into.";
  if (!subnet) errors.subnetId = "Choose a subnet for the private endpoint.";
  else if (!subnet.endpointAllowed) errors.subnetId = subnet.reason ?? "Private endpoints can't go into this subnet.";
  // The name is suggested from the target: nothing to say about it before there is one.
  if (target && !nameCheck.ok) errors.endpointName = nameCheck.message;

  const values: Record<FieldName, string> = {
    targetResourceId: draft.target,
    groupId,
    requestMessage: draft.message,
    subscriptionId: draft.subscriptionId,
    subnetId: draft.subnetId,
    endpointName,
  };
  return { target, entry, messageCheck, suggestion, endpointName, network, subnet, values, errors };
}

/** The group ID the request names: none for a Private Link Service, the slot's for a slot, else the person's choice. */
function groupIdFor(target: TargetResourceId | null, draft: Draft): string {
  if (!target || target.kind === "privateLinkService") return "";
  if (target.kind === "slot") return slotGroupId(target.slotName);
  return draft.groupChoice === "slot" ? slotGroupId(draft.slotName.trim()) : SITE_GROUP_ID;
}

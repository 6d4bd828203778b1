/**
 * Private endpoint connections: the rules that tie a consumer's private endpoint to a provider's
 * resource, in one place.
 *
 * - Targets: App Service sites (group ID `sites`, or `sites-<slot>` for a slot, always named by the
 *   *site's* ID) and Private Link Services (group IDs are not used).
 * - The consumer sees Pending ("Awaiting approval") until the provider decides; then the provider's
 *   status and description. A provider-side delete leaves the consumer's side Disconnected.
 * - Provider decisions: Pending → Approved | Rejected; Approved → Rejected (allowed; unconfirmed for
 *   Microsoft.Web); re-approving Approved or re-rejecting Rejected is an idempotent success;
 *   Rejected → Approved is refused (Azure: rejected connections cannot be approved).
 */
import { Errors, ArmError } from "../http/errors";
import type { SlotConnectionListing } from "../protocol/behaviour";
import { parseResourceId, sameId } from "./ids";
import type { ConnectionLink, ConnectionStatus, PrivateLinkServiceRecord, SiteRecord } from "./model";
import type { World } from "./store";

export type SiteTarget = {
  kind: "site";
  site: SiteRecord;
  groupId: string;
  slotName?: string;
  /** The resource whose privateEndpointConnections list shows the connection (site or slot). */
  connectionParentId: string;
  fqdns: string[];
  requiredMemberName: string;
  approvalAction: string;
  limitKey: string;
};

export type PlsTarget = {
  kind: "pls";
  pls: PrivateLinkServiceRecord;
  groupId?: undefined;
  slotName?: undefined;
  connectionParentId: string;
  fqdns: string[];
  requiredMemberName: string;
  approvalAction: string;
  limitKey: string;
};

export type Target = SiteTarget | PlsTarget;

export const SITE_APPROVAL_ACTION = "Microsoft.Web/sites/privateEndpointConnectionsApproval/action";
export const PLS_APPROVAL_ACTION = "Microsoft.Network/privateLinkServices/privateEndpointConnectionsApproval/action";

/** Group IDs a site offers: `sites` plus `sites-<slot>` per deployment slot. */
export function siteGroupIds(world: World, site: SiteRecord): string[] {
  const slots = world.list("site").filter((s) => s.parentSiteId && sameId(s.parentSiteId, site.id));
  return ["sites", ...slots.map((s) => `sites-${s.slotName}`)];
}

/** The DNS names App Service answers for a site or slot group ID. */
export function siteFqdns(siteName: string, slotName?: string): string[] {
  const host = slotName ? `${siteName}-${slotName}` : siteName;
  return [`${host}.azurewebsites.net`, `${host}.scm.azurewebsites.net`];
}

/**
 * Finds what `privateLinkServiceId` + `groupIds` name, or throws the error Azure gives.
 * `at` is the JSON path of the connection in the request (for messages).
 */
export function resolveTarget(world: World, privateLinkServiceId: string, groupIds: string[], at: string, connectionId: string): Target {
  const parsed = parseResourceId(privateLinkServiceId);
  if (!parsed || !parsed.resourceGroup || !parsed.fullType) {
    throw Errors.linkedInvalidPropertyId(privateLinkServiceId, `${at}.privateLinkServiceId`);
  }
  const type = parsed.fullType.toLowerCase();
  const notFound = () =>
    Errors.resourceNotFound(parsed.fullType!, parsed.names.join("/"), parsed.resourceGroup!);

  if (type === "microsoft.web/sites") {
    const site = world.get(privateLinkServiceId, "site");
    if (!site || site.parentSiteId) throw notFound();
    const offered = siteGroupIds(world, site);
    if (groupIds.length > 1) {
      throw new ArmError(
        400,
        "OnlyOneGroupIdPermitted",
        `Private link service connection ${connectionId} has the following group Ids: ${groupIds.join(", ")}. Only one group Id is permitted when connecting to a first-party resource (${site.id}).`, // (Azure)
      );
    }
    const groupId = groupIds[0];
    if (!groupId || !offered.includes(groupId)) {
      throw new ArmError(
        400,
        "InvalidPrivateLinkServiceConnectionGroupIds",
        `Private link service connection ${connectionId} has group Id '${groupId ?? ""}', which the resource ${site.id} does not offer. Valid group Ids are: ${offered.join(", ")}.`,
      );
    }
    const slotName = groupId === "sites" ? undefined : groupId.slice("sites-".length);
    const slot = slotName
      ? world.list("site").find((s) => s.parentSiteId && sameId(s.parentSiteId, site.id) && s.slotName === slotName)
      : undefined;
    return {
      kind: "site",
      site,
      groupId,
      slotName,
      connectionParentId: slot ? slot.id : site.id,
      fqdns: siteFqdns(site.name, slotName),
      requiredMemberName: groupId,
      approvalAction: SITE_APPROVAL_ACTION,
      limitKey: "microsoft.web/sites",
    };
  }
  if (type === "microsoft.network/privatelinkservices") {
    const pls = world.get(privateLinkServiceId, "privateLinkService");
    if (!pls) throw notFound();
    return {
      kind: "pls",
      pls,
      connectionParentId: pls.id,
      fqdns: [...pls.fqdns],
      requiredMemberName: "",
      approvalAction: PLS_APPROVAL_ACTION,
      limitKey: "microsoft.network/privatelinkservices",
    };
  }
  if (world.any(privateLinkServiceId)) {
    throw new ArmError(
      400,
      "InvalidPrivateLinkServiceId",
      `Resource ${privateLinkServiceId} does not support private endpoint connections in the local ARM.`,
    );
  }
  throw notFound();
}

/** What the consumer's private endpoint shows for a connection. */
export function consumerState(link: ConnectionLink): { status: ConnectionStatus; description: string; actionsRequired: string } {
  if (link.providerDeleted) return { status: "Disconnected", description: link.description, actionsRequired: "None" };
  if (link.status === "Pending") return { status: "Pending", description: "Awaiting approval", actionsRequired: "None" };
  return { status: link.status, description: link.description, actionsRequired: link.actionsRequired || "None" };
}

/**
 * Connections the provider sees on a site, slot or Private Link Service. `slotListing` says where a
 * slot's connections are listed (protocol/behaviour.ts): under the slot, or under the parent site.
 */
export function providerLinks(world: World, connectionParentId: string, slotListing: SlotConnectionListing = "slot"): ConnectionLink[] {
  return world
    .allLinks()
    .filter((l) => l.visible && !l.providerDeleted && sameId(providerParentOf(world, l, slotListing), connectionParentId))
    .sort((a, b) => a.providerConnectionName.localeCompare(b.providerConnectionName));
}

export function providerParentOf(world: World, link: ConnectionLink, slotListing: SlotConnectionListing = "slot"): string {
  if (!link.slotName || slotListing === "site") return link.targetId;
  const slot = world
    .list("site")
    .find((s) => s.parentSiteId && sameId(s.parentSiteId, link.targetId) && s.slotName === link.slotName);
  return slot ? slot.id : `${link.targetId}/slots/${link.slotName}`;
}

export function findProviderLink(
  world: World,
  connectionParentId: string,
  name: string,
  slotListing: SlotConnectionListing = "slot",
): ConnectionLink | undefined {
  return providerLinks(world, connectionParentId, slotListing).find((l) => l.providerConnectionName.toLowerCase() === name.toLowerCase());
}

export function linksOfEndpoint(world: World, privateEndpointId: string): ConnectionLink[] {
  return world.allLinks().filter((l) => sameId(l.privateEndpointId, privateEndpointId));
}

const STATUSES: Record<string, ConnectionStatus | "Removed"> = {
  approved: "Approved",
  rejected: "Rejected",
  pending: "Pending",
  disconnected: "Disconnected",
  removed: "Removed",
};

export type Decision = { status: ConnectionStatus; description: string; actionsRequired: string };

/**
 * Validates a provider's requested state against the current one and returns the new state.
 * Throws without changing anything when Azure would refuse.
 */
export function decide(
  link: ConnectionLink,
  requested: { status?: unknown; description?: unknown; actionsRequired?: unknown },
): Decision {
  if (typeof requested.status !== "string" || requested.status.trim() === "") {
    throw Errors.badRequest("The property 'properties.privateLinkServiceConnectionState.status' is required.");
  }
  const status = STATUSES[requested.status.trim().toLowerCase()];
  if (!status) {
    throw Errors.badRequest(
      `The private link service connection status '${requested.status}' is invalid. Valid values are 'Approved' and 'Rejected'.`,
    );
  }
  const description =
    typeof requested.description === "string" ? requested.description : status === link.status ? link.description : "";
  const actionsRequired = typeof requested.actionsRequired === "string" ? requested.actionsRequired : link.actionsRequired;

  if (status === "Disconnected" || status === "Removed") {
    throw Errors.badRequest(
      `A private endpoint connection cannot be set to '${requested.status}'. Delete the connection to disconnect the private endpoint.`,
    );
  }
  if (status === "Pending") {
    if (link.status === "Pending") return { status, description: link.description, actionsRequired };
    throw Errors.badRequest(`The private endpoint connection is '${link.status}' and cannot be set back to 'Pending'.`);
  }
  if (link.status === "Rejected" && status === "Approved") {
    throw Errors.badRequest("Approving rejected private endpoint connections is not supported. The consumer must create a new private endpoint.");
  }
  return { status, description, actionsRequired };
}


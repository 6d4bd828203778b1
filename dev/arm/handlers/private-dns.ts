/**
 * Microsoft.Network/privateDnsZones (api 2020-06-01 / 2024-06-01): zones, record sets and virtual
 * network links, for a consumer's DNS setup after approval. Zone and link PUT/PATCH/DELETE are
 * long-running (202 + Location + Azure-AsyncOperation + Retry-After, as the examples show); record
 * sets are synchronous. If-Match / If-None-Match are honoured on all three. A new zone gets its SOA
 * record set "@", as in Azure.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ArmError, Errors } from "../http/errors";
import type { Ctx, Reply, Route } from "../http/router";
import { idKey, parseResourceId, sameId } from "../world/ids";
import { parseIpv4 } from "../world/ip";
import type { PrivateDnsZoneRecord, RecordSetRecord, VirtualNetworkLinkRecord } from "../world/model";
import type { World } from "../world/store";
import {
  anotherOperationInProgress,
  beginOperation,
  checkPreconditions,
  emitChange,
  isObject,
  newEtag,
  noContent,
  ok,
  paged,
  tagsOf,
} from "./common";

const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network";
const ZONE = "Microsoft.Network/privateDnsZones";
const LINK = `${ZONE}/virtualNetworkLinks`;

const RECORD_FIELDS: Record<string, string> = {
  A: "aRecords",
  AAAA: "aaaaRecords",
  CNAME: "cnameRecord",
  MX: "mxRecords",
  PTR: "ptrRecords",
  SOA: "soaRecord",
  SRV: "srvRecords",
  TXT: "txtRecords",
};

const DEFAULT_SOA = {
  host: "azureprivatedns.net",
  email: "azureprivatedns-host.microsoft.com",
  serialNumber: 1,
  refreshTime: 3600,
  retryTime: 300,
  expireTime: 2419200,
  minimumTtl: 10,
};

// ------------------------------------------------------------------ rendering

function zoneIdOf(p: Ctx["params"]): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/${ZONE}/${p.privateZoneName?.toLowerCase()}`;
}

function recordSetsOf(world: World, zoneId: string): RecordSetRecord[] {
  return world.list("recordSet", zoneId).filter((r) => sameId(r.zoneId, zoneId));
}

function linksOf(world: World, zoneId: string): VirtualNetworkLinkRecord[] {
  return world.list("virtualNetworkLink", zoneId).filter((l) => sameId(l.zoneId, zoneId));
}

export function renderZone(world: World, zone: PrivateDnsZoneRecord): Record<string, unknown> {
  const links = linksOf(world, zone.id);
  return {
    id: zone.id,
    name: zone.name,
    type: ZONE,
    etag: zone.etag,
    location: "global",
    tags: zone.tags ?? {},
    properties: {
      maxNumberOfRecordSets: 25000,
      numberOfRecordSets: recordSetsOf(world, zone.id).length,
      maxNumberOfVirtualNetworkLinks: 1000,
      numberOfVirtualNetworkLinks: links.length,
      maxNumberOfVirtualNetworkLinksWithRegistration: 100,
      numberOfVirtualNetworkLinksWithRegistration: links.filter((l) => l.registrationEnabled).length,
      provisioningState: zone.provisioningState,
      internalId: zone.internalId,
    },
  };
}

export function renderRecordSet(zoneName: string, r: RecordSetRecord): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    type: `${ZONE}/${r.recordType}`,
    etag: r.etag,
    properties: {
      ...(r.metadata ? { metadata: r.metadata } : {}),
      ttl: r.ttl,
      fqdn: r.name === "@" ? `${zoneName}.` : `${r.name}.${zoneName}.`,
      isAutoRegistered: false,
      ...r.records,
    },
  };
}

export function renderLink(link: VirtualNetworkLinkRecord): Record<string, unknown> {
  return {
    id: link.id,
    name: link.name,
    type: LINK,
    etag: link.etag,
    location: "global",
    tags: link.tags ?? {},
    properties: {
      virtualNetwork: { id: link.virtualNetworkId },
      registrationEnabled: link.registrationEnabled,
      ...(link.resolutionPolicy ? { resolutionPolicy: link.resolutionPolicy } : {}),
      virtualNetworkLinkState: link.provisioningState === "Succeeded" ? "Completed" : "InProgress",
      provisioningState: link.provisioningState,
    },
  };
}

function zoneOr404(ctx: Ctx): PrivateDnsZoneRecord {
  const zone = ctx.svc.world.get(zoneIdOf(ctx.params), "privateDnsZone");
  if (!zone) throw Errors.resourceNotFound(ZONE, ctx.params.privateZoneName!, ctx.params.resourceGroupName!);
  return zone;
}

function parentZoneOr404(ctx: Ctx, op: "read" | "write" | "delete", childType: string): PrivateDnsZoneRecord {
  const zone = ctx.svc.world.get(zoneIdOf(ctx.params), "privateDnsZone");
  if (!zone) {
    throw new ArmError(
      404,
      "ParentResourceNotFound",
      `Failed to perform '${op}' on resource(s) of type '${childType}', because the parent resource '${zoneIdOf(ctx.params)}' could not be found.`, // (Azure)
    );
  }
  return zone;
}

function globalLocation(body: Record<string, unknown>, type: string): void {
  if (body.location === undefined || body.location === null || body.location === "") throw Errors.locationRequired();
  if (typeof body.location !== "string" || body.location.toLowerCase() !== "global") {
    throw Errors.locationNotAvailable(String(body.location), type, ["global"]);
  }
}

function lroHeaders(ctx: Ctx, op: ReturnType<typeof beginOperation>): Record<string, string> {
  return ctx.svc.lro.headers(ctx.svc.baseUrl, op, { asyncOperation: true, location: true });
}

function busy(state: string): boolean {
  return state === "Creating" || state === "Updating" || state === "Deleting";
}

// ------------------------------------------------------------------ zones

const ZONE_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

function putZone(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const name = ctx.params.privateZoneName!.toLowerCase();
  if (!ZONE_NAME.test(name)) throw Errors.badRequest(`The zone name '${ctx.params.privateZoneName}' is not a valid DNS name. It must have at least two labels.`);
  const body = ctx.body as Record<string, unknown>;
  globalLocation(body, ZONE);
  const id = zoneIdOf(ctx.params);
  const existing = world.get(id, "privateDnsZone");
  checkPreconditions(ctx, existing?.etag);
  if (existing && busy(existing.provisioningState)) throw anotherOperationInProgress(id);
  const zone: PrivateDnsZoneRecord =
    existing ??
    ({
      kind: "privateDnsZone",
      id,
      name,
      subscriptionId: ctx.params.subscriptionId!,
      resourceGroup: ctx.params.resourceGroupName!,
      location: "global",
      tags: {},
      etag: newEtag(),
      provisioningState: "Creating",
      resourceGuid: randomUUID(),
      internalId: Buffer.from(`${id}:${randomUUID()}`).toString("base64url").slice(0, 40),
    } satisfies PrivateDnsZoneRecord);
  world.mutate(() => {
    zone.tags = tagsOf(body) ?? zone.tags;
    zone.etag = newEtag();
    if (existing) zone.provisioningState = "Updating";
    else {
      world.put(zone);
      world.put({
        kind: "recordSet",
        id: `${id}/SOA/@`,
        zoneId: id,
        subscriptionId: zone.subscriptionId,
        resourceGroup: zone.resourceGroup,
        recordType: "SOA",
        name: "@",
        etag: newEtag(),
        ttl: 3600,
        records: { soaRecord: { ...DEFAULT_SOA } },
      });
    }
  });
  const op = beginOperation(ctx, {
    family: "privatedns",
    method: "PUT",
    resourceId: id,
    location: "global",
    apply: () => world.mutate(() => (zone.provisioningState = "Succeeded")),
    fail: () => world.mutate(() => (zone.provisioningState = "Failed")),
    finalReply: () => ok(renderZone(world, zone)),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "write", id, `${ZONE}/write`),
  });
  return { status: 202, headers: lroHeaders(ctx, op) };
}

function patchZone(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const zone = zoneOr404(ctx);
  checkPreconditions(ctx, zone.etag);
  if (busy(zone.provisioningState)) throw anotherOperationInProgress(zone.id);
  const body = ctx.body as Record<string, unknown>;
  world.mutate(() => {
    zone.tags = tagsOf(body) ?? zone.tags;
    zone.etag = newEtag();
    zone.provisioningState = "Updating";
  });
  const op = beginOperation(ctx, {
    family: "privatedns",
    method: "PATCH",
    resourceId: zone.id,
    location: "global",
    apply: () => world.mutate(() => (zone.provisioningState = "Succeeded")),
    fail: () => world.mutate(() => (zone.provisioningState = "Failed")),
    finalReply: () => ok(renderZone(world, zone)),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "write", zone.id, `${ZONE}/write`),
  });
  return { status: 202, headers: lroHeaders(ctx, op) };
}

function deleteZone(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const zone = world.get(zoneIdOf(ctx.params), "privateDnsZone");
  checkPreconditions(ctx, zone?.etag);
  if (!zone) return noContent();
  if (busy(zone.provisioningState)) throw anotherOperationInProgress(zone.id);
  if (linksOf(world, zone.id).length > 0) {
    throw Errors.conflict(
      "Conflict",
      `The Private DNS zone '${zone.name}' cannot be deleted because it has virtual network links. Delete the links first.`,
    );
  }
  world.mutate(() => (zone.provisioningState = "Deleting"));
  const op = beginOperation(ctx, {
    family: "privatedns",
    method: "DELETE",
    resourceId: zone.id,
    location: "global",
    apply: () =>
      world.mutate(() => {
        for (const r of recordSetsOf(world, zone.id)) world.remove(r.id);
        world.remove(zone.id);
      }),
    fail: () => world.mutate(() => (zone.provisioningState = "Failed")),
    finalReply: () => ({ status: 204 }),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "delete", zone.id, `${ZONE}/delete`),
  });
  return { status: 202, headers: lroHeaders(ctx, op) };
}

// ------------------------------------------------------------------ record sets

function recordTypeOf(ctx: Ctx): string {
  const t = ctx.params.recordType!.toUpperCase();
  if (!RECORD_FIELDS[t]) throw Errors.badRequest(`The record type '${ctx.params.recordType}' is not supported. Supported types are ${Object.keys(RECORD_FIELDS).join(", ")}.`);
  return t;
}

function recordNotFound(ctx: Ctx): ArmError {
  return new ArmError(
    404,
    "NotFound",
    `The resource record '${ctx.params.relativeRecordSetName}' does not exist in resource group '${ctx.params.resourceGroupName}' of subscription '${ctx.params.subscriptionId}'.`, // (Azure)
  );
}

const RecordProps = z
  .object({
    ttl: z.number().int().min(0).optional(),
    metadata: z.record(z.string(), z.string()).optional(),
  })
  .passthrough();

/** Checks the type-specific record field and returns it (missing → empty for list types). */
function recordsFrom(type: string, props: Record<string, unknown>): Record<string, unknown> {
  const field = RECORD_FIELDS[type]!;
  for (const [t, f] of Object.entries(RECORD_FIELDS)) {
    if (t !== type && props[f] !== undefined) {
      throw Errors.badRequest(`The property '${f}' is not allowed on a record set of type ${type}.`);
    }
  }
  const value = props[field];
  if (type === "CNAME" || type === "SOA") {
    if (value === undefined) return {};
    if (!isObject(value)) throw Errors.badRequest(`The property '${field}' must be an object.`);
    return { [field]: value };
  }
  if (value === undefined) return { [field]: [] };
  if (!Array.isArray(value)) throw Errors.badRequest(`The property '${field}' must be an array.`);
  if (type === "A") {
    for (const r of value) {
      const ip = isObject(r) ? r.ipv4Address : undefined;
      if (typeof ip !== "string" || parseIpv4(ip) === undefined) {
        throw Errors.badRequest(`The value '${String(ip)}' of 'ipv4Address' is not a valid IPv4 address.`);
      }
    }
  }
  return { [field]: value };
}

function putRecordSet(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const type = recordTypeOf(ctx);
  const zone = parentZoneOr404(ctx, "write", `privateDnsZones/${type}`);
  const name = ctx.params.relativeRecordSetName!.toLowerCase();
  const id = `${zone.id}/${type}/${name}`;
  const existing = world.get(id, "recordSet");
  checkPreconditions(ctx, existing?.etag);
  const body = ctx.body as Record<string, unknown>;
  const propsParsed = RecordProps.safeParse(body.properties ?? {});
  if (!propsParsed.success) throw Errors.badRequest(`The record set properties are invalid: ${propsParsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}.`);
  const props = propsParsed.data as Record<string, unknown>;
  if (type === "SOA" && (name !== "@" || !existing)) throw Errors.badRequest("SOA record sets can only be updated, and only at the zone apex '@'.");
  if (type === "CNAME" && name === "@") throw Errors.badRequest("A CNAME record set cannot be created at the zone apex '@'.");
  const records = recordsFrom(type, props);
  const record: RecordSetRecord = {
    kind: "recordSet",
    id: existing?.id ?? id,
    zoneId: zone.id,
    subscriptionId: zone.subscriptionId,
    resourceGroup: zone.resourceGroup,
    recordType: type,
    name,
    etag: newEtag(),
    ttl: typeof props.ttl === "number" ? props.ttl : (existing?.ttl ?? 3600),
    metadata: (props.metadata as Record<string, string> | undefined) ?? undefined,
    records: type === "SOA" ? { soaRecord: { ...DEFAULT_SOA, ...(existing?.records.soaRecord as object), ...(records.soaRecord as object) } } : records,
  };
  world.mutate(() => world.put(record));
  emitChange(ctx, "write", record.id, `${ZONE}/${type}/write`);
  return ok(renderRecordSet(zone.name, record), existing ? 200 : 201, { ETag: record.etag });
}

function patchRecordSet(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const type = recordTypeOf(ctx);
  const zone = parentZoneOr404(ctx, "write", `privateDnsZones/${type}`);
  const existing = world.get(`${zone.id}/${type}/${ctx.params.relativeRecordSetName!.toLowerCase()}`, "recordSet");
  if (!existing) throw recordNotFound(ctx);
  checkPreconditions(ctx, existing.etag);
  const body = ctx.body as Record<string, unknown>;
  const props = isObject(body.properties) ? body.properties : {};
  const field = RECORD_FIELDS[type]!;
  const records = props[field] !== undefined ? recordsFrom(type, props) : existing.records;
  world.mutate(() => {
    if (typeof props.ttl === "number") existing.ttl = props.ttl;
    if (isObject(props.metadata)) existing.metadata = props.metadata as Record<string, string>;
    existing.records = type === "SOA" ? { soaRecord: { ...(existing.records.soaRecord as object), ...(records.soaRecord as object) } } : records;
    existing.etag = newEtag();
  });
  emitChange(ctx, "write", existing.id, `${ZONE}/${type}/write`);
  return ok(renderRecordSet(zone.name, existing), 200, { ETag: existing.etag });
}

function deleteRecordSet(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const type = recordTypeOf(ctx);
  const zone = parentZoneOr404(ctx, "delete", `privateDnsZones/${type}`);
  const name = ctx.params.relativeRecordSetName!.toLowerCase();
  if (type === "SOA") throw Errors.badRequest("The SOA record set cannot be deleted.");
  const existing = world.get(`${zone.id}/${type}/${name}`, "recordSet");
  checkPreconditions(ctx, existing?.etag);
  if (!existing) return noContent();
  world.mutate(() => world.remove(existing.id));
  emitChange(ctx, "delete", existing.id, `${ZONE}/${type}/delete`);
  return { status: 200 };
}

// ------------------------------------------------------------------ virtual network links

const LinkBody = z.object({
  location: z.unknown().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  properties: z.object(
    {
      virtualNetwork: z.object({ id: z.string() }, { error: "properties.virtualNetwork.id is required" }),
      registrationEnabled: z.boolean().optional(),
      resolutionPolicy: z.enum(["Default", "NxDomainRedirect"]).optional(),
    },
    { error: "properties is required" },
  ),
});

function linkIdOf(zone: PrivateDnsZoneRecord, name: string): string {
  return `${zone.id}/virtualNetworkLinks/${name}`;
}

function putLink(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const zone = parentZoneOr404(ctx, "write", "privateDnsZones/virtualNetworkLinks");
  const name = ctx.params.virtualNetworkLinkName!;
  const id = linkIdOf(zone, name);
  const existing = world.get(id, "virtualNetworkLink");
  checkPreconditions(ctx, existing?.etag);
  const parsed = LinkBody.safeParse(ctx.body);
  if (!parsed.success) throw Errors.badRequest(`The request body is invalid: ${parsed.error.issues.map((i) => i.message).join("; ")}.`);
  const body = parsed.data;
  globalLocation(body as Record<string, unknown>, LINK);
  const vnetId = body.properties.virtualNetwork.id;
  const parsedVnet = parseResourceId(vnetId);
  if (!parsedVnet || parsedVnet.fullType?.toLowerCase() !== "microsoft.network/virtualnetworks") {
    throw Errors.linkedInvalidPropertyId(vnetId, "properties.virtualNetwork.id");
  }
  const join = "Microsoft.Network/virtualNetworks/join/action";
  if (!ctx.svc.rbac.can(ctx.principal.oid, join, vnetId)) {
    throw Errors.linkedAuthorizationFailed(ctx.principal.client, ctx.principal.oid, `${LINK}/write`, id, join, vnetId);
  }
  const vnet = world.get(vnetId, "virtualNetwork");
  if (!vnet) throw Errors.badRequest(`The virtual network '${vnetId}' could not be found.`);
  if (existing && busy(existing.provisioningState)) throw anotherOperationInProgress(id);
  if (existing && !sameId(existing.virtualNetworkId, vnetId)) {
    throw Errors.badRequest("The virtual network of an existing virtual network link cannot be changed.");
  }
  const duplicate = linksOf(world, zone.id).find((l) => sameId(l.virtualNetworkId, vnetId) && idKey(l.id) !== idKey(id));
  if (duplicate) {
    throw Errors.conflict("Conflict", `The virtual network '${vnetId}' is already linked to the Private DNS zone '${zone.name}' by link '${duplicate.name}'.`);
  }
  const link: VirtualNetworkLinkRecord =
    existing ??
    ({
      kind: "virtualNetworkLink",
      id,
      name,
      zoneId: zone.id,
      subscriptionId: zone.subscriptionId,
      resourceGroup: zone.resourceGroup,
      location: "global",
      tags: {},
      etag: newEtag(),
      provisioningState: "Creating",
      resourceGuid: randomUUID(),
      virtualNetworkId: vnet.id,
      registrationEnabled: false,
    } satisfies VirtualNetworkLinkRecord);
  world.mutate(() => {
    link.tags = body.tags ?? link.tags;
    link.registrationEnabled = body.properties.registrationEnabled ?? false;
    link.resolutionPolicy = body.properties.resolutionPolicy;
    link.etag = newEtag();
    if (existing) link.provisioningState = "Updating";
    else world.put(link);
  });
  const op = beginOperation(ctx, {
    family: "privatedns",
    method: "PUT",
    resourceId: id,
    location: "global",
    apply: () => world.mutate(() => (link.provisioningState = "Succeeded")),
    fail: () => world.mutate(() => (link.provisioningState = "Failed")),
    finalReply: () => ok(renderLink(link)),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "write", id, `${LINK}/write`),
  });
  return { status: 202, headers: lroHeaders(ctx, op) };
}

function patchLink(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const zone = parentZoneOr404(ctx, "write", "privateDnsZones/virtualNetworkLinks");
  const link = world.get(linkIdOf(zone, ctx.params.virtualNetworkLinkName!), "virtualNetworkLink");
  if (!link) throw Errors.resourceNotFound(LINK, `${zone.name}/${ctx.params.virtualNetworkLinkName}`, ctx.params.resourceGroupName!);
  checkPreconditions(ctx, link.etag);
  if (busy(link.provisioningState)) throw anotherOperationInProgress(link.id);
  const body = ctx.body as Record<string, unknown>;
  const props = isObject(body.properties) ? body.properties : {};
  if (props.registrationEnabled !== undefined && typeof props.registrationEnabled !== "boolean") {
    throw Errors.badRequest("The property 'registrationEnabled' must be a boolean.");
  }
  world.mutate(() => {
    link.tags = tagsOf(body) ?? link.tags;
    if (typeof props.registrationEnabled === "boolean") link.registrationEnabled = props.registrationEnabled;
    link.etag = newEtag();
    link.provisioningState = "Updating";
  });
  const op = beginOperation(ctx, {
    family: "privatedns",
    method: "PATCH",
    resourceId: link.id,
    location: "global",
    apply: () => world.mutate(() => (link.provisioningState = "Succeeded")),
    fail: () => world.mutate(() => (link.provisioningState = "Failed")),
    finalReply: () => ok(renderLink(link)),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "write", link.id, `${LINK}/write`),
  });
  return { status: 202, headers: lroHeaders(ctx, op) };
}

function deleteLink(ctx: Ctx): Reply {
  const { world } = ctx.svc;
  const zone = parentZoneOr404(ctx, "delete", "privateDnsZones/virtualNetworkLinks");
  const link = world.get(linkIdOf(zone, ctx.params.virtualNetworkLinkName!), "virtualNetworkLink");
  checkPreconditions(ctx, link?.etag);
  if (!link) return noContent();
  if (busy(link.provisioningState)) throw anotherOperationInProgress(link.id);
  world.mutate(() => (link.provisioningState = "Deleting"));
  const op = beginOperation(ctx, {
    family: "privatedns",
    method: "DELETE",
    resourceId: link.id,
    location: "global",
    apply: () => world.mutate(() => world.remove(link.id)),
    fail: () => world.mutate(() => (link.provisioningState = "Failed")),
    finalReply: () => ({ status: 204 }),
    onDone: (o) => o.status === "Succeeded" && emitChange(ctx, "delete", link.id, `${LINK}/delete`),
  });
  return { status: 202, headers: lroHeaders(ctx, op) };
}

// ------------------------------------------------------------------ routes

const recordAction = (verb: string) => (p: Ctx["params"]) => `${ZONE}/${(p.recordType ?? "").toUpperCase()}/${verb}`;

export const privateDnsRoutes: Route[] = [
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers/Microsoft.Network/privateDnsZones",
    operationId: "PrivateZones_List",
    family: "privatedns",
    type: ZONE,
    action: `${ZONE}/read`,
    handle: (ctx) => {
      const w = ctx.svc.world;
      return paged(ctx, w.list("privateDnsZone", `/subscriptions/${ctx.params.subscriptionId}`).map((z) => renderZone(w, z)));
    },
  },
  {
    method: "GET",
    template: `${RG}/privateDnsZones`,
    operationId: "PrivateZones_ListByResourceGroup",
    family: "privatedns",
    type: ZONE,
    action: `${ZONE}/read`,
    handle: (ctx) => {
      const w = ctx.svc.world;
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
      return paged(ctx, w.list("privateDnsZone", scope).map((z) => renderZone(w, z)));
    },
  },
  {
    method: "GET",
    template: `${RG}/privateDnsZones/{privateZoneName}`,
    operationId: "PrivateZones_Get",
    family: "privatedns",
    type: ZONE,
    action: `${ZONE}/read`,
    handle: (ctx) => {
      const zone = zoneOr404(ctx);
      return ok(renderZone(ctx.svc.world, zone), 200, { ETag: zone.etag });
    },
  },
  {
    method: "PUT",
    template: `${RG}/privateDnsZones/{privateZoneName}`,
    operationId: "PrivateZones_CreateOrUpdate",
    family: "privatedns",
    type: ZONE,
    action: `${ZONE}/write`,
    namespace: "Microsoft.Network",
    bodyErrors: "privatedns",
    validateBody: true,
    handle: putZone,
  },
  {
    method: "PATCH",
    template: `${RG}/privateDnsZones/{privateZoneName}`,
    operationId: "PrivateZones_Update",
    family: "privatedns",
    type: ZONE,
    action: `${ZONE}/write`,
    namespace: "Microsoft.Network",
    bodyErrors: "privatedns",
    validateBody: true,
    handle: patchZone,
  },
  {
    method: "DELETE",
    template: `${RG}/privateDnsZones/{privateZoneName}`,
    operationId: "PrivateZones_Delete",
    family: "privatedns",
    type: ZONE,
    action: `${ZONE}/delete`,
    namespace: "Microsoft.Network",
    handle: deleteZone,
  },
  // Literal child paths before the {recordType} ones that would also match.
  {
    method: "GET",
    template: `${RG}/privateDnsZones/{privateZoneName}/virtualNetworkLinks`,
    operationId: "VirtualNetworkLinks_List",
    family: "privatedns",
    type: LINK,
    action: `${LINK}/read`,
    handle: (ctx) => {
      const zone = parentZoneOr404(ctx, "read", "privateDnsZones/virtualNetworkLinks");
      return paged(ctx, linksOf(ctx.svc.world, zone.id).map(renderLink));
    },
  },
  {
    method: "GET",
    template: `${RG}/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}`,
    operationId: "VirtualNetworkLinks_Get",
    family: "privatedns",
    type: LINK,
    action: `${LINK}/read`,
    handle: (ctx) => {
      const zone = parentZoneOr404(ctx, "read", "privateDnsZones/virtualNetworkLinks");
      const link = ctx.svc.world.get(linkIdOf(zone, ctx.params.virtualNetworkLinkName!), "virtualNetworkLink");
      if (!link) throw Errors.resourceNotFound(LINK, `${zone.name}/${ctx.params.virtualNetworkLinkName}`, ctx.params.resourceGroupName!);
      return ok(renderLink(link), 200, { ETag: link.etag });
    },
  },
  {
    method: "PUT",
    template: `${RG}/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}`,
    operationId: "VirtualNetworkLinks_CreateOrUpdate",
    family: "privatedns",
    type: LINK,
    action: `${LINK}/write`,
    namespace: "Microsoft.Network",
    bodyErrors: "privatedns",
    validateBody: true,
    handle: putLink,
  },
  {
    method: "PATCH",
    template: `${RG}/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}`,
    operationId: "VirtualNetworkLinks_Update",
    family: "privatedns",
    type: LINK,
    action: `${LINK}/write`,
    namespace: "Microsoft.Network",
    bodyErrors: "privatedns",
    validateBody: true,
    handle: patchLink,
  },
  {
    method: "DELETE",
    template: `${RG}/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}`,
    operationId: "VirtualNetworkLinks_Delete",
    family: "privatedns",
    type: LINK,
    action: `${LINK}/delete`,
    namespace: "Microsoft.Network",
    handle: deleteLink,
  },
  {
    method: "GET",
    template: `${RG}/privateDnsZones/{privateZoneName}/aLL`,
    operationId: "RecordSets_List",
    family: "privatedns",
    type: `${ZONE}/ALL`,
    action: `${ZONE}/ALL/read`,
    handle: (ctx) => {
      const zone = parentZoneOr404(ctx, "read", "privateDnsZones/ALL");
      return paged(ctx, recordSetsOf(ctx.svc.world, zone.id).map((r) => renderRecordSet(zone.name, r)));
    },
  },
  {
    method: "GET",
    template: `${RG}/privateDnsZones/{privateZoneName}/{recordType}`,
    operationId: "RecordSets_ListByType",
    family: "privatedns",
    type: `${ZONE}/recordSets`,
    action: recordAction("read"),
    handle: (ctx) => {
      const type = recordTypeOf(ctx);
      const zone = parentZoneOr404(ctx, "read", `privateDnsZones/${type}`);
      return paged(
        ctx,
        recordSetsOf(ctx.svc.world, zone.id)
          .filter((r) => r.recordType === type)
          .map((r) => renderRecordSet(zone.name, r)),
      );
    },
  },
  {
    method: "GET",
    template: `${RG}/privateDnsZones/{privateZoneName}/{recordType}/{relativeRecordSetName}`,
    operationId: "RecordSets_Get",
    family: "privatedns",
    type: `${ZONE}/recordSets`,
    action: recordAction("read"),
    handle: (ctx) => {
      const type = recordTypeOf(ctx);
      const zone = parentZoneOr404(ctx, "read", `privateDnsZones/${type}`);
      const r = ctx.svc.world.get(`${zone.id}/${type}/${ctx.params.relativeRecordSetName!.toLowerCase()}`, "recordSet");
      if (!r) throw recordNotFound(ctx);
      return ok(renderRecordSet(zone.name, r), 200, { ETag: r.etag });
    },
  },
  {
    method: "PUT",
    template: `${RG}/privateDnsZones/{privateZoneName}/{recordType}/{relativeRecordSetName}`,
    operationId: "RecordSets_CreateOrUpdate",
    family: "privatedns",
    type: `${ZONE}/recordSets`,
    action: recordAction("write"),
    namespace: "Microsoft.Network",
    bodyErrors: "privatedns",
    validateBody: true,
    handle: putRecordSet,
  },
  {
    method: "PATCH",
    template: `${RG}/privateDnsZones/{privateZoneName}/{recordType}/{relativeRecordSetName}`,
    operationId: "RecordSets_Update",
    family: "privatedns",
    type: `${ZONE}/recordSets`,
    action: recordAction("write"),
    namespace: "Microsoft.Network",
    bodyErrors: "privatedns",
    validateBody: true,
    handle: patchRecordSet,
  },
  {
    method: "DELETE",
    template: `${RG}/privateDnsZones/{privateZoneName}/{recordType}/{relativeRecordSetName}`,
    operationId: "RecordSets_Delete",
    family: "privatedns",
    type: `${ZONE}/recordSets`,
    action: recordAction("delete"),
    namespace: "Microsoft.Network",
    handle: deleteRecordSet,
  },
];
